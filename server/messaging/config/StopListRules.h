#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Stop list entries (CP §7.4): the number is kept as international digits (spaces, dashes and a
// leading '+' dropped), the sender ID, when named, is one of the company's, and a number is listed
// once per company and sender. The engine re-reads the list after every change.
class StopListRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void committed(qint64 id) override;
};

} // namespace backoffice::server
