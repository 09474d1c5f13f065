#pragma once

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>

namespace backoffice::rating {
struct RateNode;
}

namespace backoffice::server {

// The rows of a scope's rate tree. Nodes go in and out as JSON objects in the API form
// (id, parentId, position, match, priceType, dimension, price, scale, billingRule, quantityRule).
class RateTreeStore final
{
public:
    explicit RateTreeStore(QSqlDatabase db);

    QJsonArray load(qint64 scopeId) const;
    // The same rows as nodes, without the JSON hop (a 100,000-node tree loads in a fraction of the
    // time). Rows that do not read (unknown keys written by hand) come back as they can: an unknown
    // price type as "blocked", so such a node never prices traffic.
    QList<rating::RateNode> loadNodes(qint64 scopeId) const;
    // A node of the scope and its ancestors, root first; empty when the scope has no such node.
    QList<rating::RateNode> loadPath(qint64 scopeId, qint64 nodeId) const;
    qint64 count(qint64 scopeId) const;
    // Replaces the whole tree of a scope. Incoming ids may be the client's own (e.g. negative for
    // new nodes); parents must come before children. Returns old id -> stored id.
    QHash<qint64, qint64> replace(qint64 scopeId, const QJsonArray &nodes);
    // The same for nodes already read and checked (the rate import builds them), without a JSON hop.
    QHash<qint64, qint64> replace(qint64 scopeId, const QList<rating::RateNode> &nodes);
    // Replaces one branch (a node and its descendants, parents first) and nothing else: nodes of
    // `after` whose id is in `before` are kept and updated only if they differ, the others are
    // inserted (new ids), nodes of `before` missing from `after` are deleted. The rest of the tree
    // keeps its ids. Returns id in `after` -> stored id.
    QHash<qint64, qint64> syncBranch(qint64 scopeId, const QList<rating::RateNode> &before,
                                     const QList<rating::RateNode> &after);
    void copy(qint64 fromScopeId, qint64 toScopeId);

private:
    void clear(qint64 scopeId);

    QSqlDatabase m_db;
};

} // namespace backoffice::server
