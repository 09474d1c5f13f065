#include "EntityService.h"

#include "ApiException.h"
#include "AuditLog.h"
#include "Database.h"
#include "EntityCatalogue.h"
#include "EntityTables.h"
#include "FieldReader.h"
#include "RulesRegistry.h"
#include "Transaction.h"

#include <QJsonArray>

namespace backoffice::server {

namespace {

bool isEmptyValue(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty())
           || (value.isArray() && value.toArray().isEmpty());
}

// Only stored values belong in the audit log's old/new snapshots.
QJsonObject snapshot(const EntityDescriptor &entity, const QJsonObject &record, const EntityRules &rules)
{
    QJsonObject out;
    for (const FieldDescriptor &field : entity.fields) {
        if (record.contains(field.name) && !field.secret)
            out.insert(field.name, record.value(field.name));
    }
    rules.redact(out);
    return out;
}

} // namespace

EntityService::EntityService(Database &database, AuthService &auth)
    : m_database(database)
    , m_auth(auth)
{
}

EntityService::~EntityService() = default;

EntityRules &EntityService::rulesFor(const EntityDescriptor &entity) const
{
    auto it = m_rules.find(entity.name);
    if (it == m_rules.end())
        it = m_rules.insert(entity.name, makeRules(entity.name));
    return **it;
}

void EntityService::setRules(const QString &entityName, std::shared_ptr<EntityRules> rules)
{
    m_rules.insert(entityName, std::move(rules));
}

QString EntityService::areaFor(const EntityDescriptor &entity, const QJsonObject *record)
{
    if (entity.name == entities::users && record
        && record->value(QLatin1String("kind")).toString() == QLatin1String("portal"))
        return QStringLiteral("portalUsers");
    return entity.permissionArea;
}

void EntityService::requireAccess(const SessionContext &session, const QString &area, AccessLevel level)
{
    if (!session.allows(area, level)) {
        QString label = area;
        for (const PermissionArea &known : PermissionCatalogue::areas(UserGroup::BackOffice)) {
            if (known.key == area)
                label = known.label;
        }
        throw ApiException::forbidden(QStringLiteral("Your roles do not allow you to %1 %2")
                                          .arg(level == AccessLevel::Manage ? QStringLiteral("change")
                                                                            : QStringLiteral("view"),
                                               label));
    }
}

ListQuery EntityService::scopedQuery(const EntityDescriptor &entity, ListQuery query,
                                     const SessionContext &session) const
{
    if (entity.name == entities::users) {
        // Users of both kinds share one collection; the caller sees the kinds its roles allow.
        const bool backoffice = session.allows(QStringLiteral("backofficeUsers"), AccessLevel::View);
        const bool portal = session.allows(QStringLiteral("portalUsers"), AccessLevel::View);
        if (!backoffice && !portal)
            requireAccess(session, QStringLiteral("backofficeUsers"), AccessLevel::View);
        if (backoffice != portal)
            query.filters << ListFilter{QStringLiteral("kind"), ListFilter::Op::Equals,
                                        backoffice ? QStringLiteral("backoffice") : QStringLiteral("portal")};
    } else {
        requireAccess(session, entity.permissionArea, AccessLevel::View);
    }
    query.companyScope = session.companyScope;
    return query;
}

QJsonObject EntityService::answerOf(const EntityDescriptor &entity, QJsonObject record) const
{
    rulesFor(entity).redact(record);
    return record;
}

ListPage EntityService::list(const EntityDescriptor &entity, ListQuery query, const SessionContext &session) const
{
    ListPage page = EntityRepository(m_database.connection(), entity)
                        .list(scopedQuery(entity, std::move(query), session), QDateTime::currentDateTimeUtc());
    for (qsizetype i = 0; i < page.items.size(); ++i)
        page.items[i] = answerOf(entity, page.items.at(i).toObject());
    return page;
}

void EntityService::exportRows(const EntityDescriptor &entity, ListQuery query, const SessionContext &session,
                               const std::function<void(const QJsonObject &)> &visit) const
{
    requireAccess(session, QStringLiteral("export"), AccessLevel::View);
    EntityRepository(m_database.connection(), entity)
        .forEach(scopedQuery(entity, std::move(query), session), QDateTime::currentDateTimeUtc(),
                 [&](const QJsonObject &row) { visit(answerOf(entity, row)); });
}

