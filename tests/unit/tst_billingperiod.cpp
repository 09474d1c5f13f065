#include "BillingPeriod.h"

#include <QRandomGenerator>
#include <QTest>

using namespace backoffice;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime value = QDateTime::fromString(iso, Qt::ISODate);
    if (!value.isValid())
        qFatal("bad test date-time %s", qPrintable(iso));
    return value.toUTC();
}

QString iso(const QDateTime &value)
{
    return value.toUTC().toString(Qt::ISODate);
}

BillingPeriodKind kindOf(const QString &key)
{
    BillingPeriodKind kind = BillingPeriodKind::Daily;
    if (!parseBillingPeriodKind(key, &kind))
        qFatal("bad test period kind %s", qPrintable(key));
    return kind;
}

} // namespace

class BillingPeriodTest final : public QObject
{
    Q_OBJECT

private slots:
    void kindKeys();
    void billingDay_data();
    void billingDay();
    void localToUtc_data();
    void localToUtc();
    void period_data();
    void period();
    void periodsTileTime_data();
    void periodsTileTime();
    void invalidInputs();
};

void BillingPeriodTest::kindKeys()
{
    for (const auto kind : {BillingPeriodKind::Daily, BillingPeriodKind::Weekly, BillingPeriodKind::Monthly,
                            BillingPeriodKind::Quarterly}) {
        BillingPeriodKind parsed = BillingPeriodKind::Daily;
        QVERIFY(parseBillingPeriodKind(billingPeriodKindKey(kind), &parsed));
        QCOMPARE(parsed, kind);
    }
    QCOMPARE(billingPeriodKindKey(BillingPeriodKind::Quarterly), QStringLiteral("quarterly"));
    BillingPeriodKind untouched = BillingPeriodKind::Weekly;
    QVERIFY(!parseBillingPeriodKind(QStringLiteral("Monthly"), &untouched));
    QVERIFY(!parseBillingPeriodKind(QStringLiteral("yearly"), &untouched));
    QVERIFY(!parseBillingPeriodKind(QString(), &untouched));
    QCOMPARE(untouched, BillingPeriodKind::Weekly);
}

void BillingPeriodTest::billingDay_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("day");
    QTest::addColumn<bool>("valid");

    QTest::newRow("daily ignores the day") << QStringLiteral("daily") << 0 << true;
    QTest::newRow("daily any number") << QStringLiteral("daily") << 99 << true;
    QTest::newRow("weekly monday") << QStringLiteral("weekly") << 1 << true;
    QTest::newRow("weekly sunday") << QStringLiteral("weekly") << 7 << true;
    QTest::newRow("weekly zero") << QStringLiteral("weekly") << 0 << false;
    QTest::newRow("weekly eight") << QStringLiteral("weekly") << 8 << false;
    QTest::newRow("monthly first") << QStringLiteral("monthly") << 1 << true;
    QTest::newRow("monthly 28th") << QStringLiteral("monthly") << 28 << true;
    QTest::newRow("monthly 29th") << QStringLiteral("monthly") << 29 << false;
    QTest::newRow("monthly 31st") << QStringLiteral("monthly") << 31 << false;
    QTest::newRow("monthly negative") << QStringLiteral("monthly") << -1 << false;
    QTest::newRow("quarterly 15th") << QStringLiteral("quarterly") << 15 << true;
    QTest::newRow("quarterly zero") << QStringLiteral("quarterly") << 0 << false;
    QTest::newRow("quarterly 29th") << QStringLiteral("quarterly") << 29 << false;
}

void BillingPeriodTest::billingDay()
{
    QFETCH(QString, kind);
    QFETCH(int, day);
    QFETCH(bool, valid);
    const QString problem = billingDayProblem(kindOf(kind), day);
    QCOMPARE(problem.isEmpty(), valid);
}

