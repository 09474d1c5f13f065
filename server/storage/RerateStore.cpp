#include "RerateStore.h"

#include "SqlColumns.h"
#include "StorageError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace backoffice::server {

namespace {

const QString TaskColumns = QStringLiteral(
    "id, company_id, coalesce(agreement_id, 0), time_from, time_till, channels, scheduled_for, status,"
    " estimated_count, processed_count, updated_count, failed_count, error_message, started_at,"
    " cursor_accepted_at, cursor_edr_id, first_failure");

RerateTaskRow taskFrom(const QSqlQuery &q)
{
    RerateTaskRow t;
    t.id = q.value(0).toLongLong();
    t.companyId = q.value(1).toLongLong();
    t.agreementId = q.value(2).toLongLong();
    t.timeFrom = instant(q.value(3));
    t.timeTill = instant(q.value(4));
    for (const QJsonValue &channel : QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array())
        t.channels << channel.toString();
    t.scheduledFor = instant(q.value(6));
    t.status = q.value(7).toString();
    t.estimatedCount = q.value(8).toLongLong();
    t.processedCount = q.value(9).toLongLong();
    t.updatedCount = q.value(10).toLongLong();
    t.failedCount = q.value(11).toLongLong();
    t.errorMessage = q.value(12).toString();
    t.startedAt = instant(q.value(13));
    t.cursorAcceptedAt = instant(q.value(14));
    t.cursorEdrId = q.value(15).toLongLong();
    t.firstFailure = q.value(16).toString();
    return t;
}

// The WHERE clause (over edrs e) of the EDRs a task matches, with its bound values appended. Parts
// a pack covered are not priced again: they took units (or the pack's own money), not the
// balance's, and a pack's purchase is its price (decision 008).
QString matchCondition(const RerateTaskRow &task, QVariantList &binds)
{
    QString where = QStringLiteral("e.company_id = ? AND e.accepted_at >= ? AND e.accepted_at < ?"
                                   " AND e.charged_at IS NOT NULL AND e.status IN ('DELIVERED', 'UNDELIVERED', 'SEEN')"
                                   " AND e.pack_debit IS NULL");
    binds << task.companyId << iso(task.timeFrom) << iso(task.timeTill);
    if (task.agreementId) {
        where += QStringLiteral(" AND e.agreement_id = ?");
        binds << task.agreementId;
    }
    if (!task.channels.isEmpty()) {
        QStringList marks;
        for (const QString &channel : task.channels) {
            marks << QStringLiteral("?");
            binds << channel;
        }
        where += QStringLiteral(" AND e.channel IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    return where;
}

void bindAll(QSqlQuery &q, const QVariantList &binds)
{
    for (const QVariant &value : binds)
        q.addBindValue(value);
}

} // namespace

RerateStore::RerateStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<RerateTaskRow> RerateStore::task(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM rerate_tasks WHERE id = ?").arg(TaskColumns));
    q.addBindValue(id);
    execOrThrow(q, "read a rerate task");
    if (!q.next())
        return std::nullopt;
    return taskFrom(q);
}

qint64 RerateStore::countMatching(const RerateTaskRow &task)
{
    QVariantList binds;
    const QString where = matchCondition(task, binds);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM edrs e WHERE ") + where);
    bindAll(q, binds);
    execOrThrow(q, "count the EDRs of a rerate task");
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<RerateEdr> RerateStore::nextBatch(const RerateTaskRow &task, int limit)
{
    // What an EDR has cost so far, through the two unique indexes that lead with edr_id.
    QVariantList binds{task.id};
    QString sql = QStringLiteral(
        "SELECT e.id, e.accepted_at, e.transaction_id, coalesce(e.company_id, 0), coalesce(e.agreement_id, 0), e.channel,"
        " e.status, coalesce(e.sender_record_id, 0),"
        " coalesce((SELECT x.sender_id FROM sender_ids x WHERE x.id = e.sender_record_id), e.sender, ''),"
        " coalesce(e.destination, ''), coalesce(e.country, ''), coalesce(e.mcc_mnc, ''), coalesce(e.network, ''),"
        " e.part_number, e.part_count, coalesce(e.service_id, 0), coalesce(e.enabled_service_id, 0),"
        " coalesce(e.price, 0), coalesce(e.currency, ''), coalesce(e.billing_rule, ''),"
        " (SELECT coalesce(sum(c.amount), 0) FROM charges c WHERE c.edr_id = e.id AND c.rerate_task_id IS NULL)"
        " + (SELECT coalesce(sum(c.amount), 0) FROM charges c WHERE c.edr_id = e.id AND c.rerate_task_id IS NOT NULL),"
        " (SELECT count(*) FROM charges c WHERE c.edr_id = e.id AND c.rerate_task_id = ?), e.period_volume"
        " FROM edrs e WHERE ");
    sql += matchCondition(task, binds);
    // After the cursor: a later instant, or the same instant and a higher id.
    const QDateTime cursorAt = task.cursorAcceptedAt.isValid() ? task.cursorAcceptedAt : task.timeFrom;
    sql += QStringLiteral(" AND e.accepted_at >= ? AND (e.accepted_at > ? OR e.id > ?) ORDER BY e.accepted_at, e.id LIMIT ?");
    binds << iso(cursorAt) << iso(cursorAt) << task.cursorEdrId << limit;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    bindAll(q, binds);
    execOrThrow(q, "read the EDRs of a rerate task");
    QList<RerateEdr> edrs;
    while (q.next()) {
        RerateEdr e;
        int i = 0;
        auto next = [&] { return q.value(i++); };
        e.id = next().toLongLong();
        e.acceptedAt = instant(next());
        e.transactionId = next().toString();
        e.companyId = next().toLongLong();
        e.agreementId = next().toLongLong();
        e.channel = next().toString();
        e.status = next().toString();
        e.senderRecordId = next().toLongLong();
        e.senderId = next().toString();
        e.destination = next().toString();
        e.country = next().toString();
        e.mccMnc = next().toString();
        e.network = next().toString();
        e.partNumber = next().toInt();
        e.partCount = next().toInt();
        e.serviceId = next().toLongLong();
        e.enabledServiceId = next().toLongLong();
        e.price = Amount::fromMicros(next().toLongLong());
        e.currency = next().toString();
        e.billingRule = next().toString();
        e.chargedSoFar = Amount::fromMicros(next().toLongLong());
        e.adjustedByTask = next().toLongLong() > 0;
        const QVariant volume = next();
        if (!volume.isNull())
            e.periodVolume = volume.toLongLong();
        edrs.append(e);
    }
    return edrs;
}

QList<RerateTaskRow> RerateStore::runnable(const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM rerate_tasks WHERE status = 'RUNNING'"
                             " OR (status = 'SCHEDULED' AND (scheduled_for IS NULL OR scheduled_for <= ?))"
                             " ORDER BY CASE WHEN status = 'RUNNING' THEN 0 ELSE 1 END, coalesce(scheduled_for, created_at), id")
                  .arg(TaskColumns));
    q.addBindValue(iso(now));
    execOrThrow(q, "read the rerate tasks due");
    QList<RerateTaskRow> tasks;
    while (q.next())
        tasks.append(taskFrom(q));
    return tasks;
}

QList<RerateTaskRow> RerateStore::running()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM rerate_tasks WHERE status = 'RUNNING' ORDER BY id").arg(TaskColumns));
    execOrThrow(q, "read the running rerate tasks");
    QList<RerateTaskRow> tasks;
    while (q.next())
        tasks.append(taskFrom(q));
    return tasks;
}