QJsonObject EntityService::visibleRecord(const EntityDescriptor &entity, qint64 id, const SessionContext &session,
                                         const QDateTime &now) const
{
    EntityRepository repository(m_database.connection(), entity);
    std::optional<QJsonObject> record = repository.get(id, now);
    if (!record)
        throw ApiException::notFound(QStringLiteral("%1 %2 does not exist").arg(entity.singular).arg(id));
    // Records of companies outside the caller's reach do not exist as far as the caller knows.
    if (session.companyScope && !EntityTables::forEntity(entity).companyExpression.isEmpty()
        && !session.mayTouchCompany(repository.owningCompany(id)))
        throw ApiException::notFound(QStringLiteral("%1 %2 does not exist").arg(entity.singular).arg(id));
    return *record;
}

QJsonObject EntityService::get(const EntityDescriptor &entity, qint64 id, const SessionContext &session) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (entity.name != entities::users)
        requireAccess(session, entity.permissionArea, AccessLevel::View);
    QJsonObject record = visibleRecord(entity, id, session, now);
    if (entity.name == entities::users)
        requireAccess(session, areaFor(entity, &record), AccessLevel::View);
    return answerOf(entity, record);
}

void EntityService::requireVisible(const EntityDescriptor &entity, qint64 id, const SessionContext &session) const
{
    requireAccess(session, entity.permissionArea, AccessLevel::View);
    const EntityRepository repository(m_database.connection(), entity);
    const bool outOfReach = session.companyScope && !EntityTables::forEntity(entity).companyExpression.isEmpty()
        && !session.mayTouchCompany(repository.owningCompany(id));
    if (outOfReach || !repository.exists(id))
        throw ApiException::notFound(QStringLiteral("%1 %2 does not exist").arg(entity.singular).arg(id));
}

QJsonObject EntityService::readBody(WriteContext &context, const EntityDescriptor &entity, const QJsonObject &body,
                                    const QJsonObject *before, FieldErrors &errors)
{
    EntityRules &rules = rulesFor(entity);
    const QStringList extra = rules.extraInputFields();
    const QString recordZone = rules.localZone(context, body, before);
    QJsonObject values;
    // Zones first: a local effective date-time is read in the zone sent with it (or stored).
    // A field without its own zone ("effectiveTill" sent without "effectiveTillZone") is read in the
    // record's other zone, as a person typing both dates in one form means.
    auto zoneFor = [&](const QString &fieldName) {
        const QString zoneField = fieldName + QStringLiteral("Zone");
        if (body.contains(zoneField) && !body.value(zoneField).toString().isEmpty())
            return body.value(zoneField).toString();
        if (before && !before->value(zoneField).toString().isEmpty())
            return before->value(zoneField).toString();
        for (const FieldDescriptor &other : entity.fields) {
            if (other.type == FieldType::TimeZone && !body.value(other.name).toString().isEmpty())
                return body.value(other.name).toString();
        }
        return recordZone;
    };
    for (auto it = body.begin(); it != body.end(); ++it) {
        const FieldDescriptor *field = entity.field(it.key());
        if (!field) {
            bool isLabel = false;
            for (const FieldDescriptor &f : entity.fields)
                isLabel = isLabel || (f.isReference() && f.referenceLabelKey() == it.key());
            if (!isLabel && !extra.contains(it.key()))
                errors.insert(it.key(), QStringLiteral("is not a field of %1").arg(entity.plural.toLower()));
            if (extra.contains(it.key()))
                values.insert(it.key(), it.value());
            continue;
        }
        if (field->readOnly)
            continue; // clients may send back what they read; server-maintained values are ignored
        QString error;
        const QJsonValue value = readField(*field, it.value(), zoneFor(field->name), &error);
        if (!error.isEmpty()) {
            errors.insert(field->name, error);
            continue;
        }
        if (before && field->createOnly && value != before->value(field->name)) {
            errors.insert(field->name, QStringLiteral("cannot be changed after creation"));
            continue;
        }
        if (!field->secret || !isEmptyValue(value))
            values.insert(field->name, value);
    }
    return values;
}

