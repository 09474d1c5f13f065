#pragma once

namespace backoffice::server {

class Database;
class EntityService;
class Router;

namespace rateimport {
class RateImportJobs;
}

// Routes of the rate import (docs/API.md, "Rate imports"): upload, state, rows, cancel, forget,
// analysis and apply, plus the dictionary search used for manual mapping.
void addRateImportRoutes(Router &router, Database &database, EntityService &entities, rateimport::RateImportJobs &jobs);

} // namespace backoffice::server
