#include "CsvReader.h"
#include "SheetJson.h"
#include "SheetReader.h"

#include <QElapsedTimer>
#include <QTest>

using namespace backoffice::spreadsheet;

namespace {

std::variant<Sheet, ReadError> readCsv(const QByteArray &data, const ReadOptions &options = {})
{
    return readSheet(data, SheetFormat::Csv, options);
}

QByteArray bytes(const char *text)
{
    return QByteArray(text);
}

} // namespace

class CsvReaderTest final : public QObject
{
    Q_OBJECT

private slots:
    void grid_data();
    void grid();
    void detectDelimiter_data();
    void detectDelimiter();
    void encodings_data();
    void encodings();
    void invalidText_data();
    void invalidText();
    void unclosedQuote();
    void cellTooLong();
    void tooManyColumns();
    void trailingEmptyCellsBeyondColumnLimit();
    void tooManyRows();
    void progressAndCancel();
    void hundredThousandRows();
};

void CsvReaderTest::grid_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("delimiter"); // empty: detect
    QTest::addColumn<QString>("expected"); // JSON grid

    auto row = [](const char *name, const QByteArray &input, const QString &delimiter, const char *expected) {
        QTest::newRow(name) << input << delimiter << QString::fromUtf8(expected);
    };
    const QString detect;
    row("comma", bytes("a,b,c\n1,2,3\n"), detect, R"([["a","b","c"],["1","2","3"]])");
    row("no final line break", bytes("a,b\n1,2"), detect, R"([["a","b"],["1","2"]])");
    row("CRLF", bytes("a,b\r\n1,2\r\n"), detect, R"([["a","b"],["1","2"]])");
    row("CR only", bytes("a,b\r1,2\r3,4"), detect, R"([["a","b"],["1","2"],["3","4"]])");
    row("mixed line breaks", bytes("a\r\nb\nc\rd"), detect, R"([["a"],["b"],["c"],["d"]])");
    row("semicolon", bytes("Country;Rate\nDE;0.0045\n"), detect, R"([["Country","Rate"],["DE","0.0045"]])");
    row("semicolon with decimal commas", bytes("DE;0,0045\nFR;0,005\n"), detect, R"([["DE","0,0045"],["FR","0,005"]])");
    row("tab", bytes("a\tb c\n1\t2\n"), detect, R"([["a","b c"],["1","2"]])");
    row("pipe", bytes("a|b\n1|2\n"), detect, R"([["a","b"],["1","2"]])");
    row("given delimiter wins", bytes("a;b,c\n"), QStringLiteral(","), R"([["a;b","c"]])");
    row("quoted delimiter", bytes("\"a,b\",c\n"), detect, R"([["a,b","c"]])");
    row("doubled quotes", bytes("\"say \"\"hi\"\"\",x\n"), detect, R"([["say \"hi\"","x"]])");
    row("only a doubled quote", bytes("\"\"\"\",x\n"), detect, R"([["\"","x"]])");
    row("empty quoted field", bytes("\"\",x\n"), detect, R"([["","x"]])");
    row("line break in quotes", bytes("\"line1\nline2\",x\r\ny,z\n"), detect, R"([["line1\nline2","x"],["y","z"]])");
    row("CRLF in quotes kept", bytes("\"a\r\nb\",c\n"), detect, R"([["a\r\nb","c"]])");
    row("unquoted fields trimmed", bytes("  a ,  b  ,c\t\n"), detect, R"([["a","b","c"]])");
    row("quoted spaces kept", bytes(" \" a \" , b\n"), detect, R"([[" a ","b"]])");
    row("tab delimiter not trimmed away", bytes("a\t\tc\n"), detect, R"([["a","","c"]])");
    row("space as given delimiter", bytes("a b  c\n"), QStringLiteral(" "), R"([["a","b","","c"]])");
    row("quote inside unquoted field kept", bytes("5\" screen,x\n"), QStringLiteral(","), R"([["5\" screen","x"]])");
    row("text after closing quote kept", bytes("\"ab\" cd,x\n"), QStringLiteral(","), R"([["ab cd","x"]])");
    row("blank cells in between", bytes("a,,c\n,,z\n"), detect, R"([["a","","c"],["","","z"]])");
    row("trailing empty cells dropped", bytes("a,,,\nb,c, ,\n"), detect, R"([["a"],["b","c"]])");
    row("empty line kept as empty row", bytes("a\n\nb\n"), detect, R"([["a"],[],["b"]])");
    row("trailing empty rows dropped", bytes("a\n\n,,\n\n"), detect, R"([["a"]])");
    row("empty file", QByteArray(), detect, R"([])");
    row("only line breaks", bytes("\n\r\n\n"), detect, R"([])");
    row("single column", bytes("Germany\nFrance\n"), detect, R"([["Germany"],["France"]])");
    row("unicode text", bytes("Z\xC3\xBCrich,\xE2\x82\xAC\n"), detect, R"([["Zürich","€"]])");
}

