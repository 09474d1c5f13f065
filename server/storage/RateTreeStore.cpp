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

QList<rating::RateNode> RateTreeStore::loadNodes(qint64 scopeId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, parent_id, position, match, price_type, dimension, price, scale, billing_rule,"
                             " quantity_rule FROM rate_nodes WHERE scope_id = ? ORDER BY id"));
    q.addBindValue(scopeId);
    execOrThrow(q, "load rate tree");
    QList<rating::RateNode> nodes;
    while (q.next()) {
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
        nodes.append(std::move(node));
    }
    return nodes;
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

const QString insertNodeSql = QStringLiteral(
    "INSERT INTO rate_nodes (scope_id, parent_id, position, match, price_type, dimension, price, scale, billing_rule,"
    " quantity_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

void insertRow(QSqlQuery &insert, qint64 scopeId, const NodeRow &row, QHash<qint64, qint64> &stored)
{
    insert.bindValue(0, scopeId);
    insert.bindValue(1, row.parentId ? QVariant(stored.value(*row.parentId)) : QVariant(QMetaType::fromType<qint64>()));
    insert.bindValue(2, row.position);
    insert.bindValue(3, row.match);
    insert.bindValue(4, row.priceType);
    insert.bindValue(5, row.dimension);
    insert.bindValue(6, row.price);
    insert.bindValue(7, row.scale);
    insert.bindValue(8, row.billingRule);
    insert.bindValue(9, row.quantityRule);
    execOrThrow(insert, "store rate node");
    stored.insert(row.id, insert.lastInsertId().toLongLong());
}

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
    QSqlQuery insert(m_db);
    insert.prepare(insertNodeSql);
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
        insertRow(insert, scopeId, row, stored);
    }
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
    QSqlQuery insert(m_db);
    insert.prepare(insertNodeSql);
    for (const rating::RateNode &node : nodes)
        insertRow(insert, scopeId, rowOf(node), stored);
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
    QSqlQuery insert(m_db);
    insert.prepare(insertNodeSql);
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE rate_nodes SET parent_id = ?, position = ?, match = ?, price_type = ?, dimension = ?,"
                                  " price = ?, scale = ?, billing_rule = ?, quantity_rule = ? WHERE id = ? AND scope_id = ?"));
    for (const rating::RateNode &node : after) {
        if (!kept.contains(node.id)) {
            NodeRow row = rowOf(node);
            if (row.parentId && !stored.contains(*row.parentId))
                stored.insert(*row.parentId, *row.parentId); // a parent outside the branch keeps its id
            insertRow(insert, scopeId, row, stored);
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
    return stored;
}

void RateTreeStore::copy(qint64 fromScopeId, qint64 toScopeId)
{
    replace(toScopeId, load(fromScopeId));
}

} // namespace backoffice::server
