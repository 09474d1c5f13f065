#pragma once

#include "EdrRecord.h"
#include "RatingDataStore.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QWaitCondition>
#include <QElapsedTimer>
#include <deque>
#include <functional>
#include <optional>

class QThread;

namespace backoffice::server {

class Database;
class MessagingStore;

// The one writer of traffic data. Everything the engine records (EDRs, charges with their balance
// movement and volume counters, outbox rows, callbacks, notifications) is queued here and written
// by a thread of its own in group commits: all that arrived while the previous transaction ran goes
// into the next one. Under load transactions grow by themselves; idle, a lone change is committed
// at once. Changes of one EDR inside a transaction are coalesced into one row write, and the
// balance and volume movements of a transaction's charges into one statement per agreement and
// counter. See docs/decisions/006.
class MessagingWriter final
{
public:
    using Operation = std::function<void(MessagingStore &store)>;
    using Completion = std::function<void(bool committed)>;

    explicit MessagingWriter(Database &database);
    ~MessagingWriter(); // writes what is queued, then stops

    void start();
    void stop();

    void writeEdr(const EdrRecord &edr);
    // The same, held back up to delayMs: a state that is usually soon replaced (SENT, until the
    // receipt comes) is then written once with its successor instead of twice.
    void writeEdrSoon(const EdrRecord &edr, int delayMs);
    // A charge (or refund) with the volume it counts in a scale counter; the balance moves, and the
    // volume is counted, only if the charge was not written before.
    void writeCharge(const ChargeRecord &charge, const std::optional<VolumeEntry> &volume = std::nullopt);
    // Any other write, run in order inside the next transaction, after that batch's EDR rows.
    void enqueue(Operation operation);
    // Runs `done` in `context`'s thread once the new EDR rows queued before this call are written
    // (other writes queued before it follow in the next transaction, in order).
    // committed is false when an EDR of that batch could not be stored (logged): whoever waits
    // for it must not report the message as accepted. A failing other write is logged and skipped.
    void afterCommit(QObject *context, Completion done);
    // Blocks until everything queued so far, held-back EDRs included, is written (tests, shutdown).
    void flush();

    struct Stats {
        quint64 transactions = 0;
        quint64 edrRows = 0;
        quint64 charges = 0;
        quint64 operations = 0;
        quint64 failures = 0;
        qint64 lastCommitMicros = 0;
        qint64 maxCommitMicros = 0;
        // Where the writer's time goes, in total: EDR rows, charges (with balances and counters),
        // other writes, and COMMIT itself.
        qint64 edrMicros = 0;
        qint64 chargeMicros = 0;
        qint64 otherMicros = 0;
        qint64 commitMicros = 0;
    };
    Stats stats() const;

private:
    struct Charge {
        ChargeRecord record;
        std::optional<VolumeEntry> volume;
    };
    struct Batch {
        QList<EdrRecord> edrs; // in first-arrival order, one per id
        QHash<qint64, qsizetype> edrIndex;
        QList<Charge> charges;
        QList<Operation> operations;
        QList<std::pair<QPointer<QObject>, Completion>> completions;
        bool isEmpty() const
        {
            return edrs.isEmpty() && charges.isEmpty() && operations.isEmpty() && completions.isEmpty();
        }
    };
    struct Held {
        EdrRecord edr;
        qint64 dueNs = 0;
    };
    struct HeldOrder {
        qint64 id = 0;
        qint64 dueNs = 0;
    };

    void run();
    void writeUntilStopped(MessagingStore &store);
    void checkpointUntilStopped();
    void addEdr(const EdrRecord &edr); // with m_mutex held
    void releaseHeld(bool all); // with m_mutex held: due (or all) held EDRs into the batch
    bool write(MessagingStore &store, const Batch &batch);
    void writeCharges(MessagingStore &store, const QList<Charge> &charges);

    Database &m_database;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_idle;
    Batch m_pending;
    QHash<qint64, Held> m_held;
    // The held EDRs by due time: one delay for all, so arrival order is due order. Entries whose EDR
    // was written meanwhile are skipped when they come up.
    std::deque<HeldOrder> m_heldOrder;
    QElapsedTimer m_clock;
    bool m_stopping = false;
    bool m_busy = false;
    bool m_flushing = false;
    QThread *m_thread = nullptr;
    // SQLite: copies the WAL into the database file beside the writer (a checkpoint inside the
    // writer's COMMIT took up to 0.8 s and held every client answer waiting).
    QThread *m_checkpointer = nullptr;
    // Its own lock and wake-up: on the writer's, it would take wake-ups meant for the writer.
    QMutex m_checkpointMutex;
    QWaitCondition m_checkpointWake;
    bool m_checkpointStopping = false;
    Stats m_stats; // guarded by m_mutex
};

} // namespace backoffice::server
