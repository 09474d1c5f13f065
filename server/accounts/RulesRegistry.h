#pragma once

#include <QString>
#include <memory>

namespace backoffice::server {

class EntityRules;

// The rules of an entity by name; entities without special rules get the plain generic behaviour.
std::shared_ptr<EntityRules> makeRules(const QString &entityName);

} // namespace backoffice::server
