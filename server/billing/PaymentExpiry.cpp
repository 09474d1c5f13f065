#include "PaymentExpiry.h"

#include "AgreementChanges.h"
#include "AuditLog.h"
#include "BillingStore.h"
#include "Database.h"
#include "Transaction.h"

#include <QJsonObject>

namespace backoffice::server {

PaymentExpiry::PaymentExpiry(Database &database)
    : m_database(database)
{
}

int PaymentExpiry::run(const QDateTime &now)
{
    QSqlDatabase db = m_database.connection();
    BillingStore store(db);
    const QList<ExpiringPayment> due = store.expiringPayments(now);
    if (due.isEmpty())
        return 0;
    Transaction transaction(db);
    AuditLog audit(db);
    for (const ExpiringPayment &payment : due) {
        store.markNotCounted(payment.id, now);
        BalanceMovement movement;
        movement.agreementId = payment.agreementId;
        movement.at = now;
        movement.kind = QStringLiteral("paymentExpired");
        movement.amount = -payment.effect;
        movement.currency = payment.currency;
        movement.paymentId = payment.id;
        movement.description = QStringLiteral("Payment %1 expired: not confirmed in time").arg(payment.referenceCode);
        if (!movement.amount.isZero())
            store.moveBalance(movement);
        audit.record({now, Actor{0, QStringLiteral("payment-expiry")}, QStringLiteral("payments"), QStringLiteral("update"),
                      payment.id, QJsonObject{{QStringLiteral("countedInBalance"), true}},
                      QJsonObject{{QStringLiteral("countedInBalance"), false}, {QStringLiteral("status"), QStringLiteral("EXPIRED")}},
                      payment.companyId});
    }
    transaction.commit();
    AgreementChanges::changed();
    return int(due.size());
}

} // namespace backoffice::server
