#include "InvoiceRoutes.h"

#include "ApiException.h"
#include "BillingEntities.h"
#include "Database.h"
#include "DetailsArchive.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "InvoiceDocument.h"
#include "Invoicing.h"
#include "Router.h"

namespace backoffice::server {

namespace {

RouteDoc doc(const char *summary, RouteDoc::Response kind, QList<int> errors)
{
    RouteDoc d;
    d.summary = QString::fromUtf8(summary);
    d.tag = QStringLiteral("Finance");
    d.responseKind = kind;
    if (kind == RouteDoc::Response::Object)
        d.responseSchema = QStringLiteral("entity:invoices");
    d.errorStatuses = std::move(errors);
    return d;
}

ApiResponse download(const QByteArray &bytes, const QByteArray &type, const QString &fileName)
{
    ApiResponse response;
    response.body = bytes;
    response.contentType = type;
    response.headers.append({QByteArrayLiteral("Content-Disposition"),
                             QByteArrayLiteral("attachment; filename=\"") + fileName.toUtf8() + '"'});
    return response;
}

} // namespace

void addInvoiceRoutes(Router &router, Database &database, EntityService &entities)
{
    const EntityDescriptor &invoices = EntityCatalogue::get(entities::invoices);
    for (const bool confirm : {false, true}) {
        router.add(QStringLiteral("POST"), confirm ? QStringLiteral("invoices/{id}/confirm") : QStringLiteral("invoices/{id}/recalculate"),
                   doc(confirm ? "Confirm a draft invoice: reference number, issue and due date"
                               : "Recalculate a draft invoice from its period's charges",
                       RouteDoc::Response::Object, {401, 403, 404, 409}),
                   [&database, &entities, &invoices, confirm](const ApiRequest &request, const SessionContext *session) {
                       const qint64 id = request.idParam();
                       entities.get(invoices, id, *session); // 404 out of reach
                       EntityService::requireAccess(*session, invoices.permissionArea, AccessLevel::Manage);
                       Invoicing invoicing(database);
                       const QDateTime now = QDateTime::currentDateTimeUtc();
                       if (confirm)
                           invoicing.confirm(id, session->actor, now);
                       else
                           invoicing.recalculate(id, now);
                       return ApiResponse::json(entities.get(invoices, id, *session));
                   });
    }
    for (const bool archive : {false, true}) {
        router.add(QStringLiteral("GET"), archive ? QStringLiteral("invoices/{id}/details") : QStringLiteral("invoices/{id}/pdf"),
                   doc(archive ? "The invoice and its charge details (ZIP: PDF, CSV, XLSX)" : "The invoice as PDF",
                       RouteDoc::Response::Document, {401, 403, 404, 422}),
                   [&database, &entities, &invoices, archive](const ApiRequest &request, const SessionContext *session) {
                       const qint64 id = request.idParam();
                       entities.get(invoices, id, *session);
                       const auto document = InvoiceDocument::load(database.connection(), id, QDateTime::currentDateTimeUtc());
                       if (!document)
                           throw ApiException::notFound(QStringLiteral("Invoice %1 does not exist").arg(id));
                       QString error;
                       const auto bytes = archive ? document->detailsArchive(&error) : document->pdf(&error);
                       if (!bytes)
                           throw ApiException::ruleViolated(QStringLiteral("The invoice cannot be printed: %1").arg(error));
                       return archive ? download(*bytes, QByteArrayLiteral("application/zip"),
                                                 printable::DetailsArchive::archiveFileName(document->number()))
                                      : download(*bytes, QByteArrayLiteral("application/pdf"),
                                                 QStringLiteral("invoice-%1.pdf")
                                                     .arg(printable::DetailsArchive::fileStem(document->number())));
                   });
    }
}

} // namespace backoffice::server
