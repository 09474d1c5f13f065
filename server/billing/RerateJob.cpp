#include "RerateJob.h"

#include "AuditLog.h"
#include "BillingEntities.h"
#include "Database.h"
#include "EdrRecord.h"
#include "EdrRepricing.h"
#include "MessagingStore.h"
#include "RerateStore.h"
#include "StorageError.h"
#include "Transaction.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <algorithm>

namespace backoffice::server {

namespace {

Q_LOGGING_CATEGORY(lcRerate, "backoffice.server.billing.rerate")

ChargeRecord adjustment(const RerateTaskRow &task, const RerateEdr &edr, const EdrRepricing &repriced,
                        const Amount &difference, const QDateTime &now)
{
    ChargeRecord charge;
    charge.chargedAt = now;
    charge.transactionId = edr.transactionId;
    charge.companyId = edr.companyId;
    charge.agreementId = edr.agreementId;
    charge.source = QStringLiteral("rerate");
    charge.edrId = edr.id;
    charge.serviceId = repriced.serviceId;
    charge.enabledServiceId = repriced.enabledServiceId;
    charge.senderRecordId = edr.senderRecordId;
    charge.description = QStringLiteral("Rerate task %1: %2 part %3/%4 of %5 UTC, %6 → %7")
                             .arg(task.id)
                             .arg(edr.channel.toUpper())
                             .arg(edr.partNumber)
                             .arg(edr.partCount)
                             .arg(edr.acceptedAt.toString(QStringLiteral("dd.MM.yyyy HH:mm")), edr.chargedSoFar.toString(),
                                  repriced.price.toString());
    charge.units = 0; // the volume was counted with the part's first charge
    charge.unitPrice = repriced.unitPrice;
    charge.amount = difference;
    charge.currency = edr.currency;
    charge.band = repriced.band;
    charge.pricing = repriced.pricing;
    charge.rerateTaskId = task.id;
    return charge;
}

// Stores the batch's adjustments and moves each agreement's balance by their sum, in the caller's
// transaction; returns the ones stored. Each agreement's charges are in its own currency (the
// EDR's), so a sum never mixes currencies.
QList<ChargeRecord> storeAdjustments(QSqlDatabase db, const QList<ChargeRecord> &adjustments, const QDateTime &now)
{
    struct Movement {
        QString currency;
        Amount charged;
    };
    MessagingStore charges(db);
    QHash<qint64, Movement> movements;
    QList<ChargeRecord> stored;
    for (const ChargeRecord &charge : adjustments) {
        if (!charges.insertCharge(charge))
            continue; // this task adjusted the EDR before: the unique (EDR, task) keeps it to once
        Movement &movement = movements[charge.agreementId];
        movement.currency = charge.currency;
        movement.charged += charge.amount;
        stored.append(charge);
    }
    for (auto it = movements.cbegin(); it != movements.cend(); ++it)
        charges.addToBalance(it.key(), it->currency, -it->charged, it->charged, now);
    return stored;
}

QString at(const QDateTime &instant)
{
    return instant.toUTC().toString(QStringLiteral("dd.MM.yyyy HH:mm:ss"));
}

} // namespace

RerateJob::RerateJob(Database &database, RatingEngine &rating, DestinationResolver &destinations, Charged charged)
    : m_database(database)
    , m_rating(rating)
    , m_destinations(destinations)
    , m_charged(std::move(charged))
{
}

bool RerateJob::run(const QDateTime &now, Pass pass, int budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    RerateStore store(m_database.connection());
    for (RerateTaskRow task : store.runnable(now)) {
        const bool failedBefore = task.status == reratestatus::scheduled && !task.errorMessage.isEmpty();
        if (failedBefore && pass == Pass::Continuation)
            continue; // the next billing-job run retries it
        try {
            if (task.status == reratestatus::scheduled) {
                if (!store.markRunning(task.id, now))
                    continue; // canceled meanwhile
                task = store.task(task.id).value_or(task);
            }
            while (runBatch(task, now)) {
                if (clock.elapsed() >= budgetMs)
                    return true;
            }
        } catch (const StorageError &e) {
            // The batch that failed left nothing behind (one transaction); the batches before it
            // are stored with the cursor. Rerating is idempotent, so the retry is safe either way.
            qCWarning(lcRerate) << "rerate task" << task.id << "failed:" << e.message();
            try {
                const RerateTaskRow stopped = store.task(task.id).value_or(task);
                putBack(stopped,
                        QStringLiteral("The run of %1 UTC failed after %2 of %3 EDRs: %4. The next billing-job run goes on from there.")
                            .arg(at(now))
                            .arg(stopped.processedCount)
                            .arg(stopped.estimatedCount)
                            .arg(e.message()),
                        now);
            } catch (const StorageError &again) {
                // It stays RUNNING: the next run goes on with it all the same, and a restart says so.
                qCWarning(lcRerate) << "rerate task" << task.id << "could not be put back to scheduled:" << again.message();
            }
            continue; // the other tasks may still run
        }
        if (clock.elapsed() >= budgetMs)
            return true;
    }
    return false;
}

void RerateJob::recoverInterrupted(const QDateTime &now)
{
    RerateStore store(m_database.connection());
    for (const RerateTaskRow &task : store.running()) {
        qCWarning(lcRerate) << "rerate task" << task.id << "was running when the server stopped: scheduled again";
        putBack(task,
                QStringLiteral("The run was interrupted: the server stopped while the task was running (started %3 UTC, "
                               "%1 of %2 EDRs done). The next billing-job run goes on from there.")
                    .arg(task.processedCount)
                    .arg(task.estimatedCount)
                    .arg(at(task.startedAt.isValid() ? task.startedAt : now)),
                now);
    }
}

void RerateJob::putBack(const RerateTaskRow &task, const QString &message, const QDateTime &now)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (!RerateStore(db).markRetry(task.id, message, now))
        return; // no longer running
    AuditLog(db).record({now, Actor{0, QStringLiteral("edr-rerate")}, QStringLiteral("rerate_tasks"),
                         QStringLiteral("update"), task.id,
                         QJsonObject{{QStringLiteral("status"), reratestatus::running},
                                     {QStringLiteral("errorMessage"), task.errorMessage.isEmpty() ? QJsonValue()
                                                                                                 : QJsonValue(task.errorMessage)}},
                         QJsonObject{{QStringLiteral("status"), reratestatus::scheduled},
                                     {QStringLiteral("processedCount"), task.processedCount},
                                     {QStringLiteral("errorMessage"), message}},
                         task.companyId});
    transaction.commit();
}

