#include "ImportTreeDiff.h"

#include "DimensionDictionary.h"

#include <QHash>
#include <algorithm>

namespace backoffice::server::rateimport {

using rating::PriceType;
using rating::RateNode;
using rating::RateTree;

namespace {

constexpr QChar Separator(0x1f);

// Priced leaves below nodeId by their path of matches joined with Separator. Labels are not made
// here: only the few thousand listed items need them, not every one of 100,000 leaves.
QHash<QString, const RateNode *> leavesBelow(const RateTree &tree, qint64 nodeId)
{
    QHash<QString, const RateNode *> leaves;
    if (!tree.node(nodeId))
        return leaves;
    struct Step {
        const RateNode *node;
        QString key;
    };
    QList<Step> pending {{tree.node(nodeId), QString()}};
    while (!pending.isEmpty()) {
        const Step step = pending.takeLast();
        if (step.node->priceType != PriceType::Depends) {
            leaves.insert(step.key, step.node);
            continue;
        }
        for (const RateNode *child : tree.children(step.node->id))
            pending.append({child, step.key.isEmpty() && step.node->id == nodeId ? child->match : step.key + Separator + child->match});
    }
    return leaves;
}

// Each level's label in the dictionary of the dimension its parent depends on.
QStringList labelsOf(const RateTree &tree, qint64 nodeId, const RateNode *leaf)
{
    QStringList labels;
    bool below = false;
    const QList<const RateNode *> path = tree.pathTo(leaf->id);
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (below) {
            const auto dimension = path[i - 1]->dimension.value_or(rating::Dimension::Resource);
            labels.append(DimensionDictionary::of(dimension).labelOf(path[i]->match));
        }
        below = below || path[i]->id == nodeId;
    }
    return labels;
}

QString kindOf(const RateTree &beforeTree, const RateNode &a, const RateTree &afterTree, const RateNode &b)
{
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

} // namespace

ImportDiff diffImport(const RateTree &current, qint64 nodeId, const RateTree &imported)
{
    const QHash<QString, const RateNode *> before = leavesBelow(current, nodeId);
    const QHash<QString, const RateNode *> after = leavesBelow(imported, nodeId);
    QStringList keys = before.keys();
    keys.reserve(before.size() + after.size());
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            keys.append(it.key());
    std::sort(keys.begin(), keys.end());

    ImportDiff diff;
    for (const QString &key : std::as_const(keys)) {
        const RateNode *was = before.value(key);
        const RateNode *now = after.value(key);
        QString kind;
        if (!was)
            kind = QStringLiteral("new");
        else if (!now)
            kind = QStringLiteral("removed");
        else
            kind = kindOf(current, *was, imported, *now);
        diff.added += !was;
        diff.removed += !now;
        diff.up += kind == QLatin1String("up");
        diff.down += kind == QLatin1String("down");
        diff.unchanged += kind == QLatin1String("unchanged");
        diff.changed += kind == QLatin1String("changed");
        if (diff.items.size() >= ImportDiff::ItemLimit) {
            diff.truncated = true;
            continue;
        }
        DiffItem item;
        item.kind = kind;
        item.path = key.split(Separator);
        item.labels = now ? labelsOf(imported, nodeId, now) : labelsOf(current, nodeId, was);
        if (was)
            item.before = current.priceText(was->id);
        if (now)
            item.after = imported.priceText(now->id);
        diff.items.append(item);
    }
    return diff;
}

} // namespace backoffice::server::rateimport
