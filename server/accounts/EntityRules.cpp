#include "EntityRules.h"

#include "EntityCatalogue.h"
#include "EntityTables.h"

namespace backoffice::server {

EntityRepository WriteContext::repository(const QString &entityName) const
{
    return EntityRepository(db, EntityCatalogue::get(entityName));
}

std::optional<QJsonObject> WriteContext::record(const QString &entityName, qint64 id) const
{
    return repository(entityName).get(id, now);
}

void WriteContext::audit(const QString &entityName, const QString &operation, qint64 id, const QJsonObject &oldValue,
                         const QJsonObject &newValue) const
{
    const EntityRepository repo = repository(entityName);
    AuditLog(db).record({now, session.actor, EntityTables::forEntity(entityName).table, operation, id, oldValue,
                         newValue, repo.owningCompany(id)});
}

} // namespace backoffice::server
