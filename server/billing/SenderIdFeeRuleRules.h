#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Sender ID periodic fee rules (BO §6.5). The company and agreement follow the sender ID; dates
// without an offset are read in the agreement's billing time zone, where the periods are counted.
// Monthly rules start on day 1-28, weekly ones on weekday 1 (Monday) .. 7 (Sunday); the fee is
// charged 0 .. period length − 1 days beforehand; retries every 1-168 hours, 0-100 of them. The
// sender ID type defaults to the sender ID's own.
class SenderIdFeeRuleRules final : public EntityRules
{
public:
    QString localZone(WriteContext &context, const QJsonObject &body, const QJsonObject *before) override;
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
};

} // namespace backoffice::server
