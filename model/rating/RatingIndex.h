#pragma once

#include "ChildTable.h"
#include "Quote.h"
#include "RateTree.h"

#include <QHash>
#include <QList>

namespace backoffice::rating {

// A rate tree prepared for rating: every "depends" node maps match values to children (one
// ChildTable for the whole tree) plus its Others child, and every node its effective billing and quantity rules and whether
// validation found it usable. A quote then walks the tree with one hash lookup per level and no
// allocation. Build once per tree version; rebuild when the tree changes (the index is immutable
// afterwards, so one index may serve many threads).
class RatingIndex final
{
public:
    RatingIndex() = default;
    explicit RatingIndex(RateTree tree);

    const RateTree &tree() const { return m_tree; }
    int nodeCount() const { return int(m_entries.size()); }
    const QList<RateProblem> &problems() const { return m_problems; }

    // The hot path: status, prices and the node path as internal positions.
    RateDecision rate(const QuoteRequest &request) const;
    // rate() plus node ids, labels and the explain trace.
    QuoteResult quote(const QuoteRequest &request) const;
    QuoteResult describe(const RateDecision &decision) const;

private:
    struct Entry {
        qint64 id = 0;
        Amount price;
        bool hasChildren = false; // a depends node: its children are in m_children under its index
        qint32 others = -1; // entry of the Others child
        qint32 scale = -1; // index into m_scales
        PriceType priceType = PriceType::Depends;
        Dimension dimension = Dimension::Resource;
        bool usable = true;
        BillingRule billingRule = BillingRule::Submitted;
        QuantityRule quantityRule = QuantityRule::Segments;
    };

    void build();
    void price(const Entry &entry, const QuoteRequest &request, RateDecision *decision) const;

    RateTree m_tree;
    QList<RateProblem> m_problems;
    QList<Entry> m_entries; // same order as m_tree.nodes()
    ChildTable m_children; // (depends entry, match) -> child entry
    QList<Scale> m_scales;
    QHash<QString, qint32> m_roots; // domain key -> entry
};

} // namespace backoffice::rating
