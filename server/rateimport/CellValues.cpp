#include "CellValues.h"

#include "TextSimilarity.h"

namespace backoffice::server::rateimport {

namespace {

bool isGroupSeparator(QChar c)
{
    return c.isSpace() || c == u',' || c == u'_' || c == u'\'' || c == u'\u00a0' || c == u'\u202f';
}

// "250,001" / "250 001" / "250001" -> 250001; nullopt for anything that is not a whole number.
std::optional<qint64> wholeNumber(QStringView text)
{
    QString digits;
    for (const QChar c : text.trimmed()) {
        if (c.isDigit())
            digits.append(c);
        else if (!isGroupSeparator(c))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    return ok && digits.size() <= 15 ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace

std::optional<PriceCell> parsePriceCell(const QString &text)
{
    QString cleaned;
    for (const QChar c : text) {
        // Currency signs and spaces (thousand groups) carry no value; the service's currency does.
        if (c.isSpace() || c == u'\u00a0' || c == u'\u202f' || c.category() == QChar::Symbol_Currency)
            continue;
        cleaned.append(c);
    }
    for (const char *code : {"EUR", "USD", "GBP"}) {
        if (cleaned.endsWith(QLatin1String(code), Qt::CaseInsensitive))
            cleaned.chop(3);
        else if (cleaned.startsWith(QLatin1String(code), Qt::CaseInsensitive))
            cleaned.remove(0, 3);
    }
    const qsizetype comma = cleaned.indexOf(u',');
    const qsizetype dot = cleaned.indexOf(u'.');
    if (comma >= 0 && dot < 0 && cleaned.count(u',') == 1)
        cleaned.replace(comma, 1, u'.'); // a decimal comma: "0,0045"
    else if (comma >= 0 && dot > comma)
        cleaned.remove(u','); // thousand groups: "1,234.50"
    if (cleaned.isEmpty())
        return std::nullopt;
    const auto amount = Amount::parse(cleaned);
    if (!amount)
        return std::nullopt;
    PriceCell cell;
    cell.wasNegative = amount->micros() < 0;
    cell.price = cell.wasNegative ? Amount::fromMicros(-amount->micros()) : *amount;
    return cell;
}

std::optional<qint64> parseTierCell(const QString &text)
{
    QString t = text.trimmed().toLower();
    const auto firstUnit = [](std::optional<qint64> oneBased) -> std::optional<qint64> {
        if (!oneBased)
            return std::nullopt;
        return *oneBased > 0 ? *oneBased - 1 : 0;
    };
    for (const char *over : {">=", "≥"}) {
        if (t.startsWith(QString::fromUtf8(over)))
            return firstUnit(wholeNumber(QStringView(t).mid(QString::fromUtf8(over).size())));
    }
    for (const char *over : {">", "over", "above", "more than"}) {
        if (t.startsWith(QLatin1String(over)))
            return wholeNumber(QStringView(t).mid(qsizetype(qstrlen(over))));
    }
    if (t.endsWith(u'+'))
        return firstUnit(wholeNumber(QStringView(t).chopped(1)));
    for (const char *suffix : {"and above", "and more", "or more"}) {
        if (t.endsWith(QLatin1String(suffix)))
            return firstUnit(wholeNumber(QStringView(t).chopped(qsizetype(qstrlen(suffix)))));
    }
    // A range: "1 - 250,000", "250001–2000000", "1 to 250000".
    for (const QString &dash : {QStringLiteral(" to "), QStringLiteral("-"), QStringLiteral("\u2013"), QStringLiteral("\u2014")}) {
        const qsizetype at = t.indexOf(dash);
        if (at > 0) {
            const auto from = wholeNumber(QStringView(t).left(at));
            const QStringView rest = QStringView(t).mid(at + dash.size()).trimmed();
            const bool openEnd = rest.isEmpty() || rest == u"∞" || rest == u"unlimited";
            if (from && (openEnd || wholeNumber(rest)))
                return firstUnit(from);
            return std::nullopt;
        }
    }
    return firstUnit(wholeNumber(t));
}

std::optional<ChoiceMatch> matchChoice(const QString &text, const QList<Choice> &choices)
{
    const QString folded = text.trimmed().toCaseFolded();
    if (folded.isEmpty())
        return std::nullopt;
    for (const Choice &choice : choices) {
        if (choice.key.toCaseFolded() == folded)
            return ChoiceMatch {choice.key, false};
        for (const QString &name : choice.names)
            if (name.toCaseFolded() == folded)
                return ChoiceMatch {choice.key, false};
    }
    const QString normalized = normalizedForMatch(text);
    const BigramProfile profile(normalized);
    double best = 0.5;
    QString bestKey;
    for (const Choice &choice : choices) {
        for (const QString &name : choice.names) {
            const QString candidate = normalizedForMatch(name);
            const double score = candidate == normalized ? 1.0 : BigramProfile(candidate).similarity(profile);
            if (score > best) {
                best = score;
                bestKey = choice.key;
            }
        }
    }
    if (bestKey.isEmpty())
        return std::nullopt;
    return ChoiceMatch {bestKey, true};
}

const QList<Choice> &priceTypeChoices()
{
    using rating::PriceType;
    static const QList<Choice> choices {
        {rating::priceTypeKey(PriceType::Flat), {rating::priceTypeLabel(PriceType::Flat), QStringLiteral("Flat")}},
        {rating::priceTypeKey(PriceType::Free), {rating::priceTypeLabel(PriceType::Free)}},
        {rating::priceTypeKey(PriceType::Blocked), {rating::priceTypeLabel(PriceType::Blocked), QStringLiteral("Block")}},
        {rating::priceTypeKey(PriceType::NotIncluded), {rating::priceTypeLabel(PriceType::NotIncluded)}},
        {rating::priceTypeKey(PriceType::Included), {rating::priceTypeLabel(PriceType::Included)}},
    };
    return choices;
}

const QList<Choice> &billingRuleChoices()
{
    using rating::BillingRule;
    static const QList<Choice> choices {
        {rating::billingRuleKey(BillingRule::Submitted), {rating::billingRuleLabel(BillingRule::Submitted), QStringLiteral("Sent")}},
        {rating::billingRuleKey(BillingRule::Delivered), {rating::billingRuleLabel(BillingRule::Delivered), QStringLiteral("DLR")}},
    };
    return choices;
}

const QList<Choice> &quantityRuleChoices()
{
    using rating::QuantityRule;
    static const QList<Choice> choices {
        {rating::quantityRuleKey(QuantityRule::Messages), {rating::quantityRuleLabel(QuantityRule::Messages), QStringLiteral("SMS")}},
        {rating::quantityRuleKey(QuantityRule::Segments), {rating::quantityRuleLabel(QuantityRule::Segments), QStringLiteral("Parts")}},
        {rating::quantityRuleKey(QuantityRule::FullPeriod), {rating::quantityRuleLabel(QuantityRule::FullPeriod)}},
    };
    return choices;
}

QString choiceLabel(const QList<Choice> &choices, const QString &key)
{
    for (const Choice &choice : choices)
        if (choice.key == key)
            return choice.names.value(0, key);
    return key;
}

} // namespace backoffice::server::rateimport
