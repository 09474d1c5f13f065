#include "BillingStore.h"

#include "SqlColumns.h"
#include "StorageError.h"

#include <QSqlQuery>
#include <QVariant>

namespace backoffice::server {

namespace {

BalanceMovement movementFrom(const QSqlQuery &q)
{
    BalanceMovement m;
    m.id = q.value(0).toLongLong();
    m.agreementId = q.value(1).toLongLong();
    m.at = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    m.kind = q.value(3).toString();
    m.amount = Amount::fromMicros(q.value(4).toLongLong());
    m.currency = q.value(5).toString();
    m.paymentId = q.value(6).toLongLong();
    m.description = q.value(7).toString();
    m.userId = q.value(8).toLongLong();
    return m;
}

const char *const MovementColumns = "id, agreement_id, at, kind, amount, currency, coalesce(payment_id, 0), description,"
                                    " coalesce(user_id, 0)";

} // namespace

BillingStore::BillingStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

qint64 BillingStore::moveBalance(const BalanceMovement &m)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO balance_movements (agreement_id, at, kind, amount, currency, payment_id,"
                             " description, user_id) VALUES (?,?,?,?,?,?,?,?)"));
    q.addBindValue(m.agreementId);
    q.addBindValue(iso(m.at));
    q.addBindValue(m.kind);
    q.addBindValue(m.amount.micros());
    q.addBindValue(m.currency);
    q.addBindValue(idOrNull(m.paymentId));
    q.addBindValue(m.description);
    q.addBindValue(idOrNull(m.userId));
    execOrThrow(q, "record a balance movement");
    const qint64 id = q.lastInsertId().toLongLong();

    QSqlQuery b(m_db);
    b.prepare(QStringLiteral("INSERT INTO agreement_balances (agreement_id, currency, balance, charged_total, updated_at)"
                             " VALUES (?,?,?,0,?) ON CONFLICT (agreement_id) DO UPDATE SET"
                             " balance = agreement_balances.balance + excluded.balance, updated_at = excluded.updated_at"));
    b.addBindValue(m.agreementId);
    b.addBindValue(m.currency);
    b.addBindValue(m.amount.micros());
    b.addBindValue(iso(m.at));
    execOrThrow(b, "move an agreement balance");
    return id;
}

QList<BalanceMovement> BillingStore::movementsAfter(qint64 lastId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM balance_movements WHERE id > ? ORDER BY id").arg(QLatin1String(MovementColumns)));
    q.addBindValue(lastId);
    execOrThrow(q, "read balance movements");
    QList<BalanceMovement> list;
    while (q.next())
        list.append(movementFrom(q));
    return list;
}

qint64 BillingStore::lastMovementId()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM balance_movements"));
    execOrThrow(q, "read the last balance movement");
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<ExpiringPayment> BillingStore::expiringPayments(const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, agreement_id, company_id, reference_code, replenishment_amount, direction,"
                             " agreement_currency FROM payments"
                             " WHERE counted_in_balance = 1 AND confirmed = 0 AND expires_at <= ? ORDER BY id"));
    q.addBindValue(iso(now));
    execOrThrow(q, "find expiring payments");
    QList<ExpiringPayment> list;
    while (q.next()) {
        ExpiringPayment p;
        p.id = q.value(0).toLongLong();
        p.agreementId = q.value(1).toLongLong();
        p.companyId = q.value(2).toLongLong();
        p.referenceCode = q.value(3).toString();
        const Amount amount = Amount::fromMicros(q.value(4).toLongLong());
        p.effect = q.value(5).toString() == QLatin1String("outbound") ? -amount : amount;
        p.currency = q.value(6).toString();
        list.append(p);
    }
    return list;
}

