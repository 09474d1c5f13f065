#pragma once

#include "EdrRecord.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>

namespace backoffice::server {

// What an agreement may spend: its running balance and the credit limit of the version in force.
struct AgreementFunds {
    qint64 agreementId = 0;
    qint64 companyId = 0;
    QString currency;
    Amount balance;
    std::optional<Amount> creditLimit; // none: unlimited
    QString code;
    std::optional<Amount> lowBalanceThreshold; // none: no alert
    qint64 lastMovementId = 0; // the newest balance movement when this was read (same on every row)
};

struct OutboxEntry {
    qint64 id = 0;
    qint64 clientConnectionId = 0;
    QByteArray pdu;
};

struct CallbackRow {
    qint64 id = 0;
    qint64 edrId = 0;
    QString url;
    QByteArray body;
    int attempts = 0;
};

// The messaging engine's tables (schema version 6): EDRs, charges, balances, the client SMPP
// outbox, callbacks and notifications. One instance per thread; statements used per message are
// prepared once and reused.
class MessagingStore final
{
public:
    explicit MessagingStore(QSqlDatabase db);

    qint64 maxEdrId();
    // Inserts the rows or, for ids already stored, rewrites their mutable columns.
    void upsertEdr(const EdrRecord &edr);
    // The columns that change after admission (status, route, times), for a row already stored.
    void updateEdr(const EdrRecord &edr);
    // False when the charge was written before (the same source and EDR): nothing changes then.
    bool insertCharge(const ChargeRecord &charge);
    void addToBalance(qint64 agreementId, const QString &currency, Amount delta, Amount charged, const QDateTime &now);

    QList<AgreementFunds> funds(const QDateTime &at);
    std::optional<EdrRecord> edrByVendorMessage(qint64 vendorConnectionId, const QString &vendorMessageId);
    std::optional<EdrRecord> edrByMessageId(const QString &messageId);

    void addToOutbox(qint64 clientConnectionId, const QByteArray &pdu, const QDateTime &now);
    // A bundle pack bought again: its round count only grows.
    void setPackRounds(qint64 enabledServiceId, int rounds);
    QList<OutboxEntry> outbox(qint64 clientConnectionId, int limit);
    void removeFromOutbox(qint64 id);

    qint64 maxCallbackId();
    void insertCallback(qint64 id, qint64 edrId, const QString &url, const QByteArray &body, const QDateTime &now);
    void recordCallbackAttempt(qint64 callbackId, const QDateTime &at, int httpStatus, const QString &result,
                               const QString &state, const QDateTime &nextAttemptAt);
    QList<CallbackRow> pendingCallbacks(int limit);

    void insertNotification(const QString &kind, const QString &subject, const QString &body, qint64 companyId,
                            qint64 senderRecordId, const QDateTime &now);

private:
    QSqlQuery &prepared(QSqlQuery &query, bool &ready, const QString &sql);

    QSqlDatabase m_db;
    QSqlQuery m_upsertEdr;
    QSqlQuery m_updateEdr;
    bool m_updateReady = false;
    QSqlQuery m_insertCharge;
    QSqlQuery m_addBalance;
    bool m_upsertReady = false;
    bool m_chargeReady = false;
    bool m_balanceReady = false;
};

} // namespace backoffice::server