void BillingPeriodTest::localToUtc_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("local"); // wall clock in the zone, no offset
    QTest::addColumn<QString>("expected");

    QTest::newRow("UTC") << QByteArray("UTC") << QStringLiteral("2025-06-01T12:00:00")
                         << QStringLiteral("2025-06-01T12:00:00Z");
    QTest::newRow("Madrid winter") << QByteArray("Europe/Madrid") << QStringLiteral("2025-01-16T00:00:00")
                                   << QStringLiteral("2025-01-15T23:00:00Z");
    QTest::newRow("Madrid summer") << QByteArray("Europe/Madrid") << QStringLiteral("2025-07-01T00:00:00")
                                   << QStringLiteral("2025-06-30T22:00:00Z");
    QTest::newRow("Madrid gap start") << QByteArray("Europe/Madrid") << QStringLiteral("2025-03-30T02:00:00")
                                      << QStringLiteral("2025-03-30T01:00:00Z");
    QTest::newRow("Madrid in gap") << QByteArray("Europe/Madrid") << QStringLiteral("2025-03-30T02:30:00")
                                   << QStringLiteral("2025-03-30T01:00:00Z");
    QTest::newRow("Madrid after gap") << QByteArray("Europe/Madrid") << QStringLiteral("2025-03-30T03:00:00")
                                      << QStringLiteral("2025-03-30T01:00:00Z");
    QTest::newRow("Madrid repeated hour") << QByteArray("Europe/Madrid") << QStringLiteral("2025-10-26T02:30:00")
                                          << QStringLiteral("2025-10-26T00:30:00Z");
    QTest::newRow("Madrid after repeat") << QByteArray("Europe/Madrid") << QStringLiteral("2025-10-26T03:00:00")
                                         << QStringLiteral("2025-10-26T02:00:00Z");
    QTest::newRow("New York gap") << QByteArray("America/New_York") << QStringLiteral("2025-03-09T02:30:00")
                                  << QStringLiteral("2025-03-09T07:00:00Z");
    QTest::newRow("New York repeated hour") << QByteArray("America/New_York") << QStringLiteral("2025-11-02T01:30:00")
                                            << QStringLiteral("2025-11-02T05:30:00Z");
    QTest::newRow("Kiritimati +14") << QByteArray("Pacific/Kiritimati") << QStringLiteral("2025-01-01T00:00:00")
                                    << QStringLiteral("2024-12-31T10:00:00Z");
    QTest::newRow("Pago Pago -11") << QByteArray("Pacific/Pago_Pago") << QStringLiteral("2025-01-01T00:00:00")
                                   << QStringLiteral("2025-01-01T11:00:00Z");
    // Kiritimati moved across the date line: 31 December 1994 never happened there.
    QTest::newRow("Kiritimati skipped day") << QByteArray("Pacific/Kiritimati") << QStringLiteral("1994-12-31T12:00:00")
                                            << QStringLiteral("1994-12-31T10:00:00Z");
    // Chile starts daylight saving at midnight, so 8 September 2024 begins at 01:00.
    QTest::newRow("Santiago midnight gap") << QByteArray("America/Santiago") << QStringLiteral("2024-09-08T00:00:00")
                                           << QStringLiteral("2024-09-08T04:00:00Z");
    QTest::newRow("Kathmandu +05:45") << QByteArray("Asia/Kathmandu") << QStringLiteral("2025-05-01T00:00:00")
                                      << QStringLiteral("2025-04-30T18:15:00Z");
}

void BillingPeriodTest::localToUtc()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, local);
    QFETCH(QString, expected);

    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    const QDateTime wall = QDateTime::fromString(local, Qt::ISODate);
    const QDateTime result = backoffice::localToUtc(wall.date(), wall.time(), tz);
    QCOMPARE(result.timeSpec(), Qt::UTC);
    QCOMPARE(iso(result), expected);
}

