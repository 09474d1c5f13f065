#pragma once

#include "Amount.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace backoffice::server {

struct ChargeRecord;

// A sender ID's setup fee as written off (one per sender ID).
struct SetupFeeRow {
    qint64 id = 0;
    qint64 senderRecordId = 0;
    qint64 companyId = 0;
    qint64 agreementId = 0;
    QString mno;
    QString senderIdType;
    qint64 serviceId = 0;
    Amount amount;
    QString currency;
    QString transactionId;
    QDateTime chargedAt;
    qint64 userId = 0;
};

// A periodic fee rule the job works on, with what it needs of its sender ID and agreement.
struct FeeRuleRow {
    qint64 id = 0;
    qint64 companyId = 0;
    qint64 agreementId = 0;
    qint64 senderRecordId = 0;
    QString senderId; // the text ("ACME")
    QString channel; // the sender ID's channel ("sms")
    QString agreementCurrency;
    QDateTime effectiveFrom;
    QDateTime effectiveTill; // invalid: open-ended
    QString period; // monthly | weekly
    int startDay = 1;
    int chargeDaysBefore = 0;
    int retryHours = 1;
    int maxRetries = 3;
    QString senderIdType;
    QString mno;
    QDateTime createdAt;
};

// One period of a rule: pending until priced, then charged or failed.
struct FeePeriodRow {
    qint64 id = 0;
    qint64 ruleId = 0;
    QDateTime periodStart;
    QDateTime periodEnd;
    QDateTime dueAt;
    QString state;
    int attempts = 0;
    QString transactionId;
};

// SQL of the fees that no message causes (server/storage is the only place with SQL): sender ID
// setup fees, periodic fee rules and their periods, and the charges of fees not written yet.
class FeeStore final
{
public:
    explicit FeeStore(QSqlDatabase db);

    std::optional<SetupFeeRow> setupFeeOf(qint64 senderRecordId);
    qint64 insertSetupFee(const SetupFeeRow &row, const QString &chargeDescription, const QDateTime &now);

    QList<FeeRuleRow> enabledRules();
    std::optional<FeeRuleRow> rule(qint64 ruleId);
    // The start of the latest period recorded for the rule, invalid when none.
    QDateTime lastPeriodStart(qint64 ruleId);
    // False when the rule already has that period (the unique (rule, start) pair).
    bool insertPeriod(qint64 ruleId, const QDateTime &start, const QDateTime &end, const QDateTime &due,
                      const QString &transactionId, const QDateTime &now);
    // Pending periods whose next attempt has come, oldest first.
    QList<FeePeriodRow> pendingPeriods(const QDateTime &now);
    void markCharged(qint64 periodId, qint64 serviceId, Amount amount, const QString &currency,
                     const QString &chargeDescription, const QDateTime &now);
    void markRetry(qint64 periodId, int attempts, const QDateTime &nextAttempt, const QString &error,
                   const QDateTime &now);
    void markFailed(qint64 periodId, int attempts, const QString &error, const QDateTime &now);
    // The rule's last error (empty text clears it).
    void setRuleError(qint64 ruleId, const QString &error, const QDateTime &now);

    // The text the additional fee's charge carries (kept to write the charge again if it is lost).
    void setAdditionalFeeChargeDescription(qint64 feeId, const QString &chargeDescription);

    // Charges of fees recorded as written off in the last two days whose charge is not stored:
    // handed to a writer that did not get to write them (the server stopped in between).
    QList<ChargeRecord> missingFeeCharges(const QDateTime &now);

    // What an additional fee still amounts to after the corrections made to it (its amount plus
    // theirs); nullopt when there is no such fee.
    std::optional<Amount> amountAfterCorrections(qint64 feeId);

private:
    QSqlDatabase m_db;
};

} // namespace backoffice::server
