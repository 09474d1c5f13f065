#pragma once

#include "InvoiceStore.h"

namespace backoffice::server {

// The one rounding of an invoice (guide §3): each line's exact net (six decimals, the sum of its
// charges) is rounded half up to cents; its tax is that net × the rate, rounded half up to cents;
// the invoice's net, tax and total are the sums of the rounded lines, so the printed lines add up
// to the printed totals. The tax rate is a percentage with at most four decimals.
InvoiceTotals roundInvoiceLines(QList<InvoiceLineRow> &lines, const Amount &taxRatePercent);

} // namespace backoffice::server