void BillingPeriodTest::period_data()
{
    QTest::addColumn<QString>("instant");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("day");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<bool>("split");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");

    auto row = [](const char *name, const char *instant, const char *kind, int day, const char *zone, bool split,
                  const char *start, const char *end) {
        QTest::newRow(name) << QString::fromLatin1(instant) << QString::fromLatin1(kind) << day << QByteArray(zone)
                            << split << QString::fromLatin1(start) << QString::fromLatin1(end);
    };

    // Daily
    row("daily UTC", "2025-03-15T10:00:00Z", "daily", 1, "UTC", false, "2025-03-15T00:00:00Z", "2025-03-16T00:00:00Z");
    row("daily at midnight belongs to the new day", "2025-03-16T00:00:00Z", "daily", 1, "UTC", false,
        "2025-03-16T00:00:00Z", "2025-03-17T00:00:00Z");
    row("daily Madrid local date differs from UTC", "2025-01-15T23:30:00Z", "daily", 1, "Europe/Madrid", false,
        "2025-01-15T23:00:00Z", "2025-01-16T23:00:00Z");
    row("daily Madrid spring day has 23 hours", "2025-03-30T12:00:00Z", "daily", 1, "Europe/Madrid", false,
        "2025-03-29T23:00:00Z", "2025-03-30T22:00:00Z");
    row("daily Madrid autumn day has 25 hours", "2025-10-26T12:00:00Z", "daily", 1, "Europe/Madrid", false,
        "2025-10-25T22:00:00Z", "2025-10-26T23:00:00Z");
    row("daily New York spring", "2025-03-09T15:00:00Z", "daily", 1, "America/New_York", false,
        "2025-03-09T05:00:00Z", "2025-03-10T04:00:00Z");
    row("daily New York autumn", "2025-11-02T15:00:00Z", "daily", 1, "America/New_York", false,
        "2025-11-02T04:00:00Z", "2025-11-03T05:00:00Z");
    row("daily Kiritimati last second of the day", "2025-06-30T09:59:59Z", "daily", 1, "Pacific/Kiritimati", false,
        "2025-06-29T10:00:00Z", "2025-06-30T10:00:00Z");
    row("daily Kiritimati next day", "2025-06-30T10:00:00Z", "daily", 1, "Pacific/Kiritimati", false,
        "2025-06-30T10:00:00Z", "2025-07-01T10:00:00Z");
    row("daily Pago Pago", "2025-01-01T05:00:00Z", "daily", 1, "Pacific/Pago_Pago", false,
        "2024-12-31T11:00:00Z", "2025-01-01T11:00:00Z");
    row("daily split changes nothing", "2025-09-30T21:59:59Z", "daily", 1, "Europe/Madrid", true,
        "2025-09-29T22:00:00Z", "2025-09-30T22:00:00Z");
    row("daily day starting in a midnight gap", "2024-09-08T12:00:00Z", "daily", 1, "America/Santiago", false,
        "2024-09-08T04:00:00Z", "2024-09-09T03:00:00Z");
    row("daily before a skipped day", "1994-12-31T09:59:59Z", "daily", 1, "Pacific/Kiritimati", false,
        "1994-12-30T10:00:00Z", "1994-12-31T10:00:00Z");
    row("daily after a skipped day", "1994-12-31T10:00:00Z", "daily", 1, "Pacific/Kiritimati", false,
        "1994-12-31T10:00:00Z", "1995-01-01T10:00:00Z");

    // Weekly: the reference's example, a week from Monday 29 September to Sunday 5 October.
    row("weekly without split", "2025-09-30T12:00:00Z", "weekly", 1, "UTC", false,
        "2025-09-29T00:00:00Z", "2025-10-06T00:00:00Z");
    row("weekly split, September part", "2025-09-30T12:00:00Z", "weekly", 1, "UTC", true,
        "2025-09-29T00:00:00Z", "2025-10-01T00:00:00Z");
    row("weekly split, October part", "2025-10-03T12:00:00Z", "weekly", 1, "UTC", true,
        "2025-10-01T00:00:00Z", "2025-10-06T00:00:00Z");
    row("weekly split, first instant of October", "2025-10-01T00:00:00Z", "weekly", 1, "UTC", true,
        "2025-10-01T00:00:00Z", "2025-10-06T00:00:00Z");
    row("weekly split in Madrid", "2025-10-01T12:00:00Z", "weekly", 1, "Europe/Madrid", true,
        "2025-09-30T22:00:00Z", "2025-10-05T22:00:00Z");
    row("weekly split, week inside a month", "2025-10-08T12:00:00Z", "weekly", 1, "UTC", true,
        "2025-10-06T00:00:00Z", "2025-10-13T00:00:00Z");
    row("weekly starting Sunday", "2025-03-12T12:00:00Z", "weekly", 7, "UTC", false,
        "2025-03-09T00:00:00Z", "2025-03-16T00:00:00Z");
    row("weekly starting Wednesday, on a Wednesday", "2025-03-12T00:00:00Z", "weekly", 3, "UTC", false,
        "2025-03-12T00:00:00Z", "2025-03-19T00:00:00Z");
    row("weekly starting Wednesday, on a Tuesday", "2025-03-11T23:59:59Z", "weekly", 3, "UTC", false,
        "2025-03-05T00:00:00Z", "2025-03-12T00:00:00Z");
    row("weekly Madrid week with the autumn change", "2025-10-26T12:00:00Z", "weekly", 1, "Europe/Madrid", false,
        "2025-10-19T22:00:00Z", "2025-10-26T23:00:00Z");
    row("weekly Madrid split into November", "2025-11-01T12:00:00Z", "weekly", 1, "Europe/Madrid", true,
        "2025-10-31T23:00:00Z", "2025-11-02T23:00:00Z");
    row("weekly across the year end", "2025-12-31T12:00:00Z", "weekly", 1, "UTC", false,
        "2025-12-29T00:00:00Z", "2026-01-05T00:00:00Z");
    row("weekly split at the year end", "2026-01-02T12:00:00Z", "weekly", 1, "UTC", true,
        "2026-01-01T00:00:00Z", "2026-01-05T00:00:00Z");
    row("weekly Kiritimati", "2025-09-28T10:00:00Z", "weekly", 1, "Pacific/Kiritimati", true,
        "2025-09-28T10:00:00Z", "2025-09-30T10:00:00Z");

    // Monthly
    row("monthly first, end of February", "2025-02-28T23:59:59Z", "monthly", 1, "UTC", false,
        "2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z");
    row("monthly 15th, before the day", "2025-03-14T12:00:00Z", "monthly", 15, "UTC", false,
        "2025-02-15T00:00:00Z", "2025-03-15T00:00:00Z");
    row("monthly 15th, on the day", "2025-03-15T00:00:00Z", "monthly", 15, "UTC", false,
        "2025-03-15T00:00:00Z", "2025-04-15T00:00:00Z");
    row("monthly 15th across the year end", "2025-01-10T12:00:00Z", "monthly", 15, "UTC", false,
        "2024-12-15T00:00:00Z", "2025-01-15T00:00:00Z");
    row("monthly 28th in a leap February", "2024-02-29T12:00:00Z", "monthly", 28, "UTC", false,
        "2024-02-28T00:00:00Z", "2024-03-28T00:00:00Z");
    row("monthly Madrid March has the spring change", "2025-03-15T12:00:00Z", "monthly", 1, "Europe/Madrid", false,
        "2025-02-28T23:00:00Z", "2025-03-31T22:00:00Z");
    row("monthly Madrid local April already", "2025-03-31T22:30:00Z", "monthly", 1, "Europe/Madrid", false,
        "2025-03-31T22:00:00Z", "2025-04-30T22:00:00Z");
    row("monthly split ignored", "2025-03-20T12:00:00Z", "monthly", 15, "UTC", true,
        "2025-03-15T00:00:00Z", "2025-04-15T00:00:00Z");
    row("monthly Kiritimati", "2025-06-30T10:00:00Z", "monthly", 1, "Pacific/Kiritimati", false,
        "2025-06-30T10:00:00Z", "2025-07-31T10:00:00Z");
    row("monthly Pago Pago still December", "2025-01-01T05:00:00Z", "monthly", 1, "Pacific/Pago_Pago", false,
        "2024-12-01T11:00:00Z", "2025-01-01T11:00:00Z");

    // Quarterly
    row("quarterly first", "2025-05-20T12:00:00Z", "quarterly", 1, "UTC", false,
        "2025-04-01T00:00:00Z", "2025-07-01T00:00:00Z");
    row("quarterly 10th, after the day", "2025-04-10T00:00:00Z", "quarterly", 10, "UTC", false,
        "2025-04-10T00:00:00Z", "2025-07-10T00:00:00Z");
    row("quarterly 10th, before the day", "2025-04-05T12:00:00Z", "quarterly", 10, "UTC", false,
        "2025-01-10T00:00:00Z", "2025-04-10T00:00:00Z");
    row("quarterly 10th across the year end", "2025-01-05T12:00:00Z", "quarterly", 10, "UTC", false,
        "2024-10-10T00:00:00Z", "2025-01-10T00:00:00Z");
    row("quarterly New York spans the spring change", "2025-03-31T12:00:00Z", "quarterly", 1, "America/New_York", false,
        "2025-01-01T05:00:00Z", "2025-04-01T04:00:00Z");
    row("quarterly Pago Pago", "2025-01-01T05:00:00Z", "quarterly", 1, "Pacific/Pago_Pago", true,
        "2024-10-01T11:00:00Z", "2025-01-01T11:00:00Z");
    row("quarterly Kiritimati", "2025-09-30T10:00:00Z", "quarterly", 1, "Pacific/Kiritimati", false,
        "2025-09-30T10:00:00Z", "2025-12-31T10:00:00Z");
}

