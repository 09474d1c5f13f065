#include "ImportMerge.h"

#include <QHash>
#include <algorithm>

namespace backoffice::server::rateimport {

using rating::PriceType;
using rating::RateNode;
using rating::RateTree;

namespace {

class Merger
{
public:
    Merger(const RateTree &current, const QList<RateNode> &imported) : m_current(current), m_imported(imported)
    {
        for (int i = 0; i < imported.size(); ++i) {
            if (imported[i].parentId)
                m_importedChildren[*imported[i].parentId].append(i);
        }
    }

    QList<RateNode> run(qint64 nodeId)
    {
        const RateNode *existing = m_current.node(nodeId);
        RateNode top = m_imported.first();
        if (existing) {
            // The node keeps what it was, apart from the dimension the import gives it.
            top = *existing;
            top.priceType = PriceType::Depends;
            top.dimension = m_imported.first().dimension;
            top.price.reset();
            top.scale.reset();
        }
        append(top);
        mergeChildren(nodeId, m_imported.first().id, nodeId);
        return m_result;
    }

private:
    void mergeChildren(std::optional<qint64> existingParent, qint64 importedParent, qint64 resultParent)
    {
        QHash<QString, int> importedByMatch;
        for (int index : m_importedChildren.value(importedParent))
            importedByMatch.insert(m_imported[index].match, index);
        QList<qint64> children; // result ids in order
        if (existingParent) {
            for (const RateNode *old : m_current.children(*existingParent)) {
                const auto match = importedByMatch.constFind(old->match);
                if (match == importedByMatch.cend()) {
                    children.append(copyExisting(*old, resultParent));
                    continue;
                }
                const RateNode &incoming = m_imported[*match];
                importedByMatch.remove(old->match);
                const bool sameSplit = old->priceType == PriceType::Depends && incoming.priceType == PriceType::Depends
                    && old->dimension == incoming.dimension;
                if (sameSplit) {
                    RateNode kept = *old;
                    kept.parentId = resultParent;
                    append(kept);
                    children.append(kept.id);
                    mergeChildren(old->id, incoming.id, kept.id);
                } else {
                    children.append(copyImported(incoming, resultParent));
                }
            }
        }
        for (int index : m_importedChildren.value(importedParent))
            if (importedByMatch.contains(m_imported[index].match))
                children.append(copyImported(m_imported[index], resultParent));
        // Others stays last, as the constructor shows it.
        std::stable_partition(children.begin(), children.end(), [this](qint64 id) { return !nodeById(id).isOthers(); });
        for (int position = 0; position < children.size(); ++position)
            nodeById(children[position]).position = position;
    }

    qint64 copyExisting(const RateNode &node, qint64 parent)
    {
        RateNode copy = node;
        copy.parentId = parent;
        append(copy);
        for (const RateNode *child : m_current.children(node.id))
            copyExisting(*child, node.id);
        return copy.id;
    }

    qint64 copyImported(const RateNode &node, qint64 parent)
    {
        RateNode copy = node;
        copy.parentId = parent;
        append(copy);
        for (int index : m_importedChildren.value(node.id))
            copyImported(m_imported[index], node.id);
        return copy.id;
    }

    void append(const RateNode &node)
    {
        m_resultIndex.insert(node.id, m_result.size());
        m_result.append(node);
    }

    RateNode &nodeById(qint64 id) { return m_result[m_resultIndex.value(id)]; }

    const RateTree &m_current;
    const QList<RateNode> &m_imported;
    QHash<qint64, QList<int>> m_importedChildren;
    QList<RateNode> m_result;
    QHash<qint64, qsizetype> m_resultIndex; // id -> index in m_result
};

} // namespace

QList<RateNode> mergeIntoTree(const RateTree &current, qint64 nodeId, const QList<RateNode> &imported)
{
    if (imported.isEmpty())
        return {};
    return Merger(current, imported).run(nodeId);
}

void reuseNodeIds(const RateTree &current, qint64 nodeId, QList<RateNode> &branch)
{
    // Parents come before children in the branch, so a node's parent is mapped before the node.
    QHash<qint64, qint64> mapped {{nodeId, nodeId}};
    QHash<qint64, QHash<QString, qint64>> childrenByMatch; // existing parent -> match -> child id
    for (RateNode &node : branch) {
        if (node.id == nodeId || !node.parentId)
            continue;
        const auto parent = mapped.constFind(*node.parentId);
        const qint64 newParent = parent == mapped.cend() ? *node.parentId : *parent;
        node.parentId = newParent;
        if (parent == mapped.cend() || newParent < 0) {
            mapped.insert(node.id, node.id);
            continue;
        }
        auto children = childrenByMatch.find(newParent);
        if (children == childrenByMatch.end()) {
            children = childrenByMatch.insert(newParent, {});
            for (const RateNode *old : current.children(newParent))
                children->insert(old->match, old->id);
        }
        const qint64 reused = children->value(node.match, node.id);
        mapped.insert(node.id, reused);
        node.id = reused;
    }
}

} // namespace backoffice::server::rateimport
