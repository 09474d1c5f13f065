#include "AuthService.h"

#include "ApiException.h"
#include "AuditLog.h"
#include "AuthStore.h"
#include "Database.h"
#include "PasswordHasher.h"
#include "Transaction.h"

#include <QJsonArray>

namespace backoffice::server {

namespace {

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime later(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return qMax(a, b);
}

// A fixed argon2id hash checked when the login is unknown, so an unknown login costs as much time
// as a wrong password and logins cannot be discovered by timing.
const QString &decoyHash()
{
    static const QString hash = PasswordHasher::hash(QStringLiteral("decoy-password-never-used"));
    return hash;
}

} // namespace

AuthService::AuthService(Database &database, PasswordPolicy policy)
    : m_database(database)
    , m_policy(std::move(policy))
{
}

bool AuthService::isAdmin(const UserCredentials &user) const
{
    if (user.noRestrictions)
        return true;
    const QList<RoleGrant> roles = AuthStore(m_database.connection()).rolesOf(user.id);
    for (const RoleGrant &role : roles) {
        if (role.systemKey == QLatin1String("admin") || role.systemKey == QLatin1String("portal-admin"))
            return true;
    }
    return false;
}

SessionContext AuthService::buildContext(const UserCredentials &user, const QString &ipAddress) const
{
    AuthStore store(m_database.connection());
    SessionContext context;
    context.userId = user.id;
    context.login = user.login;
    context.kind = user.kind;
    context.companyId = user.companyId;
    context.platformStaff = user.companyIsPlatformOwner;
    context.noRestrictions = user.noRestrictions;
    for (const RoleGrant &role : store.rolesOf(user.id)) {
        context.permissions.merge(role.permissions);
        context.roleNames << role.name;
        if (role.systemKey == QLatin1String("admin") || role.systemKey == QLatin1String("portal-admin"))
            context.isAdmin = true;
    }
    context.isAdmin = context.isAdmin || user.noRestrictions;
    if (user.noRestrictions) {
        UserGroup group = UserGroup::BackOffice;
        parseUserGroup(user.kind, &group);
        context.permissions = PermissionCatalogue::everything(group);
    }
    if (!user.companyIsPlatformOwner)
        context.companyScope = store.companySubtree(user.companyId);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    context.mustChangePassword = user.mustChangePassword;
    // A password never changed since the account was made is as old as the account.
    const QDateTime passwordSetAt = user.passwordChangedAt.isValid() ? user.passwordChangedAt : user.createdAt;
    context.passwordExpired = m_policy.isExpired(passwordSetAt, now);
    context.actor = Actor{user.id, ipAddress};
    return context;
}

QJsonObject AuthService::login(const QString &login, const QString &password, const QString &ipAddress)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString ipKey = QStringLiteral("ip:") + ipAddress;
    const QString loginKey = QStringLiteral("login:") + login.trimmed().toLower();
    const int wait = qMax(m_throttle.retryAfter(ipKey, now), m_throttle.retryAfter(loginKey, now));
    if (wait > 0)
        throw ApiException::tooManyAttempts(wait);
    if (login.trimmed().isEmpty() || password.isEmpty())
        throw ApiException::validation({{QStringLiteral("login"), QStringLiteral("is required")},
                                        {QStringLiteral("password"), QStringLiteral("is required")}});

