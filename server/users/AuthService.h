#pragma once

#include "LoginThrottle.h"
#include "PasswordPolicy.h"
#include "SessionContext.h"

#include <QHash>
#include <QJsonObject>

namespace backoffice::server {

class Database;
struct UserCredentials;

// Sign-in, sessions and the caller's own password (BO appendix 1). Sessions live in the database
// (tokens stored as SHA-256 digests) and in a cache so a request costs no query once signed in.
class AuthService final
{
public:
    explicit AuthService(Database &database, PasswordPolicy policy = PasswordPolicy());

    // Answers the login body {token, expiresAt, user, permissions, ...} or throws ApiException.
    QJsonObject login(const QString &login, const QString &password, const QString &ipAddress);
    void logout(const SessionContext &session);
    // The caller behind a bearer token, or throws 401.
    SessionContext authenticate(const QByteArray &authorizationHeader, const QString &ipAddress);
    QJsonObject describe(const SessionContext &session) const;
    void changeOwnPassword(SessionContext session, const QString &currentPassword, const QString &newPassword);

    // Checks strength and history of a new password for userId; returns the problem or empty.
    QString passwordProblem(qint64 userId, const QString &login, const QString &password) const;
    // Forget cached sessions of a user whose roles, state or password changed.
    void forgetUser(qint64 userId);

    const PasswordPolicy &policy() const { return m_policy; }

private:
    SessionContext buildContext(const UserCredentials &user, const QString &ipAddress) const;
    bool isAdmin(const UserCredentials &user) const;

    struct CachedSession {
        SessionContext context;
        QDateTime lastSeen;
        QDateTime lastPersisted;
    };

    Database &m_database;
    PasswordPolicy m_policy;
    LoginThrottle m_throttle;
    QHash<QString, CachedSession> m_sessions; // token digest -> session
};

} // namespace backoffice::server
