#include "RateTreeStore.h"

#include "Amount.h"
#include "StorageError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace backoffice::server {

namespace {

QVariant textOrNull(const QJsonValue &value)
{
    return value.isString() && !value.toString().isEmpty() ? QVariant(value.toString()) : QVariant(QMetaType::fromType<QString>());
}

QJsonValue nullable(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value.toString());
}

} // namespace

RateTreeStore::RateTreeStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QJsonArray RateTreeStore::load(qint64 scopeId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Ordered by id within the scope: a parent is always stored before its children.
    q.prepare(QStringLiteral("SELECT id, parent_id, position, match, price_type, dimension, price, scale, billing_rule,"
                             " quantity_rule FROM rate_nodes WHERE scope_id = ? ORDER BY id"));
    q.addBindValue(scopeId);
    execOrThrow(q, "load rate tree");
    QJsonArray nodes;
    while (q.next()) {
        QJsonObject node{{QStringLiteral("id"), q.value(0).toLongLong()},
                         {QStringLiteral("parentId"), q.value(1).isNull() ? QJsonValue() : QJsonValue(q.value(1).toLongLong())},
                         {QStringLiteral("position"), q.value(2).toInt()},
                         {QStringLiteral("match"), q.value(3).toString()},
                         {QStringLiteral("priceType"), q.value(4).toString()},
                         {QStringLiteral("dimension"), nullable(q.value(5))},
                         {QStringLiteral("price"), q.value(6).isNull() ? QJsonValue()
                                                                       : QJsonValue(Amount::fromMicros(q.value(6).toLongLong()).toString())},
                         {QStringLiteral("scale"), q.value(7).isNull() ? QJsonValue()
                                                                       : QJsonValue(QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object())},
                         {QStringLiteral("billingRule"), nullable(q.value(8))},
                         {QStringLiteral("quantityRule"), nullable(q.value(9))}};
        nodes.append(node);
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

QHash<qint64, qint64> RateTreeStore::replace(qint64 scopeId, const QJsonArray &nodes)
{
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM rate_nodes WHERE scope_id = ?"));
    clear.addBindValue(scopeId);
    execOrThrow(clear, "clear rate tree");

    QHash<qint64, qint64> stored;
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO rate_nodes (scope_id, parent_id, position, match, price_type, dimension, price,"
                                  " scale, billing_rule, quantity_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QJsonValue &value : nodes) {
        const QJsonObject node = value.toObject();
        const QJsonValue parent = node.value(QLatin1String("parentId"));
        insert.addBindValue(scopeId);
        insert.addBindValue(parent.isNull() || parent.isUndefined() ? QVariant(QMetaType::fromType<qint64>())
                                                                    : QVariant(stored.value(parent.toInteger())));
        insert.addBindValue(node.value(QLatin1String("position")).toInt());
        insert.addBindValue(node.value(QLatin1String("match")).toString());
        insert.addBindValue(node.value(QLatin1String("priceType")).toString());
        insert.addBindValue(textOrNull(node.value(QLatin1String("dimension"))));
        const auto price = Amount::parse(node.value(QLatin1String("price")).toString());
        insert.addBindValue(price ? QVariant(price->micros()) : QVariant(QMetaType::fromType<qint64>()));
        const QJsonValue scale = node.value(QLatin1String("scale"));
        insert.addBindValue(scale.isObject() ? QVariant(QString::fromUtf8(QJsonDocument(scale.toObject()).toJson(QJsonDocument::Compact)))
                                             : QVariant(QMetaType::fromType<QString>()));
        insert.addBindValue(textOrNull(node.value(QLatin1String("billingRule"))));
        insert.addBindValue(textOrNull(node.value(QLatin1String("quantityRule"))));
        execOrThrow(insert, "store rate node");
        stored.insert(node.value(QLatin1String("id")).toInteger(), insert.lastInsertId().toLongLong());
    }
    return stored;
}

void RateTreeStore::copy(qint64 fromScopeId, qint64 toScopeId)
{
    replace(toScopeId, load(fromScopeId));
}

} // namespace backoffice::server
