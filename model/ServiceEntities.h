#pragma once

#include "EntityDescriptor.h"

namespace backoffice {

// Catalogue entries of the rating area: services (rate plans and packs), their scopes, and the
// services enabled on agreements.
QList<EntityDescriptor> serviceEntities();

// Unit, monetary and bundle packs: consumed before pay-as-you-go, bought "free of charge" or "charge".
bool isPackType(const QString &serviceType);

} // namespace backoffice
