#include "InvoiceLines.h"

namespace backoffice::server {

InvoiceTotals roundInvoiceLines(QList<InvoiceLineRow> &lines, const Amount &taxRatePercent)
{
    // 21.5 % as the factor 0.215: exact because the rate has at most four decimals.
    const Amount factor = Amount::fromMicros(taxRatePercent.micros() / 100);
    InvoiceTotals totals;
    for (InvoiceLineRow &line : lines) {
        line.net = line.exactNet.rounded(2);
        Amount tax;
        if (!Amount::multiplyByFactor(line.net, factor, &tax))
            qFatal("invoice line tax overflows: %s × %s", qPrintable(line.net.toString()), qPrintable(factor.toString(6)));
        line.tax = tax.rounded(2);
        line.total = line.net + line.tax;
        totals.net += line.net;
        totals.tax += line.tax;
        totals.total += line.total;
        totals.chargeCount += line.chargeCount;
    }
    return totals;
}

} // namespace backoffice::server
