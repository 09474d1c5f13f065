#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Vendor SMPP connections (BO §11.1): where we bind as an ESME. The password is kept to bind with
// but never shown; limits, the status map and the failover statuses are checked as the engine reads them.
class VendorSmppConnectionRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void committed(qint64 id) override;
};

// Client SMPP connections (BO §11.2): a client binds to us with this login from these networks.
// The password is stored as an argon2id hash; the login is unique across clients.
class ClientSmppConnectionRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void committed(qint64 id) override;
};

// HTTP connections (BO §11.3): each vendor type has the fields its provider needs.
class HttpConnectionRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void committed(qint64 id) override;
};

} // namespace backoffice::server
