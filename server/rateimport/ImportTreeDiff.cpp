#include "ImportTreeDiff.h"

#include "DimensionDictionary.h"

#include <QSet>

namespace backoffice::server::rateimport {

using rating::PriceType;
using rating::RateNode;
using rating::RateTree;

namespace {

// Each level's match and label below nodeId, in the dictionary of the dimension its parent depends on.
void describe(const RateTree &tree, qint64 nodeId, const RateNode *leaf, DiffItem &item)
{
    bool below = false;
    const QList<const RateNode *> path = tree.pathTo(leaf->id);
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (below) {
            const auto dimension = path[i - 1]->dimension.value_or(rating::Dimension::Resource);
            item.path.append(path[i]->match);
            item.labels.append(DimensionDictionary::of(dimension).labelOf(path[i]->match));
        }
        below = below || path[i]->id == nodeId;
    }
}

QString kindOf(const RateTree &beforeTree, const RateNode &a, const RateTree &afterTree, const RateNode &b)
{
    if (a.priceType == PriceType::Depends)
        return QStringLiteral("changed"); // a branch became a price
    const bool sameRules = beforeTree.effectiveBillingRule(a.id) == afterTree.effectiveBillingRule(b.id)
        && beforeTree.effectiveQuantityRule(a.id) == afterTree.effectiveQuantityRule(b.id);
    if (a.priceType == PriceType::Flat && b.priceType == PriceType::Flat && a.price && b.price && sameRules) {
        if (b.price->micros() > a.price->micros())
            return QStringLiteral("up");
        if (b.price->micros() < a.price->micros())
            return QStringLiteral("down");
        return QStringLiteral("unchanged");
    }
    if (a.priceType == b.priceType && a.price == b.price && a.scale == b.scale && sameRules)
        return QStringLiteral("unchanged");
    return QStringLiteral("changed");
}

// The priced leaves below nodeId, in tree order (children by position).
QList<const RateNode *> leavesBelow(const RateTree &tree, qint64 nodeId)
{
    QList<const RateNode *> leaves;
    QList<const RateNode *> pending;
    if (const RateNode *top = tree.node(nodeId))
        pending.append(top);
    while (!pending.isEmpty()) {
        const RateNode *node = pending.takeLast();
        if (node->priceType != PriceType::Depends) {
            leaves.append(node);
            continue;
        }
        const QList<const RateNode *> children = tree.children(node->id);
        for (auto child = children.crbegin(); child != children.crend(); ++child)
            pending.append(*child);
    }
    return leaves;
}

} // namespace

// The imported branch carries the ids of the nodes in force at the same path (reuseNodeIds), so a
// leaf is paired with the node of its id: no path strings are built for 100,000 leaves, only for
// the items listed.
ImportDiff diffImport(const RateTree &current, qint64 nodeId, const RateTree &imported)
{
    ImportDiff diff;
    const auto list = [&](const RateTree &tree, const RateNode *leaf, DiffItem item) {
        if (diff.items.size() >= ImportDiff::ItemLimit) {
            diff.truncated = true;
            return;
        }
        describe(tree, nodeId, leaf, item);
        diff.items.append(std::move(item));
    };
    QSet<qint64> paired;
    for (const RateNode *now : leavesBelow(imported, nodeId)) {
        const RateNode *was = now->id > 0 ? current.node(now->id) : nullptr;
        DiffItem item;
        item.after = imported.priceText(now->id);
        if (!was) {
            item.kind = QStringLiteral("new");
            ++diff.added;
        } else {
            paired.insert(was->id);
            item.kind = kindOf(current, *was, imported, *now);
            item.before = was->priceType == PriceType::Depends ? QString() : current.priceText(was->id);
            diff.up += item.kind == QLatin1String("up");
            diff.down += item.kind == QLatin1String("down");
            diff.unchanged += item.kind == QLatin1String("unchanged");
            diff.changed += item.kind == QLatin1String("changed");
        }
        list(imported, now, std::move(item));
    }
    for (const RateNode *was : leavesBelow(current, nodeId)) {
        if (paired.contains(was->id))
            continue; // priced in the import too (a price that became a split is removed here)
        DiffItem item;
        item.kind = QStringLiteral("removed");
        item.before = current.priceText(was->id);
        ++diff.removed;
        list(current, was, std::move(item));
    }
    return diff;
}

} // namespace backoffice::server::rateimport
