#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Users of the BackOffice and of the Client portal: unique logins, the password policy on every
// password set, roles of the user's own group, and sessions closed when an account is disabled.
class UserRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void checkDelete(WriteContext &context, const QJsonObject &record) override;
};

// Roles: system roles are read-only; custom roles take their permissions from a template or list
// them, only with areas of their group.
class RoleRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void checkDelete(WriteContext &context, const QJsonObject &record) override;
};

} // namespace backoffice::server
