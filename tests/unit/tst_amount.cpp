#include "Amount.h"

#include <QTest>

#include <limits>

using backoffice::Amount;

namespace {

constexpr qint64 Max = std::numeric_limits<qint64>::max();
constexpr qint64 Min = std::numeric_limits<qint64>::min();

Amount a(const char *text)
{
    const auto parsed = Amount::parse(QString::fromLatin1(text));
    if (!parsed)
        qFatal("test data is not an amount: %s", text);
    return *parsed;
}

} // namespace

class AmountTest final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseErrorSaysWhy_data();
    void parseErrorSaysWhy();
    void toString_data();
    void toString();
    void roundTrip_data();
    void roundTrip();
    void rounding_data();
    void rounding();
    void checkedArithmetic_data();
    void checkedArithmetic();
    void multiplyByFactor_data();
    void multiplyByFactor();
    void operatorsAndComparison();
};

void AmountTest::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("micros");

    auto row = [](const char *name, const QString &text, bool valid, qint64 micros) {
        QTest::newRow(name) << text << valid << micros;
    };
    row("zero", QStringLiteral("0"), true, 0);
    row("integer", QStringLiteral("1500"), true, 1500000000);
    row("one decimal", QStringLiteral("1500.5"), true, 1500500000);
    row("rate", QStringLiteral("0.00421"), true, 4210);
    row("negative rate", QStringLiteral("-0.00421"), true, -4210);
    row("plus sign", QStringLiteral("+3.5"), true, 3500000);
    row("one micro", QStringLiteral("0.000001"), true, 1);
    row("six decimals", QStringLiteral("12.345678"), true, 12345678);
    row("leading zeros", QStringLiteral("007.10"), true, 7100000);
    row("surrounding spaces", QStringLiteral("  12.30 "), true, 12300000);
    row("negative zero", QStringLiteral("-0"), true, 0);
    row("maximum", QStringLiteral("9223372036854.775807"), true, Max);
    row("minimum", QStringLiteral("-9223372036854.775808"), true, Min);

    row("empty", QString(), false, 0);
    row("blank", QStringLiteral("   "), false, 0);
    row("sign only", QStringLiteral("-"), false, 0);
    row("trailing dot", QStringLiteral("1."), false, 0);
    row("leading dot", QStringLiteral(".5"), false, 0);
    row("seven decimals", QStringLiteral("1.0000001"), false, 0);
    row("seven zero decimals", QStringLiteral("1.0000000"), false, 0);
    row("exponent", QStringLiteral("1e5"), false, 0);
    row("comma decimal", QStringLiteral("1,5"), false, 0);
    row("grouping space", QStringLiteral("1 500"), false, 0);
    row("letters", QStringLiteral("abc"), false, 0);
    row("currency suffix", QStringLiteral("10 EUR"), false, 0);
    row("double sign", QStringLiteral("--1"), false, 0);
    row("mixed signs", QStringLiteral("+-1"), false, 0);
    row("two dots", QStringLiteral("1.2.3"), false, 0);
    row("hex", QStringLiteral("0x10"), false, 0);
    row("arabic-indic digits", QStringLiteral("\u0661\u0662"), false, 0);
    row("just above maximum", QStringLiteral("9223372036854.775808"), false, 0);
    row("just below minimum", QStringLiteral("-9223372036854.775809"), false, 0);
    row("huge integer", QStringLiteral("99999999999999999999"), false, 0);
    row("huge integer with decimals", QStringLiteral("9223372036855.0"), false, 0);
}

void AmountTest::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, micros);

    QString error;
    const std::optional<Amount> amount = Amount::parse(text, &error);
    QCOMPARE(amount.has_value(), valid);
    if (valid) {
        QCOMPARE(amount->micros(), micros);
        QVERIFY(error.isEmpty());
    } else {
        QVERIFY2(!error.isEmpty(), "a refused amount must come with a reason");
    }
}

void AmountTest::parseErrorSaysWhy_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << QString() << QStringLiteral("required");
    QTest::newRow("decimals") << QStringLiteral("0.1234567") << QStringLiteral("more than 6 decimals");
    QTest::newRow("range") << QStringLiteral("10000000000000") << QStringLiteral("range");
    QTest::newRow("syntax") << QStringLiteral("1,50") << QStringLiteral("not an amount");
}

