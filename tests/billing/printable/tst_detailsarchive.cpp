#include "DetailColumns.h"
#include "DetailsArchive.h"
#include "DetailsXlsx.h"
#include "SampleInvoice.h"

#include <QJsonDocument>
#include <QMap>
#include <QTest>
#include <zip.h>

using namespace backoffice::printable;
using namespace backoffice::printable::test;

namespace {

const QByteArray SomePdf("%PDF-1.4\n% not a real invoice, DetailsArchive only checks the signature\n%%EOF\n");
const QByteArray Bom("\xEF\xBB\xBF");

// Every entry of a ZIP in memory, read with libzip: name -> bytes. Empty when it is no ZIP.
QMap<QString, QByteArray> unzip(const QByteArray &data)
{
    QMap<QString, QByteArray> entries;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(data.constData(), zip_uint64_t(data.size()), 0, &error);
    zip_t *archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    zip_error_fini(&error);
    if (!archive) {
        if (source)
            zip_source_free(source);
        return entries;
    }
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        zip_stat_t stat;
        zip_stat_index(archive, zip_uint64_t(i), 0, &stat);
        zip_file_t *file = zip_fopen_index(archive, zip_uint64_t(i), 0);
        QByteArray bytes(qsizetype(stat.size), '\0');
        const zip_int64_t got = zip_fread(file, bytes.data(), stat.size);
        zip_fclose(file);
        if (got != zip_int64_t(stat.size))
            qFatal("entry %s cannot be read", stat.name);
        entries.insert(QString::fromUtf8(stat.name), bytes);
    }
    zip_discard(archive);
    return entries;
}

QJsonObject row(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// A detail row with every column, overridden by `changes` (a JSON object; "!key" removes key).
QJsonObject detailRow(const QJsonObject &changes = {})
{
    QJsonObject base = sampleDetailRows(1).front();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.key().startsWith(QLatin1Char('!')))
            base.remove(it.key().mid(1));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

QByteArray built(const QString &number, const QList<QJsonObject> &rows)
{
    QString error;
    const std::optional<QByteArray> zip = DetailsArchive::build(number, SomePdf, rows, &error);
    if (!zip)
        qFatal("the archive was not built: %s", qPrintable(error));
    return *zip;
}

} // namespace

class DetailsArchiveTest final : public QObject
{
    Q_OBJECT

private slots:
    void entries();
    void csvHeaderAndRows();
    void csvQuotingAndFormulas_data();
    void csvQuotingAndFormulas();
    void xlsxIsAWorkbook();
    void xlsxNumbersAndText();
    void fileStem_data();
    void fileStem();
    void noUsableNumber();
    void notAPdf();
    void badRows_data();
    void badRows();
    void significantDigits_data();
    void significantDigits();
};

void DetailsArchiveTest::entries()
{
    const QMap<QString, QByteArray> entries = unzip(built(QStringLiteral("INV/2024/07"), sampleDetailRows(3)));
    QCOMPARE(entries.keys(),
             (QStringList {QStringLiteral("charges-INV-2024-07.csv"), QStringLiteral("charges-INV-2024-07.xlsx"),
                           QStringLiteral("invoice-INV-2024-07.pdf")}));
    QCOMPARE(entries.value(QStringLiteral("invoice-INV-2024-07.pdf")), SomePdf);
    QCOMPARE(DetailsArchive::archiveFileName(QStringLiteral("INV/2024/07")),
             QStringLiteral("invoice-INV-2024-07-details.zip"));
}

void DetailsArchiveTest::csvHeaderAndRows()
{
    const QList<QJsonObject> rows = sampleDetailRows(250);
    const QByteArray csv = unzip(built(QStringLiteral("INV-1"), rows)).value(QStringLiteral("charges-INV-1.csv"));
    QVERIFY(csv.startsWith(Bom));
    QVERIFY(csv.endsWith("\r\n"));
    const QList<QByteArray> lines = csv.mid(Bom.size()).chopped(1).split('\n');
    QCOMPARE(lines.size(), 1 + rows.size());
    for (const QByteArray &line : lines)
        QVERIFY(line.endsWith('\r')); // CRLF throughout
    QCOMPARE(lines.front(),
             QByteArray("Charge ID,Source,Period start,Period end,Service,Resource,Sender ID,Rate ID,"
                        "Price type,Scale type,Scale tier,Scale group,Price,Count (billable),Volume (billable),Net,Tax,Total,Currency\r"));
    // Row 2 of the sample: price 0.0289 for 101 messages, exactly as formatted by Amount.
    QCOMPARE(lines.at(2),
             QByteArray("1001,Auto,01.07.2024 00:00,01.08.2024 00:00,"
                        "SMS pay-as-you-go,SMS message,+447700900123,131,flat,,,,0.028900,101,101,2.918900,"
                        "0.612969,3.531869,EUR\r"));
    QVERIFY(lines.last().startsWith("1249,"));
}

