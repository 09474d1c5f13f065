#include "BankRules.h"

#include "EntityCatalogue.h"
#include "Validation.h"

namespace backoffice::server {

void BankRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    Q_UNUSED(context) Q_UNUSED(before)
    const QString swift = after.value(QLatin1String("swiftCode")).toString().remove(QLatin1Char(' ')).toUpper();
    if (swift.isEmpty())
        return;
    after.insert(QStringLiteral("swiftCode"), swift);
    if (!validation::isValidSwift(swift))
        errors.insert(QStringLiteral("swiftCode"),
                      QStringLiteral("must be 8 or 11 characters: bank (4 letters), country (2), location (2), "
                                     "optional branch (3)"));
}

BankAccountRules::BankAccountRules(QString entityName)
    : m_entityName(std::move(entityName))
{
}

void BankAccountRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    Q_UNUSED(before)
    const QString number = after.value(QLatin1String("accountNumber")).toString();
    if (!number.isEmpty() && validation::looksLikeIban(number) && !validation::isValidIban(number))
        errors.insert(QStringLiteral("accountNumber"), QStringLiteral("is not a valid IBAN (checksum or length)"));

    if (m_entityName != entities::bankAccounts)
        return;
    const QJsonValue legalEntityId = after.value(QLatin1String("legalEntityId"));
    const QJsonValue companyId = after.value(QLatin1String("companyId"));
    if (legalEntityId.isNull() || companyId.isNull() || legalEntityId.isUndefined())
        return;
    const auto legalEntity = context.record(entities::legalEntities, legalEntityId.toInteger());
    if (legalEntity && legalEntity->value(QLatin1String("companyId")) != companyId)
        errors.insert(QStringLiteral("legalEntityId"), QStringLiteral("belongs to another company"));
}

} // namespace backoffice::server