void CsvReaderTest::grid()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, delimiter);
    QFETCH(QString, expected);

    ReadOptions options;
    if (!delimiter.isEmpty())
        options.delimiter = delimiter.front();
    const auto result = readCsv(input, options);
    if (const auto *error = std::get_if<ReadError>(&result))
        QFAIL(qPrintable(error->message));
    const Sheet &sheet = std::get<Sheet>(result);
    QCOMPARE(rowsJson(sheet.rows), normalisedJson(expected));
    if (!delimiter.isEmpty())
        QCOMPARE(sheet.delimiter, delimiter.front());
}

void CsvReaderTest::detectDelimiter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QChar>("delimiter");

    QTest::newRow("comma") << QStringLiteral("a,b,c\n1,2,3\n") << QChar(u',');
    QTest::newRow("semicolon") << QStringLiteral("a;b;c\n1;2;3\n") << QChar(u';');
    QTest::newRow("tab") << QStringLiteral("a\tb\n1\t2\n") << QChar(u'\t');
    QTest::newRow("pipe") << QStringLiteral("a|b\n1|2\n") << QChar(u'|');
    QTest::newRow("semicolon beats decimal commas")
        << QStringLiteral("Country;Rate\nDE;0,0045\nFR;0,005\n") << QChar(u';');
    QTest::newRow("comma beats an occasional semicolon")
        << QStringLiteral("name,rate,note\nA,1,x;y\nB,2,z\nC,3,w\n") << QChar(u',');
    QTest::newRow("title line above the header")
        << QStringLiteral("Rates of Vendor X, March\nCountry;Prefix;Rate\nDE;49;0.0045\nFR;33;0.005\n") << QChar(u';');
    QTest::newRow("quoted commas do not count") << QStringLiteral("\"a,b,c\";x\n\"d,e,f\";y\n") << QChar(u';');
    QTest::newRow("quoted line breaks do not end a record") << QStringLiteral("\"a\nb\";x\nc;d\n") << QChar(u';');
    QTest::newRow("more fields win a tie") << QStringLiteral("a,b,c\td\n") << QChar(u',');
    QTest::newRow("nothing to split: comma") << QStringLiteral("Germany\nFrance\n") << QChar(u',');
    QTest::newRow("empty text") << QString() << QChar(u',');
}

void CsvReaderTest::detectDelimiter()
{
    QFETCH(QString, text);
    QFETCH(QChar, delimiter);
    QCOMPARE(CsvReader::detectDelimiter(text), delimiter);
}

void CsvReaderTest::encodings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QString>("expected");

    const int utf8 = int(TextEncoding::Utf8), cp1252 = int(TextEncoding::Windows1252),
              latin1 = int(TextEncoding::Latin1);
    QTest::newRow("utf-8") << bytes("Z\xC3\xBCrich,0.0045") << utf8 << QStringLiteral(R"([["Zürich","0.0045"]])");
    QTest::newRow("utf-8 BOM skipped") << bytes("\xEF\xBB\xBFZ\xC3\xBCrich,1") << utf8
                                       << QStringLiteral(R"([["Zürich","1"]])");
    QTest::newRow("utf-8 BOM wins over 1252")
        << bytes("\xEF\xBB\xBF\xE2\x82\xAC,1") << cp1252 << QStringLiteral(R"([["€","1"]])");
    QTest::newRow("utf-8 4-byte character") << bytes("\xF0\x9F\x93\x9E,1") << utf8 << QStringLiteral(R"([["📞","1"]])");
    QTest::newRow("utf-16 LE BOM") << QByteArray("\xFF\xFE"
                                                 "Z\x00\xFC\x00,\x00"
                                                 "1\x00\n\x00",
                                                 12)
                                   << utf8 << QStringLiteral(R"([["Zü","1"]])");
    QTest::newRow("utf-16 BE BOM") << QByteArray("\xFE\xFF\x00Z\x00\xFC\x00;\x00"
                                                 "1",
                                                 10)
                                   << utf8 << QStringLiteral(R"([["Zü","1"]])");
    QTest::newRow("windows-1252") << bytes("\x80 \xE9,\x9C\x93\x94,\x81") << cp1252
                                  << QString::fromUtf8(R"([["€ é","œ“”","\u0081"]])");
    QTest::newRow("latin-1") << bytes("\xE9,\x80") << latin1 << QString::fromUtf8(R"([["é","\u0080"]])");
    QTest::newRow("ascii in any encoding") << bytes("a,b") << cp1252 << QStringLiteral(R"([["a","b"]])");
}

