#include "AuthStore.h"

#include "EntityRepository.h"
#include "SqlColumns.h"
#include "StorageError.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace backoffice::server {

AuthStore::AuthStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<UserCredentials> AuthStore::findUserWhere(const QString &condition, const QVariant &value) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT u.id, u.company_id, u.kind, u.login, u.password_hash, u.first_name, u.last_name,"
                             " u.email, u.enabled, c.enabled, c.is_platform_owner, u.no_restrictions,"
                             " u.must_change_password, u.last_login_at, u.password_changed_at, u.activity_reset_at,"
                             " u.created_at, u.phone, c.name FROM users u JOIN companies c ON c.id = u.company_id WHERE ")
              + condition);
    q.addBindValue(value);
    execOrThrow(q, "find user");
    if (!q.next())
        return std::nullopt;
    UserCredentials u;
    u.id = q.value(0).toLongLong();
    u.companyId = q.value(1).toLongLong();
    u.kind = q.value(2).toString();
    u.login = q.value(3).toString();
    u.passwordHash = q.value(4).toString();
    u.firstName = q.value(5).toString();
    u.lastName = q.value(6).toString();
    u.email = q.value(7).toString();
    u.enabled = q.value(8).toInt() != 0;
    u.companyEnabled = q.value(9).toInt() != 0;
    u.companyIsPlatformOwner = q.value(10).toInt() != 0;
    u.noRestrictions = q.value(11).toInt() != 0;
    u.mustChangePassword = q.value(12).toInt() != 0;
    u.lastLoginAt = instant(q.value(13));
    u.passwordChangedAt = instant(q.value(14));
    u.activityResetAt = instant(q.value(15));
    u.createdAt = instant(q.value(16));
    u.phone = q.value(17).toString();
    u.companyName = q.value(18).toString();
    return u;
}

std::optional<UserCredentials> AuthStore::findUserByLogin(const QString &login) const
{
    return findUserWhere(QStringLiteral("lower(u.login) = ?"), login.trimmed().toLower());
}

std::optional<UserCredentials> AuthStore::findUser(qint64 userId) const
{
    return findUserWhere(QStringLiteral("u.id = ?"), userId);
}

QList<RoleGrant> AuthStore::rolesOf(qint64 userId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT r.id, r.name, r.system_key, r.permissions FROM user_roles ur"
                             " JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.id"));
    q.addBindValue(userId);
    execOrThrow(q, "roles of user");
    QList<RoleGrant> roles;
    while (q.next()) {
        RoleGrant grant;
        grant.roleId = q.value(0).toLongLong();
        grant.name = q.value(1).toString();
        grant.systemKey = q.value(2).toString();
        grant.permissions = PermissionSet::fromJson(QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object());
        roles << grant;
    }
    return roles;
}

QStringList AuthStore::recentPasswordHashes(qint64 userId, int depth) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT password_hash FROM password_history WHERE user_id = ?"
                             " ORDER BY changed_at DESC, id DESC LIMIT ?"));
    q.addBindValue(userId);
    q.addBindValue(depth);
    execOrThrow(q, "password history");
    QStringList hashes;
    while (q.next())
        hashes << q.value(0).toString();
    return hashes;
}

void AuthStore::recordLogin(qint64 userId, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE users SET last_login_at = ? WHERE id = ?"));
    q.addBindValue(iso(now));
    q.addBindValue(userId);
    execOrThrow(q, "record login");
}

void AuthStore::storePassword(qint64 userId, const QString &hash, const QDateTime &now, bool mustChange)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = ?,"
                             " updated_at = ? WHERE id = ?"));
    q.addBindValue(hash);
    q.addBindValue(iso(now));
    q.addBindValue(mustChange ? 1 : 0);
    q.addBindValue(iso(now));
    q.addBindValue(userId);
    execOrThrow(q, "store password");
    QSqlQuery history(m_db);
    history.prepare(QStringLiteral("INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (?, ?, ?)"));
    history.addBindValue(userId);
    history.addBindValue(hash);
    history.addBindValue(iso(now));
    execOrThrow(history, "password history");
}

