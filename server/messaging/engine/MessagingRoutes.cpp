#include "MessagingRoutes.h"

#include "Amount.h"
#include "ApiException.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "MessagingEngine.h"
#include "Router.h"
#include "SessionContext.h"

namespace backoffice::server {

namespace {

RouteDoc doc(const char *summary, const char *schema)
{
    RouteDoc d;
    d.summary = QString::fromLatin1(summary);
    d.tag = QStringLiteral("Messaging");
    d.responseSchema = QString::fromLatin1(schema);
    return d;
}

// Pack sub-balances: units for unit and bundle packs, money (in the pack's currency) for monetary ones.
QJsonArray packsOf(const QList<MessagingEngine::PackPosition> &positions)
{
    QJsonArray packs;
    for (const auto &[terms, left] : positions) {
        const bool money = terms.type == QLatin1String("monetaryPack");
        auto value = [money](qint64 v) { return money ? QJsonValue(Amount::fromMicros(v).toString()) : QJsonValue(v); };
        packs.append(QJsonObject{{QStringLiteral("enabledServiceId"), terms.enabledServiceId},
                                 {QStringLiteral("serviceName"), terms.serviceName},
                                 {QStringLiteral("type"), terms.type},
                                 {QStringLiteral("size"), value(left.size)},
                                 {QStringLiteral("used"), value(left.used)},
                                 {QStringLiteral("reserved"), value(left.reserved)},
                                 {QStringLiteral("left"), value(left.left())},
                                 {QStringLiteral("rounds"), left.rounds},
                                 {QStringLiteral("autoExtend"), terms.autoExtend},
                                 {QStringLiteral("effectiveTill"), terms.till.isValid() ? QJsonValue(terms.till.toString(Qt::ISODate))
                                                                                        : QJsonValue()}});
    }
    return packs;
}

} // namespace

void addMessagingRoutes(Router &router, EntityService &entities, MessagingEngine &engine)
{
    router.add(QStringLiteral("GET"), QStringLiteral("messaging/status"),
               doc("Live state of vendor SMPP sessions and client binds", "MessagingStatus"),
               [&engine](const ApiRequest &, const SessionContext *session) {
                   EntityService::requireAccess(*session, QStringLiteral("connections"), AccessLevel::View);
                   return ApiResponse::json(engine.status());
               });
    RouteDoc trafficDoc = doc("Messages per minute by channel and status", "TrafficSeries");
    trafficDoc.queryParameters = {QStringLiteral("minutes")};
    router.add(QStringLiteral("GET"), QStringLiteral("messaging/traffic"), trafficDoc,
               [&engine](const ApiRequest &request, const SessionContext *session) {
                   EntityService::requireAccess(*session, QStringLiteral("reports"), AccessLevel::View);
                   bool ok = true;
                   const QString text = request.query.queryItemValue(QStringLiteral("minutes"));
                   const int minutes = text.isEmpty() ? 60 : text.toInt(&ok);
                   if (!ok || minutes < 1 || minutes > 1440)
                       throw ApiException::validation({{QStringLiteral("minutes"), QStringLiteral("must be 1 to 1440")}});
                   return ApiResponse::json(engine.traffic(minutes));
               });
    RouteDoc balanceDoc = doc("An agreement's balance, reservations and credit limit", "AgreementBalance");
    balanceDoc.errorStatuses = {401, 403, 404};
    router.add(QStringLiteral("GET"), QStringLiteral("agreements/{id}/balance"), balanceDoc,
               [&entities, &engine](const ApiRequest &request, const SessionContext *session) {
                   const qint64 id = request.idParam();
                   entities.requireVisible(EntityCatalogue::get(entities::agreements), id, *session);
                   const auto position = engine.position(id);
                   if (!position)
                       throw ApiException::notFound(QStringLiteral("Agreement %1 does not exist").arg(id));
                   QJsonObject body{{QStringLiteral("agreementId"), id},
                                    {QStringLiteral("currency"), position->currency},
                                    {QStringLiteral("balance"), position->balance.toString()},
                                    {QStringLiteral("reserved"), position->reserved.toString()}};
                   if (position->creditLimit) {
                       body.insert(QStringLiteral("creditLimit"), position->creditLimit->toString());
                       body.insert(QStringLiteral("available"),
                                   (position->balance + *position->creditLimit - position->reserved).toString());
                   } else {
                       body.insert(QStringLiteral("creditLimit"), QJsonValue::Null);
                       body.insert(QStringLiteral("available"), QJsonValue::Null); // unlimited
                   }
                   body.insert(QStringLiteral("packs"), packsOf(engine.packPositions(id)));
                   return ApiResponse::json(body);
               });
}

} // namespace backoffice::server
