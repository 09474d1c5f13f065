#pragma once

#include "ListQuery.h"

#include <QUrlQuery>

namespace backoffice {
struct EntityDescriptor;
}

namespace backoffice::server {

// Reads offset, limit, sort, q and field filters of a collection URL (docs/API.md) into a
// ListQuery, refusing unknown fields and malformed values with a 400 naming the parameter.
ListQuery parseListQuery(const EntityDescriptor &entity, const QUrlQuery &url);

} // namespace backoffice::server
