#pragma once

#include "Amount.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace backoffice::server {

// A change of an agreement's balance that is not a charge (payments and their confirmations,
// expiries and deletions). Written together with the balance it moves.
struct BalanceMovement {
    qint64 id = 0;
    qint64 agreementId = 0;
    QDateTime at;
    QString kind; // paymentAdded | paymentChanged | paymentConfirmed | paymentWithdrawn | paymentExpired | paymentDeleted
    Amount amount; // signed, in the agreement's currency
    QString currency;
    qint64 paymentId = 0;
    QString description;
    qint64 userId = 0;
};

// An unconfirmed payment whose confirm-before day is over but that still counts in the balance.
struct ExpiringPayment {
    qint64 id = 0;
    qint64 agreementId = 0;
    qint64 companyId = 0;
    QString referenceCode;
    Amount effect; // what it adds to the balance now (negative for outbound payments)
    QString currency;
};

// One line of an agreement's ledger: a balance movement, or the charges of one UTC day and source.
struct LedgerLine {
    QDateTime at;          // the movement's time, or the day's last charge
    QString kind;          // a movement kind, or "charges"
    QString source;        // charges: traffic, packPurchase, senderFee, additionalFee, trafficRefund
    QString description;
    Amount amount;         // signed
    qint64 count = 1;      // charges summed into the line
    qint64 paymentId = 0;
    qint64 movementId = 0;
};

// An enabled pack billed "charge" whose effective-from has come and whose cost is not written off.
struct DuePackPurchase {
    qint64 enabledServiceId = 0;
    qint64 agreementId = 0;
    qint64 companyId = 0;
    qint64 serviceId = 0;
    QString serviceName;
    QString serviceType; // unitPack | monetaryPack | bundlePack
    QDateTime effectiveFrom;
    QString currency;    // the agreement's
};

// SQL of finance: payments' balance movements, their expiry, and the ledger (server/storage is the
// only place with SQL).
class BillingStore final
{
public:
    explicit BillingStore(QSqlDatabase db);

    // Inserts the movement and moves the agreement's balance by its amount (caller's transaction).
    qint64 moveBalance(const BalanceMovement &movement);
    // Movements with an id above lastId, oldest first: how the messaging engine follows them.
    QList<BalanceMovement> movementsAfter(qint64 lastId);
    qint64 lastMovementId();

    QList<ExpiringPayment> expiringPayments(const QDateTime &now);
    QList<DuePackPurchase> duePackPurchases(const QDateTime &now);
    void markNotCounted(qint64 paymentId, const QDateTime &now);

    // The stored balance (payments − charges); zero when nothing moved it yet.
    Amount balance(qint64 agreementId);
    // Movements one by one and charges per UTC day and source, in [from, till), newest first.
    QList<LedgerLine> ledger(qint64 agreementId, const QDateTime &from, const QDateTime &till);
    // What moved the balance at or after `from` (to work back from today's balance).
    Amount movedSince(qint64 agreementId, const QDateTime &from);

private:
    QSqlDatabase m_db;
};

} // namespace backoffice::server
