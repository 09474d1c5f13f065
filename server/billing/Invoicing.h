#pragma once

#include <QDateTime>

namespace backoffice::server {

class Database;
struct Actor;

// Invoices per agreement and billing period (BO §7.2). A draft exists from the start of each period
// (the agreement version in force decides the period: daily, weekly, monthly or quarterly, billing
// day, split by month, in the billing time zone); it covers the charges with charged_at inside the
// period and is recalculated by the job while it is a draft. Confirming gives it the own legal
// entity's next reference number, the issue date (today in the billing zone) and the due date
// (issue date + days for payment), and freezes it; a period is confirmed only once it is over.
class Invoicing final
{
public:
    explicit Invoicing(Database &database);

    // The job: drafts for every agreement's current period (and the previous one, if it has
    // charges and no invoice yet), then recalculates the drafts of periods that ended less than
    // two days ago or are running, each at most every ten minutes and once after its period
    // settled. Returns how many invoices were written.
    int run(const QDateTime &now);

    // Throw ApiException (404 unknown invoice, 409 confirmed, 409 period not over).
    void recalculate(qint64 invoiceId, const QDateTime &now);
    void confirm(qint64 invoiceId, const Actor &actor, const QDateTime &now);

    // How long after a period's end the last charges of it are still being written.
    static constexpr int SettleSeconds = 300;

private:
    void ensureDraft(const struct InvoiceTerms &terms, const QDateTime &instant, bool onlyWithCharges,
                     const QDateTime &now, int *written);
    void recalculateDraft(qint64 invoiceId, const QDateTime &now);

    Database &m_database;
};

} // namespace backoffice::server
