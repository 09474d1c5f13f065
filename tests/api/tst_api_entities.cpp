// Create, read, update, delete of every entity of the foundation through the HTTP API, with the
// 400/401/403/404/409 paths, audit rows and "nothing written on bad input".
#include "TestServer.h"

#include <QtTest>

using namespace backoffice;
using namespace backoffice::test;

class ApiEntitiesTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void crud_data();
    void crud();
    void listPagingSortingFilteringAndSearch();
    void badQueryParametersAre400();
    void unknownAndMalformedFieldsAre400();
    void referencedRecordsAre409();
    void oneDefaultLegalEntityPerCompany();
    void swiftAndIbanAreChecked();
    void csvExportFollowsTheFilter();
    void auditListsEveryChange();

private:
    qint64 firstId(const QString &collection, const QString &query = {});
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
};

void ApiEntitiesTest::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    m_admin = m_server->signIn(s("admin"));
    QVERIFY(m_admin);
}

qint64 ApiEntitiesTest::firstId(const QString &collection, const QString &query)
{
    const auto answer = TestServer::get(*m_admin, collection, QUrlQuery(query));
    return answer.body.value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
}

void ApiEntitiesTest::crud_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QJsonObject>("valid");
    QTest::addColumn<QJsonObject>("change");
    QTest::addColumn<QJsonObject>("invalid");
    QTest::addColumn<QString>("invalidField");

    const qint64 company = firstId(s("companies"), s("name=Telecom Monsters"));
    const qint64 legalEntity = firstId(s("legal-entities"), QStringLiteral("companyId=%1").arg(company));
    const qint64 ownLegalEntity = firstId(s("own-legal-entities"), s("companyId=1"));
    const qint64 bank = firstId(s("banks"));
    const qint64 ownBankAccount = firstId(s("own-bank-accounts"), QStringLiteral("ownLegalEntityId=%1").arg(ownLegalEntity));

    QTest::newRow("companies") << s("companies")
                               << j({{s("name"), s("Zeta Couriers")}, {s("type"), s("client")}, {s("ownLegalEntityId"), ownLegalEntity}, {s("channels"), QJsonArray{s("sms")}}})
                               << j({{s("description"), s("Night deliveries")}, {s("moderation"), true}})
                               << j({{s("name"), s("")}, {s("type"), s("client")}, {s("ownLegalEntityId"), ownLegalEntity}})
                               << s("name");
    QTest::newRow("legal-entities") << s("legal-entities")
                                    << j({{s("name"), s("Zeta LE")}, {s("companyId"), company}, {s("legalCompanyName"), s("Zeta GmbH")}, {s("country"), s("de")}})
                                    << j({{s("vatId"), s("DE123456789")}})
                                    << j({{s("name"), s("Bad")}, {s("companyId"), company}, {s("legalCompanyName"), s("Bad")}, {s("country"), s("XX")}})
                                    << s("country");
    QTest::newRow("own-legal-entities") << s("own-legal-entities")
                                        << j({{s("name"), s("Own FR")}, {s("companyId"), 1}, {s("legalCompanyName"), s("Nordwave France SAS")}, {s("country"), s("FR")}, {s("legalId"), s("FR-1")}})
                                        << j({{s("billingAddress"), s("1 rue de Rivoli, Paris")}})
                                        << j({{s("name"), s("Own FR")}, {s("companyId"), 1}, {s("legalCompanyName"), s("X")}, {s("country"), s("FR")}})
                                        << s("legalId");
    QTest::newRow("banks") << s("banks")
                           << j({{s("name"), s("Lisbon Savings")}, {s("country"), s("PT")}, {s("address"), s("Rua Augusta 1")}, {s("swiftCode"), s("lsavptpl")}})
                           << j({{s("branchCode"), s("042")}})
                           << j({{s("name"), s("Bad bank")}, {s("country"), s("PT")}, {s("address"), s("x")}, {s("swiftCode"), s("ABC")}})
                           << s("swiftCode");
    QTest::newRow("bank-accounts") << s("bank-accounts")
                                   << j({{s("name"), s("Zeta EUR")}, {s("companyId"), company}, {s("legalEntityId"), legalEntity}, {s("bankId"), bank}, {s("accountHolder"), s("Zeta GmbH")}, {s("accountNumber"), s("DE89 3704 0044 0532 0130 00")}})
                                   << j({{s("accountHolder"), s("Zeta Couriers GmbH")}})
                                   << j({{s("name"), s("Bad IBAN")}, {s("companyId"), company}, {s("legalEntityId"), legalEntity}, {s("bankId"), bank}, {s("accountHolder"), s("Z")}, {s("accountNumber"), s("DE89 3704 0044 0532 0130 01")}})
                                   << s("accountNumber");
    QTest::newRow("own-bank-accounts") << s("own-bank-accounts")
                                       << j({{s("name"), s("Ops account")}, {s("ownLegalEntityId"), ownLegalEntity}, {s("bankId"), bank}, {s("accountHolder"), s("Nordwave")}, {s("accountNumber"), s("GB82 WEST 1234 5698 7654 32")}})
                                       << j({{s("name"), s("Operations account")}})
                                       << j({{s("name"), s("x")}, {s("ownLegalEntityId"), 999999}, {s("bankId"), bank}, {s("accountHolder"), s("N")}, {s("accountNumber"), s("12345")}})
                                       << s("ownLegalEntityId");
    QTest::newRow("agreements") << s("agreements")
                                << j({{s("companyId"), company}, {s("legalEntityId"), legalEntity}, {s("ownLegalEntityId"), ownLegalEntity}, {s("ownBankAccountId"), ownBankAccount}, {s("code"), s("ZC-1")}, {s("agreementDate"), s("2026-01-15")}, {s("currency"), s("eur")}, {s("effectiveFrom"), s("2026-02-01T00:00:00")}, {s("effectiveFromZone"), s("Europe/Madrid")}, {s("billingTimeZone"), s("Europe/Madrid")}, {s("daysForPayment"), 10}, {s("billingPeriod"), s("weekly")}, {s("billingDay"), 1}, {s("splitByMonth"), true}, {s("creditLimit"), s("250.50")}, {s("invoiceEmails"), s("a@zeta.example, b@zeta.example")}})
                                << j({{s("code"), s("ZC-1/A")}, {s("serviceEmails"), s("ops@zeta.example")}})
                                << j({{s("companyId"), company}, {s("legalEntityId"), legalEntity}, {s("ownLegalEntityId"), ownLegalEntity}, {s("ownBankAccountId"), ownBankAccount}, {s("code"), s("ZC-2")}, {s("agreementDate"), s("2026-01-15")}, {s("currency"), s("EUR")}, {s("effectiveFrom"), s("2026-02-01T00:00:00")}, {s("effectiveFromZone"), s("Europe/Madrid")}, {s("billingTimeZone"), s("Europe/Madrid")}, {s("daysForPayment"), 10}, {s("billingPeriod"), s("monthly")}, {s("billingDay"), 31}})
                                << s("billingDay");
    QTest::newRow("roles") << s("roles")
                           << j({{s("name"), s("Support desk")}, {s("group"), s("backoffice")}, {s("permissions"), j({{s("companies"), s("view")}, {s("audit"), s("view")}})}})
                           << j({{s("description"), s("First line")}, {s("permissions"), j({{s("companies"), s("manage")}})}})
                           << j({{s("name"), s("Broken")}, {s("group"), s("backoffice")}, {s("permissions"), j({{s("dashboard"), s("view")}})}})
                           << s("permissions");
    QTest::newRow("users") << s("users")
                           << j({{s("kind"), s("portal")}, {s("companyId"), company}, {s("login"), s("zeta.user")}, {s("password"), s("Zeta-pass-001")}, {s("firstName"), s("Zed")}, {s("lastName"), s("Zeta")}, {s("email"), s("zed@zeta.example")}, {s("department"), s("Admin")}, {s("enabled"), true}})
                           << j({{s("jobTitle"), s("Owner")}, {s("phone"), s("+49 30 1234567")}})
                           << j({{s("kind"), s("portal")}, {s("companyId"), company}, {s("login"), s("zeta.bad")}, {s("password"), s("Zeta-pass-001")}, {s("firstName"), s("Zed")}, {s("lastName"), s("Zeta")}, {s("email"), s("not-an-email")}, {s("department"), s("Admin")}})
                           << s("email");
}

