// Exact scale arithmetic: tier and back-to-first, band boundaries, crossings, overflow.

#include "ScalePricing.h"

#include <QTest>

using namespace backoffice;
using namespace backoffice::rating;

Q_DECLARE_METATYPE(QList<backoffice::rating::ScaleBand>)

namespace {

Amount money(const QString &text)
{
    const std::optional<Amount> amount = Amount::parse(text);
    if (!amount)
        qFatal("bad test amount %s", qPrintable(text));
    return *amount;
}

// "0:1,1000:2" -> bands
QList<ScaleBand> bands(const char *text)
{
    QList<ScaleBand> list;
    for (const QString &band : QString::fromUtf8(text).split(u','))
        list.append({band.section(u':', 0, 0).toLongLong(), money(band.section(u':', 1))});
    return list;
}

} // namespace

class TestScalePricing final : public QObject
{
    Q_OBJECT

private slots:
    void charges_data()
    {
        QTest::addColumn<QList<ScaleBand>>("scale");
        QTest::addColumn<qint64>("before");
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<QString>("tier");
        QTest::addColumn<QString>("backToFirstAmount");
        QTest::addColumn<QString>("backToFirstAdjustment");
        QTest::addColumn<int>("bandReached"); // 0-based

        const QList<ScaleBand> manual = bands("0:1,1000:2");
        // §7.3.1: 1,050 messages, threshold 1,000, price 1 then 2.
        QTest::newRow("manual 1050") << manual << qint64(0) << qint64(1050) << QStringLiteral("1100")
                                     << QStringLiteral("2100") << QStringLiteral("0") << 1;
        QTest::newRow("manual exactly 1000") << manual << qint64(0) << qint64(1000) << QStringLiteral("1000")
                                             << QStringLiteral("1000") << QStringLiteral("0") << 0;
        QTest::newRow("manual 1000 then 50") << manual << qint64(1000) << qint64(50) << QStringLiteral("100")
                                             << QStringLiteral("100") << QStringLiteral("1000") << 1;
        QTest::newRow("manual 999 then 1") << manual << qint64(999) << qint64(1) << QStringLiteral("1")
                                           << QStringLiteral("1") << QStringLiteral("0") << 0;
        QTest::newRow("manual 999 then 2") << manual << qint64(999) << qint64(2) << QStringLiteral("3")
                                           << QStringLiteral("4") << QStringLiteral("999") << 1;
        QTest::newRow("nothing") << manual << qint64(500) << qint64(0) << QStringLiteral("0") << QStringLiteral("0")
                                 << QStringLiteral("0") << 0;
        // Falling prices: back-to-first gives earlier units back.
        const QList<ScaleBand> digi = bands("0:0.005,1000:0.004");
        QTest::newRow("digi falls") << digi << qint64(1000) << qint64(1) << QStringLiteral("0.004")
                                    << QStringLiteral("0.004") << QStringLiteral("-1") << 1;
        // Three bands crossed in one charge (rest of the world, §7.3.3).
        const QList<ScaleBand> world = bands("0:0.05,10000:0.04,50000:0.03");
        QTest::newRow("world three bands") << world << qint64(9000) << qint64(42000) << QStringLiteral("1680")
                                           << QStringLiteral("1260") << QStringLiteral("-180") << 2;
        QTest::newRow("single band") << bands("0:0.0280") << qint64(123) << qint64(7) << QStringLiteral("0.196")
                                     << QStringLiteral("0.196") << QStringLiteral("0") << 0;
    }

    void charges()
    {
        QFETCH(QList<ScaleBand>, scale);
        QFETCH(qint64, before);
        QFETCH(qint64, quantity);
        QFETCH(QString, tier);
        QFETCH(QString, backToFirstAmount);
        QFETCH(QString, backToFirstAdjustment);

        Amount amount, adjustment;
        QVERIFY(ScalePricing::tierAmount(scale, before, quantity, &amount));
        QCOMPARE(amount, money(tier));
        QVERIFY(ScalePricing::backToFirstCharge(scale, before, quantity, &amount, &adjustment));
        QCOMPARE(amount, money(backToFirstAmount));
        QCOMPARE(adjustment, money(backToFirstAdjustment));
        QTEST(ScalePricing::bandIndexReached(scale, before + quantity), "bandReached");

        // Whatever the split, back-to-first charges add up to the period total.
        Amount totalBefore, totalAfter;
        QVERIFY(ScalePricing::backToFirstPeriodTotal(scale, before, &totalBefore));
        QVERIFY(ScalePricing::backToFirstPeriodTotal(scale, before + quantity, &totalAfter));
        QCOMPARE(totalBefore + amount + adjustment, totalAfter);
        // And tier charges are additive: charging unit by unit gives the same (small cases only).
        if (quantity <= 100) {
            Amount sum;
            for (qint64 unit = 0; unit < quantity; ++unit) {
                Amount one;
                QVERIFY(ScalePricing::tierAmount(scale, before + unit, 1, &one));
                sum += one;
            }
            QCOMPARE(sum, money(tier));
        }
    }

    void periodTotal()
    {
        Amount total;
        QVERIFY(ScalePricing::backToFirstPeriodTotal(bands("0:1,1000:2"), 1050, &total));
        QCOMPARE(total, money(QStringLiteral("2100")));
        QVERIFY(ScalePricing::backToFirstPeriodTotal(bands("0:1,1000:2"), 0, &total));
        QCOMPARE(total, Amount());
    }

    void refusesBadInput()
    {
        Amount out, adjustment;
        QVERIFY(!ScalePricing::tierAmount({}, 0, 1, &out));
        QVERIFY(!ScalePricing::tierAmount(bands("0:1"), -1, 1, &out));
        QVERIFY(!ScalePricing::tierAmount(bands("0:1"), 0, -1, &out));
        QVERIFY(!ScalePricing::tierAmount(bands("0:1000000"), 0, std::numeric_limits<qint64>::max() / 2, &out));
        QVERIFY(!ScalePricing::tierAmount(bands("0:1"), std::numeric_limits<qint64>::max(), 1, &out));
        QVERIFY(!ScalePricing::backToFirstCharge(bands("0:1000000"), 0, std::numeric_limits<qint64>::max() / 2, &out,
                                                 &adjustment));
    }
};

QTEST_GUILESS_MAIN(TestScalePricing)
#include "tst_scalepricing.moc"
