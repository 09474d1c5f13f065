#pragma once

#include "Amount.h"
#include "MessagingStore.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>

namespace backoffice::server {

class Database;

// What each agreement may still spend, in memory, so concurrent traffic cannot overspend: balance
// + credit limit − money reserved for parts accepted but not charged yet. A part reserves its price
// at admission; the charge (or the failure) settles the reservation. The balance starts from
// storage and then follows the engine's own charges; the credit limit (the agreement version in
// force) is re-read after any agreement change, and every few seconds for versions that come into
// force by the clock.
class BalanceBook final
{
public:
    explicit BalanceBook(Database &database);

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
    };
    std::optional<Position> position(qint64 agreementId, const QDateTime &now);

private:
    void refreshIfStale(const QDateTime &now); // with m_mutex held

    Database &m_database;
    QMutex m_mutex;
    QHash<qint64, Position> m_positions;
    QDateTime m_loadedAt;
    quint64 m_generation = 0; // AgreementChanges at the last load
};

} // namespace backoffice::server
