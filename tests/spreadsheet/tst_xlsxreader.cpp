#include "SheetJson.h"
#include "SheetReader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <xlsxwriter.h>
#include <zip.h>

using namespace backoffice::spreadsheet;

// Declared before the XML fixtures below: moc loses track of the file in some of their raw strings.
class XlsxReaderTest final : public QObject
{
    Q_OBJECT

private slots:
    void values();
    void sheets();
    void missingSheet();
    void formulaRefused_data();
    void formulaRefused();
    void handMadeParts();
    void date1904();
    void damaged_data();
    void damaged();
    void notAWorkbook_data();
    void notAWorkbook();
    void zipBomb();
    void limits();
    void cancel();
    void hundredThousandRows_data();
    void hundredThousandRows();
};

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

// An XLSX file written by libxlsxwriter, as bytes.
QByteArray writeWorkbook(const std::function<void(lxw_workbook *)> &build, bool constantMemory = false)
{
    QTemporaryDir dir;
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("book.xlsx")));
    lxw_workbook_options options {};
    options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook *workbook = workbook_new_opt(path.constData(), &options);
    if (!workbook)
        qFatal("libxlsxwriter cannot create a workbook");
    build(workbook);
    if (workbook_close(workbook) != LXW_NO_ERROR)
        qFatal("libxlsxwriter cannot write the workbook");
    return readFile(QString::fromLocal8Bit(path));
}

// A ZIP package made part by part, for XLSX content libxlsxwriter never writes.
QByteArray zipPackage(const QList<QPair<QString, QByteArray>> &parts)
{
    QTemporaryDir dir;
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("package.zip")));
    int error = 0;
    zip_t *archive = zip_open(path.constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive)
        qFatal("libzip cannot create an archive (%d)", error);
    for (const auto &[name, content] : parts) { // `parts` outlives zip_close, which reads the buffers
        zip_source_t *source = zip_source_buffer(archive, content.constData(), zip_uint64_t(content.size()), 0);
        if (!source || zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0)
            qFatal("libzip cannot add %s", qPrintable(name));
    }
    if (zip_close(archive) != 0)
        qFatal("libzip cannot write the archive");
    return readFile(QString::fromLocal8Bit(path));
}

const QByteArray WorkbookRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.com/" TargetMode="External"/>
</Relationships>)";

QByteArray workbookXml(bool date1904)
{
    return QByteArray(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr date1904=")")
        + (date1904 ? "1" : "0") + R"("/>
<sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="2" r:id="rId2"/></sheets>
</workbook>)";
}

const QByteArray SharedStrings = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>Country</t></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">Rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>
<si><t>line_x000D_break and _x005F_x0041_</t></si>
</sst>)";

const QByteArray Styles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/>
<numFmt numFmtId="166" formatCode="&quot;days&quot; 0.00;[Red]-0.00"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="166"/></cellXfs>
</styleSheet>)";

// A package with the given sheetData (rows) around shared strings, styles and a chart sheet.
QByteArray handMadePackage(const QByteArray &sheetData, bool date1904 = false)
{
    const QByteArray sheet = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:Z9"/>
<sheetData>)"
        + sheetData + R"(</sheetData><mergeCells count="0"/></worksheet>)";
    return zipPackage({{QStringLiteral("[Content_Types].xml"), "<Types/>"},
                       {QStringLiteral("xl/workbook.xml"), workbookXml(date1904)},
                       {QStringLiteral("xl/_rels/workbook.xml.rels"), WorkbookRels},
                       {QStringLiteral("xl/worksheets/data.xml"), sheet},
                       {QStringLiteral("xl/chartsheets/sheet1.xml"), "<chartsheet/>"},
                       {QStringLiteral("xl/sharedStrings.xml"), SharedStrings},
                       {QStringLiteral("xl/styles.xml"), Styles}});
}

