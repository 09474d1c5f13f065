#include "FeeStore.h"

#include "EdrRecord.h"
#include "SqlColumns.h"
#include "StorageError.h"

#include <QSqlQuery>
#include <QVariant>

namespace backoffice::server {

namespace {

// The same term as the partial unique index charges_fee_transaction, so SQLite can use it.
const char *const FeeSources = "c.source IN ('senderIdSetupFee', 'senderIdPeriodicFee', 'additionalFee')";

// How far back the job looks for fees whose charge the writer did not get to store.
constexpr qint64 RecoveryWindowSeconds = 2 * 24 * 3600;

const char *const RuleColumns
    = "r.id, r.company_id, r.agreement_id, r.sender_record_id, x.sender_id, x.channel, a.currency, r.effective_from,"
      " r.effective_till, r.period, r.start_day, r.charge_days_before, r.retry_hours, r.max_retries,"
      " coalesce(r.sender_id_type, ''), coalesce(r.mno, ''), r.created_at"
      " FROM sender_id_fee_rules r JOIN sender_ids x ON x.id = r.sender_record_id JOIN agreements a ON a.id = "
      "r.agreement_id";

FeeRuleRow ruleFrom(const QSqlQuery &q)
{
    FeeRuleRow r;
    r.id = q.value(0).toLongLong();
    r.companyId = q.value(1).toLongLong();
    r.agreementId = q.value(2).toLongLong();
    r.senderRecordId = q.value(3).toLongLong();
    r.senderId = q.value(4).toString();
    r.channel = q.value(5).toString();
    r.agreementCurrency = q.value(6).toString();
    r.effectiveFrom = instant(q.value(7));
    r.effectiveTill = instant(q.value(8));
    r.period = q.value(9).toString();
    r.startDay = q.value(10).toInt();
    r.chargeDaysBefore = q.value(11).toInt();
    r.retryHours = q.value(12).toInt();
    r.maxRetries = q.value(13).toInt();
    r.senderIdType = q.value(14).toString();
    r.mno = q.value(15).toString();
    r.createdAt = instant(q.value(16));
    return r;
}

} // namespace

FeeStore::FeeStore(QSqlDatabase db)
    : m_db(std::move(db))
{ }

std::optional<SetupFeeRow> FeeStore::setupFeeOf(qint64 senderRecordId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, sender_record_id, company_id, agreement_id, coalesce(mno, ''),"
                             " coalesce(sender_id_type, ''), coalesce(service_id, 0), amount, currency, transaction_id,"
                             " charged_at, coalesce(user_id, 0) FROM sender_id_setup_fees WHERE sender_record_id = ?"));
    q.addBindValue(senderRecordId);
    execOrThrow(q, "read a sender ID's setup fee");
    if (!q.next())
        return std::nullopt;
    SetupFeeRow row;
    row.id = q.value(0).toLongLong();
    row.senderRecordId = q.value(1).toLongLong();
    row.companyId = q.value(2).toLongLong();
    row.agreementId = q.value(3).toLongLong();
    row.mno = q.value(4).toString();
    row.senderIdType = q.value(5).toString();
    row.serviceId = q.value(6).toLongLong();
    row.amount = Amount::fromMicros(q.value(7).toLongLong());
    row.currency = q.value(8).toString();
    row.transactionId = q.value(9).toString();
    row.chargedAt = instant(q.value(10));
    row.userId = q.value(11).toLongLong();
    return row;
}

qint64 FeeStore::insertSetupFee(const SetupFeeRow &row, const QString &chargeDescription, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO sender_id_setup_fees (sender_record_id, company_id, agreement_id, mno,"
                       " sender_id_type, service_id, amount, currency, transaction_id, charge_description, charged_at,"
                       " user_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const QVariant &value :
         {QVariant(row.senderRecordId), QVariant(row.companyId), QVariant(row.agreementId), textOrNull(row.mno),
          textOrNull(row.senderIdType), idOrNull(row.serviceId), QVariant(row.amount.micros()), QVariant(row.currency),
          QVariant(row.transactionId), QVariant(chargeDescription), QVariant(iso(row.chargedAt)), idOrNull(row.userId),
          QVariant(iso(now))})
        q.addBindValue(value);
    execOrThrow(q, "record a sender ID's setup fee");
    return q.lastInsertId().toLongLong();
}

