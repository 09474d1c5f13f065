#include "EdrRepricing.h"

#include "ApiException.h"
#include "DestinationResolver.h"
#include "EdrRecord.h"
#include "MessageAdmission.h"
#include "RatingEngine.h"
#include "RerateStore.h"

namespace backoffice::server {

EdrRepricer::EdrRepricer(RatingEngine &rating, DestinationResolver &destinations)
    : m_rating(rating)
    , m_destinations(destinations)
{
}

QString EdrRepricer::mccOf(const RerateEdr &edr)
{
    if (!edr.mccMnc.isEmpty())
        return edr.mccMnc.left(3);
    if (edr.destination.isEmpty())
        return {};
    // The EDR keeps MCC/MNC only when the network is known; the country's MCC comes from the number.
    try {
        return m_destinations.resolve(QLatin1Char('+') + edr.destination).value(QLatin1String("mcc")).toString();
    } catch (const ApiException &) {
        return {};
    }
}

EdrRepricing EdrRepricer::reprice(const RerateEdr &edr)
{
    EdrRepricing result;
    if (!edr.agreementId) {
        result.failure = QStringLiteral("EDR %1 has no agreement").arg(edr.id);
        return result;
    }
    RatingInput input;
    input.agreementId = edr.agreementId;
    input.at = edr.acceptedAt;
    input.senderId = edr.senderId;
    input.request.domain = edr.channel;
    input.request.resource = MessageAdmission::resourceOf(edr.channel);
    QHash<QString, QString> attributes{{QStringLiteral("direction"), QStringLiteral("mt")}};
    const QString mcc = mccOf(edr);
    const std::pair<const char *, QString> known[] = {
        {"country", edr.country}, {"mcc", mcc}, {"mccmnc", edr.mccMnc}, {"network", edr.network}};
    for (const auto &[key, value] : known) {
        if (!value.isEmpty())
            attributes.insert(QString::fromLatin1(key), value);
    }
    input.request.setAttributes(attributes);
    input.request.segments = 1;
    input.request.messages = edr.partNumber == 1 ? 1 : 0;
    // A tier is priced again where the part fell in its period, not at the volume reached since.
    input.periodVolume = edr.periodVolume;

    // The part was priced in money, not by a pack (those are not rerated): packs enabled since, or
    // with room again, do not take it now.
    for (const PackTerms &pack : m_rating.packsInForce(edr.agreementId, edr.acceptedAt))
        input.usedUpPacks.append(pack.enabledServiceId);
    RatingOutcome outcome = m_rating.rate(input);
    if (outcome.serviceType == QLatin1String("bundleInitiator") && outcome.status == QLatin1String("included")) {
        // Bundle traffic priced in money went over its bundle packs: the pay-as-you-go price of a member.
        input.request.domain = QStringLiteral("bundle-grouping");
        input.request.resource = QStringLiteral("bundle-member");
        outcome = m_rating.rate(input);
    }
    if (!outcome.priced() || !outcome.hasQuote) {
        result.failure = QStringLiteral("EDR %1: %2").arg(edr.id).arg(outcome.reason.isEmpty() ? outcome.status : outcome.reason);
        return result;
    }
    // A unit pack prices in units, not money: its parts cost nothing in the agreement's currency.
    if (!outcome.currency.isEmpty() && outcome.currency != edr.currency && !outcome.quote.amount.isZero()) {
        result.failure = QStringLiteral("EDR %1: service %2 prices in %3, the EDR is in %4")
                             .arg(edr.id)
                             .arg(outcome.serviceName, outcome.currency, edr.currency);
        return result;
    }
    result.priced = true;
    result.serviceId = outcome.serviceId;
    result.enabledServiceId = outcome.enabledServiceId;
    result.serviceName = outcome.serviceName;
    result.unitPrice = outcome.quote.unitPrice;
    result.band = outcome.quote.bandText;
    result.pricing = PriceTerms::of(outcome.quote);
    const bool onDelivery = outcome.quote.billingRule == rating::BillingRule::Delivered;
    result.billingRule = onDelivery ? QStringLiteral("delivered") : QStringLiteral("submitted");
    const bool reached = edr.status == edrstatus::delivered || edr.status == edrstatus::seen;
    result.price = onDelivery && !reached ? Amount() : outcome.quote.amount;
    return result;
}

} // namespace backoffice::server