void RerateStore::setEstimate(qint64 id, qint64 estimated)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE rerate_tasks SET estimated_count = ? WHERE id = ?"));
    q.addBindValue(estimated);
    q.addBindValue(id);
    execOrThrow(q, "write a rerate task's estimate");
}

bool RerateStore::markScheduled(qint64 id, qint64 estimated, const QDateTime &scheduledFor, qint64 userId,
                                const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE rerate_tasks SET status = 'SCHEDULED', estimated_count = ?, scheduled_for = ?,"
                             " cursor_accepted_at = time_from, cursor_edr_id = 0, processed_count = 0, updated_count = 0,"
                             " failed_count = 0, error_message = NULL, first_failure = NULL, started_at = NULL,"
                             " updated_by = ?, updated_at = ? WHERE id = ? AND status = 'DRAFT'"));
    for (const QVariant &value : {QVariant(estimated), QVariant(iso(scheduledFor)), idOrNull(userId), QVariant(iso(now)),
                                  QVariant(id)})
        q.addBindValue(value);
    execOrThrow(q, "schedule a rerate task");
    return q.numRowsAffected() == 1;
}

bool RerateStore::markCanceled(qint64 id, qint64 userId, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE rerate_tasks SET status = 'CANCELED', updated_by = ?, updated_at = ?"
                             " WHERE id = ? AND status IN ('DRAFT', 'SCHEDULED')"));
    q.addBindValue(idOrNull(userId));
    q.addBindValue(iso(now));
    q.addBindValue(id);
    execOrThrow(q, "cancel a rerate task");
    return q.numRowsAffected() == 1;
}

