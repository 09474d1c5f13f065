#pragma once

#include "EntityDescriptor.h"

namespace backoffice {

// Catalogue entries of the rating area: services (rate plans and packs), their scopes, and the
// services enabled on agreements.
QList<EntityDescriptor> serviceEntities();

} // namespace backoffice