void CsvReaderTest::encodings()
{
    QFETCH(QByteArray, input);
    QFETCH(int, encoding);
    QFETCH(QString, expected);

    ReadOptions options;
    options.encoding = TextEncoding(encoding);
    const auto result = readCsv(input, options);
    if (const auto *error = std::get_if<ReadError>(&result))
        QFAIL(qPrintable(error->message));
    QCOMPARE(rowsJson(std::get<Sheet>(result).rows), normalisedJson(expected));
}

void CsvReaderTest::invalidText_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message"); // a part the message must contain

    QTest::newRow("latin-1 byte in utf-8") << bytes("Country,Note\nDE,caf\xE9\n")
                                           << QStringLiteral("not valid UTF-8 text (byte 0xE9 at offset 19, line 2)");
    QTest::newRow("suggests 1252") << bytes("caf\xE9") << QStringLiteral("choose the Windows-1252 encoding");
    QTest::newRow("offset counts the BOM") << bytes("\xEF\xBB\xBF"
                                                    "ab\xFF")
                                           << QStringLiteral("byte 0xFF at offset 5, line 1");
    QTest::newRow("overlong form") << bytes("a\xC0\xAF") << QStringLiteral("byte 0xC0 at offset 1");
    QTest::newRow("encoded surrogate") << bytes("ab\xED\xA0\x80") << QStringLiteral("byte 0xED at offset 2");
    QTest::newRow("beyond U+10FFFF") << bytes("\xF4\x90\x80\x80") << QStringLiteral("byte 0xF4 at offset 0");
    QTest::newRow("lone continuation byte") << bytes("a\n\n\x80") << QStringLiteral("byte 0x80 at offset 3, line 3");
    QTest::newRow("cut off at the end") << bytes("ab\xE2\x82") << QStringLiteral("byte 0xE2 at offset 2");
    QTest::newRow("CR-only lines counted") << bytes("a\rb\r\xE9") << QStringLiteral("offset 4, line 3");
    QTest::newRow("zero byte") << QByteArray("a,b\n\x00\x01", 6)
                               << QStringLiteral("binary data (a zero byte at offset 4");
    QTest::newRow("utf-16 without BOM") << QByteArray("a\x00,\x00", 4)
                                        << QStringLiteral("UTF-16 text, save it with a byte order mark");
    QTest::newRow("utf-16 odd length") << QByteArray("\xFF\xFE"
                                                     "a\x00,",
                                                     5)
                                       << QStringLiteral("not valid UTF-16");
    QTest::newRow("utf-16 lone surrogate") << QByteArray("\xFF\xFE\x00\xD8"
                                                         "a\x00",
                                                         6)
                                           << QStringLiteral("not valid UTF-16");
}

void CsvReaderTest::invalidText()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const auto result = readCsv(input);
    QVERIFY(std::holds_alternative<ReadError>(result));
    const ReadError &error = std::get<ReadError>(result);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY(!error.cancelled);
}

void CsvReaderTest::unclosedQuote()
{
    const auto result = readCsv(bytes("a,b\nc,\"never closed\nd,e\nf,g\n"));
    QVERIFY(std::holds_alternative<ReadError>(result));
    const ReadError &error = std::get<ReadError>(result);
    QCOMPARE(error.row, 2);
    QCOMPARE(error.column, 2);
    QVERIFY2(
        error.message.startsWith(QStringLiteral("Row 2, column B: the quoted cell that starts here is never closed")),
        qPrintable(error.message));
}

void CsvReaderTest::cellTooLong()
{
    QByteArray data = "a,b\n1,2\n3,4\n5,6\n7,";
    data += QByteArray(10000, 'x');
    data += "\n";
    const auto result = readCsv(data);
    QVERIFY(std::holds_alternative<ReadError>(result));
    const ReadError &error = std::get<ReadError>(result);
    QCOMPARE(error.message,
             QStringLiteral("Row 5, column B: the cell is 10,000 characters long; at most 4,096 are allowed"));
    QCOMPARE(error.row, 5);
    QCOMPARE(error.column, 2);

    // Exactly at the limit is fine, and the limit is configurable.
    ReadOptions options;
    options.limits.maxCellChars = 10000;
    QVERIFY(std::holds_alternative<Sheet>(readCsv(data, options)));
}

void CsvReaderTest::tooManyColumns()
{
    ReadOptions options;
    options.limits.maxColumns = 3;
    const auto result = readCsv(bytes("a,b,c\n1,2,3,4\n"), options);
    QVERIFY(std::holds_alternative<ReadError>(result));
    const ReadError &error = std::get<ReadError>(result);
    QCOMPARE(error.row, 2);
    QCOMPARE(error.column, 4);
    QCOMPARE(error.message,
             QStringLiteral("Row 2, column D: the row has a value beyond column C; at most 3 columns can be imported"));
}

