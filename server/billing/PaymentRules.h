#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Payments (BO §7.1). The company and the agreement's currency follow the agreement; a payment in
// another currency needs the replenishment amount (what reaches the balance) and the exchange rate
// date, and the rate is computed from the two amounts. A confirmed payment counts in the balance;
// an unconfirmed one counts until the end of its confirm-before day in the agreement's billing time
// zone, and a job takes it out then (PaymentExpiry). Every change of what a payment adds to the
// balance is a balance movement written in the same transaction; deleting a counted payment takes
// it out of the balance.
class PaymentRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void beforeRemove(WriteContext &context, qint64 id, const QJsonObject &record) override;
    void committed(qint64 id) override;
};

} // namespace backoffice::server
