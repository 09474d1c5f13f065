#pragma once

namespace backoffice::server {

class Database;
class EntityService;
class Router;

// health, openapi.json, dictionaries, the permission catalogue and an agreement's terms at a time.
void addMetaRoutes(Router &router, Database &database, EntityService &entities);

} // namespace backoffice::server
