#include "AgreementRules.h"

#include "AgreementChanges.h"
#include "Amount.h"
#include "ApiException.h"
#include "RuleValues.h"
#include "BillingPeriod.h"
#include "EntityCatalogue.h"

namespace backoffice::server {

namespace {

QString periodText(const QJsonObject &version)
{
    const QString till = isSet(fieldOf(version, "effectiveTill")) ? fieldOf(version, "effectiveTill").toString()
                                                             : QStringLiteral("indefinitely");
    return QStringLiteral("ID %1, %2 – %3").arg(fieldOf(version, "id").toInteger()).arg(fieldOf(version, "effectiveFrom").toString(), till);
}

} // namespace

QStringList AgreementVersionRules::termFields()
{
    return {QStringLiteral("versionCode"),     QStringLiteral("effectiveFrom"),  QStringLiteral("effectiveFromZone"),
            QStringLiteral("effectiveTill"),   QStringLiteral("effectiveTillZone"), QStringLiteral("creditLimit"),
            QStringLiteral("billingTimeZone"), QStringLiteral("daysForPayment"), QStringLiteral("billingPeriod"),
            QStringLiteral("billingDay"),      QStringLiteral("splitByMonth")};
}

void AgreementVersionRules::checkTerms(WriteContext &context, qint64 agreementId, qint64 excludeVersionId,
                                       QJsonObject &terms, FieldErrors &errors)
{
    if (!isSet(fieldOf(terms, "effectiveFromZone")) && isSet(fieldOf(terms, "billingTimeZone")))
        terms.insert(QStringLiteral("effectiveFromZone"), fieldOf(terms, "billingTimeZone"));
    if (isSet(fieldOf(terms, "effectiveTill")) && !isSet(fieldOf(terms, "effectiveTillZone")))
        terms.insert(QStringLiteral("effectiveTillZone"), fieldOf(terms, "effectiveFromZone"));
    if (!isSet(fieldOf(terms, "effectiveTill")))
        terms.insert(QStringLiteral("effectiveTillZone"), QJsonValue::Null);

    const QDateTime from = instantOf(fieldOf(terms, "effectiveFrom"));
    const QDateTime till = instantOf(fieldOf(terms, "effectiveTill"));
    if (from.isValid() && till.isValid() && till <= from)
        errors.insert(QStringLiteral("effectiveTill"), QStringLiteral("must be after effective from"));

    const qint64 days = fieldOf(terms, "daysForPayment").toInteger(-1);
    if (isSet(fieldOf(terms, "daysForPayment")) && (days < 0 || days > 365))
        errors.insert(QStringLiteral("daysForPayment"), QStringLiteral("must be between 0 and 365"));

    BillingPeriodKind kind = BillingPeriodKind::Monthly;
    if (isSet(fieldOf(terms, "billingPeriod")) && parseBillingPeriodKind(fieldOf(terms, "billingPeriod").toString(), &kind)) {
        if (!isSet(fieldOf(terms, "billingDay")) && kind != BillingPeriodKind::Daily)
            terms.insert(QStringLiteral("billingDay"), 1);
        if (kind == BillingPeriodKind::Daily)
            terms.insert(QStringLiteral("billingDay"), QJsonValue::Null);
        else if (const QString problem = billingDayProblem(kind, static_cast<int>(fieldOf(terms, "billingDay").toInteger()));
                 !problem.isEmpty())
            errors.insert(QStringLiteral("billingDay"), problem);
        const bool splittable = kind == BillingPeriodKind::Daily || kind == BillingPeriodKind::Weekly;
        if (!splittable && fieldOf(terms, "splitByMonth").toBool())
            errors.insert(QStringLiteral("splitByMonth"), QStringLiteral("applies to daily and weekly periods only"));
    }
    if (!terms.contains(QStringLiteral("splitByMonth")) || terms.value(QStringLiteral("splitByMonth")).isNull())
        terms.insert(QStringLiteral("splitByMonth"), false);

    if (agreementId <= 0 || !from.isValid() || errors.contains(QStringLiteral("effectiveTill")))
        return;
    ListQuery query;
    query.limit = 0;
    query.filters << ListFilter{QStringLiteral("agreementId"), ListFilter::Op::Equals, agreementId};
    const ListPage versions = context.repository(entities::agreementVersions).list(query, context.now);
    for (const QJsonValue &value : versions.items) {
        const QJsonObject other = value.toObject();
        if (fieldOf(other, "id").toInteger() == excludeVersionId)
            continue;
        const QDateTime otherFrom = instantOf(fieldOf(other, "effectiveFrom"));
        const QDateTime otherTill = instantOf(fieldOf(other, "effectiveTill"));
        // Half-open intervals [from, till) overlap when each starts before the other ends.
        const bool startsBeforeOtherEnds = !otherTill.isValid() || from < otherTill;
        const bool otherStartsBeforeEnd = !till.isValid() || otherFrom < till;
        if (startsBeforeOtherEnds && otherStartsBeforeEnd) {
            errors.insert(QStringLiteral("effectiveFrom"),
                          QStringLiteral("overlaps another version (%1)").arg(periodText(other)));
            return;
        }
    }
}

void AgreementVersionRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after,
                                  FieldErrors &errors)
{
    if (before && fieldOf(*before, "state").toString() == QLatin1String("past"))
        throw ApiException::ruleViolated(QStringLiteral("An expired version cannot be changed"));
    checkTerms(context, fieldOf(after, "agreementId").toInteger(), before ? fieldOf(*before, "id").toInteger() : 0, after, errors);
}

