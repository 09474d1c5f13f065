#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// API keys of the send API (CP §13.1): unique names per company, an expiry computed from the chosen
// validity (and extendable later), callback URLs. The key itself is made on create, shown in that
// answer only, and stored as its SHA-256.
class ApiKeyRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void committed(qint64 id) override;

    // The stored form of a key, as the send API looks it up.
    static QString digest(const QString &key);
};

// Traffic notifications are written by the engine; staff only acknowledge them.
class NotificationRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
};

} // namespace backoffice::server
