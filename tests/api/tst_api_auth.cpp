// Sign-in, sessions and the password policy through the real HTTP API.
#include "TestServer.h"

#include <QtTest>

using namespace backoffice;
using namespace backoffice::test;

class ApiAuthTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void healthIsPublic();
    void everyOtherRouteNeedsAToken();
    void wrongPasswordIs401AndWritesNothing();
    void signInAnswersTokenAndPermissions();
    void meAndLogout();
    void throttlesRepeatedFailures();
    void newUserMustChangePasswordFirst();
    void passwordPolicyIsEnforced();
    void noSelfChangeWithin24HoursExceptAdmins();
    void expiredPasswordMustBeChanged();
    void inactiveAccountIsBlockedButAdminsAreNot();
    void disabledCompanyCannotSignIn();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    qint64 createUser(const QString &login, const QString &role);
};

void ApiAuthTest::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    m_admin = m_server->signIn(QStringLiteral("admin"));
    QVERIFY(m_admin);
}

qint64 ApiAuthTest::createUser(const QString &login, const QString &roleKey)
{
    const auto roles = TestServer::get(*m_admin, QStringLiteral("roles"), QUrlQuery(QStringLiteral("limit=100")));
    qint64 roleId = 0;
    for (const QJsonValue &role : roles.body.value(QLatin1String("items")).toArray()) {
        if (role.toObject().value(QLatin1String("systemKey")).toString() == roleKey)
            roleId = role.toObject().value(QLatin1String("id")).toInteger();
    }
    const auto created = TestServer::post(*m_admin, QStringLiteral("users"),
                                          {{QStringLiteral("kind"), QStringLiteral("backoffice")},
                                           {QStringLiteral("companyId"), 1},
                                           {QStringLiteral("login"), login},
                                           {QStringLiteral("password"), QStringLiteral("Initial-pass-1")},
                                           {QStringLiteral("firstName"), QStringLiteral("Test")},
                                           {QStringLiteral("lastName"), QStringLiteral("User")},
                                           {QStringLiteral("email"), QStringLiteral("test@example.com")},
                                           {QStringLiteral("enabled"), true},
                                           {QStringLiteral("roleIds"), QJsonArray{roleId}}});
    if (created.status != 201)
        qWarning() << created.raw;
    return created.body.value(QLatin1String("id")).toInteger();
}

void ApiAuthTest::healthIsPublic()
{
    auto client = m_server->anonymous();
    const auto health = TestServer::get(*client, QStringLiteral("health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QVERIFY(health.body.value(QLatin1String("schemaVersion")).toInt() >= 1);
}

void ApiAuthTest::everyOtherRouteNeedsAToken()
{
    auto client = m_server->anonymous();
    const auto companies = TestServer::get(*client, QStringLiteral("companies"));
    QCOMPARE(companies.status, 401);
    QCOMPARE(companies.errorCode(), QStringLiteral("unauthorized"));
    client->setToken(QStringLiteral("not-a-real-token"));
    QCOMPARE(TestServer::get(*client, QStringLiteral("auth/me")).status, 401);
    QCOMPARE(TestServer::get(*client, QStringLiteral("no-such-route")).status, 404);
}

void ApiAuthTest::wrongPasswordIs401AndWritesNothing()
{
    const qint64 sessions = m_server->count(QStringLiteral("sessions"));
    auto client = m_server->anonymous();
    const auto answer = TestServer::post(*client, QStringLiteral("auth/login"),
                                         {{QStringLiteral("login"), QStringLiteral("finance.manager")},
                                          {QStringLiteral("password"), QStringLiteral("wrong")}});
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.errorCode(), QStringLiteral("invalid_credentials"));
    QCOMPARE(m_server->count(QStringLiteral("sessions")), sessions);
}

void ApiAuthTest::signInAnswersTokenAndPermissions()
{
    auto client = m_server->anonymous();
    const auto answer = TestServer::post(*client, QStringLiteral("auth/login"),
                                         {{QStringLiteral("login"), QStringLiteral("CLIENT.MANAGER")},
                                          {QStringLiteral("password"), server::ServerInstance::demoPassword()}});
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.value(QLatin1String("token")).toString().size() >= 40);
    const QJsonObject permissions = answer.body.value(QLatin1String("permissions")).toObject();
    QCOMPARE(permissions.value(QLatin1String("companies")).toString(), QStringLiteral("manage"));
    QVERIFY(!permissions.contains(QLatin1String("backofficeUsers")));
    QCOMPARE(answer.body.value(QLatin1String("noRestrictions")).toBool(), false);
    // The token is stored only as a digest.
    QCOMPARE(m_server->count(QStringLiteral("sessions"),
                             QStringLiteral("token_hash = '%1'").arg(answer.body.value(QLatin1String("token")).toString())),
             0);
}