    QSqlDatabase db = m_database.connection();
    AuthStore store(db);
    const std::optional<UserCredentials> user = store.findUserByLogin(login);
    const bool passwordOk = user ? PasswordHasher::verify(user->passwordHash, password)
                                 : (PasswordHasher::verify(decoyHash(), password), false);
    if (!passwordOk) {
        m_throttle.recordFailure(ipKey, now);
        m_throttle.recordFailure(loginKey, now);
        throw ApiException::unauthorized(QStringLiteral("invalid_credentials"),
                                         QStringLiteral("The login or the password is wrong"));
    }
    if (!user->enabled || !user->companyEnabled)
        throw ApiException::forbidden(QStringLiteral("This account is disabled. Contact your administrator."),
                                      QStringLiteral("account_disabled"));
    const bool admin = isAdmin(*user);
    const QDateTime lastActivity = later(user->lastLoginAt, user->activityResetAt);
    if (m_policy.isBlockedForInactivity(lastActivity, user->createdAt, now, admin)) {
        Transaction transaction(db);
        store.setEnabled(user->id, false, now);
        AuditLog(db).record({now, Actor{0, ipAddress}, QStringLiteral("users"), QStringLiteral("update"), user->id,
                             {{QStringLiteral("enabled"), true}},
                             {{QStringLiteral("enabled"), false},
                              {QStringLiteral("reason"), QStringLiteral("no sign-in for %1 days")
                                                              .arg(m_policy.rules().inactivityBlockDays)}},
                             user->companyId});
        transaction.commit();
        throw ApiException::forbidden(QStringLiteral("This account was blocked after %1 days without sign-in. "
                                                     "Contact your administrator.")
                                          .arg(m_policy.rules().inactivityBlockDays),
                                      QStringLiteral("account_blocked"));
    }
    m_throttle.reset(loginKey);

    const QString token = PasswordHasher::randomToken();
    const QString digest = PasswordHasher::tokenDigest(token);
    {
        Transaction transaction(db);
        store.recordLogin(user->id, now);
        store.createSession(digest, user->id, ipAddress, now);
        transaction.commit();
    }
    SessionContext context = buildContext(*user, ipAddress);
    context.tokenHash = digest;
    context.sessionId = store.findSession(digest)->id;
    m_sessions.insert(digest, CachedSession{context, now, now});

    QJsonObject answer = describe(context);
    answer.insert(QStringLiteral("token"), token);
    answer.insert(QStringLiteral("expiresAt"), iso(now.addSecs(60LL * m_policy.rules().idleLogoutMinutes)));
    return answer;
}

void AuthService::logout(const SessionContext &session)
{
    m_sessions.remove(session.tokenHash);
    AuthStore(m_database.connection()).deleteSession(session.tokenHash);
}

