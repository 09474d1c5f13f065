#include "ImportTreeDiff.h"

#include "DimensionDictionary.h"

#include <QMap>

namespace backoffice::server::rateimport {

using rating::PriceType;
using rating::RateNode;
using rating::RateTree;

namespace {

struct Leaf {
    const RateTree *tree = nullptr;
    const RateNode *node = nullptr;
    QStringList labels;
};

// Priced leaves below nodeId, keyed by their joined path; labels name each level in its dictionary.
QMap<QString, Leaf> leavesBelow(const RateTree &tree, qint64 nodeId, QHash<QString, QStringList> &paths)
{
    QMap<QString, Leaf> leaves;
    struct Step {
        const RateNode *node;
        QStringList path;
        QStringList labels;
    };
    QList<Step> pending;
    const RateNode *top = tree.node(nodeId);
    if (!top)
        return leaves;
    pending.append({top, {}, {}});
    while (!pending.isEmpty()) {
        const Step step = pending.takeLast();
        const QList<const RateNode *> children = tree.children(step.node->id);
        if (step.node->priceType != PriceType::Depends) {
            const QString key = step.path.join(QChar(0x1f));
            leaves.insert(key, {&tree, step.node, step.labels});
            paths.insert(key, step.path);
            continue;
        }
        const auto dimension = step.node->dimension.value_or(rating::Dimension::Resource);
        for (const RateNode *child : children) {
            Step next {child, step.path, step.labels};
            next.path.append(child->match);
            next.labels.append(DimensionDictionary::of(dimension).labelOf(child->match));
            pending.append(next);
        }
    }
    return leaves;
}

QString kindOf(const Leaf &before, const Leaf &after)
{
    const RateNode &a = *before.node;
    const RateNode &b = *after.node;
    const bool sameRules = before.tree->effectiveBillingRule(a.id) == after.tree->effectiveBillingRule(b.id)
        && before.tree->effectiveQuantityRule(a.id) == after.tree->effectiveQuantityRule(b.id);
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
    QHash<QString, QStringList> paths;
    const QMap<QString, Leaf> before = leavesBelow(current, nodeId, paths);
    const QMap<QString, Leaf> after = leavesBelow(imported, nodeId, paths);
    QStringList keys = before.keys();
    for (const QString &key : after.keys())
        if (!before.contains(key))
            keys.append(key);
    std::sort(keys.begin(), keys.end());

    ImportDiff diff;
    for (const QString &key : std::as_const(keys)) {
        const auto was = before.constFind(key);
        const auto now = after.constFind(key);
        DiffItem item;
        item.path = paths.value(key);
        if (was == before.cend()) {
            item.kind = QStringLiteral("new");
            item.labels = now->labels;
            item.after = imported.priceText(now->node->id);
            ++diff.added;
        } else if (now == after.cend()) {
            item.kind = QStringLiteral("removed");
            item.labels = was->labels;
            item.before = current.priceText(was->node->id);
            ++diff.removed;
        } else {
            item.kind = kindOf(*was, *now);
            item.labels = now->labels;
            item.before = current.priceText(was->node->id);
            item.after = imported.priceText(now->node->id);
            diff.up += item.kind == QLatin1String("up");
            diff.down += item.kind == QLatin1String("down");
            diff.unchanged += item.kind == QLatin1String("unchanged");
            diff.changed += item.kind == QLatin1String("changed");
        }
        if (diff.items.size() < ImportDiff::ItemLimit)
            diff.items.append(item);
        else
            diff.truncated = true;
    }
    return diff;
}

} // namespace backoffice::server::rateimport
