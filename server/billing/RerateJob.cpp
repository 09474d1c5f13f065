#include "RerateJob.h"

#include "AuditLog.h"
#include "BillingEntities.h"
#include "Database.h"
#include "EdrRecord.h"
#include "EdrRepricing.h"
#include "RerateStore.h"
#include "StorageError.h"
#include "Transaction.h"

#include <QElapsedTimer>
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

} // namespace

RerateJob::RerateJob(Database &database, RatingEngine &rating, DestinationResolver &destinations, WriteOff writeOff,
                     Flush flush)
    : m_database(database)
    , m_rating(rating)
    , m_destinations(destinations)
    , m_writeOff(std::move(writeOff))
    , m_flush(std::move(flush))
{
}

bool RerateJob::run(const QDateTime &now, int budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    RerateStore store(m_database.connection());
    for (RerateTaskRow task : store.runnable(now)) {
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
            // The task stays RUNNING and goes on from its cursor with the next run.
            qCWarning(lcRerate) << "rerate task" << task.id << "interrupted:" << e.message();
            return false;
        }
        if (clock.elapsed() >= budgetMs)
            return true;
    }
    return false;
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
    bool wroteCharges = false;
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
            if (task.errorMessage.isEmpty() && progress.firstFailure.isEmpty())
                progress.firstFailure = failure;
            continue;
        }
        if (!difference.isZero()) {
            m_writeOff(adjustment(task, edr, repriced, difference, now));
            wroteCharges = true;
        }
        const bool ratingChanged = repriced.price != edr.price || repriced.serviceId != edr.serviceId
                                   || repriced.enabledServiceId != edr.enabledServiceId
                                   || repriced.billingRule != edr.billingRule;
        if (difference.isZero() && !ratingChanged)
            continue; // priced as it was charged: nothing to do
        changed.append({edr.id, repriced.price, repriced.serviceId, repriced.enabledServiceId, repriced.billingRule});
        ++progress.updated;
    }
    // The charges first: once the cursor has passed an EDR it is not looked at again.
    if (wroteCharges)
        m_flush();
    progress.cursorAcceptedAt = edrs.constLast().acceptedAt;
    progress.cursorEdrId = edrs.constLast().id;
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    store.saveBatch(task.id, changed, progress, now);
    transaction.commit();
    task.cursorAcceptedAt = progress.cursorAcceptedAt;
    task.cursorEdrId = progress.cursorEdrId;
    if (task.errorMessage.isEmpty())
        task.errorMessage = progress.firstFailure;
    return true;
}

void RerateJob::complete(const RerateTaskRow &task, const QDateTime &now)
{
    RerateStore store(m_database.connection());
    const RerateTaskRow done = store.task(task.id).value_or(task);
    const QString message = done.failedCount > 0 ? QStringLiteral("%1 of %2 EDRs could not be rerated; the first: %3")
                                                       .arg(done.failedCount)
                                                       .arg(done.processedCount)
                                                       .arg(done.errorMessage)
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