void AmountTest::parseErrorSaysWhy()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);

    QString error;
    QVERIFY(!Amount::parse(text, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void AmountTest::toString_data()
{
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<int>("minDecimals");
    QTest::addColumn<QString>("expected");

    QTest::newRow("integer") << qint64(1500000000) << 2 << QStringLiteral("1500.00");
    QTest::newRow("rate") << qint64(4210) << 2 << QStringLiteral("0.00421");
    QTest::newRow("negative") << qint64(-3500000) << 2 << QStringLiteral("-3.50");
    QTest::newRow("zero") << qint64(0) << 2 << QStringLiteral("0.00");
    QTest::newRow("zero no decimals") << qint64(0) << 0 << QStringLiteral("0");
    QTest::newRow("one micro") << qint64(1) << 2 << QStringLiteral("0.000001");
    QTest::newRow("minus one micro") << qint64(-1) << 2 << QStringLiteral("-0.000001");
    QTest::newRow("all decimals") << qint64(1234567) << 0 << QStringLiteral("1.234567");
    QTest::newRow("whole no decimals") << qint64(1000000) << 0 << QStringLiteral("1");
    QTest::newRow("six forced") << qint64(1500000) << 6 << QStringLiteral("1.500000");
    QTest::newRow("min below zero clamps") << qint64(1500000) << -3 << QStringLiteral("1.5");
    QTest::newRow("min above six clamps") << qint64(1500000) << 9 << QStringLiteral("1.500000");
    QTest::newRow("maximum") << Max << 2 << QStringLiteral("9223372036854.775807");
    QTest::newRow("minimum") << Min << 2 << QStringLiteral("-9223372036854.775808");
}

void AmountTest::toString()
{
    QFETCH(qint64, micros);
    QFETCH(int, minDecimals);
    QFETCH(QString, expected);

    QCOMPARE(Amount::fromMicros(micros).toString(minDecimals), expected);
}

void AmountTest::roundTrip_data()
{
    QTest::addColumn<qint64>("micros");
    for (const qint64 micros : {qint64(0), qint64(1), qint64(-1), qint64(4210), qint64(-28900), qint64(1500000000),
                                qint64(123456789012), Max, Min}) {
        QTest::addRow("%lld", static_cast<long long>(micros)) << micros;
    }
}

void AmountTest::roundTrip()
{
    QFETCH(qint64, micros);
    const Amount amount = Amount::fromMicros(micros);
    for (int minDecimals = 0; minDecimals <= Amount::Decimals; ++minDecimals) {
        const auto back = Amount::parse(amount.toString(minDecimals));
        QVERIFY(back.has_value());
        QCOMPARE(back->micros(), micros);
    }
}

void AmountTest::rounding_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("expected");

    const int up = int(Amount::Rounding::HalfUp);
    const int even = int(Amount::Rounding::HalfEven);
    const int down = int(Amount::Rounding::Down);
    auto row = [](const char *name, const char *value, int decimals, int mode, const char *expected) {
        QTest::newRow(name) << QString::fromLatin1(value) << decimals << mode << QString::fromLatin1(expected);
    };
    row("half up 2.5", "2.5", 0, up, "3");
    row("half up -2.5 away from zero", "-2.5", 0, up, "-3");
    row("half up below half", "2.499999", 0, up, "2");
    row("half up cents", "0.005", 2, up, "0.01");
    row("half up rate to 4", "1.234567", 4, up, "1.2346");
    row("half up negative cents", "-10.125", 2, up, "-10.13");
    row("half even 2.5", "2.5", 0, even, "2");
    row("half even 3.5", "3.5", 0, even, "4");
    row("half even -2.5", "-2.5", 0, even, "-2");
    row("half even -3.5", "-3.5", 0, even, "-4");
    row("half even cents odd", "0.015", 2, even, "0.02");
    row("half even cents even", "0.025", 2, even, "0.02");
    row("half even above half", "0.025001", 2, even, "0.03");
    row("half even 4 odd", "1.23455", 4, even, "1.2346");
    row("half even 4 even", "1.23445", 4, even, "1.2344");
    row("down positive", "2.9", 0, down, "2");
    row("down negative toward zero", "-2.9", 0, down, "-2");
    row("down cents", "19.999999", 2, down, "19.99");
    row("six decimals unchanged", "0.000001", 6, up, "0.000001");
    row("decimals above six clamp", "0.000001", 8, up, "0.000001");
    row("zero decimals of small", "0.4", 0, up, "0");
    row("negative to zero", "-0.4", 0, up, "0");
    row("exact unchanged", "12.34", 2, even, "12.34");
}

void AmountTest::rounding()
{
    QFETCH(QString, value);
    QFETCH(int, decimals);
    QFETCH(int, mode);
    QFETCH(QString, expected);

    const auto input = Amount::parse(value);
    QVERIFY(input.has_value());
    const Amount result = input->rounded(decimals, Amount::Rounding(mode));
    QCOMPARE(result.toString(0), expected);
}

void AmountTest::checkedArithmetic_data()
{
    QTest::addColumn<qint64>("left");
    QTest::addColumn<qint64>("right");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("expected");

    const QString add = QStringLiteral("add");
    const QString sub = QStringLiteral("subtract");
    const QString mul = QStringLiteral("multiply");
    QTest::newRow("add") << qint64(1500000) << qint64(4210) << add << true << qint64(1504210);
    QTest::newRow("add to maximum") << Max - 1 << qint64(1) << add << true << Max;
    QTest::newRow("add past maximum") << Max << qint64(1) << add << false << qint64(0);
    QTest::newRow("add past minimum") << Min << qint64(-1) << add << false << qint64(0);
    QTest::newRow("add extremes") << Max << Min << add << true << qint64(-1);
    QTest::newRow("subtract") << qint64(1000000) << qint64(2500000) << sub << true << qint64(-1500000);
    QTest::newRow("subtract past minimum") << Min << qint64(1) << sub << false << qint64(0);
    QTest::newRow("subtract minimum from zero") << qint64(0) << Min << sub << false << qint64(0);
    QTest::newRow("multiply rate by messages") << qint64(4210) << qint64(1000000) << mul << true << qint64(4210000000);
    QTest::newRow("multiply negative") << qint64(-28900) << qint64(3) << mul << true << qint64(-86700);
    QTest::newRow("multiply by zero") << Max << qint64(0) << mul << true << qint64(0);
    QTest::newRow("multiply past maximum") << Max / 2 + 1 << qint64(2) << mul << false << qint64(0);
    QTest::newRow("multiply minimum by -1") << Min << qint64(-1) << mul << false << qint64(0);
}

void AmountTest::checkedArithmetic()
{
    QFETCH(qint64, left);
    QFETCH(qint64, right);
    QFETCH(QString, operation);
    QFETCH(bool, fits);
    QFETCH(qint64, expected);

    const Amount sentinel = Amount::fromMicros(777);
    Amount out = sentinel;
    bool ok = false;
    if (operation == QLatin1String("add"))
        ok = Amount::add(Amount::fromMicros(left), Amount::fromMicros(right), &out);
    else if (operation == QLatin1String("subtract"))
        ok = Amount::subtract(Amount::fromMicros(left), Amount::fromMicros(right), &out);
    else
        ok = Amount::multiply(Amount::fromMicros(left), right, &out);
    QCOMPARE(ok, fits);
    QCOMPARE(out.micros(), fits ? expected : sentinel.micros()); // untouched on overflow
    if (fits && operation == QLatin1String("multiply"))
        QCOMPARE(Amount::fromMicros(left).multipliedBy(right).micros(), expected);
}

void AmountTest::multiplyByFactor_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("factor");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<QString>("expected");

    const int up = int(Amount::Rounding::HalfUp);
    const int even = int(Amount::Rounding::HalfEven);
    const int down = int(Amount::Rounding::Down);
    auto row = [](const char *name, const char *value, const char *factor, int mode, bool fits, const char *expected) {
        QTest::newRow(name) << QString::fromLatin1(value) << QString::fromLatin1(factor) << mode << fits
                            << QString::fromLatin1(expected);
    };
    row("vat", "100.00", "0.21", up, true, "21");
    row("exact rate product", "0.00421", "1000", up, true, "4.21");
    row("half micro up", "0.000001", "0.5", up, true, "0.000001");
    row("half micro even", "0.000001", "0.5", even, true, "0");
    row("half micro down", "0.000001", "0.5", down, true, "0");
    row("negative half up", "-0.000003", "0.5", up, true, "-0.000002");
    row("negative half even", "-0.000003", "0.5", even, true, "-0.000002");
    row("negative down", "-0.000003", "0.5", down, true, "-0.000001");
    row("identity at maximum", "9223372036854.775807", "1", up, true, "9223372036854.775807");
    row("overflow", "9223372036854.775807", "2", up, false, "");
    row("negative overflow", "-5000000000000", "2", up, false, "");
}

