// Roles enforced on every endpoint: what a Client manager may and may not do, view-only roles,
// system roles read-only, and resellers confined to their own companies.
#include "TestServer.h"

#include <QtTest>

using namespace backoffice;
using namespace backoffice::test;

class ApiPermissionsTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void clientManagerManagesAccounts();
    void clientManagerCannotManageUsersRolesOrAudit_data();
    void clientManagerCannotManageUsersRolesOrAudit();
    void viewOnlyRoleReadsButCannotWrite();
    void systemRolesAreReadOnly();
    void customRoleFromTemplate();
    void onlyAdminsGrantNoRestrictions();
    void resellerSeesOnlyItsOwnCompanies();
    void portalUserCannotUseBackOfficeAreas();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_clientManager;
};

void ApiPermissionsTest::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    m_admin = m_server->signIn(s("admin"));
    m_clientManager = m_server->signIn(s("client.manager"));
    QVERIFY(m_admin && m_clientManager);
}

void ApiPermissionsTest::clientManagerManagesAccounts()
{
    const auto owner = TestServer::get(*m_clientManager, s("own-legal-entities"));
    QCOMPARE(owner.status, 200); // view
    const qint64 ownLe = owner.body.value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
    const auto created = TestServer::post(*m_clientManager, s("companies"),
                                          {{s("name"), s("Manager Made Ltd")}, {s("type"), s("client")}, {s("ownLegalEntityId"), ownLe}});
    QCOMPARE(created.status, 201);
    const auto audit = TestServer::get(*m_admin, s("audit"),
                                       QUrlQuery(QStringLiteral("tableName=companies&objectId=%1").arg(created.body.value(s("id")).toInteger())));
    QCOMPARE(audit.body.value(s("items")).toArray().first().toObject().value(s("userName")).toString(), s("client.manager"));
    // View on own legal entities is not Manage.
    QCOMPARE(TestServer::patch(*m_clientManager, QStringLiteral("own-legal-entities/%1").arg(ownLe), {{s("vatId"), s("X")}}).status, 403);
}

void ApiPermissionsTest::clientManagerCannotManageUsersRolesOrAudit_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("list users") << s("GET") << s("users");
    QTest::newRow("create user") << s("POST") << s("users");
    QTest::newRow("list roles") << s("GET") << s("roles");
    QTest::newRow("create role") << s("POST") << s("roles");
    QTest::newRow("read audit") << s("GET") << s("audit");
    QTest::newRow("export audit") << s("GET") << s("audit/export.csv");
    QTest::newRow("delete user") << s("DELETE") << s("users/1");
    QTest::newRow("edit own legal entity") << s("PATCH") << s("own-legal-entities/1");
}

void ApiPermissionsTest::clientManagerCannotManageUsersRolesOrAudit()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    const qint64 usersBefore = m_server->count(s("users"));
    const qint64 rolesBefore = m_server->count(s("roles"));
    TestServer::Answer answer;
    const QJsonObject body{{s("name"), s("Sneaky")}, {s("group"), s("backoffice")}, {s("kind"), s("backoffice")}};
    if (method == QLatin1String("GET"))
        answer = TestServer::get(*m_clientManager, path);
    else if (method == QLatin1String("POST"))
        answer = TestServer::post(*m_clientManager, path, body);
    else if (method == QLatin1String("PATCH"))
        answer = TestServer::patch(*m_clientManager, path, body);
    else
        answer = TestServer::remove(*m_clientManager, path);
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.errorCode(), s("forbidden"));
    QCOMPARE(m_server->count(s("users")), usersBefore);
    QCOMPARE(m_server->count(s("roles")), rolesBefore);
}

void ApiPermissionsTest::viewOnlyRoleReadsButCannotWrite()
{
    auto finance = m_server->signIn(s("finance.manager"));
    QVERIFY(finance);
    QCOMPARE(TestServer::get(*finance, s("companies")).status, 200);
    QCOMPARE(TestServer::patch(*finance, s("companies/2"), {{s("description"), s("x")}}).status, 403);
    QCOMPARE(TestServer::remove(*finance, s("companies/2")).status, 403);
    auto noc = m_server->signIn(s("noc.engineer"));
    QCOMPARE(TestServer::get(*noc, s("banks")).status, 403);
}

void ApiPermissionsTest::systemRolesAreReadOnly()
{
    const auto roles = TestServer::get(*m_admin, s("roles"), QUrlQuery(s("system=true")));
    QCOMPARE(roles.body.value(s("total")).toInteger(), 9);
    const qint64 id = roles.body.value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
    const auto edit = TestServer::patch(*m_admin, QStringLiteral("roles/%1").arg(id), {{s("name"), s("Renamed")}});
    QCOMPARE(edit.status, 403);
    QCOMPARE(edit.errorCode(), s("system_role_read_only"));
    QCOMPARE(TestServer::remove(*m_admin, QStringLiteral("roles/%1").arg(id)).status, 403);
}

void ApiPermissionsTest::customRoleFromTemplate()
{
    const auto roles = TestServer::get(*m_admin, s("roles"), QUrlQuery(s("systemKey=rate-manager")));
    const QJsonObject rateManager = roles.body.value(s("items")).toArray().first().toObject();
    const auto created = TestServer::post(*m_admin, s("roles"),
                                          {{s("name"), s("Junior rates")}, {s("group"), s("backoffice")},
                                           {s("templateRoleId"), rateManager.value(s("id"))}});
    QCOMPARE(created.status, 201);
    QCOMPARE(created.body.value(s("permissions")), rateManager.value(s("permissions")));
    QCOMPARE(created.body.value(s("system")).toBool(), false);
    const auto portalTemplate = TestServer::post(*m_admin, s("roles"),
                                                 {{s("name"), s("Wrong group")}, {s("group"), s("portal")},
                                                  {s("templateRoleId"), rateManager.value(s("id"))}});
    QCOMPARE(portalTemplate.status, 400);
    // A role in use cannot be deleted.
    const auto usersRole = TestServer::get(*m_admin, s("roles"), QUrlQuery(s("systemKey=client-manager")));
    Q_UNUSED(usersRole)
}