SessionContext AuthService::authenticate(const QByteArray &authorizationHeader, const QString &ipAddress)
{
    if (!authorizationHeader.startsWith("Bearer ") || authorizationHeader.size() <= 7)
        throw ApiException::unauthorized(QStringLiteral("unauthorized"),
                                         QStringLiteral("Sign in first: send Authorization: Bearer <token>"));
    const QString digest = PasswordHasher::tokenDigest(QString::fromLatin1(authorizationHeader.mid(7).trimmed()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    AuthStore store(m_database.connection());

    auto it = m_sessions.find(digest);
    if (it == m_sessions.end()) {
        const std::optional<SessionRow> row = store.findSession(digest);
        if (!row)
            throw ApiException::unauthorized(QStringLiteral("unauthorized"), QStringLiteral("The session is not valid"));
        const std::optional<UserCredentials> user = store.findUser(row->userId);
        if (!user || !user->enabled || !user->companyEnabled) {
            store.deleteSession(digest);
            throw ApiException::unauthorized(QStringLiteral("unauthorized"), QStringLiteral("The account is disabled"));
        }
        SessionContext context = buildContext(*user, ipAddress);
        context.tokenHash = digest;
        context.sessionId = row->id;
        it = m_sessions.insert(digest, CachedSession{context, row->lastSeenAt, row->lastSeenAt});
    }
    if (m_policy.isIdleExpired(it->lastSeen, now)) {
        m_sessions.erase(it);
        store.deleteSession(digest);
        throw ApiException::unauthorized(QStringLiteral("session_expired"),
                                         QStringLiteral("The session ended after %1 idle minutes. Sign in again.")
                                             .arg(m_policy.rules().idleLogoutMinutes));
    }
    it->lastSeen = now;
    // Writing the time of every request would turn reads into writes; a minute's precision is
    // plenty for a 60-minute idle limit.
    if (it->lastPersisted.secsTo(now) >= 60) {
        store.touchSession(it->context.sessionId, now);
        it->lastPersisted = now;
    }
    SessionContext context = it->context;
    context.actor.ipAddress = ipAddress;
    // A reseller's tree grows as it adds clients; read it afresh so new companies are in reach.
    if (context.companyScope)
        context.companyScope = store.companySubtree(context.companyId);
    return context;
}

QJsonObject AuthService::describe(const SessionContext &session) const
{
    const std::optional<UserCredentials> user = AuthStore(m_database.connection()).findUser(session.userId);
    QJsonObject userJson{{QStringLiteral("id"), session.userId},
                         {QStringLiteral("login"), session.login},
                         {QStringLiteral("kind"), session.kind},
                         {QStringLiteral("companyId"), session.companyId},
                         {QStringLiteral("roles"), QJsonArray::fromStringList(session.roleNames)}};
    if (user) {
        userJson.insert(QStringLiteral("firstName"), user->firstName);
        userJson.insert(QStringLiteral("lastName"), user->lastName);
        userJson.insert(QStringLiteral("email"), user->email);
        userJson.insert(QStringLiteral("phone"), user->phone);
        userJson.insert(QStringLiteral("companyName"), user->companyName);
        userJson.insert(QStringLiteral("lastLoginAt"), iso(user->lastLoginAt));
        userJson.insert(QStringLiteral("passwordChangedAt"), iso(user->passwordChangedAt));
    }
    return {{QStringLiteral("user"), userJson},
            {QStringLiteral("permissions"), session.permissions.toJson()},
            {QStringLiteral("noRestrictions"), session.noRestrictions},
            {QStringLiteral("isAdmin"), session.isAdmin},
            {QStringLiteral("platformStaff"), session.platformStaff},
            {QStringLiteral("mustChangePassword"), session.mustChangePassword},
            {QStringLiteral("passwordExpired"), session.passwordExpired}};
}

QString AuthService::passwordProblem(qint64 userId, const QString &login, const QString &password) const
{
    const QStringList problems = m_policy.strengthProblems(password, login);
    if (!problems.isEmpty())
        return problems.join(QStringLiteral("; "));
    if (userId > 0) {
        const QStringList recent =
            AuthStore(m_database.connection()).recentPasswordHashes(userId, m_policy.rules().historyDepth);
        for (const QString &hash : recent) {
            if (PasswordHasher::verify(hash, password))
                return QStringLiteral("must differ from the last %1 passwords").arg(m_policy.rules().historyDepth);
        }
    }
    return {};
}

void AuthService::changeOwnPassword(SessionContext session, const QString &currentPassword, const QString &newPassword)
{
    QSqlDatabase db = m_database.connection();
    AuthStore store(db);
    const std::optional<UserCredentials> user = store.findUser(session.userId);
    if (!user)
        throw ApiException::unauthorized(QStringLiteral("unauthorized"), QStringLiteral("The account no longer exists"));
    QHash<QString, QString> errors;
    if (!PasswordHasher::verify(user->passwordHash, currentPassword))
        errors.insert(QStringLiteral("currentPassword"), QStringLiteral("is not the current password"));
    const QString problem = passwordProblem(user->id, user->login, newPassword);
    if (!problem.isEmpty())
        errors.insert(QStringLiteral("newPassword"), problem);
    if (!errors.isEmpty())
        throw ApiException::validation(errors);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // A forced change (first sign-in, expiry) is always allowed; otherwise once a day except admins.
    const bool forced = session.mustChangePassword || session.passwordExpired;
    if (!forced && !m_policy.mayChangeOwnPassword(user->passwordChangedAt, now, session.isAdmin))
        throw ApiException::ruleViolated(QStringLiteral("The password was changed less than %1 hours ago")
                                             .arg(m_policy.rules().minAgeHours));
    Transaction transaction(db);
    store.storePassword(user->id, PasswordHasher::hash(newPassword), now, false);
    AuditLog(db).record({now, session.actor, QStringLiteral("users"), QStringLiteral("update"), user->id,
                         {{QStringLiteral("passwordChangedAt"), iso(user->passwordChangedAt)}},
                         {{QStringLiteral("passwordChangedAt"), iso(now)}}, user->companyId});
    transaction.commit();
    auto it = m_sessions.find(session.tokenHash);
    if (it != m_sessions.end()) {
        it->context.mustChangePassword = false;
        it->context.passwordExpired = false;
    }
}

void AuthService::forgetUser(qint64 userId)
{
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->context.userId == userId)
            it = m_sessions.erase(it);
        else
            ++it;
    }
}

} // namespace backoffice::server
