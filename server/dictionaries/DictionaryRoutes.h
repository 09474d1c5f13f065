#pragma once

namespace backoffice::server {

class Database;
class DestinationResolver;
class EntityService;
class Router;

// Dictionaries beyond the basic code lists: MCC and MCC/MNC networks, WhatsApp/RCS/sender ID code
// tables, data versions, destination resolution and the CSV import of number prefixes. The generic
// CRUD of "number-prefixes" comes from the entity routes like every catalogue entity.
void addDictionaryRoutes(Router &router, Database &database, EntityService &entities, DestinationResolver &resolver);

} // namespace backoffice::server
