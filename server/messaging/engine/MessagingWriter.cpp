#include "MessagingWriter.h"

#include "Database.h"
#include "MessagingStore.h"
#include "RatingDataStore.h"
#include "StorageError.h"
#include "Transaction.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

Q_LOGGING_CATEGORY(lcWriter, "backoffice.server.messaging.writer", QtWarningMsg)

namespace backoffice::server {

MessagingWriter::MessagingWriter(Database &database)
    : m_database(database)
{
    m_clock.start();
}

MessagingWriter::~MessagingWriter()
{
    stop();
}

void MessagingWriter::start()
{
    if (m_thread)
        return;
    m_stopping = false;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("messaging-writer"));
    m_thread->start();
    if (m_database.dialect() == SqlDialect::SQLite) {
        m_checkpointStopping = false;
        m_checkpointer = QThread::create([this] { checkpointUntilStopped(); });
        m_checkpointer->setObjectName(QStringLiteral("messaging-checkpoint"));
        m_checkpointer->start();
    }
}

void MessagingWriter::checkpointUntilStopped()
{
    // Past this size the WAL is copied and truncated even if the writer has to wait a moment: under
    // sustained traffic a passive checkpoint never gets to reset it.
    constexpr qint64 WalLimitBytes = 128LL * 1024 * 1024;
    {
        QSqlDatabase db = m_database.connection();
        QMutexLocker lock(&m_checkpointMutex);
        while (!m_checkpointStopping) {
            m_checkpointWake.wait(&m_checkpointMutex, QDeadlineTimer(250));
            if (m_checkpointStopping)
                break;
            lock.unlock();
            const bool large = QFileInfo(m_database.path() + QStringLiteral("-wal")).size() > WalLimitBytes;
            // PASSIVE copies what it can without waiting for the writer or blocking it.
            QSqlQuery query(db);
            if (!query.exec(large ? QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")
                                  : QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                qCWarning(lcWriter) << "checkpoint failed:" << query.lastError().text();
            lock.relock();
        }
    }
    m_database.releaseThreadConnection();
}

void MessagingWriter::stop()
{
    if (!m_thread)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (m_checkpointer) {
        {
            QMutexLocker lock(&m_checkpointMutex);
            m_checkpointStopping = true;
            m_checkpointWake.wakeAll();
        }
        m_checkpointer->wait();
        delete m_checkpointer;
        m_checkpointer = nullptr;
    }
}

void MessagingWriter::addEdr(const EdrRecord &edr)
{
    m_held.remove(edr.id); // superseded
    const auto found = m_pending.edrIndex.constFind(edr.id);
    if (found != m_pending.edrIndex.cend()) {
        // Keep "not stored yet" if the earlier write of this batch is the row's first.
        const bool persisted = m_pending.edrs.at(*found).persisted && edr.persisted;
        m_pending.edrs[*found] = edr;
        m_pending.edrs[*found].persisted = persisted;
    } else {
        m_pending.edrIndex.insert(edr.id, m_pending.edrs.size());
        m_pending.edrs.append(edr);
    }
}

void MessagingWriter::writeEdr(const EdrRecord &edr)
{
    QMutexLocker lock(&m_mutex);
    addEdr(edr);
    m_wake.wakeOne();
}

void MessagingWriter::writeEdrSoon(const EdrRecord &edr, int delayMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_pending.edrIndex.contains(edr.id)) {
        addEdr(edr); // its row is being written anyway
    } else {
        const qint64 due = m_clock.nsecsElapsed() + qint64(delayMs) * 1000000;
        m_held.insert(edr.id, {edr, due});
        m_heldOrder.push_back({edr.id, due});
    }
    m_wake.wakeOne();
}

void MessagingWriter::writeCharge(const ChargeRecord &charge, const std::optional<VolumeEntry> &volume)
{
    QMutexLocker lock(&m_mutex);
    m_pending.charges.append({charge, volume});
    m_wake.wakeOne();
}

void MessagingWriter::enqueue(Operation operation)
{
    QMutexLocker lock(&m_mutex);
    m_pending.operations.append(std::move(operation));
    m_wake.wakeOne();
}

void MessagingWriter::afterCommit(QObject *context, Completion done)
{
    QMutexLocker lock(&m_mutex);
    m_pending.completions.append({QPointer<QObject>(context), std::move(done)});
    m_wake.wakeOne();
}

void MessagingWriter::flush()
{
    QMutexLocker lock(&m_mutex);
    m_flushing = true;
    m_wake.wakeOne();
    while (m_thread && (!m_pending.isEmpty() || !m_held.isEmpty() || m_busy))
        m_idle.wait(&m_mutex);
    m_flushing = false;
}

MessagingWriter::Stats MessagingWriter::stats() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

void MessagingWriter::releaseHeld(bool all)
{
    const qint64 now = m_clock.nsecsElapsed();
    while (!m_heldOrder.empty() && (all || m_heldOrder.front().dueNs <= now)) {
        const HeldOrder next = m_heldOrder.front();
        m_heldOrder.pop_front();
        const auto held = m_held.constFind(next.id);
        if (held == m_held.cend() || held->dueNs != next.dueNs)
            continue; // written meanwhile, or held again later
        const EdrRecord edr = held->edr;
        addEdr(edr); // removes it from m_held
    }
}

void MessagingWriter::run()
{
    {
        if (m_database.dialect() == SqlDialect::SQLite)
            QSqlQuery(m_database.connection()).exec(QStringLiteral("PRAGMA wal_autocheckpoint=0"));
        MessagingStore store(m_database.connection());
        writeUntilStopped(store);
    }
    m_database.releaseThreadConnection();
}

void MessagingWriter::writeUntilStopped(MessagingStore &store)
{
    for (;;) {
        Batch batch;
        {
            QMutexLocker lock(&m_mutex);
            for (;;) {
                releaseHeld(m_stopping || m_flushing);
                if (!m_pending.isEmpty())
                    break;
                m_busy = false;
                m_idle.wakeAll();
                if (m_stopping)
                    return;
                if (m_heldOrder.empty()) {
                    m_wake.wait(&m_mutex);
                } else {
                    const qint64 waitMs = std::max<qint64>(1, (m_heldOrder.front().dueNs - m_clock.nsecsElapsed()) / 1000000 + 1);
                    m_wake.wait(&m_mutex, QDeadlineTimer(waitMs));
                }
            }
            std::swap(batch, m_pending);
            m_busy = true;
        }
        QElapsedTimer timer;
        timer.start();
        // New EDR rows first, in a transaction of their own: clients wait for those (their
        // submit_sm_resp), not for the updates, charges and the rest, which follow at once. Rows
        // keep their order, so nothing refers to a row that is not written yet.
        Batch rest;
        Batch &gate = batch;
        for (const EdrRecord &edr : std::as_const(batch.edrs)) {
            if (edr.persisted)
                rest.edrs.append(edr);
        }
        gate.edrs.removeIf([](const EdrRecord &edr) { return edr.persisted; });
        std::swap(rest.charges, gate.charges);
        std::swap(rest.operations, gate.operations);
        const bool committed = write(store, gate);
        for (auto &[context, done] : gate.completions) {
            if (!context)
                continue;
            QMetaObject::invokeMethod(context.data(), [done = std::move(done), committed] { done(committed); },
                                      Qt::QueuedConnection);
        }
        const bool restCommitted = write(store, rest);
        const qint64 micros = timer.nsecsElapsed() / 1000;
        {
            QMutexLocker lock(&m_mutex);
            ++m_stats.transactions;
            m_stats.edrRows += quint64(gate.edrs.size() + rest.edrs.size());
            m_stats.charges += quint64(rest.charges.size());
            m_stats.operations += quint64(rest.operations.size());
            m_stats.failures += (committed ? 0 : 1) + (restCommitted ? 0 : 1);
            m_stats.lastCommitMicros = micros;
            m_stats.maxCommitMicros = std::max(m_stats.maxCommitMicros, micros);
        }
    }
}

void MessagingWriter::writeCharges(MessagingStore &store, const QList<Charge> &charges)
{
    struct Movement {
        QString currency;
        Amount delta;
        Amount charged;
    };
    QHash<qint64, Movement> movements;
    QHash<QString, VolumeEntry> volumes;
    QDateTime last;
    for (const Charge &charge : charges) {
        if (!store.insertCharge(charge.record))
            continue; // written before: the unique (source, EDR) keeps it to once
        Movement &movement = movements[charge.record.agreementId];
        movement.currency = charge.record.currency;
        movement.delta -= charge.record.amount;
        movement.charged += charge.record.amount;
        last = std::max(last, charge.record.chargedAt);
        if (charge.volume) {
            VolumeEntry v = *charge.volume;
            v.charged = charge.record.amount;
            const QString key = QStringLiteral("%1|%2|%3|%4").arg(v.agreementId).arg(v.nodeId).arg(v.counterKey,
                                                                                                  v.periodStart.toString(Qt::ISODate));
            auto it = volumes.find(key);
            if (it == volumes.end())
                volumes.insert(key, v);
            else {
                it->units += v.units;
                it->charged += v.charged;
            }
        }
    }
    for (auto it = movements.cbegin(); it != movements.cend(); ++it)
        store.addToBalance(it.key(), it->currency, it->delta, it->charged, last);
    RatingDataStore counters(m_database.connection());
    for (const VolumeEntry &v : std::as_const(volumes))
        counters.addVolume(v);
}

bool MessagingWriter::write(MessagingStore &store, const Batch &batch)
{
    if (batch.edrs.isEmpty() && batch.charges.isEmpty() && batch.operations.isEmpty())
        return true;
    auto writeEdr = [&store](const EdrRecord &edr) {
        if (edr.persisted)
            store.updateEdr(edr);
        else
            store.upsertEdr(edr);
    };
    try {
        QElapsedTimer step;
        step.start();
        Transaction transaction(m_database.connection());
        for (const EdrRecord &edr : batch.edrs)
            writeEdr(edr);
        const qint64 edrs = step.nsecsElapsed();
        writeCharges(store, batch.charges);
        const qint64 charges = step.nsecsElapsed();
        for (const Operation &operation : batch.operations)
            operation(store);
        const qint64 others = step.nsecsElapsed();
        transaction.commit();
        const qint64 done = step.nsecsElapsed();
        QMutexLocker lock(&m_mutex);
        m_stats.edrMicros += edrs / 1000;
        m_stats.chargeMicros += (charges - edrs) / 1000;
        m_stats.otherMicros += (others - charges) / 1000;
        m_stats.commitMicros += (done - others) / 1000;
        return true;
    } catch (const StorageError &e) {
        qCWarning(lcWriter) << "a transaction of" << batch.edrs.size() << "EDRs," << batch.charges.size() << "charges and"
                            << batch.operations.size() << "other writes failed (" << e.message() << "): writing them one by one";
    }
    // One bad write must not take the rest of the batch with it: each goes alone, and only the
    // ones that fail again are lost (and logged).
    auto alone = [&](const std::function<void()> &write) {
        try {
            Transaction transaction(m_database.connection());
            write();
            transaction.commit();
            return true;
        } catch (const StorageError &e) {
            qCCritical(lcWriter) << "traffic data lost:" << e.message();
            return false;
        }
    };
    bool edrsStored = true;
    for (const EdrRecord &edr : batch.edrs)
        edrsStored = alone([&] { writeEdr(edr); }) && edrsStored;
    for (const Charge &charge : batch.charges)
        alone([&] { writeCharges(store, {charge}); });
    for (const Operation &operation : batch.operations)
        alone([&] { operation(store); });
    return edrsStored;
}

} // namespace backoffice::server
