#include "ServiceRules.h"

#include "Amount.h"
#include "ApiException.h"
#include "AuditLog.h"
#include "EntityCatalogue.h"
#include "RateTreeStore.h"
#include "RatingChanges.h"
#include "RuleValues.h"

namespace backoffice::server {

void ServiceRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    Q_UNUSED(context) Q_UNUSED(before)
    const QString type = fieldOf(after, "type").toString();
    const bool needsCurrency = type == QLatin1String("payg") || type == QLatin1String("monetaryPack")
                               || type == QLatin1String("bundleInitiator");
    const bool hasUnits = type == QLatin1String("unitPack") || type == QLatin1String("bundlePack");
    const bool hasAmount = type == QLatin1String("monetaryPack");
    if (needsCurrency && !isSet(fieldOf(after, "currency")))
        errors.insert(QStringLiteral("currency"), QStringLiteral("is required for this type of service"));
    if (!needsCurrency && isSet(fieldOf(after, "currency")))
        errors.insert(QStringLiteral("currency"), QStringLiteral("a unit or bundle pack counts units, not money"));
    if (hasUnits && fieldOf(after, "units").toInteger(0) <= 0)
        errors.insert(QStringLiteral("units"), QStringLiteral("must be a positive number of units"));
    if (!hasUnits && isSet(fieldOf(after, "units")))
        errors.insert(QStringLiteral("units"), QStringLiteral("applies to unit and bundle packs only"));
    const std::optional<Amount> size = Amount::parse(fieldOf(after, "amount").toString());
    if (hasAmount && (!size || size->isNegative() || size->isZero()))
        errors.insert(QStringLiteral("amount"), QStringLiteral("must be a positive amount"));
    if (!hasAmount && isSet(fieldOf(after, "amount")))
        errors.insert(QStringLiteral("amount"), QStringLiteral("applies to monetary packs only"));
    if (!isSet(fieldOf(after, "timeZone")))
        after.insert(QStringLiteral("timeZone"), QStringLiteral("UTC"));
}

void ServiceRules::committed(qint64 id)
{
    Q_UNUSED(id)
    RatingChanges::changed();
}

QString ServiceScopeRules::localZone(WriteContext &context, const QJsonObject &body, const QJsonObject *before)
{
    const QJsonValue serviceId = before ? fieldOf(*before, "serviceId") : fieldOf(body, "serviceId");
    if (!serviceId.isDouble())
        return {};
    const auto service = context.record(entities::services, serviceId.toInteger());
    return service ? fieldOf(*service, "timeZone").toString() : QString();
}

void ServiceScopeRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    const QDateTime from = instantOf(fieldOf(after, "effectiveFrom"));
    const QDateTime till = instantOf(fieldOf(after, "effectiveTill"));
    if (from.isValid() && till.isValid() && till <= from)
        errors.insert(QStringLiteral("effectiveTill"), QStringLiteral("must be after effective from"));
    if (before)
        return;
    const bool fromScope = isSet(fieldOf(after, "copyTreeFromScopeId"));
    const bool fromService = isSet(fieldOf(after, "copyTreeFromServiceId"));
    if (fromScope && fromService)
        errors.insert(QStringLiteral("copyTreeFromScopeId"), QStringLiteral("copy from a scope or from a service, not both"));
    if (fromService && !errors.contains(QStringLiteral("copyTreeFromServiceId"))) {
        const auto service = context.record(entities::services, fieldOf(after, "copyTreeFromServiceId").toInteger());
        if (service && fieldOf(*service, "currentScopeId").isNull())
            errors.insert(QStringLiteral("copyTreeFromServiceId"), QStringLiteral("that service has no scope in force to copy"));
    }
}

void ServiceScopeRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after)
{
    if (before)
        return;
    qint64 source = 0;
    if (isSet(fieldOf(after, "copyTreeFromScopeId")))
        source = fieldOf(after, "copyTreeFromScopeId").toInteger();
    else if (isSet(fieldOf(after, "copyTreeFromServiceId")))
        source = fieldOf(*context.record(entities::services, fieldOf(after, "copyTreeFromServiceId").toInteger()),
                         "currentScopeId")
                     .toInteger();
    if (source <= 0)
        return;
    RateTreeStore(context.db).copy(source, id);
    context.repository(entities::serviceScopes).update(id, {{QStringLiteral("copiedFromScopeId"), source}});
}

void ServiceScopeRules::checkDelete(WriteContext &context, const QJsonObject &record)
{
    Q_UNUSED(context)
    if (fieldOf(record, "state").toString() == QLatin1String("current"))
        throw ApiException::ruleViolated(QStringLiteral("The scope in force cannot be deleted: set it to draft or end it first"));
}

void ServiceScopeRules::committed(qint64 id)
{
    RatingChanges::changed(id);
}

} // namespace backoffice::server