void ApiEntitiesTest::crud()
{
    QFETCH(QString, collection);
    QFETCH(QJsonObject, valid);
    QFETCH(QJsonObject, change);
    QFETCH(QJsonObject, invalid);
    QFETCH(QString, invalidField);

    // Bad input: 400 with the field named, and nothing written (not even an audit row).
    const qint64 auditBefore = m_server->count(s("audit_log"));
    const auto refused = TestServer::post(*m_admin, collection, invalid);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), s("validation_failed"));
    QVERIFY2(refused.fields().contains(invalidField), refused.raw.constData());
    QCOMPARE(m_server->count(s("audit_log")), auditBefore);

    // 401 without a token.
    auto anonymous = m_server->anonymous();
    QCOMPARE(TestServer::post(*anonymous, collection, valid).status, 401);

    const auto created = TestServer::post(*m_admin, collection, valid);
    QVERIFY2(created.status == 201, created.raw.constData());
    const qint64 id = created.body.value(s("id")).toInteger();
    QVERIFY(id > 0);
    QVERIFY(m_server->count(s("audit_log"), QStringLiteral("operation = 'create' AND object_id = %1").arg(id)) >= 1);
    QVERIFY(!created.body.contains(s("password")));

    const auto read = TestServer::get(*m_admin, QStringLiteral("%1/%2").arg(collection).arg(id));
    QCOMPARE(read.status, 200);
    QCOMPARE(read.body.value(s("id")).toInteger(), id);

    const auto updated = TestServer::patch(*m_admin, QStringLiteral("%1/%2").arg(collection).arg(id), change);
    QVERIFY2(updated.status == 200, updated.raw.constData());
    for (auto it = change.begin(); it != change.end(); ++it) {
        if (it.key() != QLatin1String("permissions") && it.key() != QLatin1String("phone"))
            QCOMPARE(updated.body.value(it.key()), it.value());
    }
    QCOMPARE(m_server->count(s("audit_log"), QStringLiteral("operation = 'update' AND object_id = %1 AND old_value IS NOT NULL "
                                                          "AND new_value IS NOT NULL").arg(id)) >= 1, true);

    QCOMPARE(TestServer::get(*m_admin, QStringLiteral("%1/%2").arg(collection).arg(99999999)).status, 404);
    QCOMPARE(TestServer::patch(*m_admin, QStringLiteral("%1/%2").arg(collection).arg(99999999), change).status, 404);

    const auto deleted = TestServer::remove(*m_admin, QStringLiteral("%1/%2").arg(collection).arg(id));
    QVERIFY2(deleted.status == 204, deleted.raw.constData());
    QCOMPARE(TestServer::get(*m_admin, QStringLiteral("%1/%2").arg(collection).arg(id)).status, 404);
    QVERIFY(m_server->count(s("audit_log"), QStringLiteral("operation = 'delete' AND object_id = %1").arg(id)) >= 1);
}

