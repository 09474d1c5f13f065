#pragma once

namespace backoffice {
struct EntityDescriptor;
}

namespace backoffice::server {

class EntityService;
class Router;

// Collection and item routes of one catalogue entity: list, export.csv, create, read, change, delete.
void addEntityRoutes(Router &router, EntityService &service, const EntityDescriptor &entity);

} // namespace backoffice::server
