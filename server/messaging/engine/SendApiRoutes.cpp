#include "SendApiRoutes.h"

#include "ApiException.h"
#include "ApiKeyRules.h"
#include "Database.h"
#include "MessagingConfigStore.h"
#include "MessagingEngine.h"
#include "Router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>

namespace backoffice::server {

namespace {

constexpr int MaxRecipients = 700;

// The API key of the Authorization header, checked against the keys in memory (and their expiry).
ApiKeyRow apiKeyOf(Database &database, MessagingEngine &engine, const ApiRequest &request)
{
    const QByteArray header = request.header("authorization");
    if (!header.startsWith("Bearer "))
        throw ApiException::unauthorized(QStringLiteral("api_key_required"),
                                         QStringLiteral("Send the API key as \"Authorization: Bearer <key>\""));
    const QString key = QString::fromLatin1(header.mid(7).trimmed());
    const std::shared_ptr<const MessagingConfig> config = engine.config().current();
    const auto found = config->apiKeysByHash.constFind(ApiKeyRules::digest(key));
    if (found == config->apiKeysByHash.cend())
        throw ApiException::unauthorized(QStringLiteral("invalid_api_key"), QStringLiteral("The API key is not valid"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (found->expiresAt.isValid() && found->expiresAt <= now)
        throw ApiException::unauthorized(QStringLiteral("api_key_expired"),
                                         QStringLiteral("The API key expired on %1").arg(found->expiresAt.toString(Qt::ISODate)));
    // "Last used" is shown per minute: one write a minute per key, whatever the traffic.
    static QMutex mutex;
    static QHash<qint64, QDateTime> touched;
    QMutexLocker lock(&mutex);
    if (!touched.contains(found->id) || touched.value(found->id).secsTo(now) >= 60) {
        touched.insert(found->id, now);
        MessagingConfigStore(database.connection()).touchApiKey(found->id, now);
    }
    return *found;
}

QStringList recipientsOf(const QJsonValue &value)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QStringList list;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            list << item.toString().trimmed();
    } else {
        list = value.toString().split(separators, Qt::SkipEmptyParts);
    }
    QStringList unique;
    QSet<QString> seen;
    for (QString number : std::as_const(list)) {
        number.remove(QLatin1Char('+'));
        if (!number.isEmpty() && !seen.contains(number)) {
            seen.insert(number);
            unique << number;
        }
    }
    return unique;
}

QStringList channelsOf(const QJsonValue &value)
{
    QStringList channels;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            channels << item.toString().trimmed().toLower();
    } else if (value.isString()) {
        for (const QString &item : value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            channels << item.trimmed().toLower();
    }
    return channels;
}

struct ParsedSend {
    ApiSendRequest request;
    QStringList ignored;
};

// Field errors name the field, as in every other API write; nothing is sent when any is wrong.
ParsedSend parse(const QJsonObject &body, const ApiKeyRow &key)
{
    QHash<QString, QString> errors;
    ParsedSend parsed;
    ApiSendRequest &request = parsed.request;
    request.apiKeyId = key.id;
    request.companyId = key.companyId;
    request.callbackUrl = key.callbackUrl;
    request.sender = body.value(QLatin1String("from")).toString().trimmed();
    if (request.sender.isEmpty())
        errors.insert(QStringLiteral("from"), QStringLiteral("is required (an active sender ID of the channel)"));
    request.text = body.value(QLatin1String("message")).toString();
    if (request.text.isEmpty())
        request.text = body.value(QLatin1String("text")).toString();
    if (request.text.isEmpty())
        errors.insert(QStringLiteral("message"), QStringLiteral("must not be empty"));
    QStringList recipients = recipientsOf(body.value(QLatin1String("to")));
    if (recipients.isEmpty())
        errors.insert(QStringLiteral("to"), QStringLiteral("needs at least one number in international format"));
    if (recipients.size() > MaxRecipients) {
        parsed.ignored = recipients.mid(MaxRecipients);
        recipients = recipients.mid(0, MaxRecipients);
    }
    request.recipients = recipients;
    const QStringList channels = channelsOf(body.value(QLatin1String("channels")));
    if (!channels.isEmpty() && !channels.contains(QStringLiteral("sms")))
        errors.insert(QStringLiteral("channels"),
                      QStringLiteral("only SMS is sent through this API so far; %1 need their channel adapters")
                          .arg(channels.join(QStringLiteral(", "))));
    request.label = body.value(QLatin1String("label")).toString(QDate::currentDate().toString(Qt::ISODate)).left(120);
    request.flash = body.value(QLatin1String("isFlashed")).toBool(false);
    const bool acceptMo = body.value(QLatin1String("acceptMO")).toVariant().toBool();
    if (acceptMo && request.flash)
        errors.insert(QStringLiteral("acceptMO"), QStringLiteral("MO messages are not supported with flash messages"));
    if (acceptMo && key.moCallbackUrl.isEmpty())
        errors.insert(QStringLiteral("acceptMO"), QStringLiteral("the API key has no MO callback URL"));
    if (!errors.isEmpty())
        throw ApiException::validation(errors);
    return parsed;
}

RouteDoc sendDoc(const char *summary, const char *requestSchema)
{
    RouteDoc doc;
    doc.summary = QString::fromLatin1(summary);
    doc.tag = QStringLiteral("Messaging");
    doc.authenticated = false; // by API key, not by a staff session
    doc.requestSchema = QString::fromLatin1(requestSchema);
    doc.responseSchema = QStringLiteral("SendResponse");
    doc.errorStatuses = {400, 401};
    return doc;
}

} // namespace

void addSendApiRoutes(Router &router, Database &database, MessagingEngine &engine)
{
    router.add(QStringLiteral("POST"), QStringLiteral("messages"),
               sendDoc("Send a message to up to 700 recipients (API key)", "SendRequest"),
               [&database, &engine](const ApiRequest &request, const SessionContext *) {
                   const ApiKeyRow key = apiKeyOf(database, engine, request);
                   const ParsedSend parsed = parse(request.jsonObject(), key);
                   QJsonArray results;
                   int accepted = 0;
                   for (const ApiSendResult &result : engine.send(parsed.request)) {
                       QJsonObject item{{QStringLiteral("to"), result.recipient}};
                       if (result.transactionId.isEmpty()) {
                           item.insert(QStringLiteral("error"), result.error);
                       } else {
                           item.insert(QStringLiteral("transactionId"), result.transactionId);
                           ++accepted;
                       }
                       results.append(item);
                   }
                   return ApiResponse::json(QJsonObject{{QStringLiteral("results"), results},
                                                        {QStringLiteral("accepted"), accepted},
                                                        {QStringLiteral("refused"), int(results.size()) - accepted},
                                                        {QStringLiteral("ignored"), QJsonArray::fromStringList(parsed.ignored)}});
               });
    router.add(QStringLiteral("POST"), QStringLiteral("send_sms"),
               sendDoc("Send messages, portal-compatible form (served at /api/send_sms)", "SendRequest"),
               [&database, &engine](const ApiRequest &request, const SessionContext *) {
                   const ApiKeyRow key = apiKeyOf(database, engine, request);
                   const QJsonDocument document = QJsonDocument::fromJson(request.body);
                   QJsonArray items;
                   if (document.isArray())
                       items = document.array();
                   else if (document.isObject())
                       items.append(document.object());
                   else
                       throw ApiException::badRequest(QStringLiteral("The body must be a JSON object or an array of them"));
                   QList<ParsedSend> parsed;
                   for (const QJsonValue &item : std::as_const(items))
                       parsed.append(parse(item.toObject(), key));
                   QJsonArray results;
                   for (const ParsedSend &send : std::as_const(parsed)) {
                       for (const ApiSendResult &result : engine.send(send.request))
                           results.append(QString(result.recipient + QStringLiteral(": ")
                                                  + (result.transactionId.isEmpty() ? result.error : result.transactionId)));
                   }
                   return ApiResponse::json(QJsonObject{{QStringLiteral("results"), results}});
               });
}

} // namespace backoffice::server