void ApiEntitiesTest::listPagingSortingFilteringAndSearch()
{
    const auto page = TestServer::get(*m_admin, s("companies"), QUrlQuery(s("limit=5&offset=0&sort=name")));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.value(s("total")).toInteger() >= 34);
    const QJsonArray items = page.body.value(s("items")).toArray();
    QCOMPARE(items.size(), 5);
    for (int i = 1; i < items.size(); ++i)
        QVERIFY(items[i - 1].toObject().value(s("name")).toString() <= items[i].toObject().value(s("name")).toString());
    const auto next = TestServer::get(*m_admin, s("companies"), QUrlQuery(s("limit=5&offset=5&sort=name")));
    QVERIFY(next.body.value(s("items")).toArray().first().toObject().value(s("name")).toString()
            >= items.last().toObject().value(s("name")).toString());

    const auto resellers = TestServer::get(*m_admin, s("companies"), QUrlQuery(s("type=reseller")));
    QCOMPARE(resellers.body.value(s("total")).toInteger(), 3);
    const auto byLabel = TestServer::get(*m_admin, s("legal-entities"), QUrlQuery(s("companyName=telecom mon")));
    QVERIFY(byLabel.body.value(s("total")).toInteger() >= 1);
    const auto search = TestServer::get(*m_admin, s("agreements"), QUrlQuery(s("q=samoa")));
    QCOMPARE(search.body.value(s("total")).toInteger(), 1);
    const auto sortedByLabel = TestServer::get(*m_admin, s("agreements"), QUrlQuery(s("sort=-companyName&limit=1")));
    QCOMPARE(sortedByLabel.status, 200);
    const auto dated = TestServer::get(*m_admin, s("agreement-versions"),
                                       QUrlQuery(s("effectiveFrom.from=2000-01-01T00:00:00Z&state=upcoming")));
    QCOMPARE(dated.status, 200);
    QVERIFY(dated.body.value(s("total")).toInteger() >= 34);
    const auto nullCredit = TestServer::get(*m_admin, s("agreements"), QUrlQuery(s("creditLimit=")));
    QCOMPARE(nullCredit.status, 200);
}

