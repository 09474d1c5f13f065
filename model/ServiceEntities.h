#pragma once

#include "EntityDescriptor.h"

namespace backoffice {

// Catalogue entries of the rating area: services (rate plans and packs) and their scopes.
QList<EntityDescriptor> serviceEntities();

} // namespace backoffice
