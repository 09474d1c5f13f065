#pragma once

#include "Amount.h"

#include <QList>
#include <QString>
#include <optional>

namespace backoffice::rating {

// What a rate node does with the traffic that reaches it. The JSON names are the API form.
enum class PriceType : quint8 {
    Depends, // "depends": the price depends on one more attribute (dimension); children hold it
    Flat, // "flat": one price per unit
    Scale, // "scale": price by volume band in the period
    Free, // "free": charged at zero
    Included, // "included": covered by a pack; traffic outside the included nodes is refused by the pack
    NotIncluded, // "notIncluded": this tree has no say, the engine looks for the rate elsewhere
    Blocked, // "blocked": traffic matching the node is not processed
};

// The attribute a "depends" node branches on. Resource is the first level under a service domain;
// every other value is also a key of the quote's attribute map.
enum class Dimension : quint8 {
    Resource,
    Direction,
    Country,
    Network,
    Mcc,
    MccMnc,
    Mno,
    SenderIdType,
    Periodicity,
    WhatsappRegion,
    PricingCategory,
    PricingType,
    MessageType,
    Pack,
    AdditionalService, // the name of an additional service (BO §7.4), under "Additional service fee"
};
inline constexpr int DimensionCount = int(Dimension::AdditionalService) + 1;

enum class ScaleMode : quint8 {
    Tier, // each unit priced at the band it falls into
    BackToFirst, // the whole period volume priced at the band reached
};

// Which counter the scale's volume is kept in: one per agreement, or one per sender ID.
enum class CounterGroup : quint8 { Agreement, SenderId };

// Inherit is JSON null: the node takes the rule of its nearest ancestor that sets one.
enum class BillingRule : quint8 { Inherit, Submitted, Delivered };
enum class QuantityRule : quint8 { Inherit, Messages, Segments, FullPeriod };

// A volume band: units numbered from 0 in the period; unit n is priced by the band with the
// largest `from` not above n. So {0: 0.005, 1000: 0.004} prices units 1..1000 at 0.005.
struct ScaleBand {
    qint64 from = 0;
    Amount price;
    friend bool operator==(const ScaleBand &, const ScaleBand &) = default;
};

struct Scale {
    ScaleMode mode = ScaleMode::Tier;
    CounterGroup counterGroup = CounterGroup::Agreement;
    QList<ScaleBand> bands;
    friend bool operator==(const Scale &, const Scale &) = default;
};

// One row of a scope's rate tree, as stored and as sent by the API.
struct RateNode {
    qint64 id = 0;
    std::optional<qint64> parentId; // none for a root (a service domain)
    int position = 0; // order among siblings
    QString match; // the parent's dimension value this node stands for; "*" = Others
    PriceType priceType = PriceType::Depends;
    std::optional<Dimension> dimension; // only with Depends
    std::optional<Amount> price; // only with Flat
    std::optional<Scale> scale; // only with Scale
    BillingRule billingRule = BillingRule::Inherit;
    QuantityRule quantityRule = QuantityRule::Inherit;

    bool isOthers() const { return match == othersMatch(); }
    static QString othersMatch();
    friend bool operator==(const RateNode &, const RateNode &) = default;
};

// JSON names of the enums. The fromKey functions return nothing for an unknown key.
QString priceTypeKey(PriceType type);
std::optional<PriceType> priceTypeFromKey(QStringView key);
QString dimensionKey(Dimension dimension);
std::optional<Dimension> dimensionFromKey(QStringView key);
QString scaleModeKey(ScaleMode mode);
std::optional<ScaleMode> scaleModeFromKey(QStringView key);
QString counterGroupKey(CounterGroup group);
std::optional<CounterGroup> counterGroupFromKey(QStringView key);
// Inherit has no key (it is null in JSON): these return an empty string for it.
QString billingRuleKey(BillingRule rule);
std::optional<BillingRule> billingRuleFromKey(QStringView key);
QString quantityRuleKey(QuantityRule rule);
std::optional<QuantityRule> quantityRuleFromKey(QStringView key);

// Labels as the staff screens show them: "Flat rate", "Submitted", "Full period", "Tier".
QString priceTypeLabel(PriceType type);
QString billingRuleLabel(BillingRule rule);
QString quantityRuleLabel(QuantityRule rule);
QString scaleModeLabel(ScaleMode mode);
QString counterGroupLabel(CounterGroup group);

} // namespace backoffice::rating