void ApiEntitiesTest::badQueryParametersAre400()
{
    QCOMPARE(TestServer::get(*m_admin, s("companies"), QUrlQuery(s("limit=0"))).status, 400);
    QCOMPARE(TestServer::get(*m_admin, s("companies"), QUrlQuery(s("limit=abc"))).status, 400);
    QCOMPARE(TestServer::get(*m_admin, s("companies"), QUrlQuery(s("sort=nope"))).status, 400);
    QCOMPARE(TestServer::get(*m_admin, s("companies"), QUrlQuery(s("nope=1"))).status, 400);
    QCOMPARE(TestServer::get(*m_admin, s("companies"), QUrlQuery(s("enabled=maybe"))).status, 400);
    QCOMPARE(TestServer::get(*m_admin, s("users"), QUrlQuery(s("password=x"))).status, 400);
}

void ApiEntitiesTest::unknownAndMalformedFieldsAre400()
{
    const qint64 before = m_server->count(s("companies"));
    auto answer = TestServer::post(*m_admin, s("companies"), j({{s("name"), s("X")}, {s("colour"), s("blue")}}));
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.fields().contains(s("colour")));
    answer = TestServer::post(*m_admin, s("companies"), j({{s("name"), 5}, {s("enabled"), s("yes")}}));
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.fields().contains(s("name")));
    QVERIFY(answer.fields().contains(s("enabled")));
    ApiReply *raw = m_admin->post(s("companies"), {});
    raw->waitForFinished();
    QCOMPARE(raw->httpStatus(), 400);
    QCOMPARE(m_server->count(s("companies")), before);
}

void ApiEntitiesTest::referencedRecordsAre409()
{
    const qint64 company = firstId(s("companies"), s("name=Cyber Shop"));
    const auto refused = TestServer::remove(*m_admin, QStringLiteral("companies/%1").arg(company));
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), s("referenced"));
    const QJsonArray references = refused.body.value(s("error")).toObject().value(s("references")).toArray();
    QStringList entities;
    for (const QJsonValue &r : references)
        entities << r.toObject().value(s("entity")).toString();
    QVERIFY(entities.contains(s("legal-entities")));
    QVERIFY(entities.contains(s("agreements")));
    QVERIFY(TestServer::get(*m_admin, QStringLiteral("companies/%1").arg(company)).status == 200);
    // The platform owner cannot go.
    QCOMPARE(TestServer::remove(*m_admin, s("companies/1")).status, 422);
}

