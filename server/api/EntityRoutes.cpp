#include "EntityRoutes.h"

#include "Csv.h"
#include "EntityDescriptor.h"
#include "EntityService.h"
#include "ListQueryParser.h"
#include "Router.h"
#include "SessionContext.h"

#include <QJsonArray>

namespace backoffice::server {

void addEntityRoutes(Router &router, EntityService &service, const EntityDescriptor &entity)
{
    const EntityDescriptor *e = &entity;
    const QString collection = entity.name;
    const QString item = entity.name + QStringLiteral("/{id}");
    const QString schema = QStringLiteral("entity:") + entity.name;
    const QString tag = entity.plural;

    RouteDoc listDoc;
    listDoc.summary = QStringLiteral("List %1 (paged, sorted, filtered, searched)").arg(entity.plural.toLower());
    listDoc.tag = tag;
    listDoc.responseSchema = schema;
    listDoc.responseKind = RouteDoc::Response::List;
    listDoc.listParameters = true;
    listDoc.filterEntity = entity.name;
    router.add(QStringLiteral("GET"), collection, listDoc,
               [&service, e](const ApiRequest &request, const SessionContext *session) {
                   const ListPage page = service.list(*e, parseListQuery(*e, request.query), *session);
                   return ApiResponse::json(QJsonObject{{QStringLiteral("items"), page.items},
                                                        {QStringLiteral("total"), page.total}});
               });

    RouteDoc exportDoc = listDoc;
    exportDoc.summary = QStringLiteral("Export the filtered %1 as CSV").arg(entity.plural.toLower());
    exportDoc.responseKind = RouteDoc::Response::Csv;
    router.add(QStringLiteral("GET"), collection + QStringLiteral("/export.csv"), exportDoc,
               [&service, e](const ApiRequest &request, const SessionContext *session) {
                   CsvWriter csv(*e);
                   ListQuery query = parseListQuery(*e, request.query);
                   service.exportRows(*e, query, *session, [&csv](const QJsonObject &row) { csv.addRecord(row); });
                   ApiResponse response;
                   response.body = csv.data();
                   response.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
                   response.headers.append({QByteArrayLiteral("Content-Disposition"),
                                            QByteArrayLiteral("attachment; filename=\"") + e->name.toUtf8()
                                                + QByteArrayLiteral(".csv\"")});
                   return response;
               });

    RouteDoc getDoc;
    getDoc.summary = QStringLiteral("Read one %1").arg(entity.singular.toLower());
    getDoc.tag = tag;
    getDoc.responseSchema = schema;
    getDoc.errorStatuses = {401, 403, 404};
    router.add(QStringLiteral("GET"), item, getDoc, [&service, e](const ApiRequest &request, const SessionContext *session) {
        return ApiResponse::json(service.get(*e, request.idParam(), *session));
    });

    if (entity.readOnlyCollection)
        return;

    RouteDoc createDoc;
    createDoc.summary = QStringLiteral("Create a %1").arg(entity.singular.toLower());
    createDoc.tag = tag;
    createDoc.requestSchema = schema;
    createDoc.responseSchema = schema;
    createDoc.errorStatuses = {400, 401, 403, 422};
    router.add(QStringLiteral("POST"), collection, createDoc,
               [&service, e](const ApiRequest &request, const SessionContext *session) {
                   return ApiResponse::json(service.create(*e, request.jsonObject(), *session), 201);
               });

    RouteDoc patchDoc = createDoc;
    patchDoc.summary = QStringLiteral("Change fields of a %1").arg(entity.singular.toLower());
    patchDoc.errorStatuses = {400, 401, 403, 404, 422};
    router.add(QStringLiteral("PATCH"), item, patchDoc,
               [&service, e](const ApiRequest &request, const SessionContext *session) {
                   return ApiResponse::json(service.update(*e, request.idParam(), request.jsonObject(), *session));
               });

    RouteDoc deleteDoc;
    deleteDoc.summary = QStringLiteral("Delete a %1 (409 while others refer to it)").arg(entity.singular.toLower());
    deleteDoc.tag = tag;
    deleteDoc.responseKind = RouteDoc::Response::Empty;
    deleteDoc.errorStatuses = {401, 403, 404, 409, 422};
    router.add(QStringLiteral("DELETE"), item, deleteDoc,
               [&service, e](const ApiRequest &request, const SessionContext *session) {
                   service.remove(*e, request.idParam(), *session);
                   return ApiResponse::noContent();
               });
}

} // namespace backoffice::server
