// Services, their scopes and rate trees through the HTTP API.
#include "TestServer.h"

#include <QtTest>

using namespace backoffice;
using namespace backoffice::test;

class ApiServicesTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void typeDecidesCurrencyAndSize_data();
    void typeDecidesCurrencyAndSize();
    void scopeDatesAreReadInTheServiceZone();
    void anOverlappingScopeDoesNotDisplaceTheCurrentOne();
    void treeIsStoredParentsFirstAndAudited();
    void badTreesAreRefusedWhole_data();
    void badTreesAreRefusedWhole();
    void newScopeCopiesAnotherServicesTree();
    void cloneCopiesScopesAndTrees();
    void archiveAndRestore();
    void scopeInForceCannotBeDeleted();
    void viewersCannotChangeTrees();

private:
    qint64 createService(const QString &name, const QString &zone = s("Europe/Madrid"));
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    qint64 m_service = 0;
    qint64 m_current = 0;
};

namespace {
QJsonArray spainTree()
{
    // SMS → SMS message by direction; MO free; MT by country; ES by network with DIGI on a tier scale.
    QJsonObject scale{{s("mode"), s("tier")}, {s("counterGroup"), s("agreement")},
                      {s("bands"), QJsonArray{j({{s("from"), 0}, {s("price"), s("0.005")}}),
                                              j({{s("from"), 1000}, {s("price"), s("0.004")}})}}};
    return {
        j({{s("id"), -1}, {s("parentId"), QJsonValue()}, {s("position"), 0}, {s("match"), s("sms")}, {s("priceType"), s("depends")}, {s("dimension"), s("resource")}}),
        j({{s("id"), -2}, {s("parentId"), -1}, {s("position"), 0}, {s("match"), s("sms-message")}, {s("priceType"), s("depends")}, {s("dimension"), s("direction")}, {s("billingRule"), s("submitted")}, {s("quantityRule"), s("segments")}}),
        j({{s("id"), -3}, {s("parentId"), -2}, {s("position"), 0}, {s("match"), s("mo")}, {s("priceType"), s("free")}}),
        j({{s("id"), -4}, {s("parentId"), -2}, {s("position"), 1}, {s("match"), s("mt")}, {s("priceType"), s("depends")}, {s("dimension"), s("country")}}),
        j({{s("id"), -6}, {s("parentId"), -5}, {s("position"), 0}, {s("match"), s("Vodafone")}, {s("priceType"), s("flat")}, {s("price"), s("0.04")}}),
        j({{s("id"), -5}, {s("parentId"), -4}, {s("position"), 0}, {s("match"), s("ES")}, {s("priceType"), s("depends")}, {s("dimension"), s("network")}}),
        j({{s("id"), -7}, {s("parentId"), -5}, {s("position"), 1}, {s("match"), s("DIGI mobil")}, {s("priceType"), s("scale")}, {s("scale"), scale}}),
        j({{s("id"), -8}, {s("parentId"), -5}, {s("position"), 2}, {s("match"), s("*")}, {s("priceType"), s("flat")}, {s("price"), s("0.08")}}),
    };
}
} // namespace

void ApiServicesTest::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    m_admin = m_server->signIn(s("admin"));
    QVERIFY(m_admin);
    m_service = createService(s("SMS Europe"));
    QVERIFY(m_service > 0);
}

qint64 ApiServicesTest::createService(const QString &name, const QString &zone)
{
    const auto created = TestServer::post(*m_admin, s("services"),
                                          j({{s("name"), name}, {s("type"), s("payg")}, {s("currency"), s("EUR")}, {s("timeZone"), zone}}));
    return created.status == 201 ? created.body.value(s("id")).toInteger() : 0;
}