std::variant<Sheet, ReadError> readXlsx(const QByteArray &data, const ReadOptions &options = {})
{
    return readSheet(data, SheetFormat::Xlsx, options);
}

ReadError expectError(const std::variant<Sheet, ReadError> &result)
{
    if (const auto *sheet = std::get_if<Sheet>(&result)) {
        qWarning("read a sheet instead of failing: %s", qPrintable(rowsJson(sheet->rows)));
        return {};
    }
    return std::get<ReadError>(result);
}

// The sheet of a libxlsxwriter workbook: rates, dates, booleans, rich text, blank cells and gaps.
void buildRates(lxw_workbook *workbook)
{
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Rates");
    lxw_format *isoDate = workbook_add_format(workbook);
    format_set_num_format(isoDate, "yyyy-mm-dd");
    lxw_format *builtInDate = workbook_add_format(workbook);
    format_set_num_format_index(builtInDate, 14);
    lxw_format *dateTime = workbook_add_format(workbook);
    format_set_num_format(dateTime, "yyyy-mm-dd hh:mm:ss");
    lxw_format *time = workbook_add_format(workbook);
    format_set_num_format(time, "hh:mm:ss");
    lxw_format *money = workbook_add_format(workbook);
    format_set_num_format(money, "#,##0.0000 [$EUR]");
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);

    worksheet_write_string(sheet, 0, 0, "Country", nullptr);
    worksheet_write_string(sheet, 0, 1, "Rate", nullptr);
    worksheet_write_string(sheet, 0, 2, "Effective", nullptr);
    worksheet_write_string(sheet, 0, 3, "Active", nullptr);
    worksheet_write_string(sheet, 0, 5, "Note", nullptr); // E1 stays blank
    worksheet_write_string(sheet, 1, 0, "Germany", nullptr);
    worksheet_write_number(sheet, 1, 1, 0.0045, money);
    lxw_datetime march {2024, 3, 1, 0, 0, 0};
    worksheet_write_datetime(sheet, 1, 2, &march, isoDate);
    worksheet_write_boolean(sheet, 1, 3, 1, nullptr);
    worksheet_write_string(sheet, 1, 5, "Z\xC3\xBCrich \xE2\x82\xAC", nullptr);
    worksheet_write_string(sheet, 2, 0, "France", nullptr);
    worksheet_write_number(sheet, 2, 1, 0.00421, nullptr);
    lxw_datetime april {2024, 4, 15, 0, 0, 0};
    worksheet_write_datetime(sheet, 2, 2, &april, builtInDate);
    worksheet_write_boolean(sheet, 2, 3, 0, nullptr);
    worksheet_write_blank(sheet, 2, 4, bold); // formatted but empty: not a value
    worksheet_write_string(sheet, 3, 0, "Bulk", nullptr);
    worksheet_write_number(sheet, 3, 1, 1000, nullptr);
    lxw_datetime morning {2024, 3, 1, 8, 30, 0};
    worksheet_write_datetime(sheet, 3, 2, &morning, dateTime);
    worksheet_write_number(sheet, 4, 1, -0.25, nullptr);
    lxw_datetime halfPastEight {0, 0, 0, 8, 30, 0};
    worksheet_write_datetime(sheet, 4, 2, &halfPastEight, time);
    lxw_rich_string_tuple plain {nullptr, const_cast<char *>("Rich ")};
    lxw_rich_string_tuple strong {bold, const_cast<char *>("text")};
    lxw_rich_string_tuple *rich[] = {&plain, &strong, nullptr};
    worksheet_write_rich_string(sheet, 5, 0, rich, nullptr);
    // Row 7 is left out entirely.
    worksheet_write_string(sheet, 7, 0, "after the gap", nullptr);
    worksheet_write_number(sheet, 7, 2, 1e-7, nullptr);
    worksheet_write_number(sheet, 7, 3, 123456789012345.0, nullptr);
}

} // namespace

