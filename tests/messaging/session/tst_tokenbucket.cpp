// TokenBucket: the rate limit both session roles use, driven by a fake clock.
#include "TokenBucket.h"

#include <QTest>

using namespace backoffice::smpp;

class TestTokenBucket final : public QObject
{
    Q_OBJECT

private slots:
    void unlimited()
    {
        TokenBucket bucket(0, 1);
        QVERIFY(bucket.isUnlimited());
        for (int i = 0; i < 1000; ++i)
            QVERIFY(bucket.tryTake(0));
        QCOMPARE(bucket.nanosUntilNext(0), qint64(0));
    }

    void startsFullThenSpacesEvenly()
    {
        TokenBucket bucket(100, 2); // one token per 10 ms, two may pile up
        QVERIFY(bucket.tryTake(0));
        QVERIFY(bucket.tryTake(0));
        QVERIFY(!bucket.tryTake(0));
        QCOMPARE(bucket.nanosUntilNext(0), qint64(10'000'000));
        QVERIFY(!bucket.tryTake(9'999'999));
        QVERIFY(bucket.tryTake(10'000'000));
        QVERIFY(!bucket.tryTake(10'000'000));
    }

    void idleTimeBuildsOnlyTheBurst()
    {
        TokenBucket bucket(1000, 3);
        QVERIFY(bucket.tryTake(0));
        // A whole second idle is worth 1000 tokens, but the bucket holds three.
        int taken = 0;
        while (bucket.tryTake(1'000'000'000))
            ++taken;
        QCOMPARE(taken, 3);
    }

    void rateOverASecond_data()
    {
        QTest::addColumn<int>("rate");
        QTest::newRow("10/s") << 10;
        QTest::newRow("100/s") << 100;
        QTest::newRow("3000/s") << 3000;
    }

    void rateOverASecond()
    {
        QFETCH(int, rate);
        TokenBucket bucket(rate, TokenBucket::smoothBurst(rate));
        // Polled every 100 µs for one second: the tokens handed out are the rate plus the initial burst.
        int taken = 0;
        for (qint64 now = 0; now < 1'000'000'000; now += 100'000) {
            while (bucket.tryTake(now))
                ++taken;
        }
        QVERIFY2(taken >= rate && taken <= rate + TokenBucket::smoothBurst(rate), qPrintable(QString::number(taken)));
    }

    void smoothBurstIsTwentyMilliseconds()
    {
        QCOMPARE(TokenBucket::smoothBurst(10), 1);
        QCOMPARE(TokenBucket::smoothBurst(100), 2);
        QCOMPARE(TokenBucket::smoothBurst(20000), 400);
    }
};

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