void DetailsArchiveTest::csvQuotingAndFormulas_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QByteArray>("field");

    QTest::newRow("plain") << QStringLiteral("SMS") << QByteArray(",SMS,");
    QTest::newRow("comma quoted") << QStringLiteral("SMS, bulk") << QByteArray(",\"SMS, bulk\",");
    QTest::newRow("quote doubled") << QStringLiteral("5\" promo") << QByteArray(",\"5\"\" promo\",");
    QTest::newRow("line break quoted") << QStringLiteral("a\nb") << QByteArray(",\"a\nb\",");
    QTest::newRow("non-ASCII as UTF-8") << QStringLiteral("Рассылка") << QStringLiteral(",Рассылка,").toUtf8();
    QTest::newRow("formula guarded") << QStringLiteral("=HYPERLINK(\"http://x\")")
                                     << QByteArray(",\"'=HYPERLINK(\"\"http://x\"\")\",");
    QTest::newRow("at sign guarded") << QStringLiteral("@SUM(A1)") << QByteArray(",'@SUM(A1),");
    QTest::newRow("plus formula guarded") << QStringLiteral("+1+2") << QByteArray(",'+1+2,");
    QTest::newRow("minus formula guarded") << QStringLiteral("-A1") << QByteArray(",'-A1,");
    QTest::newRow("phone number kept") << QStringLiteral("+447700900123") << QByteArray(",+447700900123,");
}

void DetailsArchiveTest::csvQuotingAndFormulas()
{
    QFETCH(QString, service);
    QFETCH(QByteArray, field);
    const QJsonObject changed = detailRow({{QStringLiteral("service"), service}});
    const QByteArray csv = unzip(built(QStringLiteral("1"), {changed})).value(QStringLiteral("charges-1.csv"));
    const QByteArray expected = QByteArray(",01.08.2024 00:00") + field + QByteArray("SMS message,");
    QVERIFY2(csv.contains(expected), csv.constData());
}

void DetailsArchiveTest::xlsxIsAWorkbook()
{
    const QByteArray xlsx
        = unzip(built(QStringLiteral("INV-1"), sampleDetailRows(20))).value(QStringLiteral("charges-INV-1.xlsx"));
    QVERIFY(!xlsx.isEmpty());
    const QMap<QString, QByteArray> parts = unzip(xlsx);
    QVERIFY2(parts.contains(QStringLiteral("xl/worksheets/sheet1.xml")), qPrintable(parts.keys().join(u' ')));
    QVERIFY(parts.contains(QStringLiteral("[Content_Types].xml")));
    QVERIFY(parts.value(QStringLiteral("xl/workbook.xml")).contains("name=\"Charges\""));
    const QByteArray sheet = parts.value(QStringLiteral("xl/worksheets/sheet1.xml"));
    QVERIFY(sheet.contains("Sender ID"));
    QVERIFY(sheet.contains("+447700900123"));
    QVERIFY(sheet.contains("<pane ")); // heading row frozen
    QVERIFY(sheet.contains("<autoFilter "));
}

// Numeric columns are numbers with the text's decimals as the format; a column that a double
// cannot hold exactly is text throughout.
void DetailsArchiveTest::xlsxNumbersAndText()
{
    QJsonObject precise = detailRow({{QStringLiteral("net"), QStringLiteral("1234567890.123456")}});
    const QList<QJsonObject> rows {detailRow(), precise};
    const QMap<QString, QByteArray> parts
        = unzip(unzip(built(QStringLiteral("N"), rows)).value(QStringLiteral("charges-N.xlsx")));
    const QByteArray sheet = parts.value(QStringLiteral("xl/worksheets/sheet1.xml"));
    const QByteArray styles = parts.value(QStringLiteral("xl/styles.xml"));
    // Price 0.042100 (column M) is a number, shown with six decimals.
    QVERIFY2(sheet.contains("<c r=\"M2\" s=\""), sheet.constData());
    QVERIFY(sheet.contains("<v>0.0421</v>"));
    QVERIFY(styles.contains("formatCode=\"0.000000\""));
    // Count (column N) is a whole number.
    QVERIFY(sheet.contains("<v>100</v>"));
    QVERIFY(styles.contains("formatCode=\"0\""));
    // Net (column P) has a 16-digit value in row 3, so the whole column is text, row 2 included.
    QVERIFY2(sheet.contains("<c r=\"P3\" t=\"inlineStr\"><is><t>1234567890.123456</t></is></c>"), sheet.constData());
    QVERIFY(sheet.contains("<c r=\"P2\" t=\"inlineStr\"><is><t>4.210000</t></is></c>"));
    // Tax (column Q) is unaffected.
    QVERIFY(!sheet.contains("<c r=\"Q2\" t=\"inlineStr\""));
}