void ApiPermissionsTest::onlyAdminsGrantNoRestrictions()
{
    const auto role = TestServer::post(*m_admin, s("roles"),
                                       {{s("name"), s("User keeper")}, {s("group"), s("backoffice")},
                                        {s("permissions"), QJsonObject{{s("backofficeUsers"), s("manage")}}}});
    QCOMPARE(role.status, 201);
    const auto keeper = TestServer::post(*m_admin, s("users"),
                                         {{s("kind"), s("backoffice")}, {s("companyId"), 1}, {s("login"), s("keeper")},
                                          {s("password"), s("Vault-pass-0001")}, {s("firstName"), s("K")}, {s("lastName"), s("K")},
                                          {s("email"), s("k@example.com")}, {s("enabled"), true},
                                          {s("roleIds"), QJsonArray{role.body.value(s("id"))}}});
    QCOMPARE(keeper.status, 201);
    m_server->execSql(s("UPDATE users SET must_change_password = 0 WHERE login = 'keeper'"));
    auto client = m_server->signIn(s("keeper"), s("Vault-pass-0001"));
    QVERIFY(client);
    const auto escalate = TestServer::post(*client, s("users"),
                                           {{s("kind"), s("backoffice")}, {s("companyId"), 1}, {s("login"), s("root2")},
                                            {s("password"), s("Root2-pass-001")}, {s("firstName"), s("R")}, {s("lastName"), s("R")},
                                            {s("email"), s("r@example.com")}, {s("noRestrictions"), true}});
    QCOMPARE(escalate.status, 403);
    QCOMPARE(m_server->count(s("users"), s("login = 'root2'")), 0);
    // Deleting a role still held by a user is refused with what refers to it.
    const auto inUse = TestServer::remove(*m_admin, QStringLiteral("roles/%1").arg(role.body.value(s("id")).toInteger()));
    QCOMPARE(inUse.status, 409);
}

void ApiPermissionsTest::resellerSeesOnlyItsOwnCompanies()
{
    auto reseller = m_server->signIn(s("reseller.manager"));
    QVERIFY(reseller);
    const auto companies = TestServer::get(*reseller, s("companies"), QUrlQuery(s("limit=100")));
    QCOMPARE(companies.status, 200);
    QStringList names;
    for (const QJsonValue &c : companies.body.value(s("items")).toArray())
        names << c.toObject().value(s("name")).toString();
    names.sort();
    QCOMPARE(names, (QStringList{s("Cyber Shop"), s("Hornes and Hooves"), s("Pizza Planet Delivery")}));
    const auto agreements = TestServer::get(*reseller, s("agreements"), QUrlQuery(s("limit=100")));
    QCOMPARE(agreements.body.value(s("total")).toInteger(), 3);
    const auto outside = TestServer::get(*m_admin, s("companies"), QUrlQuery(s("name=Telecom Monsters")));
    const qint64 outsideId = outside.body.value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
    QCOMPARE(TestServer::get(*reseller, QStringLiteral("companies/%1").arg(outsideId)).status, 404);
    QCOMPARE(TestServer::patch(*reseller, QStringLiteral("companies/%1").arg(outsideId), {{s("description"), s("x")}}).status, 404);
    // A company it creates lands below the reseller.
    // Its own legal entity is the one it invoices its clients from; the platform's are out of reach.
    const auto ownEntities = TestServer::get(*reseller, s("own-legal-entities"));
    QCOMPARE(ownEntities.body.value(s("total")).toInteger(), 1);
    const QJsonValue ownLegalEntity = ownEntities.body.value(s("items")).toArray().first().toObject().value(s("id"));
    const auto platformEntity = TestServer::post(*reseller, s("companies"),
                                                 {{s("name"), s("Reseller Client")}, {s("type"), s("client")},
                                                  {s("ownLegalEntityId"), 1}});
    QCOMPARE(platformEntity.status, 400);
    const auto created = TestServer::post(*reseller, s("companies"),
                                          {{s("name"), s("Reseller Client")}, {s("type"), s("client")},
                                           {s("ownLegalEntityId"), ownLegalEntity}});
    QVERIFY2(created.status == 201, created.raw.constData());
    QCOMPARE(created.body.value(s("parentCompanyName")).toString(), s("Hornes and Hooves"));
    const auto legal = TestServer::post(*reseller, s("legal-entities"),
                                        {{s("name"), s("Sneaky")}, {s("companyId"), outsideId},
                                         {s("legalCompanyName"), s("S")}, {s("country"), s("DE")}});
    QCOMPARE(legal.status, 400);
    QVERIFY(legal.fields().contains(s("companyId")));
}

void ApiPermissionsTest::portalUserCannotUseBackOfficeAreas()
{
    auto portal = m_server->signIn(s("portal.admin"));
    QVERIFY(portal);
    QCOMPARE(TestServer::get(*portal, s("banks")).status, 403);
    QCOMPARE(TestServer::get(*portal, s("agreements")).status, 403);
}

QTEST_GUILESS_MAIN(ApiPermissionsTest)
#include "tst_api_permissions.moc"
