#pragma once

#include "Amount.h"

#include <QJsonObject>
#include <QString>

namespace backoffice::server {

// What a payment record (API form) adds to its agreement's balance now: the replenishment amount,
// negative for outbound payments, zero when it does not count (expired, unconfirmed).
Amount balanceEffect(const QJsonObject &payment);

// 1 unit of the agreement's currency in the payment's currency (amount / replenishment), six
// decimals rounded half up: "1.111111". Both amounts must be positive.
QString exchangeRate(Amount paid, Amount replenishment);

} // namespace backoffice::server
