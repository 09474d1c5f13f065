#pragma once

#include "RatingCatalogue.h"
#include "RatingTypes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace backoffice::rating {

// Something wrong with one node. A critical problem ("missing critical data") makes the node
// unusable: traffic reaching it is not rated. Others are advice for the editor.
struct RateProblem {
    qint64 nodeId = 0;
    QString field; // JSON field the problem is about ("price", "scale.bands", "match"…)
    QString message;
    bool critical = true;
};

// A scope's rate tree: a forest whose roots are service domains (depends on resource), then the
// domain's resources, then whatever attributes the prices depend on. Plain data plus the lookups
// the editor and the rating index need; nothing here touches storage.
class RateTree final
{
public:
    // Deepest tree accepted: domain, resource and up to 30 attribute levels. Bounds the quote path.
    static constexpr int MaxDepth = 32;

    RateTree() = default;
    // Takes the nodes in any order; parents need not come first.
    explicit RateTree(QList<RateNode> nodes);

    // The API / storage form: an array of node objects. Refuses malformed input (wrong types,
    // unknown enum names, a price that is not a decimal string, duplicate ids, a parent that is
    // not in the array) with a message naming the node; incomplete nodes (a flat rate with no price
    // yet) are accepted and reported by validate().
    static std::optional<RateTree> fromJson(const QJsonArray &array, QString *error = nullptr);
    QJsonArray toJson() const;
    static QJsonObject nodeToJson(const RateNode &node);
    // A scale in its JSON form ({mode, counterGroup, bands}), as fromJson reads it; for storage,
    // which keeps scales as JSON text next to plain columns.
    static std::optional<Scale> scaleFromJson(const QJsonValue &value, QString *error = nullptr);

    const QList<RateNode> &nodes() const { return m_nodes; }
    const RateNode *node(qint64 id) const;
    const RateNode *parent(qint64 id) const;
    // Children of a node (roots for nullopt), ordered by position then id.
    QList<const RateNode *> children(std::optional<qint64> parentId) const;
    // Root first, the node last. Empty for an unknown id.
    QList<const RateNode *> pathTo(qint64 id) const;

    // The service domain and the resource the node belongs to (empty above that level).
    QString domainKeyOf(qint64 id) const;
    QString resourceKeyOf(qint64 id) const;

    QList<RateProblem> validate() const;
    // Ids of nodes with a critical problem.
    static QSet<qint64> unusableNodeIds(const QList<RateProblem> &problems);

    // The rule that applies at a node: its own, else the nearest ancestor's, else the default
    // (billing: submitted; quantity: segments for message resources, full period for fees).
    BillingRule effectiveBillingRule(qint64 id) const;
    QuantityRule effectiveQuantityRule(qint64 id) const;
    bool isBillingRuleInherited(qint64 id) const;
    bool isQuantityRuleInherited(qint64 id) const;
    // "Submitted" when the node sets it, "Default (Submitted)" when inherited.
    QString billingRuleText(qint64 id) const;
    QString quantityRuleText(qint64 id) const;

    // What the node stands for: "SMS messaging", "SMS message", "A2P (MT)", "Others", "ES".
    QString nodeLabel(qint64 id) const;
    // Short form used in explain traces: the domain's short label at the root.
    QString traceLabel(qint64 id) const;
    // The price column: "by Country", "Flat rate: 0.04", "Tier: 0.005 (1000), 0.004 (∞)", "Free".
    QString priceText(qint64 id) const;

private:
    void rebuildLookups();
    int indexOf(qint64 id) const { return m_indexById.value(id, -1); }

    QList<RateNode> m_nodes;
    QHash<qint64, int> m_indexById;
    QHash<qint64, QList<int>> m_childrenById; // parent id -> child indexes, sorted
    QList<int> m_roots;
};

} // namespace backoffice::rating
