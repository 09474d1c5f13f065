#include "RerateRoutes.h"

#include "ApiException.h"
#include "AuditLog.h"
#include "BillingEntities.h"
#include "Database.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "RerateStore.h"
#include "RerateTaskRules.h"
#include "Router.h"
#include "Transaction.h"

#include <QJsonObject>

namespace backoffice::server {

namespace {

RouteDoc doc(const char *summary)
{
    RouteDoc d;
    d.summary = QString::fromUtf8(summary);
    d.tag = QStringLiteral("Finance");
    d.responseSchema = QStringLiteral("entity:rerate-tasks");
    d.errorStatuses = {401, 403, 404, 409};
    return d;
}

QString iso(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

ApiResponse schedule(Database &database, EntityService &entities, const ApiRequest &request, const SessionContext &session,
                     const std::function<void()> &scheduled)
{
    const EntityDescriptor &tasks = EntityCatalogue::get(entities::rerateTasks);
    const qint64 id = request.idParam();
    const QJsonObject before = entities.get(tasks, id, session); // 403 without View, 404 out of reach
    EntityService::requireAccess(session, tasks.permissionArea, AccessLevel::Manage);
    RerateTaskRules::requireDraft(before, QStringLiteral("scheduled"));
    QSqlDatabase db = database.connection();
    RerateStore store(db);
    const auto task = store.task(id);
    if (!task)
        throw ApiException::notFound(QStringLiteral("EDR rerate task %1 does not exist").arg(id));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime scheduledFor = task->scheduledFor.isValid() ? task->scheduledFor : now;
    const qint64 estimated = store.countMatching(*task);
    {
        Transaction transaction(db);
        if (!store.markScheduled(id, estimated, scheduledFor, session.userId, now))
            throw ApiException::conflict(QStringLiteral("Rerate task %1 is no longer a draft").arg(id),
                                         QStringLiteral("rerate_task_not_draft"));
        AuditLog(db).record({now, session.actor, QStringLiteral("rerate_tasks"), QStringLiteral("update"), id,
                             QJsonObject{{QStringLiteral("status"), reratestatus::draft},
                                         {QStringLiteral("estimatedCount"), task->estimatedCount},
                                         {QStringLiteral("scheduledFor"), task->scheduledFor.isValid()
                                                                              ? QJsonValue(iso(task->scheduledFor))
                                                                              : QJsonValue()}},
                             QJsonObject{{QStringLiteral("status"), reratestatus::scheduled},
                                         {QStringLiteral("estimatedCount"), estimated},
                                         {QStringLiteral("scheduledFor"), iso(scheduledFor)}},
                             task->companyId});
        transaction.commit();
    }
    if (scheduled)
        scheduled();
    return ApiResponse::json(entities.get(tasks, id, session));
}

ApiResponse cancel(Database &database, EntityService &entities, const ApiRequest &request, const SessionContext &session)
{
    const EntityDescriptor &tasks = EntityCatalogue::get(entities::rerateTasks);
    const qint64 id = request.idParam();
    const QJsonObject before = entities.get(tasks, id, session);
    EntityService::requireAccess(session, tasks.permissionArea, AccessLevel::Manage);
    const QString status = before.value(QLatin1String("status")).toString();
    if (status == reratestatus::canceled)
        return ApiResponse::json(before);
    if (status == reratestatus::running)
        throw ApiException::conflict(QStringLiteral("Rerate task %1 is running: it cannot be canceled, it completes on its own")
                                         .arg(id),
                                     QStringLiteral("rerate_task_running"));
    if (status == reratestatus::complete)
        throw ApiException::conflict(QStringLiteral("Rerate task %1 is complete: its adjustments are charged; "
                                                    "to undo them, rerate the period again after changing the rates")
                                         .arg(id),
                                     QStringLiteral("rerate_task_complete"));
    QSqlDatabase db = database.connection();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        Transaction transaction(db);
        if (!RerateStore(db).markCanceled(id, session.userId, now))
            throw ApiException::conflict(QStringLiteral("Rerate task %1 has started meanwhile: it cannot be canceled").arg(id),
                                         QStringLiteral("rerate_task_running"));
        AuditLog(db).record({now, session.actor, QStringLiteral("rerate_tasks"), QStringLiteral("update"), id,
                             QJsonObject{{QStringLiteral("status"), status}},
                             QJsonObject{{QStringLiteral("status"), reratestatus::canceled}},
                             before.value(QLatin1String("companyId")).toInteger()});
        transaction.commit();
    }
    return ApiResponse::json(entities.get(tasks, id, session));
}

} // namespace

void addRerateRoutes(Router &router, Database &database, EntityService &entities, std::function<void()> scheduled)
{
    router.add(QStringLiteral("POST"), QStringLiteral("rerate-tasks/{id}/schedule"),
               doc("Schedule a draft EDR rerate task: counts the EDRs it matches; the billing job runs it when its time has come"),
               [&database, &entities, scheduled](const ApiRequest &request, const SessionContext *session) {
                   return schedule(database, entities, request, *session, scheduled);
               });
    router.add(QStringLiteral("POST"), QStringLiteral("rerate-tasks/{id}/cancel"),
               doc("Cancel a draft or scheduled EDR rerate task"),
               [&database, &entities](const ApiRequest &request, const SessionContext *session) {
                   return cancel(database, entities, request, *session);
               });
}

} // namespace backoffice::server
