#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Sender IDs (BO §6.5): the company follows the agreement; each channel has its own fields and the
// vendors that can carry it; SMS may go over SMPP (a vendor connection, then failover connections)
// or HTTP; HTTP senders get a webhook GUID; traffic monitoring needs its three thresholds.
class SenderIdRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void committed(qint64 id) override;
    // The channel's secret properties (API keys, tokens) never reach the audit log or an answer.
    void redact(QJsonObject &record) const override;
};

} // namespace backoffice::server
