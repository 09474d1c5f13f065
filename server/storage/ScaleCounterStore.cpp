#include "ScaleCounterStore.h"

#include "SqlColumns.h"
#include "StorageError.h"

#include <QSqlQuery>

namespace backoffice::server {

ScaleCounterStore::ScaleCounterStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QList<BackToFirstCounter> ScaleCounterStore::backToFirstCounters(const QDateTime &since) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT v.agreement_id, a.company_id, a.currency, v.node_id, coalesce(n.scope_id, 0), coalesce(sc.service_id, 0),"
        " v.counter_key, v.period_start, v.units, v.charged"
        " FROM rating_volume_counters v JOIN agreements a ON a.id = v.agreement_id"
        " LEFT JOIN rate_nodes n ON n.id = v.node_id LEFT JOIN service_scopes sc ON sc.id = n.scope_id"
        " WHERE v.back_to_first = 1 AND v.period_start >= ?"
        " AND (v.checked_units IS NULL OR v.checked_units <> v.units OR v.checked_charged <> v.charged)"
        " ORDER BY v.period_start, v.agreement_id, v.node_id"));
    q.addBindValue(iso(since));
    execOrThrow(q, "read back-to-first scale counters");
    QList<BackToFirstCounter> counters;
    while (q.next()) {
        BackToFirstCounter c;
        c.agreementId = q.value(0).toLongLong();
        c.companyId = q.value(1).toLongLong();
        c.currency = q.value(2).toString();
        c.nodeId = q.value(3).toLongLong();
        c.scopeId = q.value(4).toLongLong();
        c.serviceId = q.value(5).toLongLong();
        c.counterKey = q.value(6).toString();
        c.periodStart = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        c.units = q.value(8).toLongLong();
        c.charged = Amount::fromMicros(q.value(9).toLongLong());
        counters.append(c);
    }
    return counters;
}

void ScaleCounterStore::markChecked(const BackToFirstCounter &counter)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE rating_volume_counters SET checked_units = ?, checked_charged = ?"
                             " WHERE agreement_id = ? AND node_id = ? AND counter_key = ? AND period_start = ?"));
    q.addBindValue(counter.units);
    q.addBindValue(counter.charged.micros());
    q.addBindValue(counter.agreementId);
    q.addBindValue(counter.nodeId);
    q.addBindValue(counter.counterKey.isNull() ? QStringLiteral("") : counter.counterKey);
    q.addBindValue(iso(counter.periodStart));
    execOrThrow(q, "mark a back-to-first counter checked");
}

Amount ScaleCounterStore::corrected(const QString &transactionId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(sum(amount), 0) FROM charges WHERE source = 'scaleAdjustment' AND transaction_id = ?"));
    q.addBindValue(transactionId);
    execOrThrow(q, "read back-to-first corrections");
    return Amount::fromMicros(q.next() ? q.value(0).toLongLong() : 0);
}

bool ScaleCounterStore::confirmedInvoiceCovers(qint64 agreementId, const QDateTime &at) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM invoices WHERE agreement_id = ? AND status = 'CONFIRMED'"
                             " AND period_start <= ? AND period_end > ? LIMIT 1"));
    q.addBindValue(agreementId);
    q.addBindValue(iso(at));
    q.addBindValue(iso(at));
    execOrThrow(q, "look for a confirmed invoice");
    return q.next();
}

} // namespace backoffice::server
