#include "EntityRepository.h"

#include "EntityCatalogue.h"
#include "EntityTables.h"
#include "SqlValues.h"
#include "StorageError.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace backoffice::server {

namespace {

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

void execOrThrow(QSqlQuery &query, const QString &what)
{
    QElapsedTimer timer;
    timer.start();
    if (!query.exec())
        throw StorageError(what + QStringLiteral(": ") + query.lastError().text());
    qCDebug(lcStorage) << what << timer.nsecsElapsed() / 1000 << "us" << query.lastQuery();
}

bool isTextual(FieldType type)
{
    switch (type) {
    case FieldType::Text:
    case FieldType::LongText:
    case FieldType::EmailList:
    case FieldType::Country:
    case FieldType::Currency:
    case FieldType::TimeZone:
    case FieldType::Enum:
        return true;
    default:
        return false;
    }
}

QString likePattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString quoted(const QString &alias)
{
    return QLatin1Char('"') + alias + QLatin1Char('"');
}

} // namespace

struct EntityRepository::Statement {
    QString sql;
    QVariantList binds;
};

namespace {

// Totals of unfiltered lists, per database file and table: counting 300,000 rows on every page
// request costs more than the page itself. Every insert and delete through a repository drops the
// table's entry, and only this server writes its database.
QMutex totalsMutex;
QHash<QString, qint64> unfilteredTotals;

QString totalsKey(const QSqlDatabase &db, const QString &table)
{
    return db.databaseName() + QLatin1Char('|') + table;
}

} // namespace

void EntityRepository::forgetTotal(const QSqlDatabase &db, const QString &table)
{
    QMutexLocker lock(&totalsMutex);
    unfilteredTotals.remove(totalsKey(db, table));
}

EntityRepository::EntityRepository(QSqlDatabase db, const EntityDescriptor &entity)
    : m_db(std::move(db))
    , m_entity(entity)
    , m_table(EntityTables::forEntity(entity))
{
}

QString EntityRepository::labelExpression(const QString &referenceField) const
{
    const FieldDescriptor *field = m_entity.field(referenceField);
    const EntityDescriptor *target = EntityCatalogue::find(field->referenceEntity);
    const EntityTable &targetTable = EntityTables::forEntity(*target);
    const QString display = targetTable.column(target->displayField);
    return QStringLiteral("(SELECT r.%1 FROM %2 r WHERE r.id = t.%3)")
        .arg(display, targetTable.table, m_table.column(referenceField));
}

const FieldDescriptor *EntityRepository::labelOwner(const QString &labelKey) const
{
    for (const FieldDescriptor &field : m_entity.fields) {
        if (field.type == FieldType::Reference && field.referenceLabelKey() == labelKey && m_table.isStored(field.name))
            return &field;
    }
    return nullptr;
}

// Matching a reference by its label: "the company id is one of those whose name matches" runs the
// label search once, where comparing each row's looked-up label would run it per row.
QString EntityRepository::labelMatch(const FieldDescriptor &reference) const
{
    const EntityDescriptor *target = EntityCatalogue::find(reference.referenceEntity);
    const EntityTable &targetTable = EntityTables::forEntity(*target);
    return QStringLiteral("t.%1 IN (SELECT r.id FROM %2 r WHERE lower(r.%3) LIKE ? ESCAPE '\\')")
        .arg(m_table.column(reference.name), targetTable.table, targetTable.column(target->displayField));
}

QString EntityRepository::fieldExpression(const QString &fieldOrLabel) const
{
    if (m_table.isStored(fieldOrLabel))
        return QStringLiteral("t.") + m_table.column(fieldOrLabel);
    if (m_table.computed.contains(fieldOrLabel))
        return m_table.computed.value(fieldOrLabel);
    if (const FieldDescriptor *reference = labelOwner(fieldOrLabel))
        return labelExpression(reference->name);
    return {};
}

bool EntityRepository::needsJoin(const ListQuery &query, bool withSort) const
{
    for (const ListFilter &filter : query.filters) {
        if (m_table.computed.contains(filter.field))
            return true;
    }
    if (withSort) {
        for (const SortKey &key : query.sort) {
            if (m_table.computed.contains(key.field))
                return true;
        }
    }
    return false;
}

