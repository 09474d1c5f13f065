#include "RatingTypes.h"

#include <QCoreApplication>
#include <array>

namespace backoffice::rating {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::rating", text);
}

// Enum <-> key tables: the index in the array is the enum value, so the two stay in step.
constexpr std::array<const char *, 7> PriceTypeKeys
    = {"depends", "flat", "scale", "free", "included", "notIncluded", "blocked"};
constexpr std::array<const char *, DimensionCount> DimensionKeys
    = {"resource",     "direction",   "country",        "network",         "mcc",         "mccmnc",      "mno",
       "senderIdType", "periodicity", "whatsappRegion", "pricingCategory", "pricingType", "messageType", "pack",
       "additionalService"};
constexpr std::array<const char *, 2> ScaleModeKeys = {"tier", "backToFirst"};
constexpr std::array<const char *, 2> CounterGroupKeys = {"agreement", "senderId"};
constexpr std::array<const char *, 3> BillingRuleKeys = {"", "submitted", "delivered"};
constexpr std::array<const char *, 4> QuantityRuleKeys = {"", "messages", "segments", "fullPeriod"};

template<typename Enum, std::size_t N>
std::optional<Enum> fromKey(const std::array<const char *, N> &keys, QStringView key)
{
    if (key.isEmpty())
        return std::nullopt;
    for (std::size_t i = 0; i < N; ++i) {
        if (key == QLatin1StringView(keys[i]))
            return Enum(i);
    }
    return std::nullopt;
}

} // namespace

QString RateNode::othersMatch()
{
    return QStringLiteral("*");
}

QString priceTypeKey(PriceType type)
{
    return QLatin1StringView(PriceTypeKeys[std::size_t(type)]);
}
std::optional<PriceType> priceTypeFromKey(QStringView key)
{
    return fromKey<PriceType>(PriceTypeKeys, key);
}
QString dimensionKey(Dimension dimension)
{
    return QLatin1StringView(DimensionKeys[std::size_t(dimension)]);
}
std::optional<Dimension> dimensionFromKey(QStringView key)
{
    return fromKey<Dimension>(DimensionKeys, key);
}
QString scaleModeKey(ScaleMode mode)
{
    return QLatin1StringView(ScaleModeKeys[std::size_t(mode)]);
}
std::optional<ScaleMode> scaleModeFromKey(QStringView key)
{
    return fromKey<ScaleMode>(ScaleModeKeys, key);
}
QString counterGroupKey(CounterGroup group)
{
    return QLatin1StringView(CounterGroupKeys[std::size_t(group)]);
}
std::optional<CounterGroup> counterGroupFromKey(QStringView key)
{
    return fromKey<CounterGroup>(CounterGroupKeys, key);
}
QString billingRuleKey(BillingRule rule)
{
    return QLatin1StringView(BillingRuleKeys[std::size_t(rule)]);
}
std::optional<BillingRule> billingRuleFromKey(QStringView key)
{
    return fromKey<BillingRule>(BillingRuleKeys, key);
}
QString quantityRuleKey(QuantityRule rule)
{
    return QLatin1StringView(QuantityRuleKeys[std::size_t(rule)]);
}
std::optional<QuantityRule> quantityRuleFromKey(QStringView key)
{
    return fromKey<QuantityRule>(QuantityRuleKeys, key);
}

QString priceTypeLabel(PriceType type)
{
    switch (type) {
    case PriceType::Depends: return tr("Depends on");
    case PriceType::Flat: return tr("Flat rate");
    case PriceType::Scale: return tr("Scale");
    case PriceType::Free: return tr("Free");
    case PriceType::Included: return tr("Included");
    case PriceType::NotIncluded: return tr("Not included");
    case PriceType::Blocked: return tr("Blocked");
    }
    return {};
}

QString billingRuleLabel(BillingRule rule)
{
    switch (rule) {
    case BillingRule::Inherit: return tr("Default");
    case BillingRule::Submitted: return tr("Submitted");
    case BillingRule::Delivered: return tr("Delivered");
    }
    return {};
}

QString quantityRuleLabel(QuantityRule rule)
{
    switch (rule) {
    case QuantityRule::Inherit: return tr("Default");
    case QuantityRule::Messages: return tr("Messages");
    case QuantityRule::Segments: return tr("Segments");
    case QuantityRule::FullPeriod: return tr("Full period");
    }
    return {};
}

QString scaleModeLabel(ScaleMode mode)
{
    return mode == ScaleMode::Tier ? tr("Tier") : tr("Back-to-First");
}

QString counterGroupLabel(CounterGroup group)
{
    return group == CounterGroup::Agreement ? tr("Agreement") : tr("Sender ID");
}

} // namespace backoffice::rating