QList<FeeRuleRow> FeeStore::enabledRules()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(RuleColumns)
              + QStringLiteral(" WHERE r.enabled = 1 ORDER BY r.id"));
    execOrThrow(q, "read the periodic fee rules");
    QList<FeeRuleRow> list;
    while (q.next())
        list.append(ruleFrom(q));
    return list;
}

std::optional<FeeRuleRow> FeeStore::rule(qint64 ruleId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + QLatin1String(RuleColumns) + QStringLiteral(" WHERE r.id = ?"));
    q.addBindValue(ruleId);
    execOrThrow(q, "read a periodic fee rule");
    if (!q.next())
        return std::nullopt;
    return ruleFrom(q);
}

QDateTime FeeStore::lastPeriodStart(qint64 ruleId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT max(period_start) FROM sender_id_fee_periods WHERE rule_id = ?"));
    q.addBindValue(ruleId);
    execOrThrow(q, "read a rule's last period");
    return q.next() ? instant(q.value(0)) : QDateTime();
}

bool FeeStore::insertPeriod(qint64 ruleId, const QDateTime &start, const QDateTime &end, const QDateTime &due,
                            const QString &transactionId, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO sender_id_fee_periods (rule_id, period_start, period_end, due_at, state,"
                       " attempts, next_attempt_at, transaction_id, updated_at) VALUES (?,?,?,?,'pending',0,?,?,?)"
                       " ON CONFLICT DO NOTHING"));
    for (const QVariant &value : {QVariant(ruleId), QVariant(iso(start)), QVariant(iso(end)), QVariant(iso(due)),
                                  QVariant(iso(due)), QVariant(transactionId), QVariant(iso(now))})
        q.addBindValue(value);
    execOrThrow(q, "record a fee period");
    return q.numRowsAffected() == 1;
}

QList<FeePeriodRow> FeeStore::pendingPeriods(const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // A disabled rule's periods wait: enabling the rule again resumes them.
    q.prepare(
        QStringLiteral("SELECT p.id, p.rule_id, p.period_start, p.period_end, p.due_at, p.state, p.attempts,"
                       " p.transaction_id FROM sender_id_fee_periods p JOIN sender_id_fee_rules r ON r.id = p.rule_id"
                       " WHERE p.state = 'pending' AND p.next_attempt_at <= ? AND r.enabled = 1"
                       " ORDER BY p.period_start, p.id"));
    q.addBindValue(iso(now));
    execOrThrow(q, "read the fee periods to charge");
    QList<FeePeriodRow> list;
    while (q.next()) {
        FeePeriodRow p;
        p.id = q.value(0).toLongLong();
        p.ruleId = q.value(1).toLongLong();
        p.periodStart = instant(q.value(2));
        p.periodEnd = instant(q.value(3));
        p.dueAt = instant(q.value(4));
        p.state = q.value(5).toString();
        p.attempts = q.value(6).toInt();
        p.transactionId = q.value(7).toString();
        list.append(p);
    }
    return list;
}

void FeeStore::markCharged(qint64 periodId, qint64 serviceId, Amount amount, const QString &currency,
                           const QString &chargeDescription, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sender_id_fee_periods SET state = 'charged', attempts = attempts + 1,"
                             " next_attempt_at = NULL, last_error = NULL, service_id = ?, amount = ?, currency = ?,"
                             " charge_description = ?, charged_at = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant &value :
         {idOrNull(serviceId), QVariant(amount.micros()), QVariant(currency), QVariant(chargeDescription),
          QVariant(iso(now)), QVariant(iso(now)), QVariant(periodId)})
        q.addBindValue(value);
    execOrThrow(q, "mark a fee period charged");
}

void FeeStore::markRetry(qint64 periodId, int attempts, const QDateTime &nextAttempt, const QString &error,
                         const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sender_id_fee_periods SET attempts = ?, next_attempt_at = ?, last_error = ?,"
                             " updated_at = ? WHERE id = ?"));
    for (const QVariant &value :
         {QVariant(attempts), QVariant(iso(nextAttempt)), QVariant(error), QVariant(iso(now)), QVariant(periodId)})
        q.addBindValue(value);
    execOrThrow(q, "schedule a fee period's retry");
}

