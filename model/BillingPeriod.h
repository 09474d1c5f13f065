#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace backoffice {

// How often an agreement is invoiced (reference §6.3, "Billing period").
enum class BillingPeriodKind { Daily, Weekly, Monthly, Quarterly };

// Keys as the API and the entity catalogue spell them: "daily", "weekly", "monthly", "quarterly".
bool parseBillingPeriodKind(const QString &key, BillingPeriodKind *kind);
QString billingPeriodKindKey(BillingPeriodKind kind);

// A half-open interval [startUtc, endUtc) of UTC instants; both ends carry Qt::UTC.
struct PeriodWindow {
    QDateTime startUtc;
    QDateTime endUtc;

    bool contains(const QDateTime &instant) const { return startUtc <= instant && instant < endUtc; }

    // Cut where an agreement version starts and ends (an invalid bound is open): a change of terms
    // closes the running period, for invoices and scale counters alike.
    PeriodWindow clippedTo(const QDateTime &versionFrom, const QDateTime &versionTill) const
    {
        PeriodWindow cut = *this;
        if (versionFrom.isValid() && cut.startUtc < versionFrom)
            cut.startUtc = versionFrom.toUTC();
        if (versionTill.isValid() && cut.endUtc > versionTill)
            cut.endUtc = versionTill.toUTC();
        return cut;
    }
};

// Meaning of billingDay by kind:
//   Daily      ignored;
//   Weekly     1..7, the weekday the period starts on (1 Monday .. 7 Sunday);
//   Monthly    1..28, the day of the month the period starts on;
//   Quarterly  1..28, the day of the quarter's first month (January, April, July, October).
// The upper bound of 28 keeps every month's period the same shape: no "31st" that February lacks.
// Returns an empty string when billingDay fits the kind, otherwise what is wrong.
QString billingDayProblem(BillingPeriodKind kind, int billingDay);

// The billing period that holds instantUtc. Periods start and end at local midnight in `zone`
// (so a Madrid day is 23 or 25 hours long on DST change days). With splitByMonth, a daily or weekly
// period that crosses a month boundary is cut at local midnight of the 1st, giving two periods
// (a week starting Monday 29 September becomes 29-30 September and 1-5 October); monthly and
// quarterly periods ignore the flag. An out-of-range billingDay is clamped to the nearest valid one and an
// invalid zone is read as UTC: callers validate with billingDayProblem() and Dictionaries first.
PeriodWindow billingPeriodContaining(const QDateTime &instantUtc, BillingPeriodKind kind, int billingDay,
                                     const QTimeZone &zone, bool splitByMonth);

// The UTC instant at which the wall clock in `zone` shows `date` `time`. When that local time is
// skipped (a DST gap, or a day a zone jumped over) the answer is the first instant after the gap,
// when the local time occurs twice (the hour repeated as DST ends) the earlier of the two.
// The result has Qt::UTC; an invalid zone is read as UTC.
QDateTime localToUtc(const QDate &date, const QTime &time, const QTimeZone &zone);

} // namespace backoffice
