#pragma once

#include "RateTree.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QSet>

class QUndoStack;

namespace backoffice::views {

// The rate tree of one scope as the constructor edits it (reference §7.3.1): columns Resources ·
// Price type · Price · Billing rule · Quantity rule. Nodes are kept by id with their children
// lists, so index(), parent() and rowCount() are O(1) hash lookups and a 100,000-node tree costs
// the view only the rows it shows. Edits never reset the model: every change goes through a
// command on the undo stack, which calls the primitive operations below and emits the precise
// row signals (guide §8, Tiled).
class RateTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { ResourceColumn, PriceTypeColumn, PriceColumn, BillingColumn, QuantityColumn, ColumnCount };
    enum Role { NodeIdRole = Qt::UserRole + 1, ProblemRole, MatchRole };

    explicit RateTreeModel(QObject *parent = nullptr);

    // Replaces the whole tree (loading a scope): the only reset. Clears the undo stack.
    void setNodes(const QList<rating::RateNode> &nodes);
    bool loadJson(const QJsonArray &nodes, QString *error);
    // The tree in the API form, positions renumbered from the current order.
    QJsonArray toJson() const;
    int nodeCount() const { return int(m_entries.size()); }

    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    QUndoStack *undoStack() const { return m_undo; }
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }

    const rating::RateNode *node(qint64 id) const;
    qint64 nodeId(const QModelIndex &index) const;
    QModelIndex indexOf(qint64 id, int column = 0) const;
    std::optional<qint64> parentOf(qint64 id) const;
    QList<qint64> childrenOf(std::optional<qint64> parentId) const;
    // What the node stands for ("SMS messaging", "A2P (MT)", "Others", "ES").
    QString label(qint64 id) const;
    // Missing critical data, empty when the node can rate traffic.
    QString problem(qint64 id) const;
    int problemCount() const;

    // Values a new child of parentId may take: the domain list at the root, the domain's resources
    // under a domain, else the known values of the parent's dimension; then Others ("*").
    // Values already taken by a sibling are left out.
    QList<QPair<QString, QString>> matchChoices(std::optional<qint64> parentId) const; // key, label
    // Inherited rules text: "Default (Submitted)" when the node sets none.
    QString billingText(qint64 id) const;
    QString quantityText(qint64 id) const;

    // Ids of nodes whose label or match contains text (case-insensitive), in tree order.
    QList<qint64> findNodes(const QString &text) const;
    void setHighlight(const QString &text);

    // Edits through undoable commands (what the constructor's actions call).
    qint64 addNode(std::optional<qint64> parentId, int row, const rating::RateNode &node);
    void changeNode(const rating::RateNode &node, const QString &description);
    void removeNode(qint64 id);

    // Primitive operations used by the commands; no undo of their own.
    void applyNode(const rating::RateNode &node);
    void insertSubtree(std::optional<qint64> parentId, int row, const QList<rating::RateNode> &nodes);
    QList<rating::RateNode> takeSubtree(qint64 id, int *row);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void problemsChanged(int count);

private:
    struct Entry {
        rating::RateNode node;
        QList<qint64> children;
        int row = 0;
    };

    QList<qint64> &childList(std::optional<qint64> parentId);
    const QList<qint64> &childList(std::optional<qint64> parentId) const;
    void renumber(std::optional<qint64> parentId, int from);
    void updateProblem(qint64 id);
    void emitRulesChanged(qint64 id);
    QString computeProblem(const Entry &entry) const;
    QString priceTypeText(const rating::RateNode &node) const;
    QString priceText(const rating::RateNode &node) const;
    rating::BillingRule effectiveBilling(qint64 id, bool *inherited) const;
    rating::QuantityRule effectiveQuantity(qint64 id, bool *inherited) const;
    QString domainOf(qint64 id) const;
    QString resourceOf(qint64 id) const;

    QHash<qint64, Entry> m_entries;
    QList<qint64> m_roots;
    QHash<qint64, QString> m_problems;
    QUndoStack *m_undo = nullptr;
    bool m_readOnly = false;
    qint64 m_nextNewId = -1;
    QString m_highlight;
};

} // namespace backoffice::views
