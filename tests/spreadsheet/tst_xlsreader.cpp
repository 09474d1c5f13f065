#include "SheetJson.h"
#include "SheetReader.h"

#include <QFile>
#include <QTest>

using namespace backoffice::spreadsheet;

namespace {

QByteArray fixture()
{
    QFile file(QStringLiteral(SPREADSHEET_TEST_DATA "/rates.xls"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

class XlsReaderTest final : public QObject
{
    Q_OBJECT

private slots:
    void detectedAsXls();
    void sheetNames();
    void firstSheetCells();
    void sheetByName_data();
    void sheetByName();
    void missingSheet();
    void limitsApply();
    void notAnXls_data();
    void notAnXls();
};

void XlsReaderTest::detectedAsXls()
{
    QCOMPARE(detectFormat(fixture().left(512), QStringLiteral("rates.xls")), SheetFormat::Xls);
    QCOMPARE(detectFormat(fixture().left(512), QStringLiteral("rates.csv")), SheetFormat::Xls);
}

void XlsReaderTest::sheetNames()
{
    const auto names = listSheets(fixture(), SheetFormat::Xls);
    QVERIFY(std::holds_alternative<QStringList>(names));
    QCOMPARE(std::get<QStringList>(names), QStringList({QStringLiteral("Rates"), QStringLiteral("Notes")}));
}

void XlsReaderTest::firstSheetCells()
{
    const auto result = readSheet(fixture(), SheetFormat::Xls);
    if (const auto *error = std::get_if<ReadError>(&result))
        QFAIL(qPrintable(error->message));
    const Sheet &sheet = std::get<Sheet>(result);
    QCOMPARE(sheet.name, QStringLiteral("Rates"));
    // The doubles 0.0044999999999999997 and 0.0042100000000000002 arrive as the rates typed; the
    // formula in C6 is skipped by FreeXL, so row 6 ends after A6.
    const QString expected = normalisedJson(QString::fromUtf8(R"([
        ["Country", "Prefix", "Rate", "Effective", "Note"],
        ["Germany", "49", "0.0045", "2024-03-01", "Zürich, ü €"],
        ["France", "33", "0.00421", "2024-04-15"],
        ["Spain", "", "0.0289", "", "prefix missing"],
        ["Bulk", "1000", "-0.25", "2024-03-01 08:30:00", "08:30:00"],
        ["Formula"]
    ])"));
    QCOMPARE(rowsJson(sheet.rows), expected);
}

void XlsReaderTest::sheetByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("expectedName");
    QTest::addColumn<QString>("expected");

    const QString notes = QStringLiteral(R"([["Valid from March"],["","2.5"]])");
    QTest::newRow("by name") << QStringLiteral("Notes") << 0 << QStringLiteral("Notes") << notes;
    QTest::newRow("by name without case") << QStringLiteral("notes") << 0 << QStringLiteral("Notes") << notes;
    QTest::newRow("by index") << QString() << 1 << QStringLiteral("Notes") << notes;
}

void XlsReaderTest::sheetByName()
{
    QFETCH(QString, name);
    QFETCH(int, index);
    QFETCH(QString, expectedName);
    QFETCH(QString, expected);

    ReadOptions options;
    options.sheetName = name;
    options.sheetIndex = index;
    const auto result = readSheet(fixture(), SheetFormat::Xls, options);
    if (const auto *error = std::get_if<ReadError>(&result))
        QFAIL(qPrintable(error->message));
    QCOMPARE(std::get<Sheet>(result).name, expectedName);
    QCOMPARE(rowsJson(std::get<Sheet>(result).rows), normalisedJson(expected));
}

void XlsReaderTest::missingSheet()
{
    ReadOptions options;
    options.sheetName = QStringLiteral("Prices");
    const auto byName = readSheet(fixture(), SheetFormat::Xls, options);
    QVERIFY(std::holds_alternative<ReadError>(byName));
    QCOMPARE(std::get<ReadError>(byName).message,
             QStringLiteral("The workbook has no sheet named \u201cPrices\u201d; its sheets are: Rates, Notes"));

    options.sheetName.clear();
    options.sheetIndex = 2;
    const auto byIndex = readSheet(fixture(), SheetFormat::Xls, options);
    QVERIFY(std::holds_alternative<ReadError>(byIndex));
    QCOMPARE(std::get<ReadError>(byIndex).message, QStringLiteral("The workbook has no sheet number 3 (it has 2)"));
}

void XlsReaderTest::limitsApply()
{
    ReadOptions options;
    options.limits.maxRows = 4;
    const auto rows = readSheet(fixture(), SheetFormat::Xls, options);
    QVERIFY(std::holds_alternative<ReadError>(rows));
    QCOMPARE(std::get<ReadError>(rows).message,
             QStringLiteral("The sheet has 6 rows; at most 4 can be imported at once"));

    options = {};
    options.limits.maxCellChars = 10;
    const auto cell = readSheet(fixture(), SheetFormat::Xls, options);
    QVERIFY(std::holds_alternative<ReadError>(cell));
    QCOMPARE(std::get<ReadError>(cell).message,
             QStringLiteral("Row 2, column E: the cell is 11 characters long; at most 10 are allowed"));
}

void XlsReaderTest::notAnXls_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");

    const QByteArray xls = fixture();
    QTest::newRow("text") << QByteArray("Country,Rate\nDE,0.0045\n")
                          << QStringLiteral("The file is not an XLS workbook (Excel 97-2003)");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("The file is not an XLS workbook (Excel 97-2003)");
    QTest::newRow("cut short") << xls.left(xls.size() / 2) << QStringLiteral("The XLS file is damaged: ");
    QTest::newRow("header only") << xls.left(512) << QStringLiteral("The XLS file is damaged: ");
}

void XlsReaderTest::notAnXls()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    const auto result = readSheet(data, SheetFormat::Xls);
    QVERIFY(std::holds_alternative<ReadError>(result));
    QVERIFY2(std::get<ReadError>(result).message.startsWith(message), qPrintable(std::get<ReadError>(result).message));
}

QTEST_APPLESS_MAIN(XlsReaderTest)
#include "tst_xlsreader.moc"
