#include "SheetFormat.h"

#include <QTest>

using namespace backoffice::spreadsheet;

class SheetFormatTest final : public QObject
{
    Q_OBJECT

private slots:
    void detect_data();
    void detect();
};

void SheetFormatTest::detect_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("format"); // -1: not a sheet

    const QByteArray zip("PK\x03\x04\x14\x00\x06\x00", 8);
    const QByteArray ole2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", 10);
    const QByteArray text("Country,Rate\nDE,0.0045\n");
    const QByteArray binary("%PDF-1.7\n\x00\x01\x02", 12);
    const int csv = int(SheetFormat::Csv), xlsx = int(SheetFormat::Xlsx), xls = int(SheetFormat::Xls);

    QTest::newRow("xlsx by magic") << zip << QStringLiteral("rates.xlsx") << xlsx;
    QTest::newRow("xls by magic") << ole2 << QStringLiteral("rates.xls") << xls;
    QTest::newRow("csv text") << text << QStringLiteral("rates.csv") << csv;
    QTest::newRow("magic wins over a wrong .csv name") << zip << QStringLiteral("rates.csv") << xlsx;
    QTest::newRow("magic wins over a wrong .xlsx name") << ole2 << QStringLiteral("rates.xlsx") << xls;
    QTest::newRow("xlsx magic without a name") << zip << QString() << xlsx;
    QTest::newRow("damaged xlsx goes by extension") << binary << QStringLiteral("Rates.XLSX") << xlsx;
    QTest::newRow("damaged xls goes by extension") << binary << QStringLiteral("rates.xls") << xls;
    QTest::newRow("text with a .txt name") << text << QStringLiteral("rates.txt") << csv;
    QTest::newRow("text with an unknown name") << text << QStringLiteral("rates.dat") << csv;
    QTest::newRow("text without a name") << text << QString() << csv;
    QTest::newRow("utf-16 text with BOM") << QByteArray("\xFF\xFE"
                                                        "a\x00",
                                                        4)
                                          << QStringLiteral("x") << csv;
    QTest::newRow("binary with unknown name") << binary << QStringLiteral("rates.pdf") << -1;
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty") << csv;
    QTest::newRow("short zip prefix is not zip") << QByteArray("PK") << QStringLiteral("x") << csv;
}

void SheetFormatTest::detect()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, fileName);
    QFETCH(int, format);
    const auto detected = detectFormat(head, fileName);
    QCOMPARE(detected.has_value() ? int(*detected) : -1, format);
}

QTEST_APPLESS_MAIN(SheetFormatTest)
#include "tst_sheetformat.moc"
