#pragma once

#include "SessionContext.h"

namespace backoffice::server {

class EntityService;

// The demo's sender ID fees: a monthly usage fee rule (DIGI mobil, 15 EUR in the demo SMS tree)
// on the first euro sender ID, charged three days before each month, so the billing job writes
// its first charge when the demo starts. Written through the same checks as the API.
void seedDemoFees(EntityService &entities, const SessionContext &session);

} // namespace backoffice::server
