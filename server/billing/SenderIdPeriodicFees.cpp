#include "SenderIdPeriodicFees.h"

#include "AuditLog.h"
#include "Database.h"
#include "EdrRecord.h"
#include "FeeCharges.h"
#include "FeeEntities.h"
#include "FeePeriods.h"
#include "FeePricing.h"
#include "FeeStore.h"
#include "MessagingStore.h"
#include "RatingDataStore.h"
#include "Transaction.h"

#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace backoffice::server {

namespace {

const Actor JobActor {0, QStringLiteral("sender-id-fees")};

QTimeZone billingZone(Database &database, qint64 agreementId, const QDateTime &at)
{
    const auto terms = RatingDataStore(database.connection()).agreementTerms(agreementId, at);
    QTimeZone zone(terms ? terms->billingTimeZone.toUtf8() : QByteArrayLiteral("UTC"));
    return zone.isValid() ? zone : QTimeZone::utc();
}

FeeSchedule scheduleOf(const FeeRuleRow &rule)
{
    return {rule.period == QLatin1String("weekly"),
            rule.startDay,
            rule.chargeDaysBefore,
            rule.effectiveFrom,
            rule.effectiveTill,
            rule.createdAt};
}

QString periodText(const FeePeriodRow &period, const QTimeZone &zone)
{
    const QString format = QStringLiteral("dd.MM.yyyy");
    return QStringLiteral("%1 – %2 (%3)")
        .arg(period.periodStart.toTimeZone(zone).toString(format),
             period.periodEnd.toTimeZone(zone).addSecs(-1).toString(format), QString::fromUtf8(zone.id()));
}

QJsonObject periodJson(const FeePeriodRow &period, const QString &state, int attempts, const QString &error)
{
    QJsonObject json {{QStringLiteral("ruleId"), period.ruleId},
                      {QStringLiteral("periodStart"), period.periodStart.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("state"), state},
                      {QStringLiteral("attempts"), attempts}};
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    return json;
}

} // namespace

SenderIdPeriodicFees::SenderIdPeriodicFees(Database &database, FeePricing &pricing, FeeCharges &charges)
    : m_database(database)
    , m_pricing(pricing)
    , m_charges(charges)
{ }

int SenderIdPeriodicFees::run(const QDateTime &now)
{
    recordDuePeriods(now);
    FeeStore store(m_database.connection());
    int charged = 0;
    for (const FeePeriodRow &period : store.pendingPeriods(now)) {
        const auto rule = store.rule(period.ruleId);
        if (rule && attempt(*rule, period, now))
            ++charged;
    }
    if (charged > 0)
        m_charges.flush(); // the fees are in the invoices made next
    return charged;
}

void SenderIdPeriodicFees::recordDuePeriods(const QDateTime &now)
{
    QSqlDatabase db = m_database.connection();
    FeeStore store(db);
    for (const FeeRuleRow &rule : store.enabledRules()) {
        const QTimeZone zone = billingZone(m_database, rule.agreementId, now);
        const QList<FeePeriod> due = duePeriods(scheduleOf(rule), zone, store.lastPeriodStart(rule.id), now);
        if (due.isEmpty())
            continue;
        Transaction transaction(db);
        for (const FeePeriod &period : due)
            store.insertPeriod(rule.id, period.startUtc, period.endUtc, period.dueUtc,
                               QUuid::createUuid().toString(QUuid::WithoutBraces), now);
        transaction.commit();
    }
}

bool SenderIdPeriodicFees::attempt(const FeeRuleRow &rule, const FeePeriodRow &period, const QDateTime &now)
{
    QSqlDatabase db = m_database.connection();
    FeeStore store(db);
    const QTimeZone zone = billingZone(m_database, rule.agreementId, period.periodStart);
    SenderIdFeeInput input;
    input.agreementId = rule.agreementId;
    input.agreementCurrency = rule.agreementCurrency;
    input.channel = rule.channel;
    input.senderId = rule.senderId;
    input.mno = rule.mno;
    input.senderIdType = rule.senderIdType;
    input.periodicity = rule.period;
    input.at = period.periodStart;
    const FeeQuote fee = m_pricing.senderIdUsageFee(input);
    const int attempts = period.attempts + 1;
    AuditLog audit(db);
    const QJsonObject before = periodJson(period, period.state, period.attempts, {});

    if (!fee.found) {
        Transaction transaction(db);
        const bool givingUp = attempts > rule.maxRetries;
        const QString error = givingUp ? QStringLiteral("Usage fee for %1 not charged after %2 attempts: %3")
                                             .arg(periodText(period, zone))
                                             .arg(attempts)
                                             .arg(fee.message)
                                       : fee.message;
        if (givingUp) {
            store.markFailed(period.id, attempts, fee.message, now);
            store.setRuleError(rule.id, error, now);
            MessagingStore(db).insertNotification(
                QStringLiteral("senderIdFeeFailed"),
                QStringLiteral("Sender ID %1: usage fee for %2 not charged")
                    .arg(rule.senderId, periodText(period, zone)),
                QStringLiteral("Periodic fee rule %1 of sender ID %2 (agreement %3) gave up after %4 attempts. %5")
                    .arg(rule.id)
                    .arg(rule.senderId)
                    .arg(rule.agreementId)
                    .arg(attempts)
                    .arg(fee.message),
                rule.companyId, rule.senderRecordId, now);
        } else {
            store.markRetry(period.id, attempts, now.addSecs(qint64(std::max(1, rule.retryHours)) * 3600), fee.message,
                            now);
        }
        audit.record(
            {now, JobActor, QStringLiteral("sender_id_fee_periods"), QStringLiteral("update"), period.id, before,
             periodJson(period, givingUp ? QStringLiteral("failed") : QStringLiteral("pending"), attempts, error),
             rule.companyId});
        transaction.commit();
        return false;
    }

    ChargeRecord charge;
    charge.chargedAt = now;
    charge.transactionId = period.transactionId;
    charge.companyId = rule.companyId;
    charge.agreementId = rule.agreementId;
    charge.source = chargesource::senderIdPeriodicFee;
    charge.serviceId = fee.serviceId;
    charge.senderRecordId = rule.senderRecordId;
    charge.description
        = QStringLiteral("Sender ID %1 usage fee, %2 %3").arg(rule.senderId, rule.period, periodText(period, zone));
    charge.units = 1;
    charge.unitPrice = fee.amount;
    charge.amount = fee.amount;
    charge.currency = rule.agreementCurrency;
    charge.pricing = fee.pricing;
    {
        Transaction transaction(db);
        store.markCharged(period.id, fee.serviceId, fee.amount, rule.agreementCurrency, charge.description, now);
        store.setRuleError(rule.id, {}, now);
        QJsonObject after = periodJson(period, QStringLiteral("charged"), attempts, {});
        after.insert(QStringLiteral("amount"), fee.amount.toString());
        after.insert(QStringLiteral("currency"), rule.agreementCurrency);
        after.insert(QStringLiteral("transactionId"), period.transactionId);
        audit.record({now, JobActor, QStringLiteral("sender_id_fee_periods"), QStringLiteral("update"), period.id,
                      before, after, rule.companyId});
        transaction.commit();
    }
    m_charges.hand(charge);
    return true;
}

} // namespace backoffice::server
