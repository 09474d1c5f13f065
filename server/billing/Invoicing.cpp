#include "Invoicing.h"

#include "ApiException.h"
#include "AuditLog.h"
#include "BillingPeriod.h"
#include "Database.h"
#include "InvoiceLines.h"
#include "InvoiceStore.h"
#include "Transaction.h"

#include <QJsonObject>
#include <QTimeZone>

namespace backoffice::server {

namespace {

constexpr int RecalculateDays = 2;
// A draft is summed again at most this often by the job: the sum is a GROUP BY over its period's
// charges, which for a busy agreement are millions of rows.
constexpr int RecalculateEverySeconds = 600;

QTimeZone zoneOf(const QString &id)
{
    QTimeZone zone(id.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

// The billing period holding the instant under the agreement version in force then, cut where that
// version starts and ends: a change of terms (monthly to weekly, another zone) closes the running
// period at the change, so periods of two versions never overlap and leave no gap.
PeriodWindow periodOf(const InvoiceTerms &terms, const QDateTime &instant)
{
    BillingPeriodKind kind = BillingPeriodKind::Monthly;
    parseBillingPeriodKind(terms.billingPeriod, &kind);
    return billingPeriodContaining(instant, kind, terms.billingDay, zoneOf(terms.timeZone), terms.splitByMonth)
        .clippedTo(terms.versionFrom, terms.versionTill);
}

} // namespace

Invoicing::Invoicing(Database &database)
    : m_database(database)
{
}

void Invoicing::ensureDraft(const InvoiceTerms &terms, const QDateTime &instant, bool onlyWithCharges,
                            const QDateTime &now, int *written)
{
    InvoiceStore store(m_database.connection());
    const PeriodWindow window = periodOf(terms, instant);
    if (store.invoiceFor(terms.agreementId, window.startUtc))
        return;
    if (onlyWithCharges && !store.hasCharges(terms.agreementId, window.startUtc, window.endUtc))
        return;
    qint64 id = 0;
    {
        Transaction transaction(m_database.connection());
        id = store.createDraft(terms, window.startUtc, window.endUtc, now);
        transaction.commit();
    }
    recalculateDraft(id, now); // an older period is not in the job's recalculation window
    ++*written;
}

void Invoicing::recalculateDraft(qint64 invoiceId, const QDateTime &now)
{
    InvoiceStore store(m_database.connection());
    const auto header = store.header(invoiceId);
    if (!header || header->status != QLatin1String("DRAFT"))
        return;
    // The tax of the own legal entity as it is now: a draft follows changes of it until confirmed.
    const QList<InvoiceTerms> terms = store.agreementTerms(now, header->agreementId);
    const Amount taxRate = terms.isEmpty() ? Amount() : terms.first().taxRate;
    const QString taxLabel = terms.isEmpty() ? QString() : terms.first().taxLabel;
    QList<InvoiceLineRow> lines = store.groupCharges(header->agreementId, header->periodStart, header->periodEnd);
    const InvoiceTotals totals = roundInvoiceLines(lines, taxRate);
    Transaction transaction(m_database.connection());
    store.replaceLines(invoiceId, lines, totals, taxRate, taxLabel, now);
    transaction.commit();
}

int Invoicing::run(const QDateTime &now)
{
    int written = 0;
    InvoiceStore store(m_database.connection());
    for (const InvoiceTerms &terms : store.agreementTerms(now)) {
        ensureDraft(terms, now, false, now, &written);
        // The previous period, under the version in force then (it may be another one).
        const QDateTime previous = periodOf(terms, now).startUtc.addMSecs(-1);
        const QList<InvoiceTerms> before = store.agreementTerms(previous, terms.agreementId);
        if (!before.isEmpty())
            ensureDraft(before.first(), previous, true, now, &written);
    }
    const QDateTime recent = now.addDays(-RecalculateDays);
    for (qint64 id : store.draftsStartedBefore(now)) {
        const auto header = store.header(id);
        if (!header || header->periodEnd <= recent)
            continue;
        // Every ten minutes, and once more when the period is over and its last charges are in.
        const QDateTime settled = header->periodEnd.addSecs(SettleSeconds);
        const bool stale = !header->calculatedAt.isValid() || header->calculatedAt.secsTo(now) >= RecalculateEverySeconds
                           || (now >= settled && header->calculatedAt < settled);
        if (stale) {
            recalculateDraft(id, now);
            ++written;
        }
    }
    return written;
}

void Invoicing::recalculate(qint64 invoiceId, const QDateTime &now)
{
    const auto header = InvoiceStore(m_database.connection()).header(invoiceId);
    if (!header)
        throw ApiException::notFound(QStringLiteral("Invoice %1 does not exist").arg(invoiceId));
    if (header->status != QLatin1String("DRAFT"))
        throw ApiException::conflict(QStringLiteral("Invoice %1 is confirmed: its lines no longer change").arg(invoiceId),
                                     QStringLiteral("invoice_confirmed"));
    recalculateDraft(invoiceId, now);
}

void Invoicing::confirm(qint64 invoiceId, const Actor &actor, const QDateTime &now)
{
    InvoiceStore store(m_database.connection());
    const auto header = store.header(invoiceId);
    if (!header)
        throw ApiException::notFound(QStringLiteral("Invoice %1 does not exist").arg(invoiceId));
    if (header->status != QLatin1String("DRAFT"))
        throw ApiException::conflict(QStringLiteral("Invoice %1 is already confirmed").arg(invoiceId),
                                     QStringLiteral("invoice_confirmed"));
    const QDateTime settled = header->periodEnd.addSecs(SettleSeconds);
    if (now < settled)
        throw ApiException::conflict(
            QStringLiteral("The billing period ends %1 (%2): an invoice is confirmed once its period is over and its last "
                           "charges are in, from %3 UTC")
                .arg(header->periodEnd.toTimeZone(zoneOf(header->timeZone)).toString(QStringLiteral("dd.MM.yyyy HH:mm")),
                     header->timeZone, settled.toString(QStringLiteral("dd.MM.yyyy HH:mm"))),
            QStringLiteral("period_not_over"));
    recalculateDraft(invoiceId, now);
    const QList<InvoiceTerms> terms = store.agreementTerms(now, header->agreementId);
    const QString prefix = terms.isEmpty() || terms.first().invoicePrefix.isEmpty() ? QStringLiteral("INV-")
                                                                                    : terms.first().invoicePrefix;
    const int daysForPayment = terms.isEmpty() ? 0 : terms.first().daysForPayment;
    const QDate issueDate = now.toTimeZone(zoneOf(header->timeZone)).date();

    Transaction transaction(m_database.connection());
    const QString reference = prefix + QString::number(store.nextNumber(header->ownLegalEntityId));
    store.confirm(invoiceId, reference, issueDate, issueDate.addDays(daysForPayment), actor.userId, now);
    AuditLog(m_database.connection())
        .record({now, actor, QStringLiteral("invoices"), QStringLiteral("update"), invoiceId,
                 QJsonObject{{QStringLiteral("status"), QStringLiteral("DRAFT")}},
                 QJsonObject{{QStringLiteral("status"), QStringLiteral("CONFIRMED")},
                             {QStringLiteral("referenceNumber"), reference},
                             {QStringLiteral("issueDate"), issueDate.toString(Qt::ISODate)}},
                 header->companyId});
    transaction.commit();
}

} // namespace backoffice::server
