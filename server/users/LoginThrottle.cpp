#include "LoginThrottle.h"

namespace backoffice::server {

LoginThrottle::LoginThrottle(int perLoginLimit, int perAddressLimit, int windowSeconds)
    : m_perLoginLimit(perLoginLimit)
    , m_perAddressLimit(perAddressLimit)
    , m_windowSeconds(windowSeconds)
{
}

int LoginThrottle::limitFor(const QString &key) const
{
    return key.startsWith(QLatin1String("ip:")) ? m_perAddressLimit : m_perLoginLimit;
}

void LoginThrottle::prune(QList<QDateTime> &failures, const QDateTime &now) const
{
    while (!failures.isEmpty() && failures.first().secsTo(now) >= m_windowSeconds)
        failures.removeFirst();
}

int LoginThrottle::retryAfter(const QString &key, const QDateTime &now)
{
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return 0;
    prune(*it, now);
    if (it->isEmpty()) {
        m_failures.erase(it);
        return 0;
    }
    if (it->size() < limitFor(key))
        return 0;
    return qMax(1, static_cast<int>(m_windowSeconds - it->first().secsTo(now)));
}

void LoginThrottle::recordFailure(const QString &key, const QDateTime &now)
{
    QList<QDateTime> &failures = m_failures[key];
    prune(failures, now);
    failures.append(now);
}

void LoginThrottle::reset(const QString &key)
{
    m_failures.remove(key);
}

} // namespace backoffice::server
