#include "MetaRoutes.h"

#include "ApiException.h"
#include "Database.h"
#include "Dictionaries.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "Migrations.h"
#include "OpenApi.h"
#include "Permissions.h"
#include "Router.h"
#include "SessionContext.h"

#include <QJsonArray>

namespace backoffice::server {

namespace {

QJsonArray areasJson(UserGroup group)
{
    QJsonArray areas;
    for (const PermissionArea &area : PermissionCatalogue::areas(group))
        areas.append(QJsonObject{{QStringLiteral("key"), area.key},
                                 {QStringLiteral("label"), area.label},
                                 {QStringLiteral("category"), area.category}});
    return areas;
}

QJsonObject catalogueJson()
{
    QJsonArray roles;
    for (const SystemRole &role : PermissionCatalogue::systemRoles())
        roles.append(QJsonObject{{QStringLiteral("key"), role.key},
                                 {QStringLiteral("name"), role.name},
                                 {QStringLiteral("group"), userGroupKey(role.group)},
                                 {QStringLiteral("description"), role.description},
                                 {QStringLiteral("permissions"), role.permissions.toJson()}});
    return {{QStringLiteral("areas"), QJsonObject{{QStringLiteral("backoffice"), areasJson(UserGroup::BackOffice)},
                                                  {QStringLiteral("portal"), areasJson(UserGroup::ClientPortal)}}},
            {QStringLiteral("systemRoles"), roles},
            {QStringLiteral("levels"), QJsonArray{QStringLiteral("none"), QStringLiteral("view"), QStringLiteral("manage")}}};
}

RouteDoc doc(const char *summary, const char *tag, const char *schema, bool authenticated = true)
{
    RouteDoc d;
    d.summary = QString::fromLatin1(summary);
    d.tag = QString::fromLatin1(tag);
    d.responseSchema = QString::fromLatin1(schema);
    d.authenticated = authenticated;
    d.errorStatuses = authenticated ? QList<int>{401} : QList<int>{};
    return d;
}

} // namespace

void addMetaRoutes(Router &router, Database &database, EntityService &entities)
{
    router.add(QStringLiteral("GET"), QStringLiteral("health"), doc("Liveness and versions", "Meta", "Health", false),
               [&database](const ApiRequest &, const SessionContext *) {
                   return ApiResponse::json(QJsonObject{
                       {QStringLiteral("status"), QStringLiteral("ok")},
                       {QStringLiteral("version"), QStringLiteral(BACKOFFICE_VERSION)},
                       {QStringLiteral("schemaVersion"), Migrations::currentVersion(database.connection())},
                       {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}});
               });

    RouteDoc openApiDoc = doc("This API described as OpenAPI 3", "Meta", "", false);
    openApiDoc.responseKind = RouteDoc::Response::Document;
    router.add(QStringLiteral("GET"), QStringLiteral("openapi.json"), openApiDoc,
               [&router](const ApiRequest &, const SessionContext *) { return ApiResponse::json(buildOpenApi(router)); });

    router.add(QStringLiteral("GET"), QStringLiteral("permissions/catalogue"),
               doc("Permission areas per group and the system roles", "Users", "PermissionCatalogue"),
               [](const ApiRequest &, const SessionContext *) { return ApiResponse::json(catalogueJson()); });

    router.add(QStringLiteral("GET"), QStringLiteral("dictionaries/countries"),
               doc("ISO 3166-1 countries", "Dictionaries", "CodeList"), [](const ApiRequest &, const SessionContext *) {
                   QJsonArray items;
                   for (const auto &country : Dictionaries::instance().countries())
                       items.append(QJsonObject{{QStringLiteral("code"), country.alpha2},
                                                {QStringLiteral("alpha3"), country.alpha3},
                                                {QStringLiteral("numeric"), country.numeric},
                                                {QStringLiteral("name"), country.name},
                                                {QStringLiteral("nameFr"), country.nameFr}});
                   return ApiResponse::json(QJsonObject{{QStringLiteral("items"), items},
                                                        {QStringLiteral("total"), items.size()}});
               });
    router.add(QStringLiteral("GET"), QStringLiteral("dictionaries/currencies"),
               doc("ISO 4217 currencies", "Dictionaries", "CodeList"), [](const ApiRequest &, const SessionContext *) {
                   QJsonArray items;
                   for (const auto &currency : Dictionaries::instance().currencies())
                       items.append(QJsonObject{{QStringLiteral("code"), currency.code},
                                                {QStringLiteral("numeric"), currency.numeric},
                                                {QStringLiteral("name"), currency.name}});
                   return ApiResponse::json(QJsonObject{{QStringLiteral("items"), items},
                                                        {QStringLiteral("total"), items.size()}});
               });
    router.add(QStringLiteral("GET"), QStringLiteral("dictionaries/time-zones"),
               doc("IANA time zones", "Dictionaries", "CodeList"), [](const ApiRequest &, const SessionContext *) {
                   QJsonArray items;
                   for (const QString &zone : Dictionaries::instance().timeZones())
                       items.append(QJsonObject{{QStringLiteral("code"), zone}, {QStringLiteral("name"), zone}});
                   return ApiResponse::json(QJsonObject{{QStringLiteral("items"), items},
                                                        {QStringLiteral("total"), items.size()}});
               });

    RouteDoc termsDoc = doc("The agreement version in force at an instant (default: now)", "Agreements",
                            "entity:agreement-versions");
    termsDoc.queryParameters = {QStringLiteral("at")};
    termsDoc.errorStatuses = {400, 401, 403, 404};
    router.add(QStringLiteral("GET"), QStringLiteral("agreements/{id}/terms"), termsDoc,
               [&entities](const ApiRequest &request, const SessionContext *session) {
                   const qint64 agreementId = request.idParam();
                   entities.get(EntityCatalogue::get(entities::agreements), agreementId, *session);
                   QDateTime at = QDateTime::currentDateTimeUtc();
                   const QString atText = request.query.queryItemValue(QStringLiteral("at"), QUrl::FullyDecoded);
                   if (!atText.isEmpty()) {
                       at = QDateTime::fromString(atText, Qt::ISODateWithMs);
                       if (!at.isValid())
                           throw ApiException::validation({{QStringLiteral("at"),
                                                            QStringLiteral("is not a date-time (2026-01-31T10:00:00Z)")}},
                                                          QStringLiteral("Some query parameters are not valid"));
                   }
                   const QString instant = at.toUTC().toString(Qt::ISODateWithMs);
                   // "To" is exclusive; a version starting exactly at the instant is in force then.
                   const QString justAfter = at.toUTC().addMSecs(1).toString(Qt::ISODateWithMs);
                   ListQuery query;
                   query.limit = 1;
                   query.sort << SortKey{QStringLiteral("effectiveFrom"), true};
                   query.filters << ListFilter{QStringLiteral("agreementId"), ListFilter::Op::Equals, agreementId}
                                 << ListFilter{QStringLiteral("effectiveFrom"), ListFilter::Op::To, justAfter};
                   const EntityDescriptor &versions = EntityCatalogue::get(entities::agreementVersions);
                   const ListPage page = entities.list(versions, query, *session);
                   // The latest version that started by then, provided it had not ended.
                   for (const QJsonValue &value : page.items) {
                       const QJsonObject version = value.toObject();
                       const QString till = version.value(QLatin1String("effectiveTill")).toString();
                       if (till.isEmpty() || QDateTime::fromString(till, Qt::ISODateWithMs) > at)
                           return ApiResponse::json(version);
                   }
                   throw ApiException::notFound(QStringLiteral("Agreement %1 has no version in force at %2")
                                                    .arg(agreementId)
                                                    .arg(instant));
               });
}

} // namespace backoffice::server
