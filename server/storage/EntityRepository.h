#pragma once

#include "ListQuery.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <functional>
#include <optional>

namespace backoffice {
struct EntityDescriptor;
struct FieldDescriptor;
}

namespace backoffice::server {

struct EntityTable;

struct ReferenceCount {
    QString entity;   // the collection that refers ("agreements")
    QString field;    // through which field ("legalEntityId")
    qint64 count = 0;
};

struct ListPage {
    QJsonArray items;
    qint64 total = 0;
};

// Generic storage of catalogue entities: records go in and out as JSON objects keyed by field name
// in API form (money as decimal strings, booleans as bools, lists as arrays). The only place that
// turns entity descriptors into SQL.
class EntityRepository final
{
public:
    EntityRepository(QSqlDatabase db, const EntityDescriptor &entity);

    ListPage list(const ListQuery &query, const QDateTime &nowUtc) const;
    // Streams every row matching the query (ignores offset/limit) in pages, for exports.
    void forEach(const ListQuery &query, const QDateTime &nowUtc,
                 const std::function<void(const QJsonObject &)> &visit) const;
    std::optional<QJsonObject> get(qint64 id, const QDateTime &nowUtc) const;
    bool exists(qint64 id) const;

    qint64 insert(const QJsonObject &values);
    void update(qint64 id, const QJsonObject &changes);
    void remove(qint64 id);

    // Who refers to record id (other than the audit log and rows owned by it that go with it).
    QList<ReferenceCount> referencesTo(qint64 id) const;
    // Ids of rows of this entity whose cascadeParentField is parentId (agreement versions of an agreement).
    QList<qint64> childIds(const QString &parentField, qint64 parentId) const;
    std::optional<qint64> owningCompany(qint64 id) const;

    const EntityDescriptor &entity() const { return m_entity; }

    // Drops the cached unfiltered total of a table (after writes that bypass repositories).
    static void forgetTotal(const QSqlDatabase &db, const QString &table);

private:
    struct Statement;
    qint64 count(const ListQuery &query, const QDateTime &nowUtc) const;
    QJsonArray page(const ListQuery &query, const QDateTime &nowUtc) const;
    QJsonArray rowsById(const QList<qint64> &ids, const QDateTime &nowUtc) const;
    Statement rowsStatement(const QString &condition) const;
    void appendWhere(const ListQuery &query, QString &sql, QVariantList &binds) const;
    QString orderClause(const ListQuery &query) const;
    bool needsJoin(const ListQuery &query, bool withSort) const;
    QString fieldExpression(const QString &fieldOrLabel) const;
    QString labelExpression(const QString &referenceField) const;
    QString labelMatch(const FieldDescriptor &reference) const;
    const FieldDescriptor *labelOwner(const QString &labelKey) const;
    QJsonObject readRow(const class QSqlRecord &record) const;
    void attachLinks(QJsonArray &items) const;
    void writeLinks(qint64 id, const QJsonObject &values);

    QSqlDatabase m_db;
    const EntityDescriptor &m_entity;
    const EntityTable &m_table;
};

} // namespace backoffice::server
