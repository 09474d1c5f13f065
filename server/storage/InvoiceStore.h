#pragma once

#include "Amount.h"
#include "PriceTerms.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace backoffice::server {

// What invoicing needs to know of an agreement at an instant: its version's billing terms and the
// own legal entity's tax and numbering.
struct InvoiceTerms {
    qint64 agreementId = 0;
    qint64 companyId = 0;
    qint64 ownLegalEntityId = 0;
    QString direction; // receivable (client agreement) | payable (vendor agreement)
    QString currency;
    QString code;
    QString billingPeriod;
    int billingDay = 1;
    bool splitByMonth = false;
    QString timeZone;
    int daysForPayment = 0;
    Amount taxRate; // percent: 21% is 21.000000
    QString taxLabel;
    QString invoicePrefix;
    // The agreement version these terms are of: periods are cut where it starts and ends.
    QDateTime versionFrom;
    QDateTime versionTill; // invalid: open-ended
};

// One invoice line: the charges of a period that share source, service, sender ID, rate and tier.
struct InvoiceLineRow {
    QString source;
    qint64 serviceId = 0;
    qint64 senderRecordId = 0;
    Amount unitPrice;
    QString band;
    PriceTerms pricing; // the terms every charge of the line shares
    QString description;
    qint64 chargeCount = 0;
    qint64 volume = 0;
    Amount exactNet; // Σ charge amounts, six decimals
    Amount net;      // rounded once to cents
    Amount tax;
    Amount total;
};

struct InvoiceTotals {
    Amount net;
    Amount tax;
    Amount total;
    qint64 chargeCount = 0;
};

struct InvoiceHeader {
    qint64 id = 0;
    qint64 agreementId = 0;
    qint64 ownLegalEntityId = 0;
    qint64 companyId = 0;
    QString status;
    QDateTime periodStart;
    QDateTime periodEnd;
    QString timeZone;
    QDateTime calculatedAt; // invalid: never
};

// SQL of invoices (server/storage is the only place with SQL).
class InvoiceStore final
{
public:
    explicit InvoiceStore(QSqlDatabase db);

    // Agreements with the terms of the version in force at `at` (those without one are left out).
    QList<InvoiceTerms> agreementTerms(const QDateTime &at, qint64 onlyAgreementId = 0);
    std::optional<InvoiceHeader> header(qint64 invoiceId);
    std::optional<qint64> invoiceFor(qint64 agreementId, const QDateTime &periodStart);
    qint64 createDraft(const InvoiceTerms &terms, const QDateTime &periodStart, const QDateTime &periodEnd,
                       const QDateTime &now);

    bool hasCharges(qint64 agreementId, const QDateTime &from, const QDateTime &till);
    // The agreement's charges in [from, till) grouped into lines (not yet rounded).
    QList<InvoiceLineRow> groupCharges(qint64 agreementId, const QDateTime &from, const QDateTime &till);
    void replaceLines(qint64 invoiceId, const QList<InvoiceLineRow> &lines, const InvoiceTotals &totals,
                      const Amount &taxRate, const QString &taxLabel, const QDateTime &now);
    // The next number of the entity's sequence (1, 2, …), taken inside the caller's transaction.
    qint64 nextNumber(qint64 ownLegalEntityId);
    void confirm(qint64 invoiceId, const QString &reference, const QDate &issueDate, const QDate &dueDate,
                 qint64 userId, const QDateTime &now);
    // Drafts whose period started before `till`, oldest first (the job recalculates them).
    QList<qint64> draftsStartedBefore(const QDateTime &till);

private:
    QSqlDatabase m_db;
};

} // namespace backoffice::server
