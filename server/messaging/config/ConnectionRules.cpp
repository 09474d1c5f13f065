#include "ConnectionRules.h"

#include "FieldChecks.h"
#include "MessagingChanges.h"
#include "MessagingConfigStore.h"
#include "PasswordHasher.h"
#include "RuleValues.h"

#include <QJsonArray>

namespace backoffice::server {

using namespace fieldchecks;

namespace {

void checkLimits(const QJsonObject &after, FieldErrors &errors)
{
    optionalRange(after, "rpsLimit", 0, 100000, errors);
    optionalRange(after, "windowLimit", 1, 1000, errors);
    if (fieldOf(after, "limitsEnabled").toBool()) {
        required(after, "rpsLimit", errors);
        required(after, "windowLimit", errors);
    }
}

// {"rules":[{"status":"UNDELIV","errorCodes":["001"],"mapping":"undelivered"}]}: a vendor status
// (and optionally its error codes) read as unsent or undelivered.
void checkStatusMap(const QJsonObject &after, FieldErrors &errors)
{
    const QJsonValue value = fieldOf(after, "statusMap");
    if (!isSet(value) || value.toObject().isEmpty())
        return;
    const QJsonValue rules = value.toObject().value(QLatin1String("rules"));
    if (!rules.isArray() || value.toObject().size() != 1) {
        errors.insert(QStringLiteral("statusMap"), QStringLiteral("must be {\"rules\": [...]}"));
        return;
    }
    int index = 0;
    for (const QJsonValue &entry : rules.toArray()) {
        ++index;
        const QJsonObject rule = entry.toObject();
        const QString status = rule.value(QLatin1String("status")).toString().trimmed();
        const QString mapping = rule.value(QLatin1String("mapping")).toString();
        QString problem;
        if (status.isEmpty() || status.size() > 16)
            problem = QStringLiteral("needs a status name of 1 to 16 characters");
        else if (mapping != QLatin1String("unsent") && mapping != QLatin1String("undelivered"))
            problem = QStringLiteral("needs a mapping of unsent or undelivered");
        else if (rule.contains(QLatin1String("errorCodes")) && !rule.value(QLatin1String("errorCodes")).isArray())
            problem = QStringLiteral("errorCodes must be a list");
        for (const QJsonValue &code : rule.value(QLatin1String("errorCodes")).toArray()) {
            if (!code.isString() || code.toString().trimmed().isEmpty() || code.toString().size() > 8)
                problem = QStringLiteral("error codes must be texts of 1 to 8 characters");
        }
        if (!problem.isEmpty()) {
            errors.insert(QStringLiteral("statusMap"), QStringLiteral("rule %1 %2").arg(index).arg(problem));
            return;
        }
    }
}

} // namespace

void VendorSmppConnectionRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after,
                                      FieldErrors &errors)
{
    Q_UNUSED(context)
    optionalRange(after, "port", 1, 65535, errors);
    if (!before && !isSet(fieldOf(after, "password")))
        errors.insert(QStringLiteral("password"), QStringLiteral("is required"));
    if (fieldOf(after, "password").toString().size() > 8)
        errors.insert(QStringLiteral("password"), QStringLiteral("SMPP passwords have at most 8 characters"));
    if (!isSet(fieldOf(after, "tlsMode")))
        after.insert(QStringLiteral("tlsMode"), QStringLiteral("none"));
    checkLimits(after, errors);
    checkStatusMap(after, errors);
    QList<quint32> statuses;
    QString problem;
    if (!parseStatusList(fieldOf(after, "failoverStatuses").toString(), &statuses, &problem))
        errors.insert(QStringLiteral("failoverStatuses"), problem);
}

void VendorSmppConnectionRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before,
                                           const QJsonObject &after)
{
    Q_UNUSED(before)
    if (isSet(fieldOf(after, "password")))
        MessagingConfigStore(context.db).storeSecret("vendor_smpp_connections", "password", id, fieldOf(after, "password").toString());
}

void VendorSmppConnectionRules::committed(qint64 id)
{
    Q_UNUSED(id)
    MessagingChanges::changed();
}

void ClientSmppConnectionRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after,
                                      FieldErrors &errors)
{
    QString problem;
    if (isSet(fieldOf(after, "network")) && !parseNetworkList(fieldOf(after, "network").toString(), &problem))
        errors.insert(QStringLiteral("network"), problem);
    const QString login = fieldOf(after, "login").toString();
    if (!login.isEmpty()
        && MessagingConfigStore(context.db).clientLoginTaken(login, before ? fieldOf(*before, "id").toInteger() : 0))
        errors.insert(QStringLiteral("login"), QStringLiteral("is used by another client SMPP connection"));
    if (!before && !isSet(fieldOf(after, "password")))
        errors.insert(QStringLiteral("password"), QStringLiteral("is required"));
    const qsizetype passwordSize = fieldOf(after, "password").toString().size();
    if (passwordSize > 8)
        errors.insert(QStringLiteral("password"), QStringLiteral("SMPP passwords have at most 8 characters"));
    else if (isSet(fieldOf(after, "password")) && passwordSize < 6)
        errors.insert(QStringLiteral("password"), QStringLiteral("must have at least 6 characters"));
    if (!isSet(fieldOf(after, "tlsMode")))
        after.insert(QStringLiteral("tlsMode"), QStringLiteral("none"));
    optionalRange(after, "throughputLimit", 0, 100000, errors);
}

void ClientSmppConnectionRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before,
                                           const QJsonObject &after)
{
    Q_UNUSED(before)
    if (isSet(fieldOf(after, "password")))
        MessagingConfigStore(context.db).storeSecret("client_smpp_connections", "password_hash", id,
                    PasswordHasher::hash(fieldOf(after, "password").toString()));
}

void ClientSmppConnectionRules::committed(qint64 id)
{
    Q_UNUSED(id)
    MessagingChanges::changed();
}

void HttpConnectionRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after,
                                FieldErrors &errors)
{
    Q_UNUSED(context) Q_UNUSED(before)
    for (const char *field : {"vendorUrl", "templateUrl", "mediaUrl", "authorizationUrl"})
        optionalUrl(after, field, errors);
    const QString vendor = fieldOf(after, "vendorType").toString();
    // What each provider cannot work without (BO §11.3); Transit SMS is ours to call, so it needs the URL.
    if (vendor == QLatin1String("viber"))
        required(after, "serviceId", errors);
    if (vendor == QLatin1String("dialog360Cloud"))
        required(after, "mediaUrl", errors);
    if (vendor == QLatin1String("gsmaTransit"))
        required(after, "authorizationUrl", errors);
    if (vendor == QLatin1String("transitSms") || vendor == QLatin1String("transitViber"))
        required(after, "vendorUrl", errors);
    checkLimits(after, errors);
}

void HttpConnectionRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before,
                                     const QJsonObject &after)
{
    Q_UNUSED(before)
    if (isSet(fieldOf(after, "apiToken")))
        MessagingConfigStore(context.db).storeSecret("http_connections", "api_token", id, fieldOf(after, "apiToken").toString());
}

void HttpConnectionRules::committed(qint64 id)
{
    Q_UNUSED(id)
    MessagingChanges::changed();
}

} // namespace backoffice::server
