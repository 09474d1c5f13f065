#include "RateTreeStore.h"

#include "Amount.h"
#include "RateTree.h"
#include "StorageError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSet>
#include <QSqlQuery>

namespace backoffice::server {

namespace {

QVariant textOrNull(const QJsonValue &value)
{
    return value.isString() && !value.toString().isEmpty() ? QVariant(value.toString()) : QVariant(QMetaType::fromType<QString>());
}

} // namespace

RateTreeStore::RateTreeStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QJsonArray RateTreeStore::load(qint64 scopeId) const
{
    QJsonArray nodes;
    for (const rating::RateNode &node : loadNodes(scopeId))
        nodes.append(rating::RateTree::nodeToJson(node));
    return nodes;
}

namespace {

const QString nodeColumns = QStringLiteral(
    "id, parent_id, position, match, price_type, dimension, price, scale, billing_rule, quantity_rule");

rating::RateNode nodeFrom(const QSqlQuery &q)
{
    rating::RateNode node;
    node.id = q.value(0).toLongLong();
    if (!q.value(1).isNull())
        node.parentId = q.value(1).toLongLong();
    node.position = q.value(2).toInt();
    node.match = q.value(3).toString();
    node.priceType = rating::priceTypeFromKey(q.value(4).toString()).value_or(rating::PriceType::Blocked);
    if (!q.value(5).isNull())
        node.dimension = rating::dimensionFromKey(q.value(5).toString());
    if (!q.value(6).isNull())
        node.price = Amount::fromMicros(q.value(6).toLongLong());
    if (!q.value(7).isNull())
        node.scale = rating::RateTree::scaleFromJson(QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object());
    node.billingRule = rating::billingRuleFromKey(q.value(8).toString()).value_or(rating::BillingRule::Inherit);
    node.quantityRule = rating::quantityRuleFromKey(q.value(9).toString()).value_or(rating::QuantityRule::Inherit);
    return node;
}

} // namespace

QList<rating::RateNode> RateTreeStore::loadNodes(qint64 scopeId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM rate_nodes WHERE scope_id = ? ORDER BY id").arg(nodeColumns));
    q.addBindValue(scopeId);
    execOrThrow(q, "load rate tree");
    QList<rating::RateNode> nodes;
    while (q.next())
        nodes.append(nodeFrom(q));
    return nodes;
}

QList<rating::RateNode> RateTreeStore::loadPath(qint64 scopeId, qint64 nodeId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM rate_nodes WHERE id = ? AND scope_id = ?").arg(nodeColumns));
    QList<rating::RateNode> path;
    std::optional<qint64> next = nodeId;
    // Bounded like the tree's depth, so a corrupt parent loop cannot spin.
    while (next && path.size() <= rating::RateTree::MaxDepth) {
        q.bindValue(0, *next);
        q.bindValue(1, scopeId);
        execOrThrow(q, "load rate node");
        if (!q.next())
            return {};
        path.prepend(nodeFrom(q));
        next = path.first().parentId;
    }
    return path;
}

qint64 RateTreeStore::count(qint64 scopeId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM rate_nodes WHERE scope_id = ?"));
    q.addBindValue(scopeId);
    execOrThrow(q, "count rate nodes");
    return q.next() ? q.value(0).toLongLong() : 0;
}

namespace {

// One row of rate_nodes; the two replace() forms differ only in where the values come from.
struct NodeRow {
    qint64 id = 0;
    std::optional<qint64> parentId;
    int position = 0;
    QString match;
    QString priceType;
    QVariant dimension;
    QVariant price; // micro-units
    QVariant scale; // JSON text
    QVariant billingRule;
    QVariant quantityRule;
};

// Inserts rows many to a statement, under ids given here (the next free ones, so no row waits for
// its lastInsertId): one statement per row cost more than SQLite's own work in a 100,000-node
// import. Parents must come before their children; call finish() at the end.
class BatchInsert
{
public:
    BatchInsert(QSqlDatabase db, qint64 scopeId) : m_db(std::move(db)), m_scopeId(scopeId)
    {
        QSqlQuery max(m_db);
        max.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM rate_nodes"));
        execOrThrow(max, "next rate node id");
        m_next = max.next() ? max.value(0).toLongLong() + 1 : 1;
    }

