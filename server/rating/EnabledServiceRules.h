#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Enabled services (reference §6.4): a service, pack or bundle bought by an agreement. The company
// comes from the agreement; archived services cannot be enabled; a service priced in money must be
// in the agreement's currency; packs say whether they are free of charge or charged; and two
// pay-as-you-go services on the same channel may not be in force at the same time.
class EnabledServiceRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void committed(qint64 id) override;
};

} // namespace backoffice::server
