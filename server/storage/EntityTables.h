#pragma once

#include <QHash>
#include <QString>

namespace backoffice {
struct EntityDescriptor;
struct FieldDescriptor;
}

namespace backoffice::server {

// How a ReferenceList field is stored: rows of (owner id, target id) in a link table.
struct LinkTable {
    QString table;
    QString ownerColumn;
    QString targetColumn;
};

// How an entity of the catalogue maps onto tables. Row alias is always "t"; a statement may start
// with the one-row CTE clock(now) holding the current UTC time, which computed columns use.
struct EntityTable {
    QString table;
    QHash<QString, QString> columns;   // stored field -> column
    QHash<QString, QString> computed;  // read-only field -> SQL expression over t (and join aliases)
    QString join;                      // extra joins for computed fields
    QString companyExpression;         // SQL for the owning company of row t; empty: not company-owned
    QHash<QString, LinkTable> links;   // ReferenceList field -> link table
    QString cascadeParentField;        // rows deleted together with the parent (agreement versions)

    QString column(const QString &field) const { return columns.value(field); }
    bool isStored(const QString &field) const { return columns.contains(field); }
};

class EntityTables final
{
public:
    static const EntityTable &forEntity(const EntityDescriptor &entity);
    static const EntityTable &forEntity(const QString &entityName);
    static QString snakeCase(const QString &camelCase);
};

} // namespace backoffice::server
