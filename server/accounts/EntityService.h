#pragma once

#include "EntityRepository.h"
#include "EntityRules.h"

#include <QJsonObject>
#include <QMap>
#include <memory>

namespace backoffice {
struct EntityDescriptor;
}

namespace backoffice::server {

class AuthService;
class Database;

// The write path of guide §3 for every catalogue entity: permission check → validation → change +
// audit in one transaction, with entity rules plugged in. Also the scoped read path.
class EntityService final
{
public:
    EntityService(Database &database, AuthService &auth);
    ~EntityService();

    ListPage list(const EntityDescriptor &entity, ListQuery query, const SessionContext &session) const;
    void exportRows(const EntityDescriptor &entity, ListQuery query, const SessionContext &session,
                    const std::function<void(const QJsonObject &)> &visit) const;
    QJsonObject get(const EntityDescriptor &entity, qint64 id, const SessionContext &session) const;
    // The same refusals as get() (403 without View, 404 for a record that does not exist or is out
    // of the caller's reach) without reading the record: for hot paths that only need the check.
    void requireVisible(const EntityDescriptor &entity, qint64 id, const SessionContext &session) const;
    QJsonObject create(const EntityDescriptor &entity, const QJsonObject &body, const SessionContext &session);
    QJsonObject update(const EntityDescriptor &entity, qint64 id, const QJsonObject &body,
                       const SessionContext &session);
    void remove(const EntityDescriptor &entity, qint64 id, const SessionContext &session);

    // Rules that need the server's parts (rating, the engine's writer) instead of the registry's
    // default for that entity; set before the first request.
    void setRules(const QString &entityName, std::shared_ptr<EntityRules> rules);

    // The permission area guarding a record (users: by kind; others: the entity's area).
    static QString areaFor(const EntityDescriptor &entity, const QJsonObject *record);
    // Refuses (403) unless the caller holds level on the area.
    static void requireAccess(const SessionContext &session, const QString &area, AccessLevel level);

private:
    EntityRules &rulesFor(const EntityDescriptor &entity) const;
    // A record as answers show it: secrets inside stored values (channel credentials) masked.
    QJsonObject answerOf(const EntityDescriptor &entity, QJsonObject record) const;
    QJsonObject readBody(WriteContext &context, const EntityDescriptor &entity, const QJsonObject &body,
                         const QJsonObject *before, FieldErrors &errors);
    void checkReferences(WriteContext &context, const EntityDescriptor &entity, const QJsonObject &record,
                         const QJsonObject *before, FieldErrors &errors) const;
    ListQuery scopedQuery(const EntityDescriptor &entity, ListQuery query, const SessionContext &session) const;
    QJsonObject visibleRecord(const EntityDescriptor &entity, qint64 id, const SessionContext &session,
                              const QDateTime &now) const;

    Database &m_database;
    AuthService &m_auth;
    // Made on first use; requests are served on one thread.
    mutable QMap<QString, std::shared_ptr<EntityRules>> m_rules;
};

} // namespace backoffice::server
