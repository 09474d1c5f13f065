#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// Invoices are made by the billing job and change through recalculate and confirm; of the record
// itself staff only edit the comment, and an invoice is never deleted (its number is given out).
class InvoiceRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void checkDelete(WriteContext &context, const QJsonObject &record) override;
};

} // namespace backoffice::server