void EntityService::checkReferences(WriteContext &context, const EntityDescriptor &entity, const QJsonObject &record,
                                    const QJsonObject *before, FieldErrors &errors) const
{
    for (const FieldDescriptor &field : entity.fields) {
        if (!field.isReference() || errors.contains(field.name) || !record.contains(field.name))
            continue;
        if (before && record.value(field.name) == before->value(field.name))
            continue;
        const EntityDescriptor &target = EntityCatalogue::get(field.referenceEntity);
        EntityRepository targets(context.db, target);
        const bool scoped = context.session.companyScope && !EntityTables::forEntity(target).companyExpression.isEmpty();
        QJsonArray ids = field.type == FieldType::ReferenceList ? record.value(field.name).toArray()
                                                                : QJsonArray{record.value(field.name)};
        for (const QJsonValue &idValue : std::as_const(ids)) {
            if (idValue.isNull())
                continue;
            const qint64 id = idValue.toInteger();
            if (!targets.exists(id) || (scoped && !context.session.mayTouchCompany(targets.owningCompany(id)))) {
                errors.insert(field.name, QStringLiteral("%1 %2 does not exist").arg(target.singular).arg(id));
                break;
            }
        }
    }
}

QJsonObject EntityService::create(const EntityDescriptor &entity, const QJsonObject &body, const SessionContext &session)
{
    if (entity.readOnlyCollection)
        throw ApiException::forbidden(QStringLiteral("%1 cannot be created through the API").arg(entity.plural));
    const QString bodyKind = body.value(QLatin1String("kind")).toString();
    const QJsonObject kindProbe{{QStringLiteral("kind"), bodyKind}};
    requireAccess(session, areaFor(entity, &kindProbe), AccessLevel::Manage);

    EntityRules &rules = rulesFor(entity);
    FieldErrors errors;
    WriteContext context{m_database.connection(), session, QDateTime::currentDateTimeUtc(), m_auth};
    QJsonObject record = readBody(context, entity, body, nullptr, errors);
    for (const FieldDescriptor &field : entity.fields) {
        if (field.type == FieldType::Bool && !record.contains(field.name) && !field.readOnly)
            record.insert(field.name, field.name == QLatin1String("enabled"));
    }
    rules.check(context, nullptr, record, errors);
    for (const FieldDescriptor &field : entity.fields) {
        if (field.required && !field.readOnly && !errors.contains(field.name) && isEmptyValue(record.value(field.name)))
            errors.insert(field.name, QStringLiteral("is required"));
    }
    checkReferences(context, entity, record, nullptr, errors);
    if (!errors.isEmpty())
        throw ApiException::validation(errors);

    const QString now = context.now.toString(Qt::ISODateWithMs);
    if (entity.field(QStringLiteral("createdAt"))) {
        record.insert(QStringLiteral("createdAt"), now);
        record.insert(QStringLiteral("updatedAt"), now);
    }
    EntityRepository repository(context.db, entity);
    Transaction transaction(context.db);
    const qint64 id = repository.insert(record);
    rules.afterWrite(context, id, nullptr, record);
    const QJsonObject created = *repository.get(id, context.now);
    // A new company is within reach when its parent is; other records when their company is.
    const std::optional<qint64> reach = entity.name == entities::companies
                                            ? std::optional<qint64>(record.value(QLatin1String("parentCompanyId")).toInteger())
                                            : repository.owningCompany(id);
    if (session.companyScope && !EntityTables::forEntity(entity).companyExpression.isEmpty()
        && !session.mayTouchCompany(reach))
        throw ApiException::forbidden(QStringLiteral("You may only create records of your own companies"));
    AuditLog(context.db).record({context.now, session.actor, EntityTables::forEntity(entity).table,
                                 QStringLiteral("create"), id, {}, snapshot(entity, created, rules),
                                 repository.owningCompany(id)});
    transaction.commit();
    rules.committed(id);
    QJsonObject answer = answerOf(entity, created);
    for (auto it = context.revealOnce.begin(); it != context.revealOnce.end(); ++it)
        answer.insert(it.key(), it.value());
    return answer;
}