void XlsxReaderTest::values()
{
    const QByteArray data = writeWorkbook(buildRates);
    QCOMPARE(detectFormat(data.left(512), QStringLiteral("rates.csv")), SheetFormat::Xlsx);
    const auto result = readXlsx(data);
    if (const auto *error = std::get_if<ReadError>(&result))
        QFAIL(qPrintable(error->message));
    const Sheet &sheet = std::get<Sheet>(result);
    QCOMPARE(sheet.name, QStringLiteral("Rates"));
    const QString expected = normalisedJson(QString::fromUtf8(R"([
        ["Country", "Rate", "Effective", "Active", "", "Note"],
        ["Germany", "0.0045", "2024-03-01", "TRUE", "", "Zürich €"],
        ["France", "0.00421", "2024-04-15", "FALSE"],
        ["Bulk", "1000", "2024-03-01 08:30:00"],
        ["", "-0.25", "08:30:00"],
        ["Rich text"],
        [],
        ["after the gap", "", "0.0000001", "123456789012345"]
    ])"));
    QCOMPARE(rowsJson(sheet.rows), expected);
}

void XlsxReaderTest::sheets()
{
    const QByteArray data = writeWorkbook([](lxw_workbook *workbook) {
        for (const char *name : {"Rates", "Notes", "Sonderpreise \xC3\xA4"}) {
            lxw_worksheet *sheet = workbook_add_worksheet(workbook, name);
            worksheet_write_string(sheet, 0, 0, name, nullptr);
        }
    });
    const auto names = listSheets(data, SheetFormat::Xlsx);
    QVERIFY(std::holds_alternative<QStringList>(names));
    QCOMPARE(std::get<QStringList>(names),
             QStringList({QStringLiteral("Rates"), QStringLiteral("Notes"), QStringLiteral("Sonderpreise ä")}));

    ReadOptions options;
    const auto first = readXlsx(data, options);
    QCOMPARE(rowsJson(std::get<Sheet>(first).rows), QStringLiteral(R"([["Rates"]])"));
    options.sheetIndex = 2;
    const auto third = readXlsx(data, options);
    QCOMPARE(std::get<Sheet>(third).name, QStringLiteral("Sonderpreise ä"));
    QCOMPARE(rowsJson(std::get<Sheet>(third).rows), QString::fromUtf8(R"([["Sonderpreise ä"]])"));
    options.sheetName = QStringLiteral("NOTES");
    const auto byName = readXlsx(data, options);
    QCOMPARE(std::get<Sheet>(byName).name, QStringLiteral("Notes"));
    QCOMPARE(rowsJson(std::get<Sheet>(byName).rows), QStringLiteral(R"([["Notes"]])"));
}

void XlsxReaderTest::missingSheet()
{
    const QByteArray data = writeWorkbook([](lxw_workbook *workbook) { workbook_add_worksheet(workbook, "Rates"); });
    ReadOptions options;
    options.sheetName = QStringLiteral("Prices");
    QCOMPARE(expectError(readXlsx(data, options)).message,
             QStringLiteral("The workbook has no sheet named \u201cPrices\u201d; its sheets are: Rates"));
    options.sheetName.clear();
    options.sheetIndex = 1;
    QCOMPARE(expectError(readXlsx(data, options)).message,
             QStringLiteral("The workbook has no sheet number 2 (it has 1)"));
    // An empty sheet reads as no rows, not as an error.
    QCOMPARE(rowsJson(std::get<Sheet>(readXlsx(data)).rows), QStringLiteral("[]"));
}