void EntityRepository::appendWhere(const ListQuery &query, QString &sql, QVariantList &binds) const
{
    QStringList conditions;
    if (query.companyScope) {
        if (query.companyScope->isEmpty()) {
            conditions << QStringLiteral("0 = 1");
        } else if (!m_table.companyExpression.isEmpty()) {
            QStringList marks;
            for (qint64 id : *query.companyScope) {
                marks << QStringLiteral("?");
                binds << id;
            }
            conditions << QStringLiteral("(%1) IN (%2)").arg(m_table.companyExpression, marks.join(QLatin1Char(',')));
        }
    }
    for (const ListFilter &filter : query.filters) {
        const FieldDescriptor *reference = labelOwner(filter.field);
        const QString expression = fieldExpression(filter.field);
        switch (filter.op) {
        case ListFilter::Op::Contains:
            if (reference) {
                conditions << labelMatch(*reference);
            } else {
                conditions << QStringLiteral("lower(%1) LIKE ? ESCAPE '\\'").arg(expression);
            }
            binds << likePattern(filter.value.toString());
            break;
        case ListFilter::Op::Equals:
            conditions << expression + QStringLiteral(" = ?");
            binds << filter.value;
            break;
        case ListFilter::Op::IsEmpty:
            conditions << (reference ? QStringLiteral("t.%1 IS NULL").arg(m_table.column(reference->name))
                                     : QStringLiteral("(%1 IS NULL OR %1 = '')").arg(expression));
            break;
        case ListFilter::Op::From:
            conditions << expression + QStringLiteral(" >= ?");
            binds << filter.value;
            break;
        case ListFilter::Op::To:
            conditions << expression + QStringLiteral(" < ?");
            binds << filter.value;
            break;
        }
    }
    if (!query.search.trimmed().isEmpty()) {
        QStringList alternatives;
        const QString pattern = likePattern(query.search.trimmed());
        for (const FieldDescriptor &field : m_entity.fields) {
            if (!m_table.isStored(field.name))
                continue;
            if (isTextual(field.type))
                alternatives << QStringLiteral("lower(t.%1) LIKE ? ESCAPE '\\'").arg(m_table.column(field.name));
            else if (field.type == FieldType::Reference)
                alternatives << labelMatch(field);
            else if (field.type == FieldType::Id)
                alternatives << QStringLiteral("CAST(t.id AS TEXT) LIKE ? ESCAPE '\\'");
            else
                continue;
            binds << pattern;
        }
        conditions << QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString EntityRepository::orderClause(const ListQuery &query) const
{
    QStringList order;
    bool hasId = false;
    for (const SortKey &key : query.sort) {
        order << fieldExpression(key.field) + (key.descending ? QStringLiteral(" DESC") : QString());
        hasId = hasId || key.field == QLatin1String("id");
    }
    // A stable order keeps pages from overlapping. Breaking ties in the direction of the first key
    // lets SQLite walk an index on that key (whose entries end in the row id) without sorting.
    if (!hasId)
        order << (!query.sort.isEmpty() && !query.sort.first().descending ? QStringLiteral("t.id")
                                                                          : QStringLiteral("t.id DESC"));
    return QStringLiteral(" ORDER BY ") + order.join(QStringLiteral(", "));
}

EntityRepository::Statement EntityRepository::rowsStatement(const QString &condition) const
{
    QStringList columns;
    for (const FieldDescriptor &field : m_entity.fields) {
        const QString expression = fieldExpression(field.name);
        if (expression.isEmpty())
            continue;
        columns << expression + QStringLiteral(" AS ") + quoted(field.name);
        if (field.type == FieldType::Reference && m_table.isStored(field.name))
            columns << labelExpression(field.name) + QStringLiteral(" AS ") + quoted(field.referenceLabelKey());
    }
    Statement statement;
    statement.sql = QStringLiteral("WITH clock(now) AS (SELECT ?) SELECT ") + columns.join(QStringLiteral(", "))
                    + QStringLiteral(" FROM ") + m_table.table + QStringLiteral(" t") + m_table.join
                    + QStringLiteral(" WHERE ") + condition;
    return statement;
}

QJsonObject EntityRepository::readRow(const QSqlRecord &record) const
{
    QJsonObject row;
    for (const FieldDescriptor &field : m_entity.fields) {
        const int index = record.indexOf(field.name);
        if (index < 0)
            continue;
        row.insert(field.name, fromStorage(field, record.value(index)));
        if (field.type == FieldType::Reference) {
            const int labelIndex = record.indexOf(field.referenceLabelKey());
            if (labelIndex >= 0) {
                const QVariant label = record.value(labelIndex);
                row.insert(field.referenceLabelKey(), label.isNull() ? QJsonValue() : QJsonValue(label.toString()));
            }
        }
    }
    return row;
}

void EntityRepository::attachLinks(QJsonArray &items) const
{
    if (m_table.links.isEmpty() || items.isEmpty())
        return;
    QStringList marks;
    QVariantList ids;
    for (const QJsonValue &item : std::as_const(items)) {
        marks << QStringLiteral("?");
        ids << item.toObject().value(QLatin1String("id")).toInteger();
    }
    for (auto it = m_table.links.begin(); it != m_table.links.end(); ++it) {
        const FieldDescriptor *field = m_entity.field(it.key());
        const EntityDescriptor *target = EntityCatalogue::find(field->referenceEntity);
        const EntityTable &targetTable = EntityTables::forEntity(*target);
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("SELECT l.%1, l.%2, r.%3 FROM %4 l LEFT JOIN %5 r ON r.id = l.%2 "
                                     "WHERE l.%1 IN (%6) ORDER BY l.%1, l.%2")
                          .arg(it->ownerColumn, it->targetColumn, targetTable.column(target->displayField),
                               it->table, targetTable.table, marks.join(QLatin1Char(','))));
        for (const QVariant &id : std::as_const(ids))
            query.addBindValue(id);
        execOrThrow(query, QStringLiteral("read ") + it->table);
        QHash<qint64, QPair<QJsonArray, QJsonArray>> byOwner;
        while (query.next()) {
            auto &entry = byOwner[query.value(0).toLongLong()];
            entry.first.append(query.value(1).toLongLong());
            entry.second.append(query.value(2).toString());
        }
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            const auto entry = byOwner.value(item.value(QLatin1String("id")).toInteger());
            item.insert(field->name, entry.first);
            item.insert(field->referenceLabelKey(), entry.second);
            items.replace(i, item);
        }
    }
}

