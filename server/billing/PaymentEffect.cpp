#include "PaymentEffect.h"

namespace backoffice::server {

Amount balanceEffect(const QJsonObject &payment)
{
    if (!payment.value(QLatin1String("countedInBalance")).toBool())
        return {};
    const Amount replenishment =
        Amount::parse(payment.value(QLatin1String("replenishmentAmount")).toString()).value_or(Amount());
    return payment.value(QLatin1String("direction")).toString() == QLatin1String("outbound") ? -replenishment
                                                                                             : replenishment;
}

QString exchangeRate(Amount paid, Amount replenishment)
{
    // Integer division of the micro-unit counts, widened so amounts up to the Amount range fit.
    const __int128 numerator = __int128(paid.micros()) * Amount::Scale * 2 + replenishment.micros();
    const __int128 rate = numerator / (__int128(replenishment.micros()) * 2);
    return Amount::fromMicros(qint64(rate)).toString(6);
}

} // namespace backoffice::server
