#pragma once

#include "ImportSettings.h"

#include <QHash>
#include <QList>
#include <QString>

namespace backoffice::server::rateimport {

// How one distinct cell text of a declared column was understood.
enum class MatchHow : quint8 {
    Full, // equal to a dictionary key or attribute, or to a rule's name
    Best, // the most similar dictionary value
    Manual, // the user's mapping
    Others, // "All networks", "*": the Others branch
    Open, // taken as written (open dimensions: network, MNO, pack)
    Value, // a price or tier read as a number
    Empty, // an empty cell
    None, // not understood: blocking while a row that uses it is imported
};
QString matchHowKey(MatchHow how);

struct ResolvedText {
    MatchHow how = MatchHow::None;
    QString value; // attribute: the tree key; price: decimal text or a price type key; rules: key;
                   // tier: first unit as a number
    QString label; // for people
    QString problem; // why a manual mapping was refused
    bool negative = false; // price: the text was negative
    qint64 rows = 0; // rows of the sheet holding this text
    qint64 usedRows = 0; // rows of those that reached the tree (or would have, if matched)
    qint64 firstRow = 0; // 1-based
};

// Resolves the cell texts of one declared column, each distinct text once (a 100,000-row sheet has
// a few thousand distinct networks at most), and keeps the per-text row counts.
class ColumnResolver final
{
public:
    explicit ColumnResolver(const ColumnSetting &setting);

    const ColumnSetting &setting() const { return m_setting; }
    // The text's resolution, computed on first sight; counts the row.
    ResolvedText &resolve(const QString &text, qint64 row);
    // Distinct texts in first-seen order.
    const QList<QString> &texts() const { return m_order; }
    const ResolvedText &resolved(const QString &text) const { return m_resolved.find(text).value(); }

private:
    ResolvedText compute(const QString &text) const;
    ResolvedText attribute(const QString &text) const;
    ResolvedText price(const QString &text) const;
    ResolvedText rule(const QString &text) const;
    ResolvedText tier(const QString &text) const;

    ColumnSetting m_setting;
    QHash<QString, ResolvedText> m_resolved;
    QList<QString> m_order;
};

} // namespace backoffice::server::rateimport
