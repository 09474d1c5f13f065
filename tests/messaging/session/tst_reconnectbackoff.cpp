// ReconnectBackoff: doubling delays with jitter, within [min, max].
#include "ReconnectBackoff.h"

#include <QSet>
#include <QTest>

using namespace backoffice::smpp;

class TestReconnectBackoff final : public QObject
{
    Q_OBJECT

private slots:
    void doublesWithinBounds()
    {
        ReconnectBackoff backoff(1000, 60000, 1);
        qint64 base = 1000;
        for (int attempt = 0; attempt < 12; ++attempt) {
            const int delay = backoff.nextDelayMs();
            const qint64 low = std::min<qint64>(base, 60000);
            QVERIFY2(delay >= low && delay <= std::min<qint64>(low + low / 2, 60000),
                     qPrintable(QStringLiteral("attempt %1: %2").arg(attempt).arg(delay)));
            base *= 2;
        }
        QCOMPARE(backoff.attempts(), 12);
        // Saturated: never above the maximum, however long it goes on.
        for (int i = 0; i < 100; ++i)
            QCOMPARE(backoff.nextDelayMs(), 60000);
    }

    void resetStartsOver()
    {
        ReconnectBackoff backoff(100, 10000, 2);
        for (int i = 0; i < 5; ++i)
            backoff.nextDelayMs();
        backoff.reset();
        const int delay = backoff.nextDelayMs();
        QVERIFY(delay >= 100 && delay <= 150);
    }

    void jitterSpreadsSessions()
    {
        // Sessions that failed together do not retry together.
        QSet<int> firstDelays;
        for (quint32 seed = 1; seed <= 20; ++seed)
            firstDelays.insert(ReconnectBackoff(1000, 60000, seed).nextDelayMs());
        QVERIFY(firstDelays.size() > 10);
    }

    void sillyBoundsAreClamped()
    {
        ReconnectBackoff backoff(0, -5, 3);
        QCOMPARE(backoff.nextDelayMs(), 1);
    }
};

QTEST_GUILESS_MAIN(TestReconnectBackoff)
#include "tst_reconnectbackoff.moc"