void ApiServicesTest::typeDecidesCurrencyAndSize_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("badField");
    QTest::newRow("payg without currency") << j({{s("name"), s("A")}, {s("type"), s("payg")}}) << s("currency");
    QTest::newRow("unit pack with currency") << j({{s("name"), s("B")}, {s("type"), s("unitPack")}, {s("units"), 1000}, {s("currency"), s("EUR")}}) << s("currency");
    QTest::newRow("unit pack without size") << j({{s("name"), s("C")}, {s("type"), s("unitPack")}}) << s("units");
    QTest::newRow("monetary pack without amount") << j({{s("name"), s("D")}, {s("type"), s("monetaryPack")}, {s("currency"), s("USD")}}) << s("amount");
    QTest::newRow("payg with a size") << j({{s("name"), s("E")}, {s("type"), s("payg")}, {s("currency"), s("EUR")}, {s("units"), 5}}) << s("units");
    QTest::newRow("unit pack fine") << j({{s("name"), s("1,000 SMS")}, {s("type"), s("unitPack")}, {s("units"), 1000}}) << QString();
    QTest::newRow("monetary pack fine") << j({{s("name"), s("1,000 USD")}, {s("type"), s("monetaryPack")}, {s("currency"), s("USD")}, {s("amount"), s("1000")}}) << QString();
}

void ApiServicesTest::typeDecidesCurrencyAndSize()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, badField);
    const auto answer = TestServer::post(*m_admin, s("services"), body);
    if (badField.isEmpty()) {
        QCOMPARE(answer.status, 201);
        QCOMPARE(answer.body.value(s("timeZone")).toString(), s("UTC"));
    } else {
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.fields().contains(badField), answer.raw.constData());
    }
}

void ApiServicesTest::scopeDatesAreReadInTheServiceZone()
{
    const auto scope = TestServer::post(*m_admin, s("service-scopes"),
                                        j({{s("serviceId"), m_service}, {s("effectiveFrom"), s("2024-01-01T00:00:00")}}));
    QVERIFY2(scope.status == 201, scope.raw.constData());
    QCOMPARE(scope.body.value(s("effectiveFrom")).toString(), s("2023-12-31T23:00:00.000Z")); // Madrid is UTC+1 in winter
    QCOMPARE(scope.body.value(s("state")).toString(), s("current"));
    m_current = scope.body.value(s("id")).toInteger();
    const auto service = TestServer::get(*m_admin, QStringLiteral("services/%1").arg(m_service));
    QCOMPARE(service.body.value(s("currentScopeId")).toInteger(), m_current);
}

void ApiServicesTest::anOverlappingScopeDoesNotDisplaceTheCurrentOne()
{
    const auto overlapping = TestServer::post(*m_admin, s("service-scopes"),
                                              j({{s("serviceId"), m_service}, {s("effectiveFrom"), s("2025-01-01T00:00:00")}}));
    QCOMPARE(overlapping.status, 201);
    QCOMPARE(overlapping.body.value(s("state")).toString(), s("inactive"));
    const auto draft = TestServer::post(*m_admin, s("service-scopes"),
                                        j({{s("serviceId"), m_service}, {s("effectiveFrom"), s("2020-01-01T00:00:00")}, {s("draft"), true}}));
    QCOMPARE(draft.body.value(s("state")).toString(), s("draft"));
    const auto upcoming = TestServer::post(*m_admin, s("service-scopes"),
                                           j({{s("serviceId"), m_service}, {s("effectiveFrom"), s("2099-01-01T00:00:00")}}));
    QCOMPARE(upcoming.body.value(s("state")).toString(), s("upcoming"));
    const auto service = TestServer::get(*m_admin, QStringLiteral("services/%1").arg(m_service));
    QCOMPARE(service.body.value(s("currentScopeId")).toInteger(), m_current);
    const auto backwards = TestServer::post(*m_admin, s("service-scopes"),
                                            j({{s("serviceId"), m_service}, {s("effectiveFrom"), s("2030-01-01T00:00:00")},
                                               {s("effectiveTill"), s("2029-01-01T00:00:00")}}));
    QCOMPARE(backwards.status, 400);
}