void XlsxReaderTest::formulaRefused_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("libxlsxwriter formula")
        << writeWorkbook([](lxw_workbook *workbook) {
               lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Rates");
               worksheet_write_number(sheet, 2, 1, 0.0045, nullptr);
               worksheet_write_formula(sheet, 2, 2, "=B3*2", nullptr);
           })
        << qint64(3) << 3
        << QStringLiteral("Row 3, column C: the cell holds a formula (=B3*2); rate sheets must hold values — copy the "
                          "sheet and paste it as values");
    QTest::newRow("shared formula without text")
        << handMadePackage(R"(<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>)") << qint64(1) << 1
        << QStringLiteral("Row 1, column A: the cell holds a formula (=1+1); rate sheets");
    QTest::newRow("dependent cell of a shared formula")
        << handMadePackage(R"(<row r="2"><c r="A2"><v>1</v></c><c r="AB2"><f t="shared" si="0"/><v>2</v></c></row>)")
        << qint64(2) << 28
        << QStringLiteral("Row 2, column AB: the cell holds a formula; rate sheets must hold values");
}

void XlsxReaderTest::formulaRefused()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, row);
    QFETCH(int, column);
    QFETCH(QString, message);
    const ReadError error = expectError(readXlsx(data));
    QVERIFY2(error.message.startsWith(message), qPrintable(error.message));
    QCOMPARE(error.row, row);
    QCOMPARE(error.column, column);
}

void XlsxReaderTest::handMadeParts()
{
    const QByteArray data = handMadePackage(R"(
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
<row r="2"><c r="A2"><v>4.4999999999999997E-3</v></c><c r="B2"><v>0.0045000000000000005</v></c>
  <c r="C2" t="n"><v>4.2100000000000002E-3</v></c><c r="D2"><v>1.0E+3</v></c><c r="Z2" s="3"/></row>
<row><c t="inlineStr"><is><r><t>in</t></r><r><rPr><i/></rPr><t>line</t></r></is></c><c t="e"><v>#N/A</v></c>
  <c t="b"><v>1</v></c><c t="str"><v>cached text</v></c></row>
<row r="5"><c r="A5" s="1"><v>45352</v></c><c r="B5" s="2"><v>45352</v></c><c r="C5" s="3"><v>1.5</v></c>
  <c r="D5" s="4"><v>45352.75</v></c><c r="E5" s="5"><v>12.5</v></c><c r="F5" s="1"><v>60</v></c></row>
<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="6"><x:c r="B6"><x:v>7</x:v></x:c></x:row>
)");
    const auto names = listSheets(data, SheetFormat::Xlsx);
    QCOMPARE(std::get<QStringList>(names),
             QStringList({QStringLiteral("Data")})); // the chart sheet is no sheet of cells
    const auto result = readXlsx(data);
    if (const auto *error = std::get_if<ReadError>(&result))
        QFAIL(qPrintable(error->message));
    const QString expected = normalisedJson(QString::fromUtf8(R"([
        ["Country", "Rich text", "line\rbreak and _x0041_"],
        ["0.0045", "0.0045", "0.00421", "1000"],
        ["inline", "#N/A", "TRUE", "cached text"],
        [],
        ["2024-03-01", "2024-03-01", "36:00:00", "2024-03-01 18:00:00", "12.5", "1900-02-29"],
        ["", "7"]
    ])"));
    QCOMPARE(rowsJson(std::get<Sheet>(result).rows), expected);
}

void XlsxReaderTest::date1904()
{
    const QByteArray data
        = handMadePackage(R"(<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43890</v></c></row>)", true);
    const auto result = readXlsx(data);
    QCOMPARE(rowsJson(std::get<Sheet>(result).rows), QStringLiteral(R"([["1904-01-01","2024-03-01"]])"));
}