qint64 EntityRepository::count(const ListQuery &query, const QDateTime &nowUtc) const
{
    const bool unfiltered = query.filters.isEmpty() && query.search.trimmed().isEmpty() && !query.companyScope;
    const QString key = totalsKey(m_db, m_table.table);
    if (unfiltered) {
        QMutexLocker lock(&totalsMutex);
        const auto it = unfilteredTotals.constFind(key);
        if (it != unfilteredTotals.constEnd())
            return *it;
    }
    QString sql = QStringLiteral("WITH clock(now) AS (SELECT ?) SELECT count(*) FROM ") + m_table.table
                  + QStringLiteral(" t") + (needsJoin(query, false) ? m_table.join : QString());
    QVariantList binds{isoUtc(nowUtc)};
    appendWhere(query, sql, binds);
    QSqlQuery statement(m_db);
    statement.setForwardOnly(true);
    statement.prepare(sql);
    for (const QVariant &bind : std::as_const(binds))
        statement.addBindValue(bind);
    execOrThrow(statement, QStringLiteral("count ") + m_table.table);
    const qint64 total = statement.next() ? statement.value(0).toLongLong() : 0;
    if (unfiltered) {
        QMutexLocker lock(&totalsMutex);
        unfilteredTotals.insert(key, total);
    }
    return total;
}

