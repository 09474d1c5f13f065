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
// nothing. Each batch is its own short transaction after its charges are written; the cursor kept
// with it lets a task cut short (time budget, restart) go on where it stopped.
class RerateJob final
{
public:
    // Where a charge goes: the messaging engine's writer (so its in-memory balances follow), or
    // straight to storage when no engine runs; flush waits until what was handed over is stored.
    using WriteOff = std::function<void(const ChargeRecord &charge)>;
    using Flush = std::function<void()>;

    RerateJob(Database &database, RatingEngine &rating, DestinationResolver &destinations, WriteOff writeOff, Flush flush);

    static constexpr int BatchSize = 500;
    static constexpr int DefaultBudgetMs = 250;

    // Works on the tasks due at `now` for about budgetMs; true when work is left for another call
    // (soon: the caller returns to its event loop in between).
    bool run(const QDateTime &now, int budgetMs = DefaultBudgetMs);

private:
    // One batch of the task; false when the task had nothing left (it is complete now).
    bool runBatch(RerateTaskRow &task, const QDateTime &now);
    void complete(const RerateTaskRow &task, const QDateTime &now);

    Database &m_database;
    RatingEngine &m_rating;
    DestinationResolver &m_destinations;
    WriteOff m_writeOff;
    Flush m_flush;
};

} // namespace backoffice::server