void XlsxReaderTest::damaged_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message"); // the start of the message

    const QByteArray good = writeWorkbook(buildRates);
    const QString damaged = QStringLiteral("The XLSX file is damaged: ");
    QTest::newRow("cut in half") << good.left(good.size() / 2)
                                 << damaged + QStringLiteral("it is not a ZIP archive, or the end of it is missing");
    QTest::newRow("only the first bytes") << good.left(100) << damaged + QStringLiteral("it is not a ZIP archive");
    QTest::newRow("not a zip at all") << QByteArray("Country,Rate\nDE,0.0045\n")
                                      << damaged + QStringLiteral("it is not a ZIP archive");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("The file is empty");

    // Flip bytes inside the compressed data of the sheet: inflating or the CRC check must fail.
    QByteArray corrupt = good;
    const QByteArray name = "xl/worksheets/sheet1.xml";
    const qsizetype nameAt = corrupt.indexOf(name); // the local header comes before the central directory
    QVERIFY(nameAt >= 30 && corrupt.mid(nameAt - 30, 4) == "PK\x03\x04");
    const auto le16 = [&corrupt](qsizetype at) { return int(uchar(corrupt[at])) | int(uchar(corrupt[at + 1])) << 8; };
    const qsizetype dataAt = nameAt + le16(nameAt - 4) + le16(nameAt - 2);
    for (qsizetype i = dataAt + 2; i < dataAt + 40; ++i)
        corrupt[i] = char(corrupt[i] ^ 0x5A);
    QTest::newRow("corrupted sheet entry")
        << corrupt << damaged + QStringLiteral("xl/worksheets/sheet1.xml cannot be unpacked");

    QTest::newRow("bad cell reference") << handMadePackage(R"(<row r="1"><c r="1A"><v>1</v></c></row>)")
                                        << damaged + QStringLiteral("the cell reference \u201c1A\u201d is not valid");
    QTest::newRow("shared string out of range") << handMadePackage(R"(<row r="1"><c r="B1" t="s"><v>99</v></c></row>)")
                                                << damaged + QStringLiteral("the cell B1 holds \u201c99\u201d");
    QTest::newRow("number that is none") << handMadePackage(R"(<row r="1"><c r="C1"><v>abc</v></c></row>)")
                                         << damaged + QStringLiteral("the cell C1 holds \u201cabc\u201d");
    QTest::newRow("rows out of order") << handMadePackage(R"(<row r="3"/><row r="2"/>)")
                                       << damaged
            + QStringLiteral("the row number \u201c2\u201d is not valid or out of order");
    QTest::newRow("broken XML") << handMadePackage(R"(<row r="1"><c r="A1"><v>1</v></row>)")
                                << damaged + QStringLiteral("xl/worksheets/data.xml is not well-formed XML");
}

void XlsxReaderTest::damaged()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    const ReadError error = expectError(readXlsx(data));
    QVERIFY2(error.message.startsWith(message), qPrintable(error.message));
    QVERIFY(!error.cancelled);
}

void XlsxReaderTest::notAWorkbook_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");

    QTest::newRow("OpenDocument")
        << zipPackage({{QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"},
                       {QStringLiteral("content.xml"), "<office:document-content/>"}})
        << QStringLiteral(
               "The file is an OpenDocument spreadsheet (.ods), not XLSX — save it as XLSX or CSV and import that");
    QTest::newRow("other zip") << zipPackage({{QStringLiteral("readme.txt"), "hello"}})
                               << QStringLiteral(
                                      "The file is a ZIP archive but not an XLSX workbook (it has no xl/workbook.xml)");
}

void XlsxReaderTest::notAWorkbook()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    QCOMPARE(expectError(readXlsx(data)).message, message);
}

void XlsxReaderTest::zipBomb()
{
    // 3 MiB of sheet XML that deflates to a few kilobytes.
    const QByteArray data = handMadePackage(R"(<row r="1"><c r="A1"><v>1</v></c></row>)" + QByteArray(3 << 20, ' '));
    QVERIFY(data.size() < 100 * 1024);
    ReadOptions options;
    options.limits.maxUncompressedBytes = 1 << 20;
    const ReadError error = expectError(readXlsx(data, options));
    QCOMPARE(error.message,
             QStringLiteral(
                 "The XLSX file is damaged: it would unpack to more than 1 MiB, more than a rate sheet can hold"));
    // Within the default limit the same file reads.
    QCOMPARE(rowsJson(std::get<Sheet>(readXlsx(data)).rows), QStringLiteral(R"([["1"]])"));
}

