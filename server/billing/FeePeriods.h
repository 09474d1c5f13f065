#pragma once

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace backoffice::server {

// When a periodic fee rule charges (BO §6.5): periods of a month from day `startDay` (1-28) or of a
// week from weekday `startDay` (1 Monday .. 7 Sunday), from local midnight to local midnight in the
// agreement's billing time zone (so DST makes some periods an hour shorter or longer); each period's
// fee is due at local midnight `chargeDaysBefore` days before it starts.
struct FeeSchedule {
    bool weekly = false;
    int startDay = 1;
    int chargeDaysBefore = 0;
    QDateTime effectiveFrom;
    QDateTime effectiveTill; // invalid: open-ended
    QDateTime createdAt; // no period already over when the rule was made is charged
};

struct FeePeriod {
    QDateTime startUtc;
    QDateTime endUtc;
    QDateTime dueUtc;
};

// The period holding `instant`.
FeePeriod feePeriodContaining(const FeeSchedule &schedule, const QTimeZone &zone, const QDateTime &instant);

// The periods to record now, in order: after the last one recorded (invalid: none yet, then from
// the period holding the later of effective-from and creation), while their due time has come and
// they start before effective-till; at most `limit` (a long downtime catches up over several runs).
QList<FeePeriod> duePeriods(const FeeSchedule &schedule, const QTimeZone &zone, const QDateTime &lastRecordedStart,
                            const QDateTime &now, int limit = 24);

} // namespace backoffice::server