void DetailsArchiveTest::fileStem_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("stem");

    QTest::newRow("plain") << QStringLiteral("INV-1") << QStringLiteral("INV-1");
    QTest::newRow("slashes") << QStringLiteral("INV/2024/07") << QStringLiteral("INV-2024-07");
    QTest::newRow("backslashes") << QStringLiteral("INV\\2024\\07") << QStringLiteral("INV-2024-07");
    QTest::newRow("parent folders") << QStringLiteral("../../etc/passwd") << QStringLiteral("etc-passwd");
    QTest::newRow("Windows parent folders") << QStringLiteral("..\\..\\x") << QStringLiteral("x");
    QTest::newRow("absolute path") << QStringLiteral("/tmp/x") << QStringLiteral("tmp-x");
    QTest::newRow("drive letter") << QStringLiteral("C:\\x") << QStringLiteral("C-x");
    QTest::newRow("reserved characters") << QStringLiteral("a<b>c:d\"e|f?g*h") << QStringLiteral("a-b-c-d-e-f-g-h");
    QTest::newRow("spaces and controls") << QStringLiteral(" INV 7\t\n") << QStringLiteral("INV-7");
    QTest::newRow("hidden file") << QStringLiteral(".profile") << QStringLiteral("profile");
    QTest::newRow("runs collapse") << QStringLiteral("A -- / B") << QStringLiteral("A-B");
    QTest::newRow("dot and underscore kept") << QStringLiteral("INV_2024.07") << QStringLiteral("INV_2024.07");
    QTest::newRow("letters of any script") << QStringLiteral("СЧ-15/24") << QStringLiteral("СЧ-15-24");
    QTest::newRow("nothing usable") << QStringLiteral("///") << QString();
    QTest::newRow("long") << QString(70, QLatin1Char('7')) << QString(50, QLatin1Char('7'));
}

void DetailsArchiveTest::fileStem()
{
    QFETCH(QString, number);
    QFETCH(QString, stem);
    QCOMPARE(DetailsArchive::fileStem(number), stem);
}

void DetailsArchiveTest::noUsableNumber()
{
    QString error;
    QVERIFY(!DetailsArchive::build(QStringLiteral("/"), SomePdf, sampleDetailRows(1), &error));
    QVERIFY2(error.contains(QStringLiteral("file name")), qPrintable(error));
}

void DetailsArchiveTest::notAPdf()
{
    QString error;
    QVERIFY(!DetailsArchive::build(QStringLiteral("INV-1"), QByteArray("<html>"), sampleDetailRows(1), &error));
    QVERIFY2(error.contains(QStringLiteral("not a PDF")), qPrintable(error));
}

void DetailsArchiveTest::badRows_data()
{
    QTest::addColumn<QByteArray>("changes");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("missing column") << QByteArray(R"({"!senderId":0})")
                                    << QStringLiteral("column 'senderId' is missing");
    QTest::newRow("unknown column") << QByteArray(R"({"senderID":"TM"})")
                                    << QStringLiteral("unknown column 'senderID'");
    QTest::newRow("money as a JSON number")
        << QByteArray(R"({"net":4.21})") << QStringLiteral("'net' must be decimal text");
    QTest::newRow("decimal comma") << QByteArray(R"({"total":"4,21"})")
                                   << QStringLiteral("'total' must be decimal text");
    QTest::newRow("seven decimals") << QByteArray(R"({"price":"0.0042100"})") << QStringLiteral("'price' must be");
    QTest::newRow("grouping") << QByteArray(R"({"net":"1 000.00"})") << QStringLiteral("'net' must be");
    QTest::newRow("count as a JSON number")
        << QByteArray(R"({"count":100})") << QStringLiteral("'count' must be whole-number text");
    QTest::newRow("count with decimals") << QByteArray(R"({"count":"1.5"})") << QStringLiteral("'count' must be");
    QTest::newRow("text as a number") << QByteArray(R"({"service":7})") << QStringLiteral("'service' must be text");
}

void DetailsArchiveTest::badRows()
{
    QFETCH(QByteArray, changes);
    QFETCH(QString, fragment);
    const QList<QJsonObject> rows {detailRow(), detailRow(), detailRow(row(changes.constData()))};
    QString error;
    QVERIFY(!DetailsArchive::build(QStringLiteral("INV-1"), SomePdf, rows, &error));
    QVERIFY2(error.startsWith(QStringLiteral("charge detail row 3: ")), qPrintable(error));
    QVERIFY2(error.contains(fragment), qPrintable(error));
}

void DetailsArchiveTest::significantDigits_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("digits");
    QTest::newRow("zero") << QStringLiteral("0") << 0;
    QTest::newRow("rate") << QStringLiteral("0.004210") << 3;
    QTest::newRow("negative amount") << QStringLiteral("-1200.50") << 5;
    QTest::newRow("trailing zeros of an integer") << QStringLiteral("1000000000") << 1;
    QTest::newRow("fifteen") << QStringLiteral("123456789.123456") << 15;
    QTest::newRow("sixteen") << QStringLiteral("1234567890.123456") << 16;
}

void DetailsArchiveTest::significantDigits()
{
    QFETCH(QString, number);
    QFETCH(int, digits);
    QCOMPARE(DetailsXlsx::significantDigits(number), digits);
}

QTEST_GUILESS_MAIN(DetailsArchiveTest)
#include "tst_detailsarchive.moc"
