#include "ApiKeyRules.h"

#include "ApiException.h"
#include "FieldChecks.h"
#include "MessagingChanges.h"
#include "MessagingConfigStore.h"
#include "PasswordHasher.h"
#include "RuleValues.h"

#include <QCryptographicHash>

namespace backoffice::server {

using namespace fieldchecks;

namespace {

QDateTime expiryOf(const QString &validity, const QDateTime &now)
{
    if (validity == QLatin1String("1d"))
        return now.addDays(1);
    if (validity == QLatin1String("7d"))
        return now.addDays(7);
    if (validity == QLatin1String("30d"))
        return now.addDays(30);
    if (validity == QLatin1String("3m"))
        return now.addMonths(3);
    if (validity == QLatin1String("1y"))
        return now.addYears(1);
    return {};
}

} // namespace

QString ApiKeyRules::digest(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

void ApiKeyRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    optionalUrl(after, "callbackUrl", errors);
    optionalUrl(after, "moCallbackUrl", errors);
    const QString name = fieldOf(after, "name").toString().trimmed();
    after.insert(QStringLiteral("name"), name);
    if (MessagingConfigStore(context.db).apiKeyNameTaken(fieldOf(after, "companyId").toInteger(), name,
                                                         before ? fieldOf(*before, "id").toInteger() : 0))
        errors.insert(QStringLiteral("name"), QStringLiteral("the company already has an API key with this name"));
    if (!before) {
        const QDateTime expires = expiryOf(fieldOf(after, "validity").toString(), context.now);
        after.insert(QStringLiteral("expiresAt"), expires.isValid() ? QJsonValue(expires.toString(Qt::ISODateWithMs))
                                                                    : QJsonValue(QJsonValue::Null));
    } else if (isSet(fieldOf(after, "expiresAt")) && fieldOf(after, "expiresAt") != fieldOf(*before, "expiresAt")
               && instantOf(fieldOf(after, "expiresAt")) <= context.now) {
        errors.insert(QStringLiteral("expiresAt"), QStringLiteral("must be in the future"));
    }
}

void ApiKeyRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after)
{
    Q_UNUSED(after)
    if (before)
        return;
    const QString key = QStringLiteral("bo_") + PasswordHasher::randomToken();
    MessagingConfigStore(context.db).storeApiKey(id, digest(key), key.left(10));
    context.revealOnce.insert(QStringLiteral("key"), key);
}

void ApiKeyRules::committed(qint64 id)
{
    Q_UNUSED(id)
    MessagingChanges::changed();
}

void NotificationRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after,
                              FieldErrors &errors)
{
    Q_UNUSED(context) Q_UNUSED(errors)
    if (!before)
        throw ApiException::forbidden(QStringLiteral("Notifications are raised by the messaging engine, not created by hand"));
    // Only the acknowledgement may change: everything else is as the engine wrote it.
    const bool acknowledged = fieldOf(after, "acknowledged").toBool();
    after = *before;
    after.insert(QStringLiteral("acknowledged"), acknowledged);
}

} // namespace backoffice::server
