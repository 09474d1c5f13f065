#pragma once

#include "RateTree.h"
#include "RatingTypes.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <array>

namespace backoffice::rating {

enum class QuoteStatus : quint8 {
    Ok, // priced by a flat rate or a scale
    Blocked, // the tree refuses this traffic
    NoRate, // a value matched nothing and there is no Others
    NotIncluded, // the tree has no say: look for the rate in another tree
    Included, // covered by a pack
    Free, // charged at zero
    Unusable, // the walk reached a node with missing critical data
    InvalidInput, // negative quantities, or an amount beyond the range of Amount
};
QString quoteStatusKey(QuoteStatus status); // "ok", "blocked", "noRate", …

// Where the engine reads the volume already counted in the period for a scale node and its counter
// group, when the caller cannot know the node before the walk. Implemented by billing.
class ScaleVolumeSource
{
public:
    virtual ~ScaleVolumeSource() = default;
    virtual qint64 periodVolume(qint64 scaleNodeId, CounterGroup group) const = 0;
};

// One thing to price: a domain, a resource and the attributes the tree may depend on. Destination
// resolution (number -> country, MCC, MNC, network) happens before, elsewhere; values match exactly.
struct QuoteRequest {
    QString domain; // "sms"
    QString resource; // "sms-message"
    std::array<QString, DimensionCount> attributes; // by Dimension; the Resource slot is unused
    qint64 messages = 1;
    qint64 segments = 1;
    // For a scale: units already counted in the period for the scale node and its counter group.
    // Ignored when volumeSource is set.
    qint64 periodVolume = 0;
    const ScaleVolumeSource *volumeSource = nullptr;

    void setAttribute(Dimension dimension, const QString &value) { attributes[std::size_t(dimension)] = value; }
    const QString &attribute(Dimension dimension) const { return attributes[std::size_t(dimension)]; }
    // From the API's attribute map ({"direction": "mt", "country": "ES"}). False (and *unknownKey
    // set) for a key that is not a dimension.
    bool setAttributes(const QHash<QString, QString> &map, QString *unknownKey = nullptr);
};

// The engine's answer without any text: what the hot path produces, no allocation.
struct RateDecision {
    QuoteStatus status = QuoteStatus::NoRate;
    int depth = 0; // entries used in path
    std::array<qint32, RateTree::MaxDepth> path {}; // index positions (RatingIndex internal), root first
    Dimension unmatched = Dimension::Resource; // for NoRate: the dimension whose value matched nothing
    Amount unitPrice; // the flat price, or the price of the band reached
    qint64 quantity = 0; // units per the quantity rule
    Amount amount; // what this quote costs
    Amount periodAdjustment; // back-to-first: correction to units priced earlier
    BillingRule billingRule = BillingRule::Submitted;
    QuantityRule quantityRule = QuantityRule::Segments;
    int band = 0; // 1-based band reached; 0 when no scale priced the quote
    int bandCount = 0;
    ScaleMode scaleMode = ScaleMode::Tier;
    CounterGroup counterGroup = CounterGroup::Agreement;
    qint64 nodeId = 0; // the node the walk stopped at (the scale node for a scale)
};

// The full answer, with the path in words and an explain trace for people.
struct QuoteResult {
    QuoteStatus status = QuoteStatus::NoRate;
    QList<qint64> pathIds;
    QStringList pathLabels;
    Amount unitPrice;
    qint64 quantity = 0;
    Amount amount;
    Amount periodAdjustment;
    BillingRule billingRule = BillingRule::Submitted;
    QuantityRule quantityRule = QuantityRule::Segments;
    int band = 0;
    int bandCount = 0;
    ScaleMode scaleMode = ScaleMode::Tier;
    CounterGroup counterGroup = CounterGroup::Agreement;
    qint64 nodeId = 0;
    QString bandText; // "tier 2 of 2", empty without a scale
    QString explain; // "SMS → SMS message → A2P (MT) → ES → DIGI mobil: tier 2 of 2, 0.004"
};

} // namespace backoffice::rating
