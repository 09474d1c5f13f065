#include "ListContext.h"

#include "EntityCatalogue.h"

namespace backoffice::views {

QString ListContext::fixedValue(const QString &field) const
{
    for (const auto &[name, value] : fixedFilters) {
        if (name == field)
            return value;
    }
    return {};
}

ListContext ListContext::forEntity(const QString &entity)
{
    const EntityDescriptor &descriptor = EntityCatalogue::get(entity);
    ListContext context;
    context.key = entity;
    context.entity = entity;
    context.title = descriptor.plural;
    context.permissionArea = descriptor.permissionArea;
    return context;
}

} // namespace backoffice::views
