#include "InvoiceStore.h"

#include "SqlColumns.h"
#include "StorageError.h"

#include <QSqlQuery>
#include <QVariant>

namespace backoffice::server {

InvoiceStore::InvoiceStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QList<InvoiceTerms> InvoiceStore::agreementTerms(const QDateTime &at, qint64 onlyAgreementId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT a.id, a.company_id, a.own_legal_entity_id, a.direction, a.currency, a.code,"
        " v.billing_period, coalesce(v.billing_day, 1), v.split_by_month, v.billing_time_zone, v.days_for_payment,"
        " coalesce(o.tax_rate, 0), coalesce(o.tax_label, ''), coalesce(o.invoice_prefix, ''), v.effective_from, v.effective_till"
        " FROM agreements a"
        " JOIN agreement_versions v ON v.id = (SELECT x.id FROM agreement_versions x WHERE x.agreement_id = a.id"
        "   AND x.effective_from <= ? AND (x.effective_till IS NULL OR x.effective_till > ?)"
        "   ORDER BY x.effective_from DESC LIMIT 1)"
        " JOIN own_legal_entities o ON o.id = a.own_legal_entity_id"
        " WHERE (? = 0 OR a.id = ?) ORDER BY a.id"));
    q.addBindValue(iso(at));
    q.addBindValue(iso(at));
    q.addBindValue(onlyAgreementId);
    q.addBindValue(onlyAgreementId);
    execOrThrow(q, "read agreements' billing terms");
    QList<InvoiceTerms> list;
    while (q.next()) {
        InvoiceTerms t;
        t.agreementId = q.value(0).toLongLong();
        t.companyId = q.value(1).toLongLong();
        t.ownLegalEntityId = q.value(2).toLongLong();
        t.direction = q.value(3).toString() == QLatin1String("vendor") ? QStringLiteral("payable")
                                                                        : QStringLiteral("receivable");
        t.currency = q.value(4).toString();
        t.code = q.value(5).toString();
        t.billingPeriod = q.value(6).toString();
        t.billingDay = q.value(7).toInt();
        t.splitByMonth = q.value(8).toBool();
        t.timeZone = q.value(9).toString();
        t.daysForPayment = q.value(10).toInt();
        t.taxRate = Amount::fromMicros(q.value(11).toLongLong());
        t.taxLabel = q.value(12).toString();
        t.invoicePrefix = q.value(13).toString();
        t.versionFrom = QDateTime::fromString(q.value(14).toString(), Qt::ISODateWithMs);
        t.versionTill = q.value(15).isNull() ? QDateTime() : QDateTime::fromString(q.value(15).toString(), Qt::ISODateWithMs);
        list.append(t);
    }
    return list;
}

std::optional<InvoiceHeader> InvoiceStore::header(qint64 invoiceId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, agreement_id, own_legal_entity_id, company_id, status, period_start, period_end,"
                             " time_zone, calculated_at FROM invoices WHERE id = ?"));
    q.addBindValue(invoiceId);
    execOrThrow(q, "read an invoice");
    if (!q.next())
        return std::nullopt;
    return InvoiceHeader{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                         q.value(4).toString(),  instant(q.value(5)), instant(q.value(6)), q.value(7).toString(),
                         instant(q.value(8))};
}

std::optional<qint64> InvoiceStore::invoiceFor(qint64 agreementId, const QDateTime &periodStart)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM invoices WHERE agreement_id = ? AND period_start = ?"));
    q.addBindValue(agreementId);
    q.addBindValue(iso(periodStart));
    execOrThrow(q, "find an invoice");
    return q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::nullopt;
}

qint64 InvoiceStore::createDraft(const InvoiceTerms &terms, const QDateTime &periodStart, const QDateTime &periodEnd,
                                 const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO invoices (company_id, agreement_id, own_legal_entity_id, direction, period_start,"
                             " period_end, time_zone, billing_period, status, currency, tax_rate, tax_label, created_at,"
                             " updated_at) VALUES (?,?,?,?,?,?,?,?,'DRAFT',?,?,?,?,?)"));
    for (const QVariant &value : {QVariant(terms.companyId), QVariant(terms.agreementId), QVariant(terms.ownLegalEntityId),
                                  QVariant(terms.direction), QVariant(iso(periodStart)), QVariant(iso(periodEnd)),
                                  QVariant(terms.timeZone), QVariant(terms.billingPeriod), QVariant(terms.currency),
                                  QVariant(terms.taxRate.micros()), QVariant(terms.taxLabel), QVariant(iso(now)),
                                  QVariant(iso(now))})
        q.addBindValue(value);
    execOrThrow(q, "create a draft invoice");
    return q.lastInsertId().toLongLong();
}

