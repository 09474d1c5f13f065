#pragma once

#include <QString>

namespace backoffice::rating {
struct QuoteResult;
}

namespace backoffice::server {

// The values a charge's price type may take (BO §7.2 charge details, §7.3 rate "Price type").
namespace pricetype {
inline const QString flat = QStringLiteral("flat"); // one price per unit
inline const QString scale = QStringLiteral("scale"); // the price of the scale band reached
inline const QString free = QStringLiteral("free"); // the rate says free of charge
inline const QString included = QStringLiteral("included"); // covered by a pack's units
inline const QString manual = QStringLiteral("manual"); // a price typed in by staff (fixed additional fee)
} // namespace pricetype

// How the price of a charge was found, kept with the charge so an invoice line and the charge
// details can tell a flat rate from a scale tier or a pack without the rate tree at hand (which
// may have changed since). Charges with different terms never share an invoice line.
struct PriceTerms {
    QString priceType = pricetype::manual;
    QString scaleType; // tier | backToFirst; empty without a scale
    int scaleTier = 0; // the 1-based band reached; 0 without a scale
    QString scaleGroup; // the scale's counter group (agreement | senderId); empty without a scale
    qint64 rateId = 0; // the rate tree node that gave the price; 0 when no tree did

    // The terms of a rating answer: its status, the scale band it reached and the node it stopped at.
    static PriceTerms of(const rating::QuoteResult &quote);
};

} // namespace backoffice::server
