#include "CellValues.h"

#include <QTest>

using namespace backoffice::server::rateimport;

class TestCellValues : public QObject
{
    Q_OBJECT
private slots:
    void prices_data();
    void prices();
    void tiers_data();
    void tiers();
    void choices();
};

void TestCellValues::prices_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("price"); // empty: not a price
    QTest::addColumn<bool>("negative");
    QTest::newRow("plain") << QStringLiteral("0.0045") << QStringLiteral("0.0045") << false;
    QTest::newRow("decimal comma") << QStringLiteral("0,0045") << QStringLiteral("0.0045") << false;
    QTest::newRow("thousands") << QStringLiteral("1,234.50") << QStringLiteral("1234.50") << false;
    QTest::newRow("euro sign") << QStringLiteral("€ 0.04") << QStringLiteral("0.04") << false;
    QTest::newRow("code suffix") << QStringLiteral("0.04 EUR") << QStringLiteral("0.04") << false;
    QTest::newRow("negative") << QStringLiteral("-0.013") << QStringLiteral("0.013") << true;
    QTest::newRow("six decimals") << QStringLiteral("0.000421") << QStringLiteral("0.000421") << false;
    QTest::newRow("too precise") << QStringLiteral("0.0000001") << QString() << false;
    QTest::newRow("words") << QStringLiteral("n/a") << QString() << false;
    QTest::newRow("two commas") << QStringLiteral("1,2,3") << QString() << false;
    QTest::newRow("empty") << QString() << QString() << false;
}

void TestCellValues::prices()
{
    QFETCH(QString, text);
    QFETCH(QString, price);
    QFETCH(bool, negative);
    const auto cell = parsePriceCell(text);
    QCOMPARE(cell.has_value(), !price.isEmpty());
    if (cell) {
        QCOMPARE(cell->price.toString(), price);
        QCOMPARE(cell->wasNegative, negative);
    }
}

void TestCellValues::tiers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("from"); // -1: not a tier
    QTest::newRow("first range") << QStringLiteral("1 - 250,000") << qint64(0);
    QTest::newRow("second range") << QStringLiteral("250,001 - 2,000,000") << qint64(250000);
    QTest::newRow("en dash") << QStringLiteral("250001–2000000") << qint64(250000);
    QTest::newRow("plus") << QStringLiteral("2,000,001+") << qint64(2000000);
    QTest::newRow("greater") << QStringLiteral("> 2000000") << qint64(2000000);
    QTest::newRow("above") << QStringLiteral("Above 10 000") << qint64(10000);
    QTest::newRow("and above") << QStringLiteral("50001 and above") << qint64(50000);
    QTest::newRow("plain one") << QStringLiteral("1") << qint64(0);
    QTest::newRow("plain zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("to") << QStringLiteral("1001 to 5000") << qint64(1000);
    QTest::newRow("open range") << QStringLiteral("5001 -") << qint64(5000);
    QTest::newRow("words") << QStringLiteral("tier two") << qint64(-1);
    QTest::newRow("decimal") << QStringLiteral("1.5") << qint64(-1);
    QTest::newRow("bad end") << QStringLiteral("1 - lots") << qint64(-1);
}

void TestCellValues::tiers()
{
    QFETCH(QString, text);
    QFETCH(qint64, from);
    const auto parsed = parseTierCell(text);
    QCOMPARE(parsed.value_or(-1), from);
}

void TestCellValues::choices()
{
    QCOMPARE(matchChoice(QStringLiteral("submitted"), billingRuleChoices())->key, QStringLiteral("submitted"));
    QVERIFY(!matchChoice(QStringLiteral("Delivered"), billingRuleChoices())->best);
    const auto loose = matchChoice(QStringLiteral("Deliverd"), billingRuleChoices());
    QVERIFY(loose);
    QCOMPARE(loose->key, QStringLiteral("delivered"));
    QVERIFY(loose->best);
    QCOMPARE(matchChoice(QStringLiteral("Not included"), priceTypeChoices())->key, QStringLiteral("notIncluded"));
    QCOMPARE(matchChoice(QStringLiteral("segments"), quantityRuleChoices())->key, QStringLiteral("segments"));
    QVERIFY(!matchChoice(QStringLiteral("whenever"), billingRuleChoices()));
    QVERIFY(!matchChoice(QString(), billingRuleChoices()));
}

QTEST_GUILESS_MAIN(TestCellValues)
#include "tst_cellvalues.moc"