void AgreementVersionRules::checkDelete(WriteContext &context, const QJsonObject &record)
{
    if (instantOf(fieldOf(record, "effectiveFrom")) <= context.now)
        throw ApiException::ruleViolated(
            QStringLiteral("A version that has already taken effect cannot be deleted; end it with effective till"));
    ListQuery query;
    query.limit = 1;
    query.filters << ListFilter{QStringLiteral("agreementId"), ListFilter::Op::Equals, fieldOf(record, "agreementId").toInteger()};
    if (context.repository(entities::agreementVersions).list(query, context.now).total <= 1)
        throw ApiException::ruleViolated(QStringLiteral("The only version of an agreement cannot be deleted"));
}

void AgreementRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    if (!before) {
        if (!isSet(fieldOf(after, "direction")))
            after.insert(QStringLiteral("direction"), QStringLiteral("client"));
        QJsonObject terms;
        for (const QString &field : AgreementVersionRules::termFields())
            terms.insert(field, after.value(field));
        AgreementVersionRules::checkTerms(context, 0, 0, terms, errors);
        for (auto it = terms.begin(); it != terms.end(); ++it)
            after.insert(it.key(), it.value());
    }
    if (isSet(fieldOf(after, "lowBalanceThreshold"))
        && Amount::parse(fieldOf(after, "lowBalanceThreshold").toString()).value_or(Amount()).isNegative())
        errors.insert(QStringLiteral("lowBalanceThreshold"), QStringLiteral("cannot be negative"));
    const QJsonValue companyId = fieldOf(after, "companyId");
    auto belongsTo = [&](const QString &entity, const char *field, const char *ownerField, const QJsonValue &owner) {
        const QJsonValue id = fieldOf(after, field);
        if (!isSet(id) || !isSet(owner) || errors.contains(QLatin1String(field)))
            return;
        const auto record = context.record(entity, id.toInteger());
        if (record && record->value(QLatin1String(ownerField)) != owner)
            errors.insert(QLatin1String(field), QStringLiteral("belongs to another %1")
                                                    .arg(QLatin1String(ownerField) == QLatin1String("companyId")
                                                             ? QStringLiteral("company")
                                                             : QStringLiteral("legal entity")));
    };
    belongsTo(entities::legalEntities, "legalEntityId", "companyId", companyId);
    belongsTo(entities::bankAccounts, "bankAccountId", "companyId", companyId);
    belongsTo(entities::ownBankAccounts, "ownBankAccountId", "ownLegalEntityId", fieldOf(after, "ownLegalEntityId"));
}

void AgreementRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after)
{
    if (before)
        return;
    QJsonObject version{{QStringLiteral("agreementId"), id},
                        {QStringLiteral("createdAt"), context.now.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("updatedAt"), context.now.toString(Qt::ISODateWithMs)}};
    for (const QString &field : AgreementVersionRules::termFields())
        version.insert(field, after.value(field));
    EntityRepository versions = context.repository(entities::agreementVersions);
    const qint64 versionId = versions.insert(version);
    context.audit(entities::agreementVersions, QStringLiteral("create"), versionId, {},
                  *versions.get(versionId, context.now));
}

void AgreementRules::committed(qint64 id)
{
    Q_UNUSED(id)
    AgreementChanges::changed();
}

void AgreementVersionRules::committed(qint64 id)
{
    Q_UNUSED(id)
    AgreementChanges::changed();
}

} // namespace backoffice::server