void AuthStore::setEnabled(qint64 userId, bool enabled, const QDateTime &now)
{
    QSqlQuery q(m_db);
    if (enabled) {
        // Re-enabling restarts the inactivity clock, or the account would be blocked again at once.
        q.prepare(QStringLiteral("UPDATE users SET enabled = 1, activity_reset_at = ?, updated_at = ? WHERE id = ?"));
        q.addBindValue(iso(now));
    } else {
        q.prepare(QStringLiteral("UPDATE users SET enabled = 0, updated_at = ? WHERE id = ?"));
    }
    q.addBindValue(iso(now));
    q.addBindValue(userId);
    execOrThrow(q, "enable user");
}

void AuthStore::createSession(const QString &tokenHash, qint64 userId, const QString &ip, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sessions (token_hash, user_id, ip_address, created_at, last_seen_at)"
                             " VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(tokenHash);
    q.addBindValue(userId);
    q.addBindValue(ip);
    q.addBindValue(iso(now));
    q.addBindValue(iso(now));
    execOrThrow(q, "create session");
}

std::optional<SessionRow> AuthStore::findSession(const QString &tokenHash) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, user_id, last_seen_at FROM sessions WHERE token_hash = ?"));
    q.addBindValue(tokenHash);
    execOrThrow(q, "find session");
    if (!q.next())
        return std::nullopt;
    return SessionRow{q.value(0).toLongLong(), q.value(1).toLongLong(), instant(q.value(2))};
}

void AuthStore::touchSession(qint64 sessionId, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE id = ?"));
    q.addBindValue(iso(now));
    q.addBindValue(sessionId);
    execOrThrow(q, "touch session");
}

void AuthStore::deleteSession(const QString &tokenHash)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
    q.addBindValue(tokenHash);
    execOrThrow(q, "delete session");
}

void AuthStore::deleteSessionsOfUser(qint64 userId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"));
    q.addBindValue(userId);
    execOrThrow(q, "delete sessions");
}

QList<qint64> AuthStore::enabledUsersOfCompany(qint64 companyId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM users WHERE company_id = ? AND enabled = 1 ORDER BY id"));
    q.addBindValue(companyId);
    execOrThrow(q, "users of company");
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

QList<qint64> AuthStore::companySubtree(qint64 companyId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT c.id FROM companies c"
                             " JOIN tree ON c.parent_company_id = tree.id) SELECT id FROM tree"));
    q.addBindValue(companyId);
    execOrThrow(q, "company subtree");
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

bool AuthStore::loginTaken(const QString &login, qint64 exceptUserId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM users WHERE lower(login) = ? AND id <> ?"));
    q.addBindValue(login.trimmed().toLower());
    q.addBindValue(exceptUserId);
    execOrThrow(q, "login taken");
    return q.next();
}

qint64 AuthStore::systemRoleId(const QString &systemKey) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM roles WHERE system_key = ?"));
    q.addBindValue(systemKey);
    execOrThrow(q, "system role");
    return q.next() ? q.value(0).toLongLong() : 0;
}

void AuthStore::waivePasswordChange(qint64 userId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE users SET must_change_password = 0 WHERE id = ?"));
    q.addBindValue(userId);
    execOrThrow(q, "waive password change");
}

bool AuthStore::hasCompaniesBesidesOwner() const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM companies WHERE is_platform_owner = 0 LIMIT 1"));
    execOrThrow(q, "companies besides owner");
    return q.next();
}

void syncSystemRoles(QSqlDatabase db, const QDateTime &now)
{
    for (const SystemRole &role : PermissionCatalogue::systemRoles()) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO roles (name, description, role_group, system, system_key, permissions,"
                                 " created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)"
                                 " ON CONFLICT (system_key) DO UPDATE SET name = excluded.name,"
                                 " description = excluded.description, role_group = excluded.role_group,"
                                 " permissions = excluded.permissions"));
        q.addBindValue(role.name);
        q.addBindValue(role.description);
        q.addBindValue(userGroupKey(role.group));
        q.addBindValue(role.key);
        q.addBindValue(QString::fromUtf8(QJsonDocument(role.permissions.toJson()).toJson(QJsonDocument::Compact)));
        q.addBindValue(iso(now));
        q.addBindValue(iso(now));
        execOrThrow(q, "sync system roles");
    }
    EntityRepository::forgetTotal(db, QStringLiteral("roles"));
}

} // namespace backoffice::server
