#include "BalanceBook.h"

#include "AgreementChanges.h"
#include "Database.h"

namespace backoffice::server {

namespace {
constexpr int LimitRefreshSeconds = 5;
}

BalanceBook::BalanceBook(Database &database)
    : m_database(database)
{
}

void BalanceBook::refreshIfStale(const QDateTime &now)
{
    const quint64 generation = AgreementChanges::generation();
    if (m_loadedAt.isValid() && m_loadedAt.secsTo(now) < LimitRefreshSeconds && generation == m_generation)
        return;
    const bool first = !m_loadedAt.isValid();
    m_loadedAt = now;
    m_generation = generation;
    for (const AgreementFunds &funds : MessagingStore(m_database.connection()).funds(now)) {
        auto it = m_positions.find(funds.agreementId);
        if (it == m_positions.end()) {
            m_positions.insert(funds.agreementId, {funds.currency, funds.balance, Amount(), funds.creditLimit});
            continue;
        }
        // Our own charges are ahead of storage (they are still being written): keep the balance we
        // hold, take the terms from the agreement.
        it->currency = funds.currency;
        it->creditLimit = funds.creditLimit;
        if (first)
            it->balance = funds.balance;
    }
}

std::optional<BalanceBook::Refusal> BalanceBook::reserve(qint64 agreementId, const QString &currency, Amount amount,
                                                         const QDateTime &now)
{
    QMutexLocker lock(&m_mutex);
    refreshIfStale(now);
    auto it = m_positions.find(agreementId);
    if (it == m_positions.end())
        return Refusal{QStringLiteral("Agreement %1 does not exist").arg(agreementId)};
    if (amount.isZero())
        return std::nullopt;
    if (currency != it->currency)
        return Refusal{QStringLiteral("The service prices in %1 but the agreement is in %2").arg(currency, it->currency)};
    if (it->creditLimit) {
        const Amount available = it->balance + *it->creditLimit - it->reserved;
        if (amount > available)
            return Refusal{QStringLiteral("Insufficient funds: %1 %2 available (balance %3, credit limit %4), %5 needed")
                               .arg(available.toString(), it->currency, it->balance.toString(),
                                    it->creditLimit->toString(), amount.toString())};
    }
    it->reserved += amount;
    return std::nullopt;
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
    QMutexLocker lock(&m_mutex);
    auto it = m_positions.find(agreementId);
    if (it == m_positions.end())
        return;
    it->reserved -= reserved;
    it->balance -= charged;
}

std::optional<BalanceBook::Position> BalanceBook::position(qint64 agreementId, const QDateTime &now)
{
    QMutexLocker lock(&m_mutex);
    refreshIfStale(now);
    const auto it = m_positions.constFind(agreementId);
    if (it == m_positions.cend())
        return std::nullopt;
    return *it;
}

} // namespace backoffice::server