void ApiAuthTest::meAndLogout()
{
    auto client = m_server->signIn(QStringLiteral("noc.engineer"));
    QVERIFY(client);
    const auto me = TestServer::get(*client, QStringLiteral("auth/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.body.value(QLatin1String("user")).toObject().value(QLatin1String("login")).toString(),
             QStringLiteral("noc.engineer"));
    QCOMPARE(TestServer::post(*client, QStringLiteral("auth/logout"), {}).status, 204);
    QCOMPARE(TestServer::get(*client, QStringLiteral("auth/me")).status, 401);
}

void ApiAuthTest::throttlesRepeatedFailures()
{
    auto client = m_server->anonymous();
    const QJsonObject wrong{{QStringLiteral("login"), QStringLiteral("rate.manager")},
                            {QStringLiteral("password"), QStringLiteral("nope")}};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(TestServer::post(*client, QStringLiteral("auth/login"), wrong).status, 401);
    ApiReply *reply = client->post(QStringLiteral("auth/login"), wrong);
    reply->waitForFinished();
    QCOMPARE(reply->httpStatus(), 429);
    QCOMPARE(reply->error().code, QStringLiteral("too_many_attempts"));
    // Even the right password waits until the window passes.
    const auto right = TestServer::post(*client, QStringLiteral("auth/login"),
                                        {{QStringLiteral("login"), QStringLiteral("rate.manager")},
                                         {QStringLiteral("password"), server::ServerInstance::demoPassword()}});
    QCOMPARE(right.status, 429);
}

void ApiAuthTest::newUserMustChangePasswordFirst()
{
    QVERIFY(createUser(QStringLiteral("first.login"), QStringLiteral("client-manager")) > 0);
    auto client = m_server->anonymous();
    const auto login = TestServer::post(*client, QStringLiteral("auth/login"),
                                        {{QStringLiteral("login"), QStringLiteral("first.login")},
                                         {QStringLiteral("password"), QStringLiteral("Initial-pass-1")}});
    QCOMPARE(login.status, 200);
    QCOMPARE(login.body.value(QLatin1String("mustChangePassword")).toBool(), true);
    client->setToken(login.body.value(QLatin1String("token")).toString());
    const auto blocked = TestServer::get(*client, QStringLiteral("companies"));
    QCOMPARE(blocked.status, 403);
    QCOMPARE(blocked.errorCode(), QStringLiteral("password_change_required"));
    const auto changed = TestServer::post(*client, QStringLiteral("auth/password"),
                                          {{QStringLiteral("currentPassword"), QStringLiteral("Initial-pass-1")},
                                           {QStringLiteral("newPassword"), QStringLiteral("Brand-new-pass-2")}});
    QCOMPARE(changed.status, 204);
    QCOMPARE(TestServer::get(*client, QStringLiteral("companies")).status, 200);
}

void ApiAuthTest::passwordPolicyIsEnforced()
{
    const qint64 id = createUser(QStringLiteral("policy.user"), QStringLiteral("client-manager"));
    QVERIFY(id > 0);
    const auto weak = TestServer::patch(*m_admin, QStringLiteral("users/%1").arg(id),
                                        {{QStringLiteral("password"), QStringLiteral("short")}});
    QCOMPARE(weak.status, 400);
    QVERIFY(weak.fields().contains(QLatin1String("password")));
    const auto twoGroups = TestServer::patch(*m_admin, QStringLiteral("users/%1").arg(id),
                                             {{QStringLiteral("password"), QStringLiteral("alllowercase123")}});
    QCOMPARE(twoGroups.status, 400);
    // One of the last seven passwords is refused.
    const auto reused = TestServer::patch(*m_admin, QStringLiteral("users/%1").arg(id),
                                          {{QStringLiteral("password"), QStringLiteral("Initial-pass-1")}});
    QCOMPARE(reused.status, 400);
    QVERIFY(reused.fields().value(QLatin1String("password")).toString().contains(QLatin1String("last")));
    const auto fine = TestServer::patch(*m_admin, QStringLiteral("users/%1").arg(id),
                                        {{QStringLiteral("password"), QStringLiteral("Another-pass-3")}});
    QCOMPARE(fine.status, 200);
    QCOMPARE(m_server->count(QStringLiteral("password_history"), QStringLiteral("user_id = %1").arg(id)), 2);
}

void ApiAuthTest::noSelfChangeWithin24HoursExceptAdmins()
{
    auto manager = m_server->signIn(QStringLiteral("finance.manager"));
    QVERIFY(manager);
    const auto tooSoon = TestServer::post(*manager, QStringLiteral("auth/password"),
                                          {{QStringLiteral("currentPassword"), server::ServerInstance::demoPassword()},
                                           {QStringLiteral("newPassword"), QStringLiteral("Changed-pass-4")}});
    QCOMPARE(tooSoon.status, 422);
    const auto adminChange = TestServer::post(*m_admin, QStringLiteral("auth/password"),
                                              {{QStringLiteral("currentPassword"), server::ServerInstance::demoPassword()},
                                               {QStringLiteral("newPassword"), QStringLiteral("Chief-pass-5x")}});
    QCOMPARE(adminChange.status, 204);
    const auto back = TestServer::post(*m_admin, QStringLiteral("auth/password"),
                                       {{QStringLiteral("currentPassword"), QStringLiteral("Chief-pass-5x")},
                                        {QStringLiteral("newPassword"), server::ServerInstance::demoPassword()}});
    QCOMPARE(back.status, 400); // one of the last seven
}

void ApiAuthTest::expiredPasswordMustBeChanged()
{
    m_server->execSql(QStringLiteral("UPDATE users SET password_changed_at = '2020-01-01T00:00:00.000Z' "
                                     "WHERE login = 'rate.manager'"));
    m_server->execSql(QStringLiteral("UPDATE users SET password_changed_at = '2020-01-01T00:00:00.000Z' "
                                     "WHERE login = 'portal.admin'"));
    auto client = m_server->anonymous();
    const auto login = TestServer::post(*client, QStringLiteral("auth/login"),
                                        {{QStringLiteral("login"), QStringLiteral("portal.admin")},
                                         {QStringLiteral("password"), server::ServerInstance::demoPassword()}});
    QCOMPARE(login.status, 200);
    QCOMPARE(login.body.value(QLatin1String("passwordExpired")).toBool(), true);
    client->setToken(login.body.value(QLatin1String("token")).toString());
    QCOMPARE(TestServer::get(*client, QStringLiteral("companies")).errorCode(), QStringLiteral("password_change_required"));
}

void ApiAuthTest::inactiveAccountIsBlockedButAdminsAreNot()
{
    m_server->execSql(QStringLiteral("UPDATE users SET last_login_at = '2020-01-01T00:00:00.000Z', "
                                     "created_at = '2020-01-01T00:00:00.000Z' WHERE login IN ('noc.engineer', 'admin')"));
    const qint64 auditBefore = m_server->count(QStringLiteral("audit_log"), QStringLiteral("table_name = 'users'"));
    auto client = m_server->anonymous();
    const auto blocked = TestServer::post(*client, QStringLiteral("auth/login"),
                                          {{QStringLiteral("login"), QStringLiteral("noc.engineer")},
                                           {QStringLiteral("password"), server::ServerInstance::demoPassword()}});
    QCOMPARE(blocked.status, 403);
    QCOMPARE(blocked.errorCode(), QStringLiteral("account_blocked"));
    QCOMPARE(m_server->count(QStringLiteral("users"), QStringLiteral("login = 'noc.engineer' AND enabled = 0")), 1);
    QCOMPARE(m_server->count(QStringLiteral("audit_log"), QStringLiteral("table_name = 'users'")), auditBefore + 1);
    QVERIFY(m_server->signIn(QStringLiteral("admin"), QStringLiteral("Chief-pass-5x")));
}

void ApiAuthTest::disabledCompanyCannotSignIn()
{
    const auto users = TestServer::get(*m_admin, QStringLiteral("users"), QUrlQuery(QStringLiteral("login=portal.broadcast")));
    const QJsonObject user = users.body.value(QLatin1String("items")).toArray().first().toObject();
    auto portalUser = m_server->signIn(QStringLiteral("portal.broadcast"));
    QVERIFY(portalUser);
    const qint64 companyId = user.value(QLatin1String("companyId")).toInteger();
    const auto blocked = TestServer::patch(*m_admin, QStringLiteral("companies/%1").arg(companyId),
                                           {{QStringLiteral("enabled"), false}});
    QCOMPARE(blocked.status, 200);
    QCOMPARE(m_server->count(QStringLiteral("users"), QStringLiteral("company_id = %1 AND enabled = 1").arg(companyId)), 0);
    QCOMPARE(TestServer::get(*portalUser, QStringLiteral("auth/me")).status, 401);
    auto client = m_server->anonymous();
    const auto again = TestServer::post(*client, QStringLiteral("auth/login"),
                                        {{QStringLiteral("login"), QStringLiteral("portal.broadcast")},
                                         {QStringLiteral("password"), server::ServerInstance::demoPassword()}});
    QCOMPARE(again.status, 403);
    QCOMPARE(again.errorCode(), QStringLiteral("account_disabled"));
}

QTEST_GUILESS_MAIN(ApiAuthTest)
#include "tst_api_auth.moc"
