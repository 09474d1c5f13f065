#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Companies: the platform owner is fixed, resellers create companies beneath themselves, and
// blocking a company disables all of its users.
class CompanyRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void checkDelete(WriteContext &context, const QJsonObject &record) override;
};

} // namespace backoffice::server
