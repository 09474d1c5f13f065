#include "BalanceBook.h"

#include "AgreementChanges.h"
#include "BillingStore.h"
#include "Database.h"

#include <QSet>

namespace backoffice::server {

namespace {
constexpr int LimitRefreshSeconds = 5;
}

BalanceBook::BalanceBook(Database &database)
    : m_database(database)
{
}

void BalanceBook::setLowBalanceHandler(std::function<void(const LowBalance &)> handler)
{
    QMutexLocker lock(&m_mutex);
    m_lowBalance = std::move(handler);
}

void BalanceBook::checkThreshold(qint64 agreementId, Position &position, QList<LowBalance> &alerts)
{
    if (!position.lowBalanceThreshold) {
        position.belowThreshold = false;
        return;
    }
    const bool below = position.balance < *position.lowBalanceThreshold;
    if (below && !position.belowThreshold)
        alerts.append({agreementId, position.companyId, position.code, position.currency, position.balance,
                       *position.lowBalanceThreshold});
    position.belowThreshold = below;
}

void BalanceBook::refreshIfStale(const QDateTime &now, QList<LowBalance> &alerts)
{
    const quint64 generation = AgreementChanges::generation();
    if (m_loadedAt.isValid() && m_loadedAt.secsTo(now) < LimitRefreshSeconds && generation == m_generation)
        return;
    const bool first = !m_loadedAt.isValid();
    m_loadedAt = now;
    m_generation = generation;
    const QList<AgreementFunds> funds = MessagingStore(m_database.connection()).funds(now);
    // The balances just read include every movement up to this id (one statement, one snapshot).
    const qint64 snapshot = funds.isEmpty() ? BillingStore(m_database.connection()).lastMovementId()
                                            : funds.first().lastMovementId;
    QSet<qint64> added;
    for (const AgreementFunds &row : funds) {
        auto it = m_positions.find(row.agreementId);
        if (it == m_positions.end()) {
            Position position;
            position.currency = row.currency;
            position.balance = row.balance;
            it = m_positions.insert(row.agreementId, position);
            added.insert(row.agreementId);
        }
        // Our own charges are ahead of storage (they are still being written): keep the balance we
        // hold, take the terms from the agreement.
        it->currency = row.currency;
        it->creditLimit = row.creditLimit;
        it->companyId = row.companyId;
        it->code = row.code;
        const bool thresholdChanged = it->lowBalanceThreshold != row.lowBalanceThreshold;
        it->lowBalanceThreshold = row.lowBalanceThreshold;
        if (first) {
            it->balance = row.balance;
            // Already low when we start: that was told before (or is plain to see); no new alert.
            it->belowThreshold = row.lowBalanceThreshold && row.balance < *row.lowBalanceThreshold;
        } else if (thresholdChanged) {
            checkThreshold(row.agreementId, *it, alerts);
        }
    }
    if (!first && snapshot > m_lastMovementId) {
        // Agreements read for the first time just now hold these already.
        for (const BalanceMovement &movement : BillingStore(m_database.connection()).movementsAfter(m_lastMovementId)) {
            if (movement.id > snapshot)
                break; // the next refresh takes it, with the balances it belongs to
            auto it = m_positions.find(movement.agreementId);
            if (it == m_positions.end() || added.contains(movement.agreementId))
                continue;
            it->balance += movement.amount;
            checkThreshold(movement.agreementId, *it, alerts);
        }
    }
    m_lastMovementId = std::max(m_lastMovementId, snapshot);
}

void BalanceBook::tell(const QList<LowBalance> &alerts)
{
    std::function<void(const LowBalance &)> handler;
    {
        QMutexLocker lock(&m_mutex);
        handler = m_lowBalance;
    }
    if (!handler)
        return;
    for (const LowBalance &alert : alerts)
        handler(alert);
}

std::optional<BalanceBook::Refusal> BalanceBook::reserve(qint64 agreementId, const QString &currency, Amount amount,
                                                         const QDateTime &now)
{
    QList<LowBalance> alerts;
    std::optional<Refusal> refusal;
    {
        QMutexLocker lock(&m_mutex);
        refreshIfStale(now, alerts);
        auto it = m_positions.find(agreementId);
        if (it == m_positions.end()) {
            refusal = Refusal{QStringLiteral("Agreement %1 does not exist").arg(agreementId)};
        } else if (amount.isZero()) {
        } else if (currency != it->currency) {
            refusal = Refusal{QStringLiteral("The service prices in %1 but the agreement is in %2").arg(currency, it->currency)};
        } else if (it->creditLimit && amount > it->balance + *it->creditLimit - it->reserved) {
            const Amount available = it->balance + *it->creditLimit - it->reserved;
            refusal = Refusal{QStringLiteral("Insufficient funds: %1 %2 available (balance %3, credit limit %4), %5 needed")
                                  .arg(available.toString(), it->currency, it->balance.toString(),
                                       it->creditLimit->toString(), amount.toString())};
        } else {
            it->reserved += amount;
        }
    }
    tell(alerts);
    return refusal;
}

void BalanceBook::release(qint64 agreementId, Amount reserved)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_positions.find(agreementId);
    if (it != m_positions.end())
        it->reserved -= reserved;
}

void BalanceBook::settle(qint64 agreementId, Amount reserved, Amount charged)
{
    QList<LowBalance> alerts;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_positions.find(agreementId);
        if (it == m_positions.end())
            return;
        it->reserved -= reserved;
        it->balance -= charged;
        checkThreshold(agreementId, *it, alerts);
    }
    tell(alerts);
}

std::optional<BalanceBook::Position> BalanceBook::position(qint64 agreementId, const QDateTime &now)
{
    QList<LowBalance> alerts;
    std::optional<Position> found;
    {
        QMutexLocker lock(&m_mutex);
        refreshIfStale(now, alerts);
        const auto it = m_positions.constFind(agreementId);
        if (it != m_positions.cend())
            found = *it;
    }
    tell(alerts);
    return found;
}

} // namespace backoffice::server
