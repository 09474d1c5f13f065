#include "BillingPeriod.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>

namespace backoffice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::BillingPeriod", text);
}

constexpr qint64 MsPerSecond = 1000;
constexpr qint64 MsPerHour = 3600 * MsPerSecond;
// Larger than any offset a zone has ever had (local mean times reached about ±15:56), so every
// transition that can affect one wall-clock reading lies inside ±this of it.
constexpr qint64 SearchWindowMs = 26 * MsPerHour;

QDateTime utcFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

int offsetAt(const QTimeZone &zone, qint64 utcMs)
{
    return zone.offsetFromUtc(utcFromMs(utcMs));
}

// Weekly 1..7, Monthly/Quarterly 1..28.
int validRange(BillingPeriodKind kind)
{
    return kind == BillingPeriodKind::Weekly ? 7 : 28;
}

QDate firstOfNextMonth(const QDate &date)
{
    return QDate(date.year(), date.month(), 1).addMonths(1);
}

} // namespace

bool parseBillingPeriodKind(const QString &key, BillingPeriodKind *kind)
{
    if (key == QLatin1String("daily")) *kind = BillingPeriodKind::Daily;
    else if (key == QLatin1String("weekly")) *kind = BillingPeriodKind::Weekly;
    else if (key == QLatin1String("monthly")) *kind = BillingPeriodKind::Monthly;
    else if (key == QLatin1String("quarterly")) *kind = BillingPeriodKind::Quarterly;
    else return false;
    return true;
}

QString billingPeriodKindKey(BillingPeriodKind kind)
{
    switch (kind) {
    case BillingPeriodKind::Daily: return QStringLiteral("daily");
    case BillingPeriodKind::Weekly: return QStringLiteral("weekly");
    case BillingPeriodKind::Monthly: return QStringLiteral("monthly");
    case BillingPeriodKind::Quarterly: return QStringLiteral("quarterly");
    }
    return QStringLiteral("monthly");
}

QString billingDayProblem(BillingPeriodKind kind, int billingDay)
{
    switch (kind) {
    case BillingPeriodKind::Daily:
        return {};
    case BillingPeriodKind::Weekly:
        if (billingDay < 1 || billingDay > 7)
            return tr("For a weekly period the billing day is a weekday from 1 (Monday) to 7 (Sunday).");
        return {};
    case BillingPeriodKind::Monthly:
        if (billingDay < 1 || billingDay > 28)
            return tr("For a monthly period the billing day is a day of the month from 1 to 28.");
        return {};
    case BillingPeriodKind::Quarterly:
        if (billingDay < 1 || billingDay > 28)
            return tr("For a quarterly period the billing day is a day of the quarter's first month from 1 to 28.");
        return {};
    }
    return {};
}

QDateTime localToUtc(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    // The wall-clock reading as if it were UTC; the answer is wall - offset for the offset in force
    // at the answer. QDateTime's own constructor is not used because Qt 6.4 leaves the handling of
    // gaps unspecified and this must not change under a Qt upgrade.
    const qint64 wall = QDateTime(date, time.isValid() ? time : QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    if (!zone.isValid())
        return utcFromMs(wall);

    // Every offset the zone had around that reading: the one before the window and each
    // transition's within it.
    const qint64 windowStart = wall - SearchWindowMs;
    QList<int> offsets{offsetAt(zone, windowStart)};
    QList<QTimeZone::OffsetData> transitions;
    if (zone.hasTransitions()) {
        transitions = zone.transitions(utcFromMs(windowStart), utcFromMs(wall + SearchWindowMs));
        for (const QTimeZone::OffsetData &transition : transitions)
            offsets.append(transition.offsetFromUtc);
    }

    // A candidate instant is real if the zone has that very offset there. Several real ones: the
    // reading repeats (DST ending), take the earliest.
    std::optional<qint64> earliest;
    for (const int offset : offsets) {
        const qint64 candidate = wall - offset * MsPerSecond;
        if (offsetAt(zone, candidate) == offset && (!earliest || candidate < *earliest))
            earliest = candidate;
    }
    if (earliest)
        return utcFromMs(*earliest);

    // None is real: the reading falls in a gap. The first instant after it is the transition that
    // opened the gap: the first one whose new wall clock is already past the reading.
    for (const QTimeZone::OffsetData &transition : transitions) {
        const qint64 at = transition.atUtc.toMSecsSinceEpoch();
        if (at + transition.offsetFromUtc * MsPerSecond > wall)
            return utcFromMs(at);
    }
    // Not reachable with consistent zone data; the standard offset is the least surprising answer.
    return utcFromMs(wall - zone.standardTimeOffset(utcFromMs(wall)) * MsPerSecond);
}

PeriodWindow billingPeriodContaining(const QDateTime &instantUtc, BillingPeriodKind kind, int billingDay,
                                     const QTimeZone &zone, bool splitByMonth)
{
    if (!instantUtc.isValid())
        return {};
    const QTimeZone effectiveZone = zone.isValid() ? zone : QTimeZone::utc();
    const QDate local = instantUtc.toTimeZone(effectiveZone).date();
    billingDay = std::clamp(billingDay, 1, validRange(kind));

    QDate start;
    QDate end;
    switch (kind) {
    case BillingPeriodKind::Daily:
        start = local;
        end = local.addDays(1);
        break;
    case BillingPeriodKind::Weekly:
        start = local.addDays(-((local.dayOfWeek() - billingDay + 7) % 7));
        end = start.addDays(7);
        break;
    case BillingPeriodKind::Monthly:
        start = QDate(local.year(), local.month(), billingDay);
        if (local < start)
            start = start.addMonths(-1);
        end = start.addMonths(1);
        break;
    case BillingPeriodKind::Quarterly: {
        const int firstMonth = (local.month() - 1) / 3 * 3 + 1;
        start = QDate(local.year(), firstMonth, billingDay);
        if (local < start)
            start = start.addMonths(-3);
        end = start.addMonths(3);
        break;
    }
    }

    const bool splittable = kind == BillingPeriodKind::Daily || kind == BillingPeriodKind::Weekly;
    if (splitByMonth && splittable) {
        const QDate lastDay = end.addDays(-1);
        if (lastDay.month() != start.month()) {
            const QDate boundary = firstOfNextMonth(start);
            if (local < boundary)
                end = boundary;
            else
                start = boundary;
        }
    }

    return {localToUtc(start, QTime(0, 0), effectiveZone), localToUtc(end, QTime(0, 0), effectiveZone)};
}

} // namespace backoffice
