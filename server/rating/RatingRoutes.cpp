#include "RatingRoutes.h"

#include "ApiException.h"
#include "AuditLog.h"
#include "Database.h"
#include "EntityCatalogue.h"
#include "EntityRepository.h"
#include "EntityService.h"
#include "RateNodesText.h"
#include "RateTreeInput.h"
#include "RateTreeStore.h"
#include "RatingChanges.h"
#include "Router.h"
#include "SessionContext.h"
#include "Transaction.h"

namespace backoffice::server {

namespace {

const QString servicesArea = QStringLiteral("services");

QJsonObject treeAnswer(qint64 scopeId, const QJsonArray &nodes)
{
    return {{QStringLiteral("scopeId"), scopeId}, {QStringLiteral("nodes"), nodes}};
}

RouteDoc doc(const char *summary, const char *request, RouteDoc::Response kind = RouteDoc::Response::Object)
{
    RouteDoc d;
    d.summary = QString::fromLatin1(summary);
    d.tag = QStringLiteral("Services");
    d.requestSchema = QString::fromLatin1(request);
    d.responseKind = kind;
    d.errorStatuses = {400, 401, 403, 404};
    return d;
}

void audit(QSqlDatabase db, const SessionContext &session, const QDateTime &now, const QString &table,
           const QString &operation, qint64 id, const QJsonObject &oldValue, const QJsonObject &newValue)
{
    AuditLog(db).record({now, session.actor, table, operation, id, oldValue, newValue, std::nullopt});
}

ApiResponse setArchived(Database &database, EntityService &entities, const ApiRequest &request,
                        const SessionContext &session, bool archived)
{
    EntityService::requireAccess(session, servicesArea, AccessLevel::Manage);
    const EntityDescriptor &services = EntityCatalogue::get(entities::services);
    const qint64 id = request.idParam();
    const QJsonObject before = entities.get(services, id, session);
    if (before.value(QLatin1String("archived")).toBool() == archived)
        return ApiResponse::json(before);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlDatabase db = database.connection();
    EntityRepository repository(db, services);
    Transaction transaction(db);
    repository.update(id, {{QStringLiteral("archived"), archived}, {QStringLiteral("updatedAt"), now.toString(Qt::ISODateWithMs)}});
    audit(db, session, now, QStringLiteral("services"), QStringLiteral("update"), id, {{QStringLiteral("archived"), !archived}},
          {{QStringLiteral("archived"), archived}});
    transaction.commit();
    RatingChanges::changed();
    return ApiResponse::json(*repository.get(id, now));
}

} // namespace

void addRatingRoutes(Router &router, Database &database, EntityService &entities)
{
    RouteDoc treeDoc = doc("The rate tree of a service scope", "");
    treeDoc.responseSchema = QStringLiteral("RateTree");
    router.add(QStringLiteral("GET"), QStringLiteral("service-scopes/{id}/tree"), treeDoc,
               [&database, &entities](const ApiRequest &request, const SessionContext *session) {
                   const qint64 scopeId = request.idParam();
                   entities.get(EntityCatalogue::get(entities::serviceScopes), scopeId, *session);
                   // Written as text: a 100,000-node tree through QJsonArray took most of a second.
                   ApiResponse response;
                   response.body = "{\"scopeId\":" + QByteArray::number(scopeId) + ",\"nodes\":"
                       + rating::rateNodesJsonText(RateTreeStore(database.connection()).loadNodes(scopeId)) + '}';
                   return response;
               });

    RouteDoc replaceDoc = doc("Replace the rate tree of a service scope (takes effect at once for the scope in force)",
                              "RateTree");
    replaceDoc.responseSchema = QStringLiteral("RateTree");
    router.add(QStringLiteral("PUT"), QStringLiteral("service-scopes/{id}/tree"), replaceDoc,
               [&database, &entities](const ApiRequest &request, const SessionContext *session) {
                   EntityService::requireAccess(*session, servicesArea, AccessLevel::Manage);
                   const qint64 scopeId = request.idParam();
                   entities.get(EntityCatalogue::get(entities::serviceScopes), scopeId, *session);
                   const QJsonValue nodes = request.jsonObject().value(QLatin1String("nodes"));
                   if (!nodes.isArray())
                       throw ApiException::validation({{QStringLiteral("nodes"), QStringLiteral("must be a list of rate nodes")}});
                   QHash<QString, QString> errors;
                   const QJsonArray ordered = readRateTreeInput(nodes.toArray(), errors);
                   if (!errors.isEmpty())
                       throw ApiException::validation(errors, QStringLiteral("Some rate nodes are not valid"));
                   const QDateTime now = QDateTime::currentDateTimeUtc();
                   QSqlDatabase db = database.connection();
                   RateTreeStore store(db);
                   Transaction transaction(db);
                   const QJsonArray before = store.load(scopeId);
                   store.replace(scopeId, ordered);
                   const QJsonArray after = store.load(scopeId);
                   audit(db, *session, now, QStringLiteral("rate_nodes"), QStringLiteral("update"), scopeId,
                         {{QStringLiteral("nodes"), before}}, {{QStringLiteral("nodes"), after}});
                   transaction.commit();
                   RatingChanges::changed(scopeId);
                   return ApiResponse::json(treeAnswer(scopeId, after));
               });

    RouteDoc cloneDoc = doc("Clone a service with its scopes and rate trees", "");
    cloneDoc.responseSchema = QStringLiteral("entity:services");
    router.add(QStringLiteral("POST"), QStringLiteral("services/{id}/clone"), cloneDoc,
               [&database, &entities](const ApiRequest &request, const SessionContext *session) {
                   EntityService::requireAccess(*session, servicesArea, AccessLevel::Manage);
                   const EntityDescriptor &services = EntityCatalogue::get(entities::services);
                   const EntityDescriptor &scopes = EntityCatalogue::get(entities::serviceScopes);
                   const QJsonObject original = entities.get(services, request.idParam(), *session);
                   const QDateTime now = QDateTime::currentDateTimeUtc();
                   const QString stamp = now.toString(Qt::ISODateWithMs);
                   QSqlDatabase db = database.connection();
                   EntityRepository serviceRepository(db, services);
                   EntityRepository scopeRepository(db, scopes);
                   RateTreeStore trees(db);
                   Transaction transaction(db);
                   QJsonObject copy = original;
                   copy.insert(QStringLiteral("name"), QString(original.value(QLatin1String("name")).toString() + QStringLiteral(" (copy)")));
                   copy.insert(QStringLiteral("archived"), false);
                   copy.insert(QStringLiteral("createdAt"), stamp);
                   copy.insert(QStringLiteral("updatedAt"), stamp);
                   const qint64 cloneId = serviceRepository.insert(copy);
                   audit(db, *session, now, QStringLiteral("services"), QStringLiteral("create"), cloneId, {},
                         *serviceRepository.get(cloneId, now));
                   // In creation order, so the copy keeps the same scope current.
                   ListQuery query;
                   query.limit = 0;
                   query.sort << SortKey{QStringLiteral("id"), false};
                   query.filters << ListFilter{QStringLiteral("serviceId"), ListFilter::Op::Equals,
                                               original.value(QLatin1String("id")).toInteger()};
                   for (const QJsonValue &value : scopeRepository.list(query, now).items) {
                       QJsonObject scope = value.toObject();
                       const qint64 sourceScope = scope.value(QLatin1String("id")).toInteger();
                       scope.insert(QStringLiteral("serviceId"), cloneId);
                       scope.insert(QStringLiteral("copiedFromScopeId"), sourceScope);
                       scope.insert(QStringLiteral("createdAt"), stamp);
                       scope.insert(QStringLiteral("updatedAt"), stamp);
                       const qint64 scopeId = scopeRepository.insert(scope);
                       trees.copy(sourceScope, scopeId);
                       audit(db, *session, now, QStringLiteral("service_scopes"), QStringLiteral("create"), scopeId, {},
                             *scopeRepository.get(scopeId, now));
                   }
                   transaction.commit();
                   RatingChanges::changed();
                   return ApiResponse::json(*serviceRepository.get(cloneId, now), 201);
               });

    RouteDoc archiveDoc = doc("Archive a service: traffic stops for the agreements that use it", "");
    archiveDoc.responseSchema = QStringLiteral("entity:services");
    router.add(QStringLiteral("POST"), QStringLiteral("services/{id}/archive"), archiveDoc,
               [&database, &entities](const ApiRequest &request, const SessionContext *session) {
                   return setArchived(database, entities, request, *session, true);
               });
    RouteDoc restoreDoc = doc("Bring an archived service back into use", "");
    restoreDoc.responseSchema = QStringLiteral("entity:services");
    router.add(QStringLiteral("POST"), QStringLiteral("services/{id}/restore"), restoreDoc,
               [&database, &entities](const ApiRequest &request, const SessionContext *session) {
                   return setArchived(database, entities, request, *session, false);
               });
}

} // namespace backoffice::server
