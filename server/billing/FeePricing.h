#pragma once

#include "Amount.h"
#include "PriceTerms.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace backoffice::server {

class Database;
class RatingEngine;

// A fee looked up in the agreement's service trees: what the desktop shows green ("✓ 50 EUR,
// effective …") or red (the reason), and what a write-off charges.
struct FeeQuote {
    bool found = false;
    bool noService = false; // nothing enabled on the agreement carries this fee at all
    Amount unitPrice;
    Amount amount; // unitPrice × quantity (the volume of an additional service; 1 otherwise)
    qint64 quantity = 1;
    QString currency;
    qint64 serviceId = 0;
    QString serviceName;
    PriceTerms pricing; // the rate's terms, kept with the charge
    QDateTime effectiveFrom; // the enabled service and its scope both in force
    QDateTime effectiveTill; // invalid: open-ended
    QString explain; // the tree path ("Service SMS Global, scope 3, SMS → Sender ID setup fee → Vodafone: flat 50")
    QString message; // for people when not found ("Rate not found: …")

    QJsonObject toJson() const;
};

// What a sender ID fee depends on in the tree: the channel's domain, and the MNO, sender ID type
// and (for the usage fee) periodicity attributes.
struct SenderIdFeeInput {
    qint64 agreementId = 0;
    QString agreementCurrency;
    QString channel; // the sender ID's channel: the service domain ("sms")
    QString senderId; // for the messages
    QString mno;
    QString senderIdType; // alphanumeric | shortCode | longCode
    QString periodicity; // monthly | weekly (usage fee only)
    QDateTime at;
};

// Fee lookups through the rating engine (packs first, then pay-as-you-go, as for traffic): the
// sender ID setup fee (Sender ID setup fee node), the usage fee (Sender ID usage fee node) and the
// rate of an additional service (Additional service → Additional service fee → the service's name).
class FeePricing final
{
public:
    FeePricing(Database &database, RatingEngine &rating);

    FeeQuote senderIdSetupFee(const SenderIdFeeInput &input);
    FeeQuote senderIdUsageFee(const SenderIdFeeInput &input);
    // volume × the rate; noService when no enabled service has an Additional service tree.
    FeeQuote additionalService(qint64 agreementId, const QString &agreementCurrency, const QString &serviceName,
                               qint64 volume, const QDateTime &at);

private:
    FeeQuote senderIdFee(const SenderIdFeeInput &input, const QString &resource, const QString &what);

    Database &m_database;
    RatingEngine &m_rating;
};

} // namespace backoffice::server