QJsonObject EntityService::update(const EntityDescriptor &entity, qint64 id, const QJsonObject &body,
                                  const SessionContext &session)
{
    if (entity.readOnlyCollection)
        throw ApiException::forbidden(QStringLiteral("%1 cannot be changed").arg(entity.plural));
    WriteContext context{m_database.connection(), session, QDateTime::currentDateTimeUtc(), m_auth};
    if (entity.name != entities::users)
        requireAccess(session, entity.permissionArea, AccessLevel::Manage);
    const QJsonObject before = visibleRecord(entity, id, session, context.now);
    requireAccess(session, areaFor(entity, &before), AccessLevel::Manage);

    EntityRules &rules = rulesFor(entity);
    FieldErrors errors;
    const QJsonObject changes = readBody(context, entity, body, &before, errors);
    QJsonObject after = before;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        after.insert(it.key(), it.value());
    rules.check(context, &before, after, errors);
    for (const FieldDescriptor &field : entity.fields) {
        if (field.required && !field.readOnly && !field.secret && !field.createOnly && !errors.contains(field.name)
            && isEmptyValue(after.value(field.name)))
            errors.insert(field.name, QStringLiteral("is required"));
    }
    checkReferences(context, entity, after, &before, errors);
    if (!errors.isEmpty())
        throw ApiException::validation(errors);

    QJsonObject stored;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (it.value() != before.value(it.key()))
            stored.insert(it.key(), it.value());
    }
    EntityRepository repository(context.db, entity);
    Transaction transaction(context.db);
    if (!stored.isEmpty() && entity.field(QStringLiteral("updatedAt")))
        stored.insert(QStringLiteral("updatedAt"), context.now.toString(Qt::ISODateWithMs));
    repository.update(id, stored);
    rules.afterWrite(context, id, &before, after);
    const QJsonObject updated = *repository.get(id, context.now);
    if (!stored.isEmpty()) {
        AuditLog(context.db).record({context.now, session.actor, EntityTables::forEntity(entity).table,
                                     QStringLiteral("update"), id, snapshot(entity, before, rules),
                                     snapshot(entity, updated, rules), repository.owningCompany(id)});
    }
    transaction.commit();
    rules.committed(id);
    return answerOf(entity, updated);
}

void EntityService::remove(const EntityDescriptor &entity, qint64 id, const SessionContext &session)
{
    if (entity.readOnlyCollection)
        throw ApiException::forbidden(QStringLiteral("%1 cannot be deleted").arg(entity.plural));
    WriteContext context{m_database.connection(), session, QDateTime::currentDateTimeUtc(), m_auth};
    if (entity.name != entities::users)
        requireAccess(session, entity.permissionArea, AccessLevel::Manage);
    const QJsonObject record = visibleRecord(entity, id, session, context.now);
    requireAccess(session, areaFor(entity, &record), AccessLevel::Manage);
    EntityRules &rules = rulesFor(entity);
    rules.checkDelete(context, record);

    EntityRepository repository(context.db, entity);
    const QList<ReferenceCount> references = repository.referencesTo(id);
    if (!references.isEmpty()) {
        QStringList parts;
        QJsonArray list;
        for (const ReferenceCount &reference : references) {
            const EntityDescriptor &other = EntityCatalogue::get(reference.entity);
            parts << QStringLiteral("%1 %2").arg(reference.count).arg(other.plural.toLower());
            list.append(QJsonObject{{QStringLiteral("entity"), reference.entity},
                                    {QStringLiteral("field"), reference.field},
                                    {QStringLiteral("count"), reference.count}});
        }
        ApiException refused = ApiException::conflict(
            QStringLiteral("%1 %2 is still used by %3").arg(entity.singular).arg(id).arg(parts.join(QStringLiteral(", "))),
            QStringLiteral("referenced"));
        refused.references = list;
        throw refused;
    }

    const std::optional<qint64> company = repository.owningCompany(id);
    Transaction transaction(context.db);
    // Rows owned by this one (agreement versions) go first, each with its own audit record.
    for (const EntityDescriptor &child : EntityCatalogue::all()) {
        const EntityTable &childTable = EntityTables::forEntity(child);
        if (childTable.cascadeParentField.isEmpty()
            || child.field(childTable.cascadeParentField)->referenceEntity != entity.name)
            continue;
        EntityRepository children(context.db, child);
        for (qint64 childId : children.childIds(childTable.cascadeParentField, id)) {
            const QJsonObject childRecord = *children.get(childId, context.now);
            children.remove(childId);
            AuditLog(context.db).record({context.now, session.actor, childTable.table, QStringLiteral("delete"),
                                         childId, snapshot(child, childRecord, rules), {}, company});
        }
    }
    rules.beforeRemove(context, id, record);
    repository.remove(id);
    AuditLog(context.db).record({context.now, session.actor, EntityTables::forEntity(entity).table,
                                 QStringLiteral("delete"), id, snapshot(entity, record, rules), {}, company});
    transaction.commit();
    rules.committed(id);
}

} // namespace backoffice::server