bool InvoiceStore::hasCharges(qint64 agreementId, const QDateTime &from, const QDateTime &till)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM charges WHERE agreement_id = ? AND charged_at >= ? AND charged_at < ? LIMIT 1"));
    q.addBindValue(agreementId);
    q.addBindValue(iso(from));
    q.addBindValue(iso(till));
    execOrThrow(q, "look for an invoice's charges");
    return q.next();
}

namespace {

// What an invoice line of a fee says before the service and sender ID; empty for traffic.
QString feeLineLabel(const QString &source)
{
    if (source == QLatin1String("senderIdSetupFee"))
        return QStringLiteral("Sender ID setup fee");
    if (source == QLatin1String("senderIdPeriodicFee"))
        return QStringLiteral("Sender ID usage fee");
    if (source == QLatin1String("additionalFee"))
        return QStringLiteral("Additional fees");
    if (source == QLatin1String("rerate"))
        return QStringLiteral("Rerate adjustment"); // what an EDR rerate task added or gave back
    return {};
}

} // namespace

// The charges of one invoice line share these. Each column is one the line keeps (invoice_lines).
constexpr char LineKey[] = "c.source, c.service_id, c.sender_record_id, c.unit_price, c.band, c.price_type,"
                          " c.scale_type, c.scale_tier, c.scale_group, c.rate_id";

QList<InvoiceLineRow> InvoiceStore::groupCharges(qint64 agreementId, const QDateTime &from, const QDateTime &till)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT c.source, coalesce(c.service_id, 0), coalesce(c.sender_record_id, 0), c.unit_price, coalesce(c.band, ''),"
        " count(*), sum(c.units), sum(c.amount),"
        " (SELECT s.name FROM services s WHERE s.id = c.service_id),"
        " (SELECT x.sender_id FROM sender_ids x WHERE x.id = c.sender_record_id),"
        " min(c.description), max(c.description),"
        " coalesce(c.price_type, ''), coalesce(c.scale_type, ''), coalesce(c.scale_tier, 0), coalesce(c.scale_group, ''),"
        " coalesce(c.rate_id, 0)"
        " FROM charges c WHERE c.agreement_id = ? AND c.charged_at >= ? AND c.charged_at < ?"
        " GROUP BY %1 ORDER BY %1").arg(QLatin1String(LineKey)));
    q.addBindValue(agreementId);
    q.addBindValue(iso(from));
    q.addBindValue(iso(till));
    execOrThrow(q, "group an invoice's charges");
    QList<InvoiceLineRow> lines;
    while (q.next()) {
        InvoiceLineRow line;
        line.source = q.value(0).toString();
        line.serviceId = q.value(1).toLongLong();
        line.senderRecordId = q.value(2).toLongLong();
        line.unitPrice = Amount::fromMicros(q.value(3).toLongLong());
        line.band = q.value(4).toString();
        line.chargeCount = q.value(5).toLongLong();
        line.volume = q.value(6).toLongLong();
        line.exactNet = Amount::fromMicros(q.value(7).toLongLong());
        line.pricing.priceType = q.value(12).toString();
        line.pricing.scaleType = q.value(13).toString();
        line.pricing.scaleTier = q.value(14).toInt();
        line.pricing.scaleGroup = q.value(15).toString();
        line.pricing.rateId = q.value(16).toLongLong();
        QStringList parts;
        const QString label = feeLineLabel(line.source);
        if (!label.isEmpty())
            parts << label;
        if (!q.value(8).isNull())
            parts << q.value(8).toString();
        else if (label.isEmpty())
            parts << line.source;
        if (!q.value(9).isNull())
            parts << QStringLiteral("sender %1").arg(q.value(9).toString());
        // An additional fee's own words, when every charge of the line has the same.
        if (line.source == QLatin1String("additionalFee") && q.value(10) == q.value(11) && !q.value(10).toString().isEmpty())
            parts = QStringList{q.value(10).toString()};
        if (!line.band.isEmpty())
            parts << line.band;
        line.description = parts.join(QStringLiteral(" · "));
        lines.append(line);
    }
    return lines;
}