void ApiServicesTest::treeIsStoredParentsFirstAndAudited()
{
    const auto put = TestServer::post(*m_admin, QStringLiteral("service-scopes/%1/tree").arg(m_current), {});
    QCOMPARE(put.status, 405);
    ApiReply *reply = m_admin->put(QStringLiteral("service-scopes/%1/tree").arg(m_current), j({{s("nodes"), spainTree()}}));
    QVERIFY2(reply->waitForFinished(), reply->body().constData());
    const QJsonArray nodes = reply->object().value(s("nodes")).toArray();
    QCOMPARE(nodes.size(), 8);
    QHash<qint64, QJsonObject> byId;
    for (const QJsonValue &node : nodes) {
        const QJsonObject object = node.toObject();
        QVERIFY(object.value(s("id")).toInteger() > 0);
        const QJsonValue parent = object.value(s("parentId"));
        QVERIFY(parent.isNull() || byId.contains(parent.toInteger())); // parents come first
        byId.insert(object.value(s("id")).toInteger(), object);
    }
    const auto digi = std::find_if(nodes.begin(), nodes.end(), [](const QJsonValue &n) {
        return n.toObject().value(s("match")).toString() == s("DIGI mobil");
    });
    QCOMPARE(digi->toObject().value(s("scale")).toObject().value(s("bands")).toArray().size(), 2);
    QCOMPARE(m_server->count(s("audit_log"), QStringLiteral("table_name = 'rate_nodes' AND object_id = %1").arg(m_current)), 1);
    const auto read = TestServer::get(*m_admin, QStringLiteral("service-scopes/%1/tree").arg(m_current));
    QCOMPARE(read.body.value(s("nodes")).toArray(), nodes);
    const auto scope = TestServer::get(*m_admin, QStringLiteral("service-scopes/%1").arg(m_current));
    QCOMPARE(scope.body.value(s("nodeCount")).toInteger(), 8);
}

void ApiServicesTest::badTreesAreRefusedWhole_data()
{
    QTest::addColumn<QJsonArray>("nodes");
    QTest::addColumn<QString>("field");
    QJsonArray badType = spainTree();
    QJsonObject node = badType[2].toObject();
    node.insert(s("priceType"), s("cheap"));
    badType[2] = node;
    QTest::newRow("unknown price type") << badType << s("nodes[2].priceType");
    QJsonArray badPrice = spainTree();
    node = badPrice[4].toObject();
    node.insert(s("price"), s("0.0000001"));
    badPrice[4] = node;
    QTest::newRow("price beyond six decimals") << badPrice << s("nodes[4].price");
    QJsonArray orphan = spainTree();
    node = orphan[2].toObject();
    node.insert(s("parentId"), -99);
    orphan[2] = node;
    QTest::newRow("missing parent") << orphan << s("nodes[2].parentId");
    QJsonArray cycle{j({{s("id"), 1}, {s("parentId"), 2}, {s("match"), s("a")}, {s("priceType"), s("free")}}),
                     j({{s("id"), 2}, {s("parentId"), 1}, {s("match"), s("b")}, {s("priceType"), s("free")}})};
    QTest::newRow("cycle") << cycle << s("nodes");
}

void ApiServicesTest::badTreesAreRefusedWhole()
{
    QFETCH(QJsonArray, nodes);
    QFETCH(QString, field);
    const qint64 before = m_server->count(s("rate_nodes"));
    ApiReply *reply = m_admin->put(QStringLiteral("service-scopes/%1/tree").arg(m_current), j({{s("nodes"), nodes}}));
    reply->waitForFinished();
    QCOMPARE(reply->httpStatus(), 400);
    QVERIFY2(reply->error().fields.contains(field), reply->body().constData());
    QCOMPARE(m_server->count(s("rate_nodes")), before);
}

void ApiServicesTest::newScopeCopiesAnotherServicesTree()
{
    const qint64 other = createService(s("SMS Europe 2027"));
    const auto scope = TestServer::post(*m_admin, s("service-scopes"),
                                        j({{s("serviceId"), other}, {s("effectiveFrom"), s("2027-01-01T00:00:00")},
                                           {s("copyTreeFromServiceId"), m_service}}));
    QVERIFY2(scope.status == 201, scope.raw.constData());
    QCOMPARE(scope.body.value(s("nodeCount")).toInteger(), 8);
    QCOMPARE(scope.body.value(s("copiedFromScopeId")).toInteger(), m_current);
    const qint64 empty = createService(s("Empty"));
    const auto refused = TestServer::post(*m_admin, s("service-scopes"),
                                          j({{s("serviceId"), other}, {s("effectiveFrom"), s("2030-01-01T00:00:00")},
                                             {s("copyTreeFromServiceId"), empty}}));
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.fields().contains(s("copyTreeFromServiceId")));
}

