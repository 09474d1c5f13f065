#pragma once

#include "SessionContext.h"

#include <QSqlDatabase>

namespace backoffice::server {

class EntityService;

// The demo rate plans: SMS with the Spain example of the staff manual (Vodafone flat, DIGI on a
// tier scale, the rest of Spain and of the world), WhatsApp by pricing category, RCS by message
// type, and a 1,000-message unit pack. Written through the same checks as the API.
void seedDemoServices(EntityService &entities, QSqlDatabase db, const SessionContext &session);

} // namespace backoffice::server
