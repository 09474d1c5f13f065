#include "FeePeriods.h"

#include "BillingPeriod.h"

#include <algorithm>

namespace backoffice::server {

FeePeriod feePeriodContaining(const FeeSchedule &schedule, const QTimeZone &zone, const QDateTime &instant)
{
    const QTimeZone effective = zone.isValid() ? zone : QTimeZone::utc();
    const PeriodWindow window
        = billingPeriodContaining(instant, schedule.weekly ? BillingPeriodKind::Weekly : BillingPeriodKind::Monthly,
                                  schedule.startDay, effective, false);
    const QDate localStart = window.startUtc.toTimeZone(effective).date();
    return {window.startUtc, window.endUtc,
            localToUtc(localStart.addDays(-std::max(0, schedule.chargeDaysBefore)), QTime(0, 0), effective)};
}

QList<FeePeriod> duePeriods(const FeeSchedule &schedule, const QTimeZone &zone, const QDateTime &lastRecordedStart,
                            const QDateTime &now, int limit)
{
    QList<FeePeriod> list;
    FeePeriod period;
    if (lastRecordedStart.isValid()) {
        period = feePeriodContaining(schedule, zone, lastRecordedStart);
        period = feePeriodContaining(schedule, zone, period.endUtc);
    } else {
        const QDateTime from = schedule.createdAt.isValid() ? std::max(schedule.effectiveFrom, schedule.createdAt)
                                                            : schedule.effectiveFrom;
        period = feePeriodContaining(schedule, zone, from);
    }
    while (list.size() < limit && period.dueUtc <= now
           && (!schedule.effectiveTill.isValid() || period.startUtc < schedule.effectiveTill)) {
        list.append(period);
        period = feePeriodContaining(schedule, zone, period.endUtc);
    }
    return list;
}

} // namespace backoffice::server
