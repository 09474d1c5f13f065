#pragma once

#include "Amount.h"
#include "RatingTypes.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace backoffice::server::rateimport {

// Reading the cells that hold rate properties rather than attributes.

struct PriceCell {
    Amount price;
    bool wasNegative = false; // the manual: negative prices are taken as positive
};
// "0.0045", "0,0045", "€ 0.04", "1,234.50", "-0.01". nullopt when it is not a price.
std::optional<PriceCell> parsePriceCell(const QString &text);

// The first unit of a volume tier, counted from 0, from the texts Meta's and vendors' tier sheets
// use: "1 - 250,000" and "1" -> 0; "250,001 - 2,000,000" and "250,001+" -> 250000; "> 2,000,000" and
// "Above 2000000" -> 2000000.
std::optional<qint64> parseTierCell(const QString &text);

// A value of a small closed list (price types, billing and quantity rules) named by key or label:
// full match first (letter case ignored), then the most similar label.
struct Choice {
    QString key;
    QStringList names; // labels and synonyms
};
struct ChoiceMatch {
    QString key;
    bool best = false;
};
std::optional<ChoiceMatch> matchChoice(const QString &text, const QList<Choice> &choices);

const QList<Choice> &priceTypeChoices(); // flat, free, blocked, notIncluded, included
const QList<Choice> &billingRuleChoices();
const QList<Choice> &quantityRuleChoices();
// The label of a choice key, for the analysis ("notIncluded" -> "Not included").
QString choiceLabel(const QList<Choice> &choices, const QString &key);

} // namespace backoffice::server::rateimport