    // stored maps incoming ids to stored ones; a parent missing from it keeps its own id.
    void add(const NodeRow &row, QHash<qint64, qint64> &stored)
    {
        const qint64 id = m_next++;
        stored.insert(row.id, id);
        m_rows.append(row);
        m_ids.append(id);
        m_parents.append(row.parentId ? QVariant(stored.value(*row.parentId, *row.parentId)) : QVariant(QMetaType::fromType<qint64>()));
        if (m_rows.size() == RowsPerStatement)
            flush();
    }

    void finish() { flush(); }

private:
    static constexpr int RowsPerStatement = 50; // 550 parameters, far below SQLite's limit

    static QString sql(qsizetype rows)
    {
        QString text = QStringLiteral("INSERT INTO rate_nodes (id, scope_id, parent_id, position, match, price_type, dimension,"
                                      " price, scale, billing_rule, quantity_rule) VALUES ");
        for (qsizetype i = 0; i < rows; ++i)
            text += i == 0 ? QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?)") : QStringLiteral(",(?,?,?,?,?,?,?,?,?,?,?)");
        return text;
    }

    void flush()
    {
        if (m_rows.isEmpty())
            return;
        QSqlQuery &insert = m_rows.size() == RowsPerStatement ? fullStatement() : m_partial;
        if (m_rows.size() != RowsPerStatement)
            insert.prepare(sql(m_rows.size()));
        int p = 0;
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            const NodeRow &row = m_rows[i];
            insert.bindValue(p++, m_ids[i]);
            insert.bindValue(p++, m_scopeId);
            insert.bindValue(p++, m_parents[i]);
            insert.bindValue(p++, row.position);
            insert.bindValue(p++, row.match);
            insert.bindValue(p++, row.priceType);
            insert.bindValue(p++, row.dimension);
            insert.bindValue(p++, row.price);
            insert.bindValue(p++, row.scale);
            insert.bindValue(p++, row.billingRule);
            insert.bindValue(p++, row.quantityRule);
        }
        execOrThrow(insert, "store rate nodes");
        m_rows.clear();
        m_ids.clear();
        m_parents.clear();
    }

    QSqlQuery &fullStatement()
    {
        if (!m_fullPrepared) {
            m_full.prepare(sql(RowsPerStatement));
            m_fullPrepared = true;
        }
        return m_full;
    }

    QSqlDatabase m_db;
    qint64 m_scopeId;
    qint64 m_next = 1;
    QList<NodeRow> m_rows;
    QList<qint64> m_ids;
    QList<QVariant> m_parents;
    QSqlQuery m_full {m_db};
    QSqlQuery m_partial {m_db};
    bool m_fullPrepared = false;
};

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

} // namespace

void RateTreeStore::clear(qint64 scopeId)
{
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM rate_nodes WHERE scope_id = ?"));
    clear.addBindValue(scopeId);
    execOrThrow(clear, "clear rate tree");
}

QHash<qint64, qint64> RateTreeStore::replace(qint64 scopeId, const QJsonArray &nodes)
{
    clear(scopeId);
    QHash<qint64, qint64> stored;
    BatchInsert insert(m_db, scopeId);
    for (const QJsonValue &value : nodes) {
        const QJsonObject node = value.toObject();
        const QJsonValue parent = node.value(QLatin1String("parentId"));
        NodeRow row;
        row.id = node.value(QLatin1String("id")).toInteger();
        if (!parent.isNull() && !parent.isUndefined())
            row.parentId = parent.toInteger();
        row.position = node.value(QLatin1String("position")).toInt();
        row.match = node.value(QLatin1String("match")).toString();
        row.priceType = node.value(QLatin1String("priceType")).toString();
        row.dimension = textOrNull(node.value(QLatin1String("dimension")));
        const auto price = Amount::parse(node.value(QLatin1String("price")).toString());
        row.price = price ? QVariant(price->micros()) : QVariant(QMetaType::fromType<qint64>());
        const QJsonValue scale = node.value(QLatin1String("scale"));
        row.scale = scale.isObject() ? QVariant(QString::fromUtf8(QJsonDocument(scale.toObject()).toJson(QJsonDocument::Compact)))
                                     : nullText();
        row.billingRule = textOrNull(node.value(QLatin1String("billingRule")));
        row.quantityRule = textOrNull(node.value(QLatin1String("quantityRule")));
        insert.add(row, stored);
    }
    insert.finish();
    return stored;
}

