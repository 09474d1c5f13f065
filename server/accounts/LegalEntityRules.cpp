#include "LegalEntityRules.h"

#include "Amount.h"

namespace backoffice::server {

LegalEntityRules::LegalEntityRules(QString entityName)
    : m_entityName(std::move(entityName))
{
}

void LegalEntityRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    const QJsonValue taxRate = after.value(QLatin1String("taxRate"));
    if (taxRate.isString()) {
        const Amount rate = Amount::parse(taxRate.toString()).value_or(Amount());
        if (rate.isNegative() || rate > Amount::fromMicros(100 * Amount::Scale))
            errors.insert(QStringLiteral("taxRate"), QStringLiteral("must be a percentage from 0 to 100"));
        else if (rate.micros() % 100 != 0) // the invoice computes with the factor rate/100 in six decimals
            errors.insert(QStringLiteral("taxRate"), QStringLiteral("may have at most four decimals"));
    }
    const QJsonValue company = after.value(QLatin1String("companyId"));
    if (before || company.isNull() || company.isUndefined())
        return;
    ListQuery query;
    query.limit = 1;
    query.filters << ListFilter{QStringLiteral("companyId"), ListFilter::Op::Equals, company.toInteger()};
    if (context.repository(m_entityName).list(query, context.now).total == 0)
        after.insert(QStringLiteral("isDefault"), true);
}

void LegalEntityRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after)
{
    const bool becameDefault = after.value(QLatin1String("isDefault")).toBool()
                               && (!before || !before->value(QLatin1String("isDefault")).toBool()
                                   || before->value(QLatin1String("companyId")) != after.value(QLatin1String("companyId")));
    if (!becameDefault)
        return;
    EntityRepository repository = context.repository(m_entityName);
    ListQuery query;
    query.limit = 0;
    query.filters << ListFilter{QStringLiteral("companyId"), ListFilter::Op::Equals,
                                after.value(QLatin1String("companyId")).toInteger()}
                  << ListFilter{QStringLiteral("isDefault"), ListFilter::Op::Equals, 1};
    const ListPage others = repository.list(query, context.now);
    for (const QJsonValue &value : others.items) {
        const qint64 otherId = value.toObject().value(QLatin1String("id")).toInteger();
        if (otherId == id)
            continue;
        repository.update(otherId, {{QStringLiteral("isDefault"), false},
                                    {QStringLiteral("updatedAt"), context.now.toString(Qt::ISODateWithMs)}});
        context.audit(m_entityName, QStringLiteral("update"), otherId, {{QStringLiteral("isDefault"), true}},
                      {{QStringLiteral("isDefault"), false}});
    }
}

} // namespace backoffice::server
