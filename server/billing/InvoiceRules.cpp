#include "InvoiceRules.h"

#include "ApiException.h"
#include "RuleValues.h"

namespace backoffice::server {

void InvoiceRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    Q_UNUSED(context) Q_UNUSED(errors)
    if (!before)
        throw ApiException::forbidden(QStringLiteral("Invoices are made by the billing job for each billing period"));
    const QJsonValue comment = fieldOf(after, "comment");
    after = *before;
    after.insert(QStringLiteral("comment"), comment);
}

void InvoiceRules::checkDelete(WriteContext &context, const QJsonObject &record)
{
    Q_UNUSED(context) Q_UNUSED(record)
    throw ApiException::forbidden(QStringLiteral("Invoices are not deleted: recalculate a draft instead"));
}

} // namespace backoffice::server
