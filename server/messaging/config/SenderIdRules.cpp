#include "SenderIdRules.h"

#include "EntityCatalogue.h"
#include "FieldChecks.h"
#include "MessagingChanges.h"
#include "MessagingConfigStore.h"
#include "MessagingEntities.h"
#include "RuleValues.h"
#include "SenderChannelFields.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

namespace backoffice::server {

using namespace fieldchecks;

namespace {

const QString maskedSecret = QStringLiteral("(secret)");

void checkWebhookGuid(WriteContext &context, qint64 ownId, QJsonObject &after, FieldErrors &errors)
{
    const QString guid = fieldOf(after, "webhookGuid").toString().trimmed();
    if (guid.isEmpty()) {
        // Vendors call our webhooks with the GUID: an HTTP sender cannot work without one.
        if (fieldOf(after, "vendorType").toString() == QLatin1String("http"))
            after.insert(QStringLiteral("webhookGuid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        return;
    }
    if (QUuid::fromString(guid).isNull() || guid.size() != 36) {
        errors.insert(QStringLiteral("webhookGuid"), QStringLiteral("must be a GUID like 3f2c…-…-…-…-… (36 characters)"));
        return;
    }
    after.insert(QStringLiteral("webhookGuid"), guid.toLower());
    if (MessagingConfigStore(context.db).webhookGuidTaken(guid.toLower(), ownId))
        errors.insert(QStringLiteral("webhookGuid"), QStringLiteral("is used by another sender ID"));
}

void checkSmppRoute(WriteContext &context, const QJsonObject &after, qint64 companyId, FieldErrors &errors)
{
    required(after, "vendorConnectionId", errors);
    const qint64 primary = fieldOf(after, "vendorConnectionId").toInteger();
    for (const QJsonValue &id : fieldOf(after, "failoverConnectionIds").toArray()) {
        if (id.toInteger() == primary)
            errors.insert(QStringLiteral("failoverConnectionIds"), QStringLiteral("must not repeat the main connection"));
    }
    // A vendor connection that names companies serves only those.
    const QList<qint64> allowed = primary ? MessagingConfigStore(context.db).vendorConnectionCompanies(primary)
                                          : QList<qint64>();
    if (!allowed.isEmpty() && !allowed.contains(companyId))
        errors.insert(QStringLiteral("vendorConnectionId"), QStringLiteral("this connection is not available to the sender's company"));
}

// The vendors that identify each sender with its own login and password (§6.5.1 HTTP settings,
// §6.5.3 Transit Viber, §6.5.11); the others authenticate with the connection's token.
bool senderHasCredentials(const QString &channel, const QString &vendorType)
{
    return (channel == QLatin1String("sms") && vendorType == QLatin1String("transitSms"))
           || (channel == QLatin1String("viber") && vendorType == QLatin1String("transitViber"))
           || (channel == QLatin1String("mobilePush") && vendorType == QLatin1String("mobilePush"));
}

void checkHttpCredentials(WriteContext &context, const QJsonObject *before, const QJsonObject &after,
                          FieldErrors &errors)
{
    required(after, "httpLogin", errors);
    if (isSet(fieldOf(after, "httpPassword")))
        return;
    // An empty password on update keeps the stored one, if there is one.
    if (!before || !MessagingConfigStore(context.db).hasSecret("sender_ids", "http_password", fieldOf(*before, "id").toInteger()))
        errors.insert(QStringLiteral("httpPassword"), QStringLiteral("is required"));
}

QString checkHttpRoute(WriteContext &context, const QString &channel, const QJsonObject *before,
                       const QJsonObject &after, FieldErrors &errors)
{
    // Push, TTS and Voice senders name their provider themselves (Firebase, Asterisk): no connection.
    if (httpVendorTypesForChannel(channel).isEmpty())
        return {};
    required(after, "httpConnectionId", errors);
    const auto connection = context.record(entities::httpConnections, fieldOf(after, "httpConnectionId").toInteger());
    if (!connection)
        return {};
    const QString vendorType = fieldOf(*connection, "vendorType").toString();
    if (!httpVendorTypesForChannel(channel).contains(vendorType)) {
        errors.insert(QStringLiteral("httpConnectionId"),
                      QStringLiteral("a %1 connection cannot carry the %2 channel").arg(vendorType, channel));
        return vendorType;
    }
    // §6.5.3: a Viber sender ID is the service ID its connection was registered with.
    const QString serviceId = fieldOf(*connection, "serviceId").toString();
    if (vendorType == QLatin1String("viber") && !serviceId.isEmpty()
        && fieldOf(after, "senderId").toString() != serviceId)
        errors.insert(QStringLiteral("senderId"), QStringLiteral("must be the connection's service ID (%1)").arg(serviceId));
    if (senderHasCredentials(channel, vendorType))
        checkHttpCredentials(context, before, after, errors);
    return vendorType;
}

void checkMonitoring(const QJsonObject &after, FieldErrors &errors)
{
    optionalRange(after, "triggerPercent", 1, 100, errors);
    optionalRange(after, "minimalCount", 1, 1000000, errors);
    optionalRange(after, "windowMinutes", 1, 1440, errors);
    if (fieldOf(after, "notificationsEnabled").toBool()) {
        required(after, "triggerPercent", errors);
        required(after, "minimalCount", errors);
        required(after, "windowMinutes", errors);
    }
}

// Answers show channel credentials masked; a form that sends the mask back (or leaves the key out)
// keeps the stored credential instead of overwriting it.
void keepStoredSecrets(const QString &channel, const QJsonObject &before, QJsonObject &after)
{
    const QJsonObject stored = fieldOf(before, "properties").toObject();
    if (stored.isEmpty())
        return;
    QJsonObject properties = fieldOf(after, "properties").toObject();
    for (const ChannelField &field : channelFields(channel)) {
        const QJsonValue sent = properties.value(field.key);
        if (field.secret && stored.contains(field.key) && (sent.isUndefined() || sent.toString() == maskedSecret))
            properties.insert(field.key, stored.value(field.key));
    }
    after.insert(QStringLiteral("properties"), properties);
}

} // namespace

void SenderIdRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    const qint64 ownId = before ? fieldOf(*before, "id").toInteger() : 0;
    const auto agreement = context.record(entities::agreements, fieldOf(after, "agreementId").toInteger());
    if (!agreement)
        return; // the generic reference check names the missing agreement
    const qint64 companyId = fieldOf(*agreement, "companyId").toInteger();
    after.insert(QStringLiteral("companyId"), companyId);

    const QString channel = fieldOf(after, "channel").toString();
    const QString senderId = fieldOf(after, "senderId").toString().trimmed();
    after.insert(QStringLiteral("senderId"), senderId);
    if (!senderId.isEmpty()) {
        const QString problem = senderIdProblem(channel, senderId);
        if (!problem.isEmpty())
            errors.insert(QStringLiteral("senderId"), problem);
        else if (MessagingConfigStore(context.db).senderTaken(fieldOf(after, "agreementId").toInteger(), channel,
                                                              senderId, ownId))
            errors.insert(QStringLiteral("senderId"), QStringLiteral("this agreement already has this %1 sender ID").arg(channel));
    }
    if (channel == QLatin1String("sms") && !isSet(fieldOf(after, "senderType")) && !senderId.isEmpty())
        after.insert(QStringLiteral("senderType"), guessSenderType(senderId));

    QString httpVendorType;
    const QString vendorType = fieldOf(after, "vendorType").toString();
    if (vendorType == QLatin1String("smpp")) {
        if (!smppAllowedForChannel(channel))
            errors.insert(QStringLiteral("vendorType"), QStringLiteral("only SMS sender IDs can use SMPP connections"));
        else
            checkSmppRoute(context, after, companyId, errors);
    } else if (vendorType == QLatin1String("http")) {
        httpVendorType = checkHttpRoute(context, channel, before, after, errors);
    }

    if (isSet(fieldOf(after, "smppApiConnectionId"))) {
        const auto client = context.record(entities::clientSmppConnections, fieldOf(after, "smppApiConnectionId").toInteger());
        if (client && fieldOf(*client, "companyId").toInteger() != companyId)
            errors.insert(QStringLiteral("smppApiConnectionId"), QStringLiteral("belongs to another company"));
    }
    optionalUrl(after, "webhookUrl", errors);
    if (isSet(fieldOf(after, "mcc")) && !QRegularExpression(QStringLiteral("^[0-9]{3}$")).match(fieldOf(after, "mcc").toString()).hasMatch())
        errors.insert(QStringLiteral("mcc"), QStringLiteral("must be three digits"));
    checkWebhookGuid(context, ownId, after, errors);
    checkMonitoring(after, errors);
    if (before && !channel.isEmpty())
        keepStoredSecrets(channel, *before, after);
    if (!channel.isEmpty())
        checkChannelProperties(channel, httpVendorType, fieldOf(after, "properties").toObject(), errors);
}

void SenderIdRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after)
{
    Q_UNUSED(before)
    if (!isSet(fieldOf(after, "httpPassword")))
        return;
    MessagingConfigStore(context.db).storeSecret("sender_ids", "http_password", id, fieldOf(after, "httpPassword").toString());
}

void SenderIdRules::committed(qint64 id)
{
    Q_UNUSED(id)
    MessagingChanges::changed();
}

void SenderIdRules::redact(QJsonObject &record) const
{
    QJsonObject properties = fieldOf(record, "properties").toObject();
    if (properties.isEmpty())
        return;
    for (const ChannelField &field : channelFields(fieldOf(record, "channel").toString())) {
        if (field.secret && properties.contains(field.key))
            properties.insert(field.key, maskedSecret);
    }
    record.insert(QStringLiteral("properties"), properties);
}

} // namespace backoffice::server