void FeeStore::markFailed(qint64 periodId, int attempts, const QString &error, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sender_id_fee_periods SET state = 'failed', attempts = ?, next_attempt_at = NULL,"
                             " last_error = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(attempts), QVariant(error), QVariant(iso(now)), QVariant(periodId)})
        q.addBindValue(value);
    execOrThrow(q, "mark a fee period failed");
}

void FeeStore::setRuleError(qint64 ruleId, const QString &error, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sender_id_fee_rules SET last_error = ?, last_error_at = ? WHERE id = ?"));
    q.addBindValue(textOrNull(error));
    q.addBindValue(error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(iso(now)));
    q.addBindValue(ruleId);
    execOrThrow(q, "record a fee rule's error");
}

void FeeStore::setAdditionalFeeChargeDescription(qint64 feeId, const QString &chargeDescription)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE additional_fees SET charge_description = ? WHERE id = ?"));
    q.addBindValue(chargeDescription);
    q.addBindValue(feeId);
    execOrThrow(q, "describe an additional fee's charge");
}

QList<ChargeRecord> FeeStore::missingFeeCharges(const QDateTime &now)
{
    const QString since = iso(now.addSecs(-RecoveryWindowSeconds));
    const QString missing
        = QStringLiteral(" NOT EXISTS (SELECT 1 FROM charges c WHERE %1 AND c.transaction_id = f.transaction_id)")
              .arg(QLatin1String(FeeSources));
    // source, time, transaction, company, agreement, service, sender, description, units, unit price, amount, currency
    const QStringList selects {
        QStringLiteral("SELECT 'senderIdSetupFee', f.charged_at, f.transaction_id, f.company_id, f.agreement_id,"
                       " f.service_id, f.sender_record_id, f.charge_description, 1, f.amount, f.amount, f.currency"
                       " FROM sender_id_setup_fees f WHERE f.charged_at >= ? AND")
            + missing,
        QStringLiteral("SELECT 'senderIdPeriodicFee', f.charged_at, f.transaction_id, r.company_id, r.agreement_id,"
                       " f.service_id, r.sender_record_id, f.charge_description, 1, f.amount, f.amount, f.currency"
                       " FROM sender_id_fee_periods f JOIN sender_id_fee_rules r ON r.id = f.rule_id"
                       " WHERE f.charged_at >= ? AND f.state = 'charged' AND")
            + missing,
        QStringLiteral(
            "SELECT 'additionalFee', f.issued_at, f.transaction_id, f.company_id, f.agreement_id,"
            " f.service_id, NULL, f.charge_description, coalesce(f.volume, 1), coalesce(f.unit_price, f.amount),"
            " f.amount, f.currency FROM additional_fees f WHERE f.issued_at >= ? AND f.issued = 1 AND")
            + missing,
    };
    QList<ChargeRecord> list;
    for (const QString &select : selects) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(select);
        q.addBindValue(since);
        execOrThrow(q, "look for fees without their charge");
        while (q.next()) {
            ChargeRecord c;
            c.source = q.value(0).toString();
            c.chargedAt = instant(q.value(1));
            c.transactionId = q.value(2).toString();
            c.companyId = q.value(3).toLongLong();
            c.agreementId = q.value(4).toLongLong();
            c.serviceId = q.value(5).toLongLong();
            c.senderRecordId = q.value(6).toLongLong();
            c.description = q.value(7).toString();
            c.units = q.value(8).toLongLong();
            c.unitPrice = Amount::fromMicros(q.value(9).toLongLong());
            c.amount = Amount::fromMicros(q.value(10).toLongLong());
            c.currency = q.value(11).toString();
            list.append(c);
        }
    }
    return list;
}

std::optional<Amount> FeeStore::amountAfterCorrections(qint64 feeId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT f.amount + coalesce((SELECT sum(k.amount) FROM additional_fees k"
                             " WHERE k.corrects_fee_id = f.id), 0) FROM additional_fees f WHERE f.id = ?"));
    q.addBindValue(feeId);
    execOrThrow(q, "read what a fee amounts to after corrections");
    if (!q.next())
        return std::nullopt;
    return Amount::fromMicros(q.value(0).toLongLong());
}

} // namespace backoffice::server