QJsonArray EntityRepository::page(const ListQuery &query, const QDateTime &nowUtc) const
{
    // Two steps: first the ids of the page (narrow rows, so sorting and skipping are cheap), then
    // the full rows of just those ids with their labels and computed terms.
    QString sql = QStringLiteral("WITH clock(now) AS (SELECT ?) SELECT t.id FROM ") + m_table.table
                  + QStringLiteral(" t") + (needsJoin(query, true) ? m_table.join : QString());
    QVariantList binds{isoUtc(nowUtc)};
    appendWhere(query, sql, binds);
    sql += orderClause(query);
    if (query.limit > 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        binds << query.limit << query.offset;
    }
    QSqlQuery idQuery(m_db);
    idQuery.setForwardOnly(true);
    idQuery.prepare(sql);
    for (const QVariant &bind : std::as_const(binds))
        idQuery.addBindValue(bind);
    execOrThrow(idQuery, QStringLiteral("page of ") + m_table.table);
    QList<qint64> ids;
    while (idQuery.next())
        ids << idQuery.value(0).toLongLong();
    return rowsById(ids, nowUtc);
}

QJsonArray EntityRepository::rowsById(const QList<qint64> &ids, const QDateTime &nowUtc) const
{
    QJsonArray items;
    if (ids.isEmpty())
        return items;
    QStringList marks;
    for (qsizetype i = 0; i < ids.size(); ++i)
        marks << QStringLiteral("?");
    const Statement statement = rowsStatement(QStringLiteral("t.id IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')'));
    QSqlQuery rows(m_db);
    rows.setForwardOnly(true);
    rows.prepare(statement.sql);
    rows.addBindValue(isoUtc(nowUtc));
    for (qint64 id : ids)
        rows.addBindValue(id);
    execOrThrow(rows, QStringLiteral("rows of ") + m_table.table);
    QHash<qint64, QJsonObject> byId;
    while (rows.next()) {
        QJsonObject row = readRow(rows.record());
        byId.insert(row.value(QLatin1String("id")).toInteger(), std::move(row));
    }
    for (qint64 id : ids) {
        const auto it = byId.constFind(id);
        if (it != byId.constEnd())
            items.append(*it);
    }
    attachLinks(items);
    return items;
}

ListPage EntityRepository::list(const ListQuery &query, const QDateTime &nowUtc) const
{
    ListPage result;
    result.total = count(query, nowUtc);
    result.items = page(query, nowUtc);
    return result;
}

void EntityRepository::forEach(const ListQuery &query, const QDateTime &nowUtc,
                               const std::function<void(const QJsonObject &)> &visit) const
{
    ListQuery paged = query;
    paged.limit = 5000;
    paged.offset = 0;
    for (;;) {
        const QJsonArray items = page(paged, nowUtc);
        for (const QJsonValue &item : items)
            visit(item.toObject());
        if (items.size() < paged.limit)
            break;
        paged.offset += paged.limit;
    }
}

std::optional<QJsonObject> EntityRepository::get(qint64 id, const QDateTime &nowUtc) const
{
    const QJsonArray rows = rowsById({id}, nowUtc);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first().toObject();
}

bool EntityRepository::exists(qint64 id) const
{
    QSqlQuery sql(m_db);
    sql.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(m_table.table));
    sql.addBindValue(id);
    execOrThrow(sql, QStringLiteral("check ") + m_table.table);
    return sql.next();
}

qint64 EntityRepository::insert(const QJsonObject &values)
{
    QStringList columns;
    QStringList marks;
    QVariantList binds;
    for (const FieldDescriptor &field : m_entity.fields) {
        if (!m_table.isStored(field.name) || field.type == FieldType::Id || !values.contains(field.name))
            continue;
        columns << m_table.column(field.name);
        marks << QStringLiteral("?");
        binds << toStorage(field, values.value(field.name));
    }
    QSqlQuery sql(m_db);
    sql.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                    .arg(m_table.table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    for (const QVariant &bind : std::as_const(binds))
        sql.addBindValue(bind);
    execOrThrow(sql, QStringLiteral("insert into ") + m_table.table);
    const qint64 id = sql.lastInsertId().toLongLong();
    forgetTotal(m_db, m_table.table);
    writeLinks(id, values);
    return id;
}

void EntityRepository::update(qint64 id, const QJsonObject &changes)
{
    QStringList assignments;
    QVariantList binds;
    for (const FieldDescriptor &field : m_entity.fields) {
        if (!m_table.isStored(field.name) || field.type == FieldType::Id || !changes.contains(field.name))
            continue;
        assignments << m_table.column(field.name) + QStringLiteral(" = ?");
        binds << toStorage(field, changes.value(field.name));
    }
    if (!assignments.isEmpty()) {
        QSqlQuery sql(m_db);
        sql.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(m_table.table, assignments.join(QStringLiteral(", "))));
        for (const QVariant &bind : std::as_const(binds))
            sql.addBindValue(bind);
        sql.addBindValue(id);
        execOrThrow(sql, QStringLiteral("update ") + m_table.table);
    }
    writeLinks(id, changes);
}

void EntityRepository::writeLinks(qint64 id, const QJsonObject &values)
{
    for (auto it = m_table.links.begin(); it != m_table.links.end(); ++it) {
        if (!values.contains(it.key()))
            continue;
        QSqlQuery clear(m_db);
        clear.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(it->table, it->ownerColumn));
        clear.addBindValue(id);
        execOrThrow(clear, QStringLiteral("clear ") + it->table);
        const QJsonArray targets = values.value(it.key()).toArray();
        for (const QJsonValue &target : targets) {
            QSqlQuery add(m_db);
            add.prepare(QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (?, ?) ON CONFLICT DO NOTHING")
                            .arg(it->table, it->ownerColumn, it->targetColumn));
            add.addBindValue(id);
            add.addBindValue(target.toInteger());
            execOrThrow(add, QStringLiteral("link ") + it->table);
        }
    }
}