bool RerateStore::markRunning(qint64 id, const QDateTime &now)
{
    QSqlQuery q(m_db);
    // started_at stays the first run's: a retry is the same task going on.
    q.prepare(QStringLiteral("UPDATE rerate_tasks SET status = 'RUNNING', started_at = coalesce(started_at, ?),"
                             " updated_at = ? WHERE id = ? AND status = 'SCHEDULED'"));
    q.addBindValue(iso(now));
    q.addBindValue(iso(now));
    q.addBindValue(id);
    execOrThrow(q, "start a rerate task");
    return q.numRowsAffected() == 1;
}

bool RerateStore::markRetry(qint64 id, const QString &errorMessage, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE rerate_tasks SET status = 'SCHEDULED', error_message = ?, updated_at = ?"
                             " WHERE id = ? AND status = 'RUNNING'"));
    q.addBindValue(textOrNull(errorMessage));
    q.addBindValue(iso(now));
    q.addBindValue(id);
    execOrThrow(q, "put a rerate task back to scheduled");
    return q.numRowsAffected() == 1;
}

void RerateStore::markComplete(qint64 id, const QString &errorMessage, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE rerate_tasks SET status = 'COMPLETE', completed_at = ?, error_message = ?,"
                             " updated_at = ? WHERE id = ? AND status = 'RUNNING'"));
    q.addBindValue(iso(now));
    q.addBindValue(textOrNull(errorMessage));
    q.addBindValue(iso(now));
    q.addBindValue(id);
    execOrThrow(q, "complete a rerate task");
}

void RerateStore::saveBatch(qint64 taskId, const QList<EdrNewRating> &edrs, const RerateProgress &progress,
                            const QDateTime &now)
{
    QSqlQuery edr(m_db);
    edr.prepare(QStringLiteral("UPDATE edrs SET price = ?, service_id = ?, enabled_service_id = ?, billing_rule = ?,"
                               " updated_at = ? WHERE id = ?"));
    for (const EdrNewRating &rating : edrs) {
        for (int i = 0; const QVariant &value : {QVariant(rating.price.micros()), idOrNull(rating.serviceId),
                                                  idOrNull(rating.enabledServiceId), textOrNull(rating.billingRule),
                                                  QVariant(iso(now)), QVariant(rating.edrId)})
            edr.bindValue(i++, value);
        execOrThrow(edr, "write a rerated EDR");
    }
    QSqlQuery task(m_db);
    task.prepare(QStringLiteral("UPDATE rerate_tasks SET processed_count = processed_count + ?,"
                                " updated_count = updated_count + ?, failed_count = failed_count + ?,"
                                " cursor_accepted_at = ?, cursor_edr_id = ?,"
                                " first_failure = coalesce(first_failure, ?), updated_at = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(progress.processed), QVariant(progress.updated), QVariant(progress.failed),
                                  QVariant(iso(progress.cursorAcceptedAt)), QVariant(progress.cursorEdrId),
                                  textOrNull(progress.firstFailure), QVariant(iso(now)), QVariant(taskId)})
        task.addBindValue(value);
    execOrThrow(task, "write a rerate task's progress");
}

} // namespace backoffice::server
