#include "PriceTerms.h"

#include "Quote.h"

namespace backoffice::server {

PriceTerms PriceTerms::of(const rating::QuoteResult &quote)
{
    PriceTerms terms;
    terms.rateId = quote.nodeId;
    switch (quote.status) {
    case rating::QuoteStatus::Free: terms.priceType = pricetype::free; return terms;
    case rating::QuoteStatus::Included: terms.priceType = pricetype::included; return terms;
    default: break;
    }
    if (quote.bandCount == 0) {
        terms.priceType = pricetype::flat;
        return terms;
    }
    terms.priceType = pricetype::scale;
    terms.scaleType = rating::scaleModeKey(quote.scaleMode);
    terms.scaleTier = quote.band;
    terms.scaleGroup = rating::counterGroupKey(quote.counterGroup);
    return terms;
}

} // namespace backoffice::server