void ApiEntitiesTest::oneDefaultLegalEntityPerCompany()
{
    const qint64 company = firstId(s("companies"), s("name=Lone Star Auto"));
    const auto second = TestServer::post(*m_admin, s("legal-entities"),
                                         j({{s("name"), s("Lone Star West")}, {s("companyId"), company},
                                            {s("legalCompanyName"), s("Lone Star West LLC")}, {s("country"), s("US")},
                                            {s("isDefault"), true}}));
    QCOMPARE(second.status, 201);
    const auto defaults = TestServer::get(*m_admin, s("legal-entities"),
                                          QUrlQuery(QStringLiteral("companyId=%1&isDefault=true").arg(company)));
    QCOMPARE(defaults.body.value(s("total")).toInteger(), 1);
    QCOMPARE(defaults.body.value(s("items")).toArray().first().toObject().value(s("id")), second.body.value(s("id")));
}

void ApiEntitiesTest::swiftAndIbanAreChecked()
{
    for (const char *bad : {"ABCD", "ABCDXX2L", "ABCDGB2LXX"}) {
        const auto answer = TestServer::post(*m_admin, s("banks"), j({{s("name"), s("B")}, {s("country"), s("GB")},
                                                                      {s("address"), s("a")}, {s("swiftCode"), s(bad)}}));
        QCOMPARE(answer.status, 400);
    }
    const auto elevenChars = TestServer::post(*m_admin, s("banks"), j({{s("name"), s("Thames Two")}, {s("country"), s("GB")},
                                                                       {s("address"), s("a")}, {s("swiftCode"), s("TMBKGB2L001")}}));
    QCOMPARE(elevenChars.status, 201);
}

void ApiEntitiesTest::csvExportFollowsTheFilter()
{
    ApiReply *reply = m_admin->get(s("companies/export.csv"), QUrlQuery(s("type=reseller&sort=name")));
    QVERIFY(reply->waitForFinished());
    const QList<QByteArray> lines = reply->body().trimmed().split('\n');
    QCOMPARE(lines.size(), 4); // header + 3 resellers
    QVERIFY(lines.first().startsWith("ID,Company,Enabled"));
    QVERIFY(lines.at(1).contains("Atlas Logistics"));
    auto manager = m_server->signIn(s("rate.manager"));
    if (manager) { // rate.manager may be throttled by other classes; here it is a fresh server
        ApiReply *forbidden = manager->get(s("users/export.csv"));
        forbidden->waitForFinished();
        QCOMPARE(forbidden->httpStatus(), 403);
    }
}

void ApiEntitiesTest::auditListsEveryChange()
{
    const auto created = TestServer::post(*m_admin, s("banks"), j({{s("name"), s("Audit Bank")}, {s("country"), s("FR")},
                                                                   {s("address"), s("1 quai")}}));
    QCOMPARE(created.status, 201);
    const qint64 id = created.body.value(s("id")).toInteger();
    QCOMPARE(TestServer::patch(*m_admin, QStringLiteral("banks/%1").arg(id), j({{s("address"), s("2 quai")}})).status, 200);
    const auto audit = TestServer::get(*m_admin, s("audit"),
                                       QUrlQuery(QStringLiteral("tableName=banks&objectId=%1&sort=id").arg(id)));
    QCOMPARE(audit.status, 200);
    const QJsonArray rows = audit.body.value(s("items")).toArray();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].toObject().value(s("operation")).toString(), s("create"));
    QCOMPARE(rows[1].toObject().value(s("operation")).toString(), s("update"));
    QCOMPARE(rows[1].toObject().value(s("oldValue")).toObject().value(s("address")).toString(), s("1 quai"));
    QCOMPARE(rows[1].toObject().value(s("newValue")).toObject().value(s("address")).toString(), s("2 quai"));
    QCOMPARE(rows[1].toObject().value(s("userName")).toString(), s("admin"));
    QVERIFY(!rows[1].toObject().value(s("ipAddress")).toString().isEmpty());
    // The audit log itself cannot be written.
    QCOMPARE(TestServer::post(*m_admin, s("audit"), j({{s("tableName"), s("x")}})).status, 405);
    ApiReply *csv = m_admin->get(s("audit/export.csv"), QUrlQuery(QStringLiteral("tableName=banks&objectId=%1").arg(id)));
    QVERIFY(csv->waitForFinished());
    QCOMPARE(csv->body().trimmed().split('\n').size(), 3);
}

QTEST_GUILESS_MAIN(ApiEntitiesTest)
#include "tst_api_entities.moc"