void ApiServicesTest::cloneCopiesScopesAndTrees()
{
    const auto clone = TestServer::post(*m_admin, QStringLiteral("services/%1/clone").arg(m_service), {});
    QCOMPARE(clone.status, 201);
    QCOMPARE(clone.body.value(s("name")).toString(), s("SMS Europe (copy)"));
    const qint64 cloneId = clone.body.value(s("id")).toInteger();
    const auto scopes = TestServer::get(*m_admin, s("service-scopes"), QUrlQuery(QStringLiteral("serviceId=%1").arg(cloneId)));
    QCOMPARE(scopes.body.value(s("total")).toInteger(), 4);
    QVERIFY(!clone.body.value(s("currentScopeId")).isNull());
    const auto tree = TestServer::get(*m_admin, QStringLiteral("service-scopes/%1/tree").arg(clone.body.value(s("currentScopeId")).toInteger()));
    QCOMPARE(tree.body.value(s("nodes")).toArray().size(), 8);
}

void ApiServicesTest::archiveAndRestore()
{
    const auto archived = TestServer::post(*m_admin, QStringLiteral("services/%1/archive").arg(m_service), {});
    QCOMPARE(archived.status, 200);
    QCOMPARE(archived.body.value(s("archived")).toBool(), true);
    QCOMPARE(TestServer::get(*m_admin, s("services"), QUrlQuery(s("archived=true"))).body.value(s("total")).toInteger(), 1);
    QCOMPARE(TestServer::patch(*m_admin, QStringLiteral("services/%1").arg(m_service), j({{s("archived"), false}})).body.value(s("archived")).toBool(), true);
    const auto restored = TestServer::post(*m_admin, QStringLiteral("services/%1/restore").arg(m_service), {});
    QCOMPARE(restored.body.value(s("archived")).toBool(), false);
    QCOMPARE(m_server->count(s("audit_log"), QStringLiteral("table_name = 'services' AND object_id = %1 AND operation = 'update'").arg(m_service)), 2);
}

void ApiServicesTest::scopeInForceCannotBeDeleted()
{
    QCOMPARE(TestServer::remove(*m_admin, QStringLiteral("service-scopes/%1").arg(m_current)).status, 422);
    const qint64 doomed = createService(s("Doomed"));
    const auto scope = TestServer::post(*m_admin, s("service-scopes"),
                                        j({{s("serviceId"), doomed}, {s("effectiveFrom"), s("2099-01-01T00:00:00")},
                                           {s("copyTreeFromScopeId"), m_current}}));
    QCOMPARE(scope.status, 201);
    QCOMPARE(TestServer::remove(*m_admin, QStringLiteral("services/%1").arg(doomed)).status, 204);
    QCOMPARE(m_server->count(s("rate_nodes"), QStringLiteral("scope_id = %1").arg(scope.body.value(s("id")).toInteger())), 0);
}

void ApiServicesTest::viewersCannotChangeTrees()
{
    auto manager = m_server->signIn(s("client.manager"));
    QVERIFY(manager);
    QCOMPARE(TestServer::get(*manager, QStringLiteral("service-scopes/%1/tree").arg(m_current)).status, 200);
    ApiReply *reply = manager->put(QStringLiteral("service-scopes/%1/tree").arg(m_current), j({{s("nodes"), QJsonArray()}}));
    reply->waitForFinished();
    QCOMPARE(reply->httpStatus(), 403);
    QCOMPARE(TestServer::post(*manager, QStringLiteral("services/%1/archive").arg(m_service), {}).status, 403);
    QCOMPARE(m_server->count(s("rate_nodes"), QStringLiteral("scope_id = %1").arg(m_current)), 8);
}

QTEST_GUILESS_MAIN(ApiServicesTest)
#include "tst_api_services.moc"
