#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Client and own legal entities: exactly one default per company (the first one becomes default,
// marking another one default clears the previous).
class LegalEntityRules final : public EntityRules
{
public:
    explicit LegalEntityRules(QString entityName);
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;

private:
    QString m_entityName;
};

} // namespace backoffice::server
