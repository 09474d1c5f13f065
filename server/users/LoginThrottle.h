#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace backoffice::server {

// Counts failed sign-ins per key ("ip:…", "login:…") over a sliding window and refuses further
// attempts once a key reaches its limit, until the oldest failure leaves the window.
class LoginThrottle final
{
public:
    LoginThrottle(int perLoginLimit = 5, int perAddressLimit = 20, int windowSeconds = 900);

    // Seconds until the next attempt is allowed for this key; 0 when allowed now.
    int retryAfter(const QString &key, const QDateTime &now);
    void recordFailure(const QString &key, const QDateTime &now);
    void reset(const QString &key);

private:
    int limitFor(const QString &key) const;
    void prune(QList<QDateTime> &failures, const QDateTime &now) const;

    int m_perLoginLimit;
    int m_perAddressLimit;
    int m_windowSeconds;
    QHash<QString, QList<QDateTime>> m_failures;
};

} // namespace backoffice::server