void EntityRepository::remove(qint64 id)
{
    QSqlQuery sql(m_db);
    sql.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(m_table.table));
    sql.addBindValue(id);
    execOrThrow(sql, QStringLiteral("delete from ") + m_table.table);
    forgetTotal(m_db, m_table.table);
}

QList<ReferenceCount> EntityRepository::referencesTo(qint64 id) const
{
    QList<ReferenceCount> references;
    for (const EntityDescriptor &other : EntityCatalogue::all()) {
        if (other.name == entities::audit)
            continue;
        const EntityTable &otherTable = EntityTables::forEntity(other);
        for (const FieldDescriptor &field : other.fields) {
            if (field.referenceEntity != m_entity.name)
                continue;
            QString countSql;
            if (field.type == FieldType::Reference && otherTable.isStored(field.name)) {
                if (otherTable.cascadeParentField == field.name)
                    continue; // owned rows go with their parent
                countSql = QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?")
                               .arg(otherTable.table, otherTable.column(field.name));
            } else if (field.type == FieldType::ReferenceList && otherTable.links.contains(field.name)) {
                const LinkTable &link = otherTable.links.value(field.name);
                countSql = QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?").arg(link.table, link.targetColumn);
            } else {
                continue;
            }
            QSqlQuery sql(m_db);
            sql.prepare(countSql);
            sql.addBindValue(id);
            execOrThrow(sql, QStringLiteral("count references"));
            const qint64 count = sql.next() ? sql.value(0).toLongLong() : 0;
            if (count > 0)
                references << ReferenceCount{other.name, field.name, count};
        }
    }
    return references;
}

QList<qint64> EntityRepository::childIds(const QString &parentField, qint64 parentId) const
{
    QSqlQuery sql(m_db);
    sql.prepare(QStringLiteral("SELECT id FROM %1 WHERE %2 = ? ORDER BY id").arg(m_table.table, m_table.column(parentField)));
    sql.addBindValue(parentId);
    execOrThrow(sql, QStringLiteral("children of ") + m_table.table);
    QList<qint64> ids;
    while (sql.next())
        ids << sql.value(0).toLongLong();
    return ids;
}

std::optional<qint64> EntityRepository::owningCompany(qint64 id) const
{
    if (m_table.companyExpression.isEmpty())
        return std::nullopt;
    QSqlQuery sql(m_db);
    sql.prepare(QStringLiteral("SELECT %1 FROM %2 t WHERE t.id = ?").arg(m_table.companyExpression, m_table.table));
    sql.addBindValue(id);
    execOrThrow(sql, QStringLiteral("owner of ") + m_table.table);
    if (!sql.next() || sql.value(0).isNull())
        return std::nullopt;
    return sql.value(0).toLongLong();
}

} // namespace backoffice::server
