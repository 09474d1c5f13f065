#pragma once

#include "Permissions.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>
#include <optional>

namespace backoffice::server {

struct UserCredentials {
    qint64 id = 0;
    qint64 companyId = 0;
    QString kind;
    QString login;
    QString passwordHash;
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    QString companyName;
    bool enabled = false;
    bool companyEnabled = false;
    bool companyIsPlatformOwner = false;
    bool noRestrictions = false;
    bool mustChangePassword = false;
    QDateTime lastLoginAt;
    QDateTime passwordChangedAt;
    QDateTime activityResetAt;
    QDateTime createdAt;
};

struct RoleGrant {
    qint64 roleId = 0;
    QString name;
    QString systemKey;
    PermissionSet permissions;
};

struct SessionRow {
    qint64 id = 0;
    qint64 userId = 0;
    QDateTime lastSeenAt;
};

// SQL behind sign-in: credentials, roles, password history and sessions.
class AuthStore final
{
public:
    explicit AuthStore(QSqlDatabase db);

    std::optional<UserCredentials> findUserByLogin(const QString &login) const;
    std::optional<UserCredentials> findUser(qint64 userId) const;
    QList<RoleGrant> rolesOf(qint64 userId) const;
    QStringList recentPasswordHashes(qint64 userId, int depth) const;

    void recordLogin(qint64 userId, const QDateTime &now);
    void storePassword(qint64 userId, const QString &hash, const QDateTime &now, bool mustChange);
    void setEnabled(qint64 userId, bool enabled, const QDateTime &now);

    void createSession(const QString &tokenHash, qint64 userId, const QString &ip, const QDateTime &now);
    std::optional<SessionRow> findSession(const QString &tokenHash) const;
    void touchSession(qint64 sessionId, const QDateTime &now);
    void deleteSession(const QString &tokenHash);
    void deleteSessionsOfUser(qint64 userId);

    // Users of a company that are still enabled (blocking a company disables them).
    QList<qint64> enabledUsersOfCompany(qint64 companyId) const;
    // The company and every company below it (resellers' clients), by parent_company_id.
    QList<qint64> companySubtree(qint64 companyId) const;
    bool loginTaken(const QString &login, qint64 exceptUserId) const;
    qint64 systemRoleId(const QString &systemKey) const; // 0 when unknown
    // Demo accounts are meant to be tried at once: they skip the first-sign-in password change.
    void waivePasswordChange(qint64 userId);
    bool hasCompaniesBesidesOwner() const;

private:
    std::optional<UserCredentials> findUserWhere(const QString &condition, const QVariant &value) const;
    QSqlDatabase m_db;
};

// Creates or refreshes the system roles of the permission catalogue (they are code, not data).
void syncSystemRoles(QSqlDatabase db, const QDateTime &now);

} // namespace backoffice::server