void AmountTest::multiplyByFactor()
{
    QFETCH(QString, value);
    QFETCH(QString, factor);
    QFETCH(int, mode);
    QFETCH(bool, fits);
    QFETCH(QString, expected);

    Amount out;
    QCOMPARE(Amount::multiplyByFactor(*Amount::parse(value), *Amount::parse(factor), &out, Amount::Rounding(mode)), fits);
    if (fits)
        QCOMPARE(out.toString(0), expected);
}

void AmountTest::operatorsAndComparison()
{
    QCOMPARE((a("1.50") + a("0.00421")).toString(), QStringLiteral("1.50421"));
    QCOMPARE((a("1.50") - a("2")).toString(), QStringLiteral("-0.50"));
    QCOMPARE((-a("3.5")).toString(), QStringLiteral("-3.50"));
    Amount total;
    for (int i = 0; i < 1000; ++i)
        total += a("0.0289");
    QCOMPARE(total, a("28.9")); // exact: a double sum would drift
    total -= a("28.9");
    QVERIFY(total.isZero());
    QVERIFY(!total.isNegative());
    QVERIFY(a("-0.000001").isNegative());
    QVERIFY(a("0.1") < a("0.2"));
    QVERIFY(a("-1") < a("0"));
    QVERIFY(a("2.000000") == a("2"));
    QVERIFY(a("2") != a("2.000001"));
    QVERIFY(a("3") >= a("3"));
    QCOMPARE(Amount().micros(), qint64(0));
    QCOMPARE(Amount::Scale, qint64(1000000));
}

QTEST_APPLESS_MAIN(AmountTest)
#include "tst_amount.moc"