void InvoiceStore::replaceLines(qint64 invoiceId, const QList<InvoiceLineRow> &lines, const InvoiceTotals &totals,
                                const Amount &taxRate, const QString &taxLabel, const QDateTime &now)
{
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM invoice_lines WHERE invoice_id = ?"));
    clear.addBindValue(invoiceId);
    execOrThrow(clear, "clear an invoice's lines");
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO invoice_lines (invoice_id, source, service_id, sender_record_id, unit_price,"
                                  " band, price_type, scale_type, scale_tier, scale_group, rate_id,"
                                  " description, charge_count, volume, exact_net, net, tax, total)"
                                  " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const InvoiceLineRow &line : lines) {
        const QVariant values[] = {invoiceId, line.source, idOrNull(line.serviceId), idOrNull(line.senderRecordId),
                                   line.unitPrice.micros(), line.band, textOrNull(line.pricing.priceType),
                                   textOrNull(line.pricing.scaleType), idOrNull(line.pricing.scaleTier),
                                   textOrNull(line.pricing.scaleGroup), idOrNull(line.pricing.rateId), line.description, line.chargeCount, line.volume,
                                   line.exactNet.micros(), line.net.micros(), line.tax.micros(), line.total.micros()};
        for (int i = 0; i < int(std::size(values)); ++i)
            insert.bindValue(i, values[i]);
        execOrThrow(insert, "write an invoice line");
    }
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE invoices SET net = ?, tax = ?, total = ?, charge_count = ?, tax_rate = ?,"
                                  " tax_label = ?, calculated_at = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(totals.net.micros()), QVariant(totals.tax.micros()), QVariant(totals.total.micros()),
                                  QVariant(totals.chargeCount), QVariant(taxRate.micros()), QVariant(taxLabel),
                                  QVariant(iso(now)), QVariant(iso(now)), QVariant(invoiceId)})
        update.addBindValue(value);
    execOrThrow(update, "write an invoice's totals");
}

qint64 InvoiceStore::nextNumber(qint64 ownLegalEntityId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO invoice_sequences (own_legal_entity_id, last_number) VALUES (?, 1)"
                             " ON CONFLICT (own_legal_entity_id) DO UPDATE SET last_number = invoice_sequences.last_number + 1"));
    q.addBindValue(ownLegalEntityId);
    execOrThrow(q, "advance an invoice sequence");
    QSqlQuery r(m_db);
    r.prepare(QStringLiteral("SELECT last_number FROM invoice_sequences WHERE own_legal_entity_id = ?"));
    r.addBindValue(ownLegalEntityId);
    execOrThrow(r, "read an invoice sequence");
    return r.next() ? r.value(0).toLongLong() : 0;
}

void InvoiceStore::confirm(qint64 invoiceId, const QString &reference, const QDate &issueDate, const QDate &dueDate,
                           qint64 userId, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE invoices SET status = 'CONFIRMED', reference_number = ?, issue_date = ?, due_date = ?,"
                             " confirmed_at = ?, confirmed_by = ?, updated_at = ? WHERE id = ? AND status = 'DRAFT'"));
    for (const QVariant &value : {QVariant(reference), QVariant(issueDate.toString(Qt::ISODate)),
                                  QVariant(dueDate.toString(Qt::ISODate)), QVariant(iso(now)), idOrNull(userId),
                                  QVariant(iso(now)), QVariant(invoiceId)})
        q.addBindValue(value);
    execOrThrow(q, "confirm an invoice");
}

QList<qint64> InvoiceStore::draftsStartedBefore(const QDateTime &till)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM invoices WHERE status = 'DRAFT' AND period_start < ? ORDER BY period_start, id"));
    q.addBindValue(iso(till));
    execOrThrow(q, "list draft invoices");
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

} // namespace backoffice::server