bool RerateJob::runBatch(RerateTaskRow &task, const QDateTime &now)
{
    RerateStore store(m_database.connection());
    const QList<RerateEdr> edrs = store.nextBatch(task, BatchSize);
    if (edrs.isEmpty()) {
        complete(task, now);
        return false;
    }
    EdrRepricer repricer(m_rating, m_destinations);
    RerateProgress progress;
    QList<EdrNewRating> changed;
    QList<ChargeRecord> adjustments;
    for (const RerateEdr &edr : edrs) {
        ++progress.processed;
        const EdrRepricing repriced = repricer.reprice(edr);
        const Amount difference = repriced.price - edr.chargedSoFar;
        QString failure = repriced.failure;
        if (repriced.priced && !difference.isZero() && edr.adjustedByTask)
            failure = QStringLiteral("EDR %1 was adjusted by this task already and its price has changed since")
                          .arg(edr.id);
        if (!failure.isEmpty()) {
            ++progress.failed;
            if (task.firstFailure.isEmpty() && progress.firstFailure.isEmpty())
                progress.firstFailure = failure;
            continue;
        }
        if (!difference.isZero())
            adjustments.append(adjustment(task, edr, repriced, difference, now));
        const bool ratingChanged = repriced.price != edr.price || repriced.serviceId != edr.serviceId
                                   || repriced.enabledServiceId != edr.enabledServiceId
                                   || repriced.billingRule != edr.billingRule;
        if (difference.isZero() && !ratingChanged)
            continue; // priced as it was charged: nothing to do
        changed.append({edr.id, repriced.price, repriced.serviceId, repriced.enabledServiceId, repriced.billingRule});
        ++progress.updated;
    }
    // The charges with the cursor: once the cursor has passed an EDR it is not looked at again, so
    // its adjustment must be stored by then — and must not be, if the cursor does not move.
    progress.cursorAcceptedAt = edrs.constLast().acceptedAt;
    progress.cursorEdrId = edrs.constLast().id;
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    const QList<ChargeRecord> stored = storeAdjustments(db, adjustments, now);
    store.saveBatch(task.id, changed, progress, now);
    transaction.commit();
    if (m_charged) {
        for (const ChargeRecord &charge : stored)
            m_charged(charge);
    }
    task.cursorAcceptedAt = progress.cursorAcceptedAt;
    task.cursorEdrId = progress.cursorEdrId;
    if (task.firstFailure.isEmpty())
        task.firstFailure = progress.firstFailure;
    return true;
}

void RerateJob::complete(const RerateTaskRow &task, const QDateTime &now)
{
    RerateStore store(m_database.connection());
    const RerateTaskRow done = store.task(task.id).value_or(task);
    const QString message = done.failedCount > 0 ? QStringLiteral("%1 of %2 EDRs could not be rerated; the first: %3")
                                                       .arg(done.failedCount)
                                                       .arg(done.processedCount)
                                                       .arg(done.firstFailure)
                                                 : QString();
    // A task worked on in several runs completes at the last one's end, not at the instant it was due.
    const QDateTime finished = std::max(now, QDateTime::currentDateTimeUtc());
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    store.markComplete(task.id, message, finished);
    AuditLog(db).record({finished, Actor{0, QStringLiteral("edr-rerate")}, QStringLiteral("rerate_tasks"),
                         QStringLiteral("update"), task.id, QJsonObject{{QStringLiteral("status"), reratestatus::running}},
                         QJsonObject{{QStringLiteral("status"), reratestatus::complete},
                                     {QStringLiteral("estimatedCount"), done.estimatedCount},
                                     {QStringLiteral("processedCount"), done.processedCount},
                                     {QStringLiteral("updatedCount"), done.updatedCount},
                                     {QStringLiteral("failedCount"), done.failedCount},
                                     {QStringLiteral("errorMessage"), message.isEmpty() ? QJsonValue() : QJsonValue(message)},
                                     {QStringLiteral("startedAt"), done.startedAt.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("completedAt"), finished.toUTC().toString(Qt::ISODateWithMs)}},
                         task.companyId});
    transaction.commit();
    qCInfo(lcRerate) << "rerate task" << task.id << "complete:" << done.processedCount << "processed,"
                     << done.updatedCount << "updated," << done.failedCount << "failed";
}

} // namespace backoffice::server