void BillingPeriodTest::period()
{
    QFETCH(QString, instant);
    QFETCH(QString, kind);
    QFETCH(int, day);
    QFETCH(QByteArray, zone);
    QFETCH(bool, split);
    QFETCH(QString, start);
    QFETCH(QString, end);

    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    const QDateTime at = utc(instant);
    const PeriodWindow window = billingPeriodContaining(at, kindOf(kind), day, tz, split);
    QCOMPARE(iso(window.startUtc), start);
    QCOMPARE(iso(window.endUtc), end);
    QVERIFY(window.contains(at));
}

void BillingPeriodTest::periodsTileTime_data()
{
    QTest::addColumn<QByteArray>("zone");
    for (const char *zone : {"UTC", "Europe/Madrid", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago",
                             "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia"})
        QTest::newRow(zone) << QByteArray(zone);
}

// For random instants over several years: the period holds the instant, is not empty, begins at a
// local midnight unless that midnight was skipped, and the next period starts exactly where it ends.
void BillingPeriodTest::periodsTileTime()
{
    QFETCH(QByteArray, zone);
    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    QRandomGenerator random(20251001u); // fixed seed: failures reproduce
    const qint64 from = utc(QStringLiteral("2010-01-01T00:00:00Z")).toMSecsSinceEpoch();
    const qint64 to = utc(QStringLiteral("2030-01-01T00:00:00Z")).toMSecsSinceEpoch();

    struct Setting {
        BillingPeriodKind kind;
        int day;
        bool split;
    };
    const Setting settings[] = {
        {BillingPeriodKind::Daily, 1, false},    {BillingPeriodKind::Weekly, 1, false},
        {BillingPeriodKind::Weekly, 4, true},    {BillingPeriodKind::Monthly, 1, false},
        {BillingPeriodKind::Monthly, 28, false}, {BillingPeriodKind::Quarterly, 1, false},
        {BillingPeriodKind::Quarterly, 15, true},
    };
    for (int i = 0; i < 300; ++i) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(from + qint64(random.bounded(double(to - from))), Qt::UTC);
        for (const Setting &s : settings) {
            const PeriodWindow window = billingPeriodContaining(at, s.kind, s.day, tz, s.split);
            const QString context = iso(at) + u' ' + billingPeriodKindKey(s.kind) + u' ' + iso(window.startUtc)
                                    + u' ' + iso(window.endUtc);
            QVERIFY2(window.startUtc < window.endUtc, qPrintable(context));
            QVERIFY2(window.contains(at), qPrintable(context));
            const QTime localStart = window.startUtc.toTimeZone(tz).time();
            const bool midnight = localStart == QTime(0, 0);
            const bool skippedMidnight = tz.offsetFromUtc(window.startUtc.addMSecs(-1)) != tz.offsetFromUtc(window.startUtc);
            QVERIFY2(midnight || skippedMidnight, qPrintable(context));
            const PeriodWindow before = billingPeriodContaining(window.startUtc.addMSecs(-1), s.kind, s.day, tz, s.split);
            QVERIFY2(before.endUtc == window.startUtc, qPrintable(context + u' ' + iso(before.endUtc)));
            const PeriodWindow next = billingPeriodContaining(window.endUtc, s.kind, s.day, tz, s.split);
            QVERIFY2(next.startUtc == window.endUtc, qPrintable(context + u' ' + iso(next.startUtc)));
            const PeriodWindow last = billingPeriodContaining(window.endUtc.addMSecs(-1), s.kind, s.day, tz, s.split);
            QVERIFY2(last.startUtc == window.startUtc, qPrintable(context));
        }
    }
}