QList<DuePackPurchase> BillingStore::duePackPurchases(const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT e.id, e.agreement_id, e.company_id, e.service_id, s.name, s.type, e.effective_from, a.currency"
        " FROM enabled_services e JOIN services s ON s.id = e.service_id JOIN agreements a ON a.id = e.agreement_id"
        " WHERE e.billing = 'charge' AND s.type IN ('unitPack', 'monetaryPack', 'bundlePack') AND e.effective_from <= ?"
        // The first round's purchase: later rounds of a bundle pack are the engine's (see PackPurchases::transactionId).
        " AND NOT EXISTS (SELECT 1 FROM charges c WHERE c.source = 'packPurchase' AND c.enabled_service_id = e.id"
        " AND c.transaction_id = 'pack-' || e.id)"
        " ORDER BY e.effective_from, e.id"));
    q.addBindValue(iso(now));
    execOrThrow(q, "find packs to charge");
    QList<DuePackPurchase> list;
    while (q.next()) {
        DuePackPurchase p;
        p.enabledServiceId = q.value(0).toLongLong();
        p.agreementId = q.value(1).toLongLong();
        p.companyId = q.value(2).toLongLong();
        p.serviceId = q.value(3).toLongLong();
        p.serviceName = q.value(4).toString();
        p.serviceType = q.value(5).toString();
        p.effectiveFrom = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
        p.currency = q.value(7).toString();
        list.append(p);
    }
    return list;
}

void BillingStore::markNotCounted(qint64 paymentId, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE payments SET counted_in_balance = 0, updated_at = ? WHERE id = ?"));
    q.addBindValue(iso(now));
    q.addBindValue(paymentId);
    execOrThrow(q, "expire a payment");
}

Amount BillingStore::balance(qint64 agreementId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT balance FROM agreement_balances WHERE agreement_id = ?"));
    q.addBindValue(agreementId);
    execOrThrow(q, "read a balance");
    return q.next() ? Amount::fromMicros(q.value(0).toLongLong()) : Amount();
}

QList<LedgerLine> BillingStore::ledger(qint64 agreementId, const QDateTime &from, const QDateTime &till)
{
    QList<LedgerLine> lines;
    QSqlQuery m(m_db);
    m.setForwardOnly(true);
    m.prepare(QStringLiteral("SELECT %1 FROM balance_movements WHERE agreement_id = ? AND at >= ? AND at < ?")
                  .arg(QLatin1String(MovementColumns)));
    m.addBindValue(agreementId);
    m.addBindValue(iso(from));
    m.addBindValue(iso(till));
    execOrThrow(m, "read the ledger's movements");
    while (m.next()) {
        const BalanceMovement movement = movementFrom(m);
        LedgerLine line;
        line.at = movement.at;
        line.kind = movement.kind;
        line.description = movement.description;
        line.amount = movement.amount;
        line.paymentId = movement.paymentId;
        line.movementId = movement.id;
        lines.append(line);
    }
    // ISO-8601 UTC text: its first ten characters are the UTC day.
    QSqlQuery c(m_db);
    c.setForwardOnly(true);
    c.prepare(QStringLiteral("SELECT substr(charged_at, 1, 10) AS day, source, sum(amount), count(*), max(charged_at)"
                             " FROM charges WHERE agreement_id = ? AND charged_at >= ? AND charged_at < ?"
                             " GROUP BY day, source"));
    c.addBindValue(agreementId);
    c.addBindValue(iso(from));
    c.addBindValue(iso(till));
    execOrThrow(c, "read the ledger's charges");
    while (c.next()) {
        LedgerLine line;
        line.at = QDateTime::fromString(c.value(4).toString(), Qt::ISODateWithMs);
        line.kind = QStringLiteral("charges");
        line.source = c.value(1).toString();
        line.amount = -Amount::fromMicros(c.value(2).toLongLong());
        line.count = c.value(3).toLongLong();
        line.description = QStringLiteral("%1 charges of %2 (UTC day)").arg(line.count).arg(c.value(0).toString());
        lines.append(line);
    }
    std::sort(lines.begin(), lines.end(), [](const LedgerLine &a, const LedgerLine &b) {
        return a.at != b.at ? a.at > b.at : a.movementId > b.movementId;
    });
    return lines;
}

Amount BillingStore::movedSince(qint64 agreementId, const QDateTime &from)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT (SELECT coalesce(sum(amount), 0) FROM balance_movements WHERE agreement_id = ? AND at >= ?)"
                             " - (SELECT coalesce(sum(amount), 0) FROM charges WHERE agreement_id = ? AND charged_at >= ?)"));
    q.addBindValue(agreementId);
    q.addBindValue(iso(from));
    q.addBindValue(agreementId);
    q.addBindValue(iso(from));
    execOrThrow(q, "sum the balance's movements");
    return q.next() ? Amount::fromMicros(q.value(0).toLongLong()) : Amount();
}

} // namespace backoffice::server
