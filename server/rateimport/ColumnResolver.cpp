#include "ColumnResolver.h"

#include "CellValues.h"
#include "DimensionDictionary.h"
#include "RatingCatalogue.h"

namespace backoffice::server::rateimport {

using rating::Dimension;

QString matchHowKey(MatchHow how)
{
    switch (how) {
    case MatchHow::Full: return QStringLiteral("full");
    case MatchHow::Best: return QStringLiteral("best");
    case MatchHow::Manual: return QStringLiteral("manual");
    case MatchHow::Others: return QStringLiteral("others");
    case MatchHow::Open: return QStringLiteral("open");
    case MatchHow::Value: return QStringLiteral("value");
    case MatchHow::Empty: return QStringLiteral("empty");
    case MatchHow::None: return QStringLiteral("none");
    }
    return {};
}

namespace {

ResolvedText result(MatchHow how, const QString &value, const QString &label)
{
    ResolvedText r;
    r.how = how;
    r.value = value;
    r.label = label;
    return r;
}

// MCC/MNC written "214-01", "214 01" or "214/01" is the key "21401" (the manual leaves this "TBD";
// these are the spellings vendor sheets use).
QString digitsOnly(const QString &text)
{
    QString digits;
    for (const QChar c : text)
        if (c.isDigit())
            digits.append(c);
    return digits;
}

const QList<Choice> &choicesFor(ColumnRole role)
{
    switch (role) {
    case ColumnRole::PriceType: return priceTypeChoices();
    case ColumnRole::BillingRule: return billingRuleChoices();
    default: return quantityRuleChoices();
    }
}

} // namespace

ColumnResolver::ColumnResolver(const ColumnSetting &setting) : m_setting(setting) {}

ResolvedText &ColumnResolver::resolve(const QString &text, qint64 row)
{
    auto it = m_resolved.find(text);
    if (it == m_resolved.end()) {
        it = m_resolved.insert(text, compute(text));
        it->firstRow = row;
        m_order.append(text);
    }
    ++it->rows;
    return *it;
}

ResolvedText ColumnResolver::compute(const QString &text) const
{
    switch (m_setting.role) {
    case ColumnRole::Attribute: return attribute(text);
    case ColumnRole::Price: return price(text);
    case ColumnRole::Tier: return tier(text);
    default: return rule(text);
    }
}

ResolvedText ColumnResolver::attribute(const QString &text) const
{
    const DimensionDictionary &dictionary = DimensionDictionary::of(m_setting.dimension);
    const auto manual = m_setting.manual.constFind(text);
    if (manual != m_setting.manual.cend()) {
        if (*manual == rating::RateNode::othersMatch())
            return result(MatchHow::Manual, *manual, rating::RatingCatalogue::othersLabel());
        if (const DictionaryEntry *entry = dictionary.findKey(*manual))
            return result(MatchHow::Manual, entry->key, entry->label);
        if (dictionary.isOpen() && !manual->isEmpty())
            return result(MatchHow::Manual, *manual, *manual);
        ResolvedText refused = result(MatchHow::None, {}, {});
        refused.problem = QStringLiteral("\"%1\" is not a value of %2").arg(*manual, rating::RatingCatalogue::dimensionLabel(m_setting.dimension));
        return refused;
    }
    if (text.isEmpty())
        return result(MatchHow::Empty, {}, {});
    if (isOthersText(text))
        return result(MatchHow::Others, rating::RateNode::othersMatch(), rating::RatingCatalogue::othersLabel());
    const bool byMccMnc = (m_setting.dimension == Dimension::MccMnc && m_setting.matchBy == 0)
        || dictionary.matchBy().value(m_setting.matchBy).key == QLatin1String("mccmnc");
    const QString lookup = byMccMnc ? digitsOnly(text) : text;
    if (const auto match = dictionary.match(lookup, m_setting.matchBy, m_setting.bestMatch ? MatchKind::Best : MatchKind::Full))
        return result(match->best ? MatchHow::Best : MatchHow::Full, match->entry->key, match->entry->label);
    if (dictionary.isOpen() && m_setting.matchBy == 0)
        return result(MatchHow::Open, text, text);
    return result(MatchHow::None, {}, {});
}

ResolvedText ColumnResolver::price(const QString &text) const
{
    const auto manual = m_setting.manual.constFind(text);
    if (manual != m_setting.manual.cend()) {
        if (const auto cell = parsePriceCell(*manual))
            return result(MatchHow::Manual, cell->price.toString(), cell->price.toString());
        if (const auto type = matchChoice(*manual, priceTypeChoices()); type && !type->best)
            return result(MatchHow::Manual, type->key, choiceLabel(priceTypeChoices(), type->key));
        ResolvedText refused = result(MatchHow::None, {}, {});
        refused.problem = QStringLiteral("\"%1\" is neither a price nor a price type").arg(*manual);
        return refused;
    }
    if (text.isEmpty())
        return result(MatchHow::Empty, {}, {});
    const auto cell = parsePriceCell(text);
    if (!cell)
        return result(MatchHow::None, {}, {});
    ResolvedText read = result(MatchHow::Value, cell->price.toString(), cell->price.toString());
    read.negative = cell->wasNegative;
    return read;
}

ResolvedText ColumnResolver::rule(const QString &text) const
{
    const QList<Choice> &choices = choicesFor(m_setting.role);
    const auto manual = m_setting.manual.constFind(text);
    if (manual != m_setting.manual.cend()) {
        if (const auto match = matchChoice(*manual, choices); match && !match->best)
            return result(MatchHow::Manual, match->key, choiceLabel(choices, match->key));
        ResolvedText refused = result(MatchHow::None, {}, {});
        refused.problem = QStringLiteral("\"%1\" is not one of the values of this column").arg(*manual);
        return refused;
    }
    if (text.isEmpty())
        return result(MatchHow::Empty, {}, {});
    if (const auto match = matchChoice(text, choices))
        return result(match->best ? MatchHow::Best : MatchHow::Full, match->key, choiceLabel(choices, match->key));
    return result(MatchHow::None, {}, {});
}

ResolvedText ColumnResolver::tier(const QString &text) const
{
    const auto manual = m_setting.manual.constFind(text);
    const QString source = manual != m_setting.manual.cend() ? *manual : text;
    if (source.isEmpty())
        return result(MatchHow::Empty, {}, {});
    const auto from = parseTierCell(source);
    if (!from) {
        ResolvedText refused = result(MatchHow::None, {}, {});
        if (manual != m_setting.manual.cend())
            refused.problem = QStringLiteral("\"%1\" is not a tier").arg(source);
        return refused;
    }
    const QString label = QStringLiteral("from unit %1").arg(*from + 1);
    return result(manual != m_setting.manual.cend() ? MatchHow::Manual : MatchHow::Value, QString::number(*from), label);
}

} // namespace backoffice::server::rateimport