void BillingPeriodTest::invalidInputs()
{
    // An unknown zone reads as UTC rather than failing: callers validate zones before storing them.
    const QTimeZone unknown(QByteArrayLiteral("Not/AZone"));
    QVERIFY(!unknown.isValid());
    QCOMPARE(iso(backoffice::localToUtc(QDate(2025, 1, 1), QTime(6, 0), unknown)), QStringLiteral("2025-01-01T06:00:00Z"));
    const PeriodWindow window = billingPeriodContaining(utc(QStringLiteral("2025-01-10T06:00:00Z")),
                                                        BillingPeriodKind::Monthly, 1, unknown, false);
    QCOMPARE(iso(window.startUtc), QStringLiteral("2025-01-01T00:00:00Z"));
    // An out-of-range billing day is clamped: 31 behaves as 28, 0 as 1.
    const QTimeZone utcZone = QTimeZone::utc();
    const PeriodWindow clamped = billingPeriodContaining(utc(QStringLiteral("2025-03-30T06:00:00Z")),
                                                         BillingPeriodKind::Monthly, 31, utcZone, false);
    QCOMPARE(iso(clamped.startUtc), QStringLiteral("2025-03-28T00:00:00Z"));
    const PeriodWindow weekly = billingPeriodContaining(utc(QStringLiteral("2025-03-12T06:00:00Z")),
                                                        BillingPeriodKind::Weekly, 0, utcZone, false);
    QCOMPARE(iso(weekly.startUtc), QStringLiteral("2025-03-10T00:00:00Z"));
    // No instant, no period.
    const PeriodWindow none = billingPeriodContaining(QDateTime(), BillingPeriodKind::Daily, 1, utcZone, false);
    QVERIFY(!none.startUtc.isValid());
    QVERIFY(!none.endUtc.isValid());
}

QTEST_APPLESS_MAIN(BillingPeriodTest)
#include "tst_billingperiod.moc"
