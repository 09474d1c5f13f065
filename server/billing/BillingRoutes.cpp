#include "BillingRoutes.h"

#include "ApiException.h"
#include "BillingStore.h"
#include "Database.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "PackPurchases.h"
#include "Router.h"

#include <QJsonArray>

namespace backoffice::server {

namespace {

constexpr int DefaultDays = 31;
constexpr int MaxDays = 366;

QDateTime instantParameterOf(const QString &text, const char *name, FieldErrors &errors)
{
    if (text.isEmpty())
        return {};
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
        errors.insert(QLatin1String(name), QStringLiteral("must be an ISO 8601 date-time with an offset (2026-12-01T00:00:00Z)"));
    return at.toUTC();
}

QDateTime instantParameter(const ApiRequest &request, const char *name, FieldErrors &errors)
{
    return instantParameterOf(request.query.queryItemValue(QLatin1String(name)), name, errors);
}

QJsonObject lineJson(const LedgerLine &line, Amount balanceAfter)
{
    QJsonObject json{{QStringLiteral("at"), line.at.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("kind"), line.kind},
                     {QStringLiteral("description"), line.description},
                     {QStringLiteral("amount"), line.amount.toString()},
                     {QStringLiteral("balanceAfter"), balanceAfter.toString()}};
    if (!line.source.isEmpty()) {
        json.insert(QStringLiteral("source"), line.source);
        json.insert(QStringLiteral("count"), line.count);
    }
    if (line.paymentId)
        json.insert(QStringLiteral("paymentId"), line.paymentId);
    if (line.movementId)
        json.insert(QStringLiteral("movementId"), line.movementId);
    return json;
}

} // namespace

void addBillingRoutes(Router &router, Database &database, EntityService &entities, RatingEngine &rating)
{
    RouteDoc packDoc;
    packDoc.summary = QStringLiteral("The price of enabling a pack with billing \"charge\" (Rate not found otherwise)");
    packDoc.tag = QStringLiteral("Finance");
    packDoc.responseSchema = QStringLiteral("PackPrice");
    packDoc.errorStatuses = {400, 401, 403, 404};
    router.add(QStringLiteral("POST"), QStringLiteral("enabled-services/pack-price"), packDoc,
               [&entities, &rating](const ApiRequest &request, const SessionContext *session) {
                   const QJsonObject body = request.jsonObject();
                   EntityService::requireAccess(*session, QStringLiteral("enabledServices"), AccessLevel::View);
                   const QJsonObject agreement = entities.get(EntityCatalogue::get(entities::agreements),
                                                              body.value(QLatin1String("agreementId")).toInteger(), *session);
                   const QJsonObject service = entities.get(EntityCatalogue::get(entities::services),
                                                            body.value(QLatin1String("serviceId")).toInteger(), *session);
                   const QString type = service.value(QLatin1String("type")).toString();
                   if (type != QLatin1String("unitPack") && type != QLatin1String("monetaryPack") && type != QLatin1String("bundlePack"))
                       throw ApiException::validation({{QStringLiteral("serviceId"), QStringLiteral("is not a pack")}});
                   FieldErrors errors;
                   QDateTime at = instantParameterOf(body.value(QLatin1String("effectiveFrom")).toString(), "effectiveFrom", errors);
                   if (!errors.isEmpty())
                       throw ApiException::validation(errors);
                   if (!at.isValid())
                       at = QDateTime::currentDateTimeUtc();
                   QString reason;
                   const auto price = PackPurchases::price(rating, agreement.value(QLatin1String("id")).toInteger(),
                                                           service.value(QLatin1String("name")).toString(), type, at, &reason);
                   if (!price)
                       return ApiResponse::json(QJsonObject{{QStringLiteral("price"), QJsonValue::Null},
                                                            {QStringLiteral("message"), reason}});
                   return ApiResponse::json(QJsonObject{{QStringLiteral("price"), price->amount.toString()},
                                                        {QStringLiteral("currency"), price->currency},
                                                        {QStringLiteral("pricedBy"), price->serviceId},
                                                        {QStringLiteral("pricedByName"), price->serviceName}});
               });

    RouteDoc ledgerDoc;
    ledgerDoc.summary = QStringLiteral("An agreement's ledger: payments and other movements, charges per day, running balance");
    ledgerDoc.tag = QStringLiteral("Finance");
    ledgerDoc.responseSchema = QStringLiteral("AgreementLedger");
    ledgerDoc.queryParameters = {QStringLiteral("from"), QStringLiteral("till")};
    ledgerDoc.errorStatuses = {400, 401, 403, 404};
    router.add(QStringLiteral("GET"), QStringLiteral("agreements/{id}/ledger"), ledgerDoc,
               [&database, &entities](const ApiRequest &request, const SessionContext *session) {
                   const qint64 id = request.idParam();
                   const QJsonObject agreement = entities.get(EntityCatalogue::get(entities::agreements), id, *session);
                   FieldErrors errors;
                   const QDateTime now = QDateTime::currentDateTimeUtc();
                   QDateTime till = instantParameter(request, "till", errors);
                   QDateTime from = instantParameter(request, "from", errors);
                   if (!errors.isEmpty())
                       throw ApiException::validation(errors);
                   if (!till.isValid())
                       till = now;
                   if (!from.isValid())
                       from = till.addDays(-DefaultDays);
                   if (from >= till)
                       errors.insert(QStringLiteral("from"), QStringLiteral("must be before till"));
                   else if (from.daysTo(till) > MaxDays)
                       errors.insert(QStringLiteral("from"), QStringLiteral("the range may span at most %1 days").arg(MaxDays));
                   if (!errors.isEmpty())
                       throw ApiException::validation(errors);

                   BillingStore store(database.connection());
                   // Work back from today's stored balance: what moved at or after `till` is not in range.
                   const Amount closing = store.balance(id) - store.movedSince(id, till);
                   Amount running = closing;
                   QJsonArray lines;
                   for (const LedgerLine &line : store.ledger(id, from, till)) {
                       lines.append(lineJson(line, running));
                       running -= line.amount;
                   }
                   return ApiResponse::json(QJsonObject{
                       {QStringLiteral("agreementId"), id},
                       {QStringLiteral("currency"), agreement.value(QLatin1String("currency"))},
                       {QStringLiteral("from"), from.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("till"), till.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("openingBalance"), running.toString()},
                       {QStringLiteral("closingBalance"), closing.toString()},
                       {QStringLiteral("lines"), lines}});
               });
}

} // namespace backoffice::server