void CsvReaderTest::trailingEmptyCellsBeyondColumnLimit()
{
    ReadOptions options;
    options.limits.maxColumns = 3;
    QByteArray data = "a,b,c";
    data += QByteArray(100000, ','); // an export that padded every row to the sheet's width
    const auto result = readCsv(data, options);
    QVERIFY(std::holds_alternative<Sheet>(result));
    QCOMPARE(rowsJson(std::get<Sheet>(result).rows), QStringLiteral(R"([["a","b","c"]])"));
}

void CsvReaderTest::tooManyRows()
{
    // The default limit, so the message is the one staff will see; the count covers every row.
    QByteArray data;
    for (int i = 1; i <= 250001; ++i)
        data += QByteArray::number(i) + ",x\n";
    data += "\n\n"; // trailing empty rows do not count
    const auto result = readCsv(data);
    QVERIFY(std::holds_alternative<ReadError>(result));
    QCOMPARE(std::get<ReadError>(result).message,
             QStringLiteral("The sheet has 250,001 rows; at most 250,000 can be imported at once"));

    ReadOptions options;
    options.limits.maxRows = 5;
    QCOMPARE(std::get<ReadError>(readCsv(bytes("1\n2\n3\n4\n5\n6\n\"7\n\"\n8"), options)).message,
             QStringLiteral("The sheet has 8 rows; at most 5 can be imported at once"));
    QVERIFY(std::holds_alternative<Sheet>(readCsv(bytes("1\n2\n3\n4\n5\n\n\n"), options)));
}

void CsvReaderTest::progressAndCancel()
{
    QByteArray data;
    for (int i = 0; i < 10000; ++i)
        data += "DE,49,0.0045\n";

    // Progress goes forward, stays within the total, and is reported every few thousand rows.
    QList<QPair<qint64, qint64>> calls;
    ReadOptions options;
    options.progress = [&calls](qint64 done, qint64 total) {
        calls.append({done, total});
        return true;
    };
    const auto result = readCsv(data, options);
    QVERIFY(std::holds_alternative<Sheet>(result));
    QCOMPARE(std::get<Sheet>(result).rows.size(), 10000);
    QVERIFY2(calls.size() >= 5, qPrintable(QString::number(calls.size())));
    for (qsizetype i = 0; i < calls.size(); ++i) {
        QVERIFY(calls[i].first <= calls[i].second);
        QVERIFY(i == 0 || calls[i].first > calls[i - 1].first);
    }

    // Returning false cancels: the read ends with a cancellation, not with a sheet.
    int callsBeforeCancel = 0;
    options.progress = [&callsBeforeCancel](qint64, qint64) { return ++callsBeforeCancel < 2; };
    const auto cancelled = readCsv(data, options);
    QVERIFY(std::holds_alternative<ReadError>(cancelled));
    QVERIFY(std::get<ReadError>(cancelled).cancelled);
    QCOMPARE(std::get<ReadError>(cancelled).message, QStringLiteral("The import was cancelled"));
    QCOMPARE(callsBeforeCancel, 2);
}

void CsvReaderTest::hundredThousandRows()
{
    QByteArray data = "Country,Prefix,Rate,Currency,Effective,Note\n";
    for (int i = 1; i <= 100000; ++i)
        data += "Country " + QByteArray::number(i) + "," + QByteArray::number(i % 1000) + ",0.00"
            + QByteArray::number(i % 97) + ",EUR,2024-03-01,\"note, " + QByteArray::number(i) + "\"\n";

    QElapsedTimer timer;
    timer.start();
    const auto result = readCsv(data);
    qDebug("read %lld bytes, 100,001 rows x 6 columns of CSV in %lld ms", qlonglong(data.size()),
           qlonglong(timer.elapsed()));
    if (const auto *error = std::get_if<ReadError>(&result))
        QFAIL(qPrintable(error->message));
    const Sheet &sheet = std::get<Sheet>(result);
    QCOMPARE(sheet.rows.size(), 100001);
    QCOMPARE(sheet.rows.first(),
             QStringList({QStringLiteral("Country"), QStringLiteral("Prefix"), QStringLiteral("Rate"),
                          QStringLiteral("Currency"), QStringLiteral("Effective"), QStringLiteral("Note")}));
    QCOMPARE(sheet.rows.at(12345),
             QStringList({QStringLiteral("Country 12345"), QStringLiteral("345"), QStringLiteral("0.0026"),
                          QStringLiteral("EUR"), QStringLiteral("2024-03-01"), QStringLiteral("note, 12345")}));
    QCOMPARE(sheet.rows.last().first(), QStringLiteral("Country 100000"));
    for (const QStringList &row : sheet.rows)
        QCOMPARE(row.size(), 6);
}

QTEST_APPLESS_MAIN(CsvReaderTest)
#include "tst_csvreader.moc"
