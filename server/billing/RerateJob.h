#pragma once

#include <QDateTime>
#include <functional>

namespace backoffice::server {

class Database;
class DestinationResolver;
class RatingEngine;
struct ChargeRecord;
struct RerateTaskRow;

// The billing job of EDR rerate tasks (BO §7.5). A scheduled task whose time has come is marked
// running; its EDRs are priced again in batches, and where the new price differs from what the
// EDR has cost so far (Σ of its charges) an adjustment charge for the difference is written off
// (source rerate, positive or negative, charged now: in the open billing period, so a confirmed
// invoice never changes) and the EDR takes the new price and service. A task adjusts an EDR at
// most once, and an EDR already at its price is left alone, so running a task again changes
// nothing. Each batch — its adjustments with their balance movements, the EDRs' new ratings, the
// task's counters and cursor — is one transaction: a run that fails (storage refuses a write) or
// is cut off (the process stops) leaves every batch either whole or not there at all. A failed
// run puts the task back to SCHEDULED with the reason as its error message, and the next
// billing-job run goes on from the cursor; the message is cleared when the task completes.
class RerateJob final
{
public:
    // Told after a batch committed, for each adjustment it stored with its balance movement: the
    // messaging engine's in-memory balances follow it.
    using Charged = std::function<void(const ChargeRecord &charge)>;

    RerateJob(Database &database, RatingEngine &rating, DestinationResolver &destinations, Charged charged);

    static constexpr int BatchSize = 500;
    static constexpr int DefaultBudgetMs = 250;

    // A billing-job run retries the tasks whose last run failed; a continuation (the next slice of
    // a long task, or a task just scheduled) leaves them to it, so a failing task is not retried
    // over and over in one minute.
    enum class Pass { BillingJob, Continuation };

    // Works on the tasks due at `now` for about budgetMs; true when work is left for another call
    // (soon: the caller returns to its event loop in between).
    bool run(const QDateTime &now, Pass pass = Pass::BillingJob, int budgetMs = DefaultBudgetMs);

    // At server start: a task still RUNNING was cut off when the process stopped. It goes back to
    // SCHEDULED saying so, and the first billing-job run goes on with it from its cursor.
    void recoverInterrupted(const QDateTime &now);

private:
    // One batch of the task; false when the task had nothing left (it is complete now).
    bool runBatch(RerateTaskRow &task, const QDateTime &now);
    void complete(const RerateTaskRow &task, const QDateTime &now);
    // RUNNING → SCHEDULED with `message`, with its audit record.
    void putBack(const RerateTaskRow &task, const QString &message, const QDateTime &now);

    Database &m_database;
    RatingEngine &m_rating;
    DestinationResolver &m_destinations;
    Charged m_charged;
};

} // namespace backoffice::server
