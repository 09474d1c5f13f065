#pragma once

#include "Amount.h"
#include "MessagingStore.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <functional>

namespace backoffice::server {

class Database;

// What each agreement may still spend, in memory, so concurrent traffic cannot overspend: balance
// + credit limit − money reserved for parts accepted but not charged yet. A part reserves its price
// at admission; the charge (or the failure) settles the reservation. The balance starts from
// storage and then follows the engine's own charges and the balance movements others write
// (payments, their expiry), which it reads by id; the credit limit (the agreement version in force)
// and the low-balance threshold are re-read after any agreement change, and every few seconds for
// versions that come into force by the clock.
class BalanceBook final
{
public:
    explicit BalanceBook(Database &database);

    // Told (outside the book's lock) when an agreement's balance falls below its low-balance
    // threshold; once per crossing: it must rise to the threshold again before the next alert.
    struct LowBalance {
        qint64 agreementId = 0;
        qint64 companyId = 0;
        QString code;
        QString currency;
        Amount balance;
        Amount threshold;
    };
    void setLowBalanceHandler(std::function<void(const LowBalance &)> handler);

    struct Refusal {
        QString reason;
    };
    // Reserves amount for the agreement; a refusal says why (unknown agreement, another currency,
    // not enough money: with the figures).
    std::optional<Refusal> reserve(qint64 agreementId, const QString &currency, Amount amount, const QDateTime &now);
    void release(qint64 agreementId, Amount reserved);
    // The reservation becomes a charge of `charged` (the same amount, except after a restart when
    // nothing was reserved).
    void settle(qint64 agreementId, Amount reserved, Amount charged);

    struct Position {
        QString currency;
        Amount balance;
        Amount reserved;
        std::optional<Amount> creditLimit;
        qint64 companyId = 0;
        QString code;
        std::optional<Amount> lowBalanceThreshold;
        bool belowThreshold = false;
    };
    std::optional<Position> position(qint64 agreementId, const QDateTime &now);

private:
    void refreshIfStale(const QDateTime &now, QList<LowBalance> &alerts); // with m_mutex held
    void checkThreshold(qint64 agreementId, Position &position, QList<LowBalance> &alerts); // with m_mutex held
    void tell(const QList<LowBalance> &alerts); // without the lock

    Database &m_database;
    QMutex m_mutex;
    QHash<qint64, Position> m_positions;
    QDateTime m_loadedAt;
    quint64 m_generation = 0; // AgreementChanges at the last load
    qint64 m_lastMovementId = 0;
    std::function<void(const LowBalance &)> m_lowBalance;
};

} // namespace backoffice::server