NodeRow rowOf(const rating::RateNode &node)
{
    NodeRow row;
    row.id = node.id;
    row.parentId = node.parentId;
    row.position = node.position;
    row.match = node.match;
    row.priceType = rating::priceTypeKey(node.priceType);
    row.dimension = node.dimension ? QVariant(rating::dimensionKey(*node.dimension)) : nullText();
    row.price = node.price ? QVariant(node.price->micros()) : QVariant(QMetaType::fromType<qint64>());
    // The scale's JSON form is the tree codec's, so both replace() forms store the same text.
    row.scale = node.scale ? QVariant(QString::fromUtf8(
                                 QJsonDocument(rating::RateTree::nodeToJson(node).value(QLatin1String("scale")).toObject())
                                     .toJson(QJsonDocument::Compact)))
                           : nullText();
    const QString billing = rating::billingRuleKey(node.billingRule);
    row.billingRule = billing.isEmpty() ? nullText() : QVariant(billing);
    const QString quantity = rating::quantityRuleKey(node.quantityRule);
    row.quantityRule = quantity.isEmpty() ? nullText() : QVariant(quantity);
    return row;
}

QHash<qint64, qint64> RateTreeStore::replace(qint64 scopeId, const QList<rating::RateNode> &nodes)
{
    clear(scopeId);
    QHash<qint64, qint64> stored;
    stored.reserve(nodes.size());
    BatchInsert insert(m_db, scopeId);
    for (const rating::RateNode &node : nodes)
        insert.add(rowOf(node), stored);
    insert.finish();
    return stored;
}

QHash<qint64, qint64> RateTreeStore::syncBranch(qint64 scopeId, const QList<rating::RateNode> &before,
                                                const QList<rating::RateNode> &after)
{
    QHash<qint64, const rating::RateNode *> old;
    old.reserve(before.size());
    for (const rating::RateNode &node : before)
        old.insert(node.id, &node);
    QSet<qint64> kept;
    for (const rating::RateNode &node : after)
        if (old.contains(node.id))
            kept.insert(node.id);

    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM rate_nodes WHERE id = ? AND scope_id = ?"));
    for (const rating::RateNode &node : before) {
        // Removing the top of a dropped branch takes its descendants (ON DELETE CASCADE).
        if (kept.contains(node.id) || (node.parentId && !kept.contains(*node.parentId) && old.contains(*node.parentId)))
            continue;
        remove.bindValue(0, node.id);
        remove.bindValue(1, scopeId);
        execOrThrow(remove, "remove rate node");
    }

    QHash<qint64, qint64> stored;
    stored.reserve(after.size());
    BatchInsert insert(m_db, scopeId);
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE rate_nodes SET parent_id = ?, position = ?, match = ?, price_type = ?, dimension = ?,"
                                  " price = ?, scale = ?, billing_rule = ?, quantity_rule = ? WHERE id = ? AND scope_id = ?"));
    for (const rating::RateNode &node : after) {
        if (!kept.contains(node.id)) {
            insert.add(rowOf(node), stored); // a parent outside the branch keeps its id
            continue;
        }
        stored.insert(node.id, node.id);
        if (*old.value(node.id) == node)
            continue;
        const NodeRow row = rowOf(node);
        update.bindValue(0, row.parentId ? QVariant(stored.value(*row.parentId, *row.parentId)) : QVariant(QMetaType::fromType<qint64>()));
        update.bindValue(1, row.position);
        update.bindValue(2, row.match);
        update.bindValue(3, row.priceType);
        update.bindValue(4, row.dimension);
        update.bindValue(5, row.price);
        update.bindValue(6, row.scale);
        update.bindValue(7, row.billingRule);
        update.bindValue(8, row.quantityRule);
        update.bindValue(9, node.id);
        update.bindValue(10, scopeId);
        execOrThrow(update, "update rate node");
    }
    insert.finish();
    return stored;
}

void RateTreeStore::copy(qint64 fromScopeId, qint64 toScopeId)
{
    replace(toScopeId, load(fromScopeId));
}

} // namespace backoffice::server
