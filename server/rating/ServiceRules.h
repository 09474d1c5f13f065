#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Services: what a type needs (currency for pay-as-you-go, monetary packs and bundle initiators;
// a size in units for unit and bundle packs; an amount for monetary packs) and nothing it does not.
class ServiceRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void committed(qint64 id) override;
};

// Service scopes: validity periods read in the service's time zone, an optional rate tree copied
// from another scope or another service's current scope, and the scope in force kept deletable
// only once it no longer is.
class ServiceScopeRules final : public EntityRules
{
public:
    QString localZone(WriteContext &context, const QJsonObject &body, const QJsonObject *before) override;
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void checkDelete(WriteContext &context, const QJsonObject &record) override;
    // A scope's id may be reused after a deletion, so its cached index is dropped too.
    void committed(qint64 id) override;
};

} // namespace backoffice::server
