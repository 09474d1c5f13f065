#pragma once

namespace backoffice::server {

class Database;
class EntityService;
class Router;

// Routes of the rating area beyond plain CRUD: a scope's rate tree (read and replace), and
// cloning, archiving and restoring services.
void addRatingRoutes(Router &router, Database &database, EntityService &entities);

} // namespace backoffice::server
