#include "PackBook.h"

#include "Database.h"
#include "StorageError.h"

#include <QSqlQuery>
#include <algorithm>

namespace backoffice::server {

PackBook::PackBook(Database &database)
    : m_database(database)
{
}

PackBook::Usage &PackBook::usage(const PackTerms &pack)
{
    const auto found = m_usage.find(pack.enabledServiceId);
    if (found != m_usage.end())
        return *found;
    Usage loaded;
    loaded.rounds = pack.rounds;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT coalesce(sum(pack_debit), 0) FROM charges WHERE enabled_service_id = ? AND pack_debit IS NOT NULL"));
    q.addBindValue(pack.enabledServiceId);
    execOrThrow(q, "read what a pack has used");
    if (q.next())
        loaded.used = q.value(0).toLongLong();
    return *m_usage.insert(pack.enabledServiceId, loaded);
}

bool PackBook::reserve(const PackTerms &pack, qint64 amount)
{
    QMutexLocker lock(&m_mutex);
    Usage &u = usage(pack);
    if (amount < 0 || pack.size * u.rounds - u.used - u.reserved < amount)
        return false;
    u.reserved += amount;
    return true;
}

void PackBook::release(qint64 enabledServiceId, qint64 reserved)
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_usage.find(enabledServiceId);
    if (found != m_usage.end())
        found->reserved = std::max<qint64>(0, found->reserved - reserved);
}

void PackBook::settle(qint64 enabledServiceId, qint64 reserved, qint64 used)
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_usage.find(enabledServiceId);
    if (found == m_usage.end())
        return; // never loaded: the next load reads the charge from storage
    found->reserved = std::max<qint64>(0, found->reserved - reserved);
    found->used += used;
}

int PackBook::reserveExtending(const PackTerms &pack, qint64 amount)
{
    QMutexLocker lock(&m_mutex);
    Usage &u = usage(pack);
    if (amount < 0 || amount > pack.size)
        return -1;
    int round = 0;
    if (pack.size * u.rounds - u.used - u.reserved < amount)
        round = ++u.rounds; // what the last round left is not lost: storage counts size × rounds − used too
    u.reserved += amount;
    return round;
}

void PackBook::retract(qint64 enabledServiceId, int round, qint64 reserved)
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_usage.find(enabledServiceId);
    if (found == m_usage.end())
        return;
    found->reserved = std::max<qint64>(0, found->reserved - reserved);
    if (round > 0 && found->rounds == round)
        found->rounds -= 1;
}

PackBook::Left PackBook::state(const PackTerms &pack)
{
    QMutexLocker lock(&m_mutex);
    const Usage &u = usage(pack);
    return {pack.size * u.rounds, u.used, u.reserved, u.rounds};
}

} // namespace backoffice::server
