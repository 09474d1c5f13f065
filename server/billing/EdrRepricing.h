#pragma once

#include "Amount.h"
#include "PriceTerms.h"

#include <QString>

namespace backoffice::server {

class DestinationResolver;
class RatingEngine;
struct RerateEdr;

// What an EDR costs with the rates and enabled services as they are now, priced at the instant
// it was accepted, the way admission priced it then (channel → resource, direction MT, the
// destination's country, MCC, MCC/MNC and network, one segment, the message counted on its first
// part). A part billed on delivery that was not delivered costs nothing.
struct EdrRepricing {
    bool priced = false;
    QString failure; // for people, when not priced
    Amount price;
    Amount unitPrice;
    QString band;
    PriceTerms pricing;
    qint64 serviceId = 0;
    qint64 enabledServiceId = 0;
    QString serviceName;
    QString billingRule; // submitted | delivered
};

class EdrRepricer final
{
public:
    EdrRepricer(RatingEngine &rating, DestinationResolver &destinations);

    EdrRepricing reprice(const RerateEdr &edr);

private:
    QString mccOf(const RerateEdr &edr);

    RatingEngine &m_rating;
    DestinationResolver &m_destinations;
};

} // namespace backoffice::server
