#include "TransitSmsWebhook.h"

#include "ApiException.h"
#include "MessagingEngine.h"
#include "Router.h"

#include <QMessageAuthenticationCode>

namespace backoffice::server {

void addTransitSmsWebhook(Router &router, MessagingEngine &engine)
{
    RouteDoc doc;
    doc.summary = QStringLiteral("Status webhook for Transit SMS vendors (by the sender ID's webhook GUID)");
    doc.tag = QStringLiteral("Messaging");
    doc.authenticated = false; // the vendor proves itself by the GUID and, when set, the signature
    doc.queryParameters = {QStringLiteral("bot_id")};
    doc.errorStatuses = {400, 401, 404};
    router.add(QStringLiteral("POST"), QStringLiteral("webhooks/transit-sms"), doc,
               [&engine](const ApiRequest &request, const SessionContext *) {
                   const QString guid = request.query.queryItemValue(QStringLiteral("bot_id")).toLower();
                   const std::shared_ptr<const MessagingConfig> config = engine.config().current();
                   const qint64 senderId = config->senderByWebhookGuid.value(guid);
                   const SenderRow sender = config->senders.value(senderId);
                   if (!senderId || sender.vendorType != QLatin1String("http"))
                       throw ApiException::notFound(QStringLiteral("No HTTP sender ID has the webhook GUID %1").arg(guid));
                   const HttpConnectionRow connection = config->http.value(sender.httpConnectionId);
                   if (!connection.signatureKey.isEmpty()) {
                       const QByteArray expected = QMessageAuthenticationCode::hash(
                           request.body, connection.signatureKey.toUtf8(), QCryptographicHash::Sha256).toHex();
                       if (request.header("x-signature").toLower() != expected)
                           throw ApiException::unauthorized(QStringLiteral("bad_signature"),
                                                            QStringLiteral("X-Signature does not match the body"));
                   }
                   const QJsonObject body = request.jsonObject();
                   const QString status = body.value(QLatin1String("status")).toString().toUpper();
                   const QString vendorId = body.value(QLatin1String("id")).toString();
                   const QString reference = body.value(QLatin1String("reference")).toString();
                   QHash<QString, QString> errors;
                   static const QStringList known{QStringLiteral("DELIVERED"), QStringLiteral("UNDELIVERED"),
                                                  QStringLiteral("FAILED"), QStringLiteral("SEEN")};
                   if (!known.contains(status))
                       errors.insert(QStringLiteral("status"), QStringLiteral("must be DELIVERED, UNDELIVERED, FAILED or SEEN"));
                   if (vendorId.isEmpty() && reference.isEmpty())
                       errors.insert(QStringLiteral("id"), QStringLiteral("the vendor id or our reference is required"));
                   if (!errors.isEmpty())
                       throw ApiException::validation(errors);
                   engine.httpStatusReport(connection.id, vendorId, reference, status,
                                           body.value(QLatin1String("error")).toString().left(200));
                   return ApiResponse::json(QJsonObject{{QStringLiteral("accepted"), true}});
               });
}

} // namespace backoffice::server
