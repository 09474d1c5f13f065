#include "NumberText.h"

#include <QTest>

#include <limits>

using namespace backoffice::spreadsheet;

class NumberTextTest final : public QObject
{
    Q_OBJECT

private slots:
    void fromDouble_data();
    void fromDouble();
    void fromText_data();
    void fromText();
    void notANumber_data();
    void notANumber();
    void nonFiniteDoubles();
};

void NumberTextTest::fromDouble_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("rate 0.0045") << 0.0045 << QStringLiteral("0.0045");
    QTest::newRow("rate 0.00421") << 0.00421 << QStringLiteral("0.00421");
    QTest::newRow("rate 0.0289") << 0.0289 << QStringLiteral("0.0289");
    QTest::newRow("integer") << 1000.0 << QStringLiteral("1000");
    QTest::newRow("negative") << -0.25 << QStringLiteral("-0.25");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0");
    QTest::newRow("negative zero") << -0.0 << QStringLiteral("0");
    QTest::newRow("one") << 1.0 << QStringLiteral("1");
    QTest::newRow("binary artefact 0.1+0.2") << (0.1 + 0.2) << QStringLiteral("0.3");
    QTest::newRow("binary artefact 0.0045*3") << (0.0015 * 3) << QStringLiteral("0.0045");
    QTest::newRow("a third rounds to 15 digits") << (1.0 / 3.0) << QStringLiteral("0.333333333333333");
    QTest::newRow("two thirds rounds up") << (2.0 / 3.0) << QStringLiteral("0.666666666666667");
    QTest::newRow("15 digits kept") << 123456789012345.0 << QStringLiteral("123456789012345");
    QTest::newRow("15 digits with fraction") << 1234567.89012345 << QStringLiteral("1234567.89012345");
    QTest::newRow("beyond 15 digits rounds") << 1234567890123456789.0 << QStringLiteral("1234567890123460000");
    QTest::newRow("large, no exponent") << 1e20 << QStringLiteral("100000000000000000000");
    QTest::newRow("tiny, no exponent") << 1.5e-10 << QStringLiteral("0.00000000015");
    QTest::newRow("micro rate") << 0.000001 << QStringLiteral("0.000001");
    QTest::newRow("price with cents") << 19.99 << QStringLiteral("19.99");
    QTest::newRow("negative large") << -2500000.5 << QStringLiteral("-2500000.5");
    QTest::newRow("trailing zeros of integer part") << 120.0 << QStringLiteral("120");
}

void NumberTextTest::fromDouble()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    const auto result = numberText(value);
    QVERIFY(result.has_value());
    QCOMPARE(*result, text);
}

void NumberTextTest::fromText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("text");

    QTest::newRow("excel exponent form") << QStringLiteral("4.4999999999999997E-3") << QStringLiteral("0.0045");
    QTest::newRow("17 digits above") << QStringLiteral("0.0045000000000000005") << QStringLiteral("0.0045");
    QTest::newRow("17 digits below") << QStringLiteral("4.4999999999999997E-3") << QStringLiteral("0.0045");
    QTest::newRow("0.00421 as stored") << QStringLiteral("4.2100000000000002E-3") << QStringLiteral("0.00421");
    QTest::newRow("already short") << QStringLiteral("0.0045") << QStringLiteral("0.0045");
    QTest::newRow("integer") << QStringLiteral("1000") << QStringLiteral("1000");
    QTest::newRow("integer with exponent") << QStringLiteral("1.0E+3") << QStringLiteral("1000");
    QTest::newRow("lower-case exponent") << QStringLiteral("2.5e-1") << QStringLiteral("0.25");
    QTest::newRow("negative") << QStringLiteral("-0.25") << QStringLiteral("-0.25");
    QTest::newRow("plus sign") << QStringLiteral("+5") << QStringLiteral("5");
    QTest::newRow("trailing zeros") << QStringLiteral("12.5000") << QStringLiteral("12.5");
    QTest::newRow("leading zeros") << QStringLiteral("007") << QStringLiteral("7");
    QTest::newRow("surrounding spaces") << QStringLiteral(" 12 ") << QStringLiteral("12");
    QTest::newRow("0.1+0.2 as stored") << QStringLiteral("0.30000000000000004") << QStringLiteral("0.3");
    QTest::newRow("negative zero") << QStringLiteral("-0") << QStringLiteral("0");
    QTest::newRow("big exponent") << QStringLiteral("1.5E+21") << QStringLiteral("1500000000000000000000");
}

void NumberTextTest::fromText()
{
    QFETCH(QString, input);
    QFETCH(QString, text);
    const auto result = numberText(QStringView(input));
    QVERIFY2(result.has_value(), qPrintable(input));
    QCOMPARE(*result, text);
}

void NumberTextTest::notANumber_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("word") << QStringLiteral("abc");
    QTest::newRow("decimal comma") << QStringLiteral("1,5");
    QTest::newRow("two points") << QStringLiteral("1.2.3");
    QTest::newRow("trailing text") << QStringLiteral("12abc");
    QTest::newRow("infinity") << QStringLiteral("inf");
    QTest::newRow("nan") << QStringLiteral("nan");
    QTest::newRow("hex") << QStringLiteral("0x10");
    QTest::newRow("out of range") << QStringLiteral("1e999");
    QTest::newRow("non-ascii digit") << QStringLiteral("\u0661\u0662");
}

void NumberTextTest::notANumber()
{
    QFETCH(QString, input);
    QCOMPARE(numberText(QStringView(input)), std::nullopt);
}

void NumberTextTest::nonFiniteDoubles()
{
    QCOMPARE(numberText(std::numeric_limits<double>::quiet_NaN()), std::nullopt);
    QCOMPARE(numberText(std::numeric_limits<double>::infinity()), std::nullopt);
    QCOMPARE(numberText(-std::numeric_limits<double>::infinity()), std::nullopt);
}

QTEST_APPLESS_MAIN(NumberTextTest)
#include "tst_numbertext.moc"
