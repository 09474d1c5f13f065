#pragma once

#include "Amount.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace backoffice::server {

// An EDR rerate task as the job and the actions read it (BO §7.5).
struct RerateTaskRow {
    qint64 id = 0;
    qint64 companyId = 0;
    qint64 agreementId = 0; // 0: every agreement of the company
    QDateTime timeFrom;     // EDRs accepted in [timeFrom, timeTill)
    QDateTime timeTill;
    QStringList channels;   // empty: every channel
    QDateTime scheduledFor; // invalid: as soon as scheduled
    QString status;
    qint64 estimatedCount = 0;
    qint64 processedCount = 0;
    qint64 updatedCount = 0;
    qint64 failedCount = 0;
    // What people read: why the last run failed (until the task completes), then how many EDRs
    // could not be priced.
    QString errorMessage;
    QString firstFailure; // the first EDR that could not be priced, kept for the completion message
    QDateTime startedAt;
    // Where the walk over the matching EDRs (in accepted_at, id order) got to.
    QDateTime cursorAcceptedAt;
    qint64 cursorEdrId = 0;
};

// One EDR a task matches, with what it needs to be priced again and what it has cost so far.
struct RerateEdr {
    qint64 id = 0;
    QDateTime acceptedAt;
    QString transactionId;
    qint64 companyId = 0;
    qint64 agreementId = 0;
    QString channel;
    QString status;
    qint64 senderRecordId = 0;
    QString senderId;    // the sender ID record's text (the counter of sender-ID scales)
    QString destination; // international digits
    QString country;
    QString mccMnc;
    QString network;
    int partNumber = 1;
    int partCount = 1;
    qint64 serviceId = 0;
    qint64 enabledServiceId = 0;
    Amount price;        // the EDR's price as last rated
    QString currency;
    QString billingRule;
    Amount chargedSoFar; // Σ of its charges: traffic, refunds and earlier adjustments
    std::optional<qint64> periodVolume; // the scale volume it was first priced against
    bool adjustedByTask = false; // this task wrote its adjustment already (a run cut short)
};

// What a batch changes in the EDRs it rerated.
struct EdrNewRating {
    qint64 edrId = 0;
    Amount price;
    qint64 serviceId = 0;
    qint64 enabledServiceId = 0;
    QString billingRule;
};

// How far a batch took its task.
struct RerateProgress {
    qint64 processed = 0;
    qint64 updated = 0;
    qint64 failed = 0;
    QDateTime cursorAcceptedAt;
    qint64 cursorEdrId = 0;
    QString firstFailure; // kept only while the task has none yet
};

// The SQL of EDR rerate tasks (server/storage is the only place with SQL). Which EDRs a task
// matches: the company's (and agreement's, and channels') EDRs accepted in the task's period that
// were charged and whose outcome is final and not FAILED: parts still in flight are the engine's,
// and a failed part was refunded and must stay free.
class RerateStore final
{
public:
    explicit RerateStore(QSqlDatabase db);

    std::optional<RerateTaskRow> task(qint64 id);
    qint64 countMatching(const RerateTaskRow &task);
    // The next matching EDRs after the task's cursor, in (accepted_at, id) order.
    QList<RerateEdr> nextBatch(const RerateTaskRow &task, int limit);
    // RUNNING tasks (cut short before), then SCHEDULED ones whose time has come, oldest first.
    QList<RerateTaskRow> runnable(const QDateTime &now);
    QList<RerateTaskRow> running();

    void setEstimate(qint64 id, qint64 estimated);
    // Conditional status changes: false when the task is no longer in a status that allows it.
    bool markScheduled(qint64 id, qint64 estimated, const QDateTime &scheduledFor, qint64 userId, const QDateTime &now);
    bool markCanceled(qint64 id, qint64 userId, const QDateTime &now);
    // Scheduling starts the walk from the beginning; running (again, after a failed run) goes on
    // from the cursor, and keeps the last failure's message until the task completes.
    bool markRunning(qint64 id, const QDateTime &now);
    // A run that failed (or was cut off by a stop): back to SCHEDULED, saying why, for the next run.
    bool markRetry(qint64 id, const QString &errorMessage, const QDateTime &now);
    void markComplete(qint64 id, const QString &errorMessage, const QDateTime &now);

    // The new price and service of rerated EDRs and the task's counters and cursor (caller's
    // transaction).
    void saveBatch(qint64 taskId, const QList<EdrNewRating> &edrs, const RerateProgress &progress, const QDateTime &now);

private:
    QSqlDatabase m_db;
};

} // namespace backoffice::server