void XlsxReaderTest::limits()
{
    const QByteArray data = writeWorkbook(buildRates);
    ReadOptions options;
    options.limits.maxRows = 5;
    QCOMPARE(expectError(readXlsx(data, options)).message,
             QStringLiteral("The sheet has 8 rows; at most 5 can be imported at once"));

    options = {};
    options.limits.maxColumns = 4;
    const ReadError columns = expectError(readXlsx(data, options));
    QCOMPARE(columns.message,
             QStringLiteral("Row 1, column F: the row has a value beyond column D; at most 4 columns can be imported"));
    QCOMPARE(columns.row, 1);
    QCOMPARE(columns.column, 6);

    options = {};
    options.limits.maxCellChars = 7;
    QCOMPARE(expectError(readXlsx(data, options)).message,
             QStringLiteral("Row 1, column C: the cell is 9 characters long; at most 7 are allowed"));
}

void XlsxReaderTest::cancel()
{
    const QByteArray data = writeWorkbook([](lxw_workbook *workbook) {
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Rates");
        for (int row = 0; row < 5000; ++row)
            worksheet_write_number(sheet, row, 0, row, nullptr);
    });
    int calls = 0;
    qint64 lastDone = -1;
    ReadOptions options;
    options.progress = [&](qint64 done, qint64 total) {
        if (done <= lastDone || done > total)
            qWarning("progress went backwards or past the total: %lld of %lld", qlonglong(done), qlonglong(total));
        lastDone = done;
        return ++calls < 3;
    };
    const ReadError error = expectError(readXlsx(data, options));
    QVERIFY(error.cancelled);
    QCOMPARE(error.message, QStringLiteral("The import was cancelled"));
    QCOMPARE(calls, 3);
}

void XlsxReaderTest::hundredThousandRows_data()
{
    QTest::addColumn<bool>("constantMemory");
    QTest::newRow("shared strings (as Excel writes)") << false;
    QTest::newRow("inline strings (constant memory)") << true;
}

void XlsxReaderTest::hundredThousandRows()
{
    QFETCH(bool, constantMemory);
    const QByteArray data = writeWorkbook(
        [](lxw_workbook *workbook) {
            lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Rates");
            for (int row = 0; row < 100000; ++row) {
                const QByteArray country = "Country " + QByteArray::number(row % 250);
                worksheet_write_string(sheet, row, 0, country.constData(), nullptr);
                worksheet_write_number(sheet, row, 1, row, nullptr);
                worksheet_write_number(sheet, row, 2, (row % 97) / 10000.0, nullptr);
                worksheet_write_string(sheet, row, 3, "EUR", nullptr);
                worksheet_write_number(sheet, row, 4, 0.00421, nullptr);
                worksheet_write_string(sheet, row, 5, "a note", nullptr);
            }
        },
        constantMemory);

    QElapsedTimer timer;
    timer.start();
    const auto result = readXlsx(data);
    qDebug("read %lld bytes, 100,000 rows x 6 columns of XLSX in %lld ms", qlonglong(data.size()),
           qlonglong(timer.elapsed()));
    if (const auto *error = std::get_if<ReadError>(&result))
        QFAIL(qPrintable(error->message));
    const Sheet &sheet = std::get<Sheet>(result);
    QCOMPARE(sheet.rows.size(), 100000);
    QCOMPARE(sheet.rows.at(12345),
             QStringList({QStringLiteral("Country 95"), QStringLiteral("12345"), QStringLiteral("0.0026"),
                          QStringLiteral("EUR"), QStringLiteral("0.00421"), QStringLiteral("a note")}));
    QCOMPARE(sheet.rows.last().at(1), QStringLiteral("99999"));
    for (const QStringList &row : sheet.rows)
        QCOMPARE(row.size(), 6);
}

QTEST_APPLESS_MAIN(XlsxReaderTest)
#include "tst_xlsxreader.moc"
