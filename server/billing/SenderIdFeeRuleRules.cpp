#include "SenderIdFeeRuleRules.h"

#include "EntityCatalogue.h"
#include "MessagingEntities.h"
#include "RatingCatalogue.h"
#include "RuleValues.h"

namespace backoffice::server {

namespace {

constexpr int DefaultRetryHours = 1;
constexpr int DefaultMaxRetries = 3;
constexpr int MaxRetryHours = 168;
constexpr int MaxRetries = 100;

// An integer field within [low, high], or the default when not given.
void checkRange(QJsonObject &after, const char *field, int low, int high, int fallback, const QString &why,
                FieldErrors &errors)
{
    if (!isSet(fieldOf(after, field))) {
        after.insert(QLatin1String(field), fallback);
        return;
    }
    const qint64 value = fieldOf(after, field).toInteger();
    if (value < low || value > high)
        errors.insert(QLatin1String(field),
                      why.isEmpty() ? QStringLiteral("must be from %1 to %2").arg(low).arg(high) : why);
}

} // namespace

QString SenderIdFeeRuleRules::localZone(WriteContext &context, const QJsonObject &body, const QJsonObject *before)
{
    const QJsonValue sender = body.contains(QLatin1String("senderRecordId"))
        ? fieldOf(body, "senderRecordId")
        : (before ? fieldOf(*before, "senderRecordId") : QJsonValue());
    const auto senderRecord = context.record(entities::senderIds, sender.toInteger());
    if (!senderRecord)
        return {};
    const auto agreement = context.record(entities::agreements, fieldOf(*senderRecord, "agreementId").toInteger());
    return agreement ? fieldOf(*agreement, "billingTimeZone").toString() : QString();
}

void SenderIdFeeRuleRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after,
                                 FieldErrors &errors)
{
    Q_UNUSED(before)
    const auto sender = context.record(entities::senderIds, fieldOf(after, "senderRecordId").toInteger());
    if (!sender)
        return; // the generic reference check names the missing sender ID
    after.insert(QStringLiteral("companyId"), fieldOf(*sender, "companyId"));
    after.insert(QStringLiteral("agreementId"), fieldOf(*sender, "agreementId"));
    const QString channel = fieldOf(*sender, "channel").toString();
    if (!rating::RatingCatalogue::resource(channel, u"sender-id-usage-fee"))
        errors.insert(QStringLiteral("senderRecordId"),
                      QStringLiteral("is a %1 sender ID: that channel has no sender ID usage fee").arg(channel));

    const bool weekly = fieldOf(after, "period").toString() == QLatin1String("weekly");
    if (isSet(fieldOf(after, "startDay"))) {
        const qint64 day = fieldOf(after, "startDay").toInteger();
        if (weekly && (day < 1 || day > 7))
            errors.insert(QStringLiteral("startDay"),
                          QStringLiteral("must be a weekday from 1 (Monday) to 7 (Sunday) for a weekly period"));
        else if (!weekly && (day < 1 || day > 28))
            errors.insert(QStringLiteral("startDay"),
                          QStringLiteral("must be a day of the month from 1 to 28 for a monthly period"));
    }
    const int longest = weekly ? 6 : 27;
    checkRange(after, "chargeDaysBefore", 0, longest, 0,
               QStringLiteral("must be from 0 to %1 days: less than the %2 it is charged for")
                   .arg(longest)
                   .arg(weekly ? QStringLiteral("week") : QStringLiteral("shortest month")),
               errors);
    checkRange(after, "retryHours", 1, MaxRetryHours, DefaultRetryHours, {}, errors);
    checkRange(after, "maxRetries", 0, MaxRetries, DefaultMaxRetries, {}, errors);

    const QDateTime from = instantOf(fieldOf(after, "effectiveFrom"));
    const QDateTime till = instantOf(fieldOf(after, "effectiveTill"));
    if (from.isValid() && till.isValid() && till <= from)
        errors.insert(QStringLiteral("effectiveTill"), QStringLiteral("must be after effective from"));

    const QString mno = fieldOf(after, "mno").toString().trimmed();
    after.insert(QStringLiteral("mno"), mno.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(mno));
    if (!isSet(fieldOf(after, "senderIdType")) && isSet(fieldOf(*sender, "senderType")))
        after.insert(QStringLiteral("senderIdType"), fieldOf(*sender, "senderType"));
}

} // namespace backoffice::server
