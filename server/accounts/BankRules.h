#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Banks: a SWIFT (BIC) code, when given, has 8 or 11 characters and a real country.
class BankRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
};

// Client and own bank accounts: an account number that looks like an IBAN must pass its checksum;
// a client account's legal entity must belong to its company.
class BankAccountRules final : public EntityRules
{
public:
    explicit BankAccountRules(QString entityName);
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;

private:
    QString m_entityName;
};

} // namespace backoffice::server
