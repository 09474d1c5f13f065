// Dictionaries over HTTP: countries with French names, MCC and MCC/MNC lists, code tables, data
// versions, destination resolution with longest-prefix-wins, number prefixes (shipped rows
// protected, CSV import all or nothing) and the dictionaries permission area.
#include "Database.h"
#include "DemoNumberPrefixes.h"
#include "TestServer.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace backoffice;
using namespace backoffice::test;

class ApiDictionariesTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoSeedingIsIdempotentAndOnlyForDemo();
    void countriesCarryCodesAndFrenchNames();
    void mccAndMccMncLists();
    void badPagingIs400();
    void codeTables_data();
    void codeTables();
    void dataVersions();
    void resolveRealNumbers_data();
    void resolveRealNumbers();
    void unparsableNumberIs400();
    void userPrefixOverridesShippedOneAndTrieFollowsChanges();
    void shippedRowsAreProtected();
    void prefixValuesAreChecked();
    void csvImportSucceeds();
    void csvImportIsAllOrNothing();
    void csvImportAsTextCsvBody();
    void permissions();

private:
    QJsonObject resolve(const QString &number);
    qint64 prefixId(const QString &prefix);
    TestServer::Answer postCsv(ApiClient &client, const QByteArray &csv);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
};

void ApiDictionariesTest::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    m_admin = m_server->signIn(s("admin"));
    QVERIFY(m_admin);
}

QJsonObject ApiDictionariesTest::resolve(const QString &number)
{
    const auto answer = TestServer::post(*m_admin, s("destinations/resolve"), j({{s("number"), number}}));
    if (answer.status != 200)
        qWarning() << answer.raw;
    return answer.status == 200 ? answer.body : QJsonObject();
}

qint64 ApiDictionariesTest::prefixId(const QString &prefix)
{
    const auto answer = TestServer::get(*m_admin, s("number-prefixes"), QUrlQuery(s("prefix=") + prefix));
    for (const QJsonValue &item : answer.body.value(s("items")).toArray()) {
        if (item.toObject().value(s("prefix")).toString() == prefix)
            return item.toObject().value(s("id")).toInteger();
    }
    return 0;
}

TestServer::Answer ApiDictionariesTest::postCsv(ApiClient &client, const QByteArray &csv)
{
    QNetworkAccessManager network;
    QUrl url = client.baseUrl();
    url.setPath((url.path().endsWith(QLatin1Char('/')) ? url.path() : url.path() + QLatin1Char('/'))
                + s("api/v1/number-prefixes/import"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/csv; charset=utf-8"));
    request.setRawHeader("Authorization", "Bearer " + client.token().toUtf8());
    QNetworkReply *reply = network.post(request, csv);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    TestServer::Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.raw = reply->readAll();
    answer.body = QJsonDocument::fromJson(answer.raw).object();
    reply->deleteLater();
    return answer;
}

void ApiDictionariesTest::demoSeedingIsIdempotentAndOnlyForDemo()
{
    const qint64 shipped = m_server->count(s("number_prefixes"), s("source = 'shipped'"));
    QVERIFY2(shipped > 200, qPrintable(QString::number(shipped)));
    QCOMPARE(m_server->count(s("number_prefixes"), s("source <> 'shipped'")), 0);
    for (const char *country : {"ES", "DE", "GB", "FR", "IT", "US", "AR"})
        QVERIFY2(m_server->count(s("number_prefixes"), s("country = '%1'").arg(s(country))) > 0, country);
    QCOMPARE(server::seedDemoNumberPrefixes(m_server->instance().database()->connection()), 0);
    QCOMPARE(m_server->count(s("number_prefixes")), shipped);
    // Every shipped row with an MNC names a network of the MCC/MNC list.
    QCOMPARE(m_server->count(s("number_prefixes"), s("mnc IS NOT NULL AND (network IS NULL OR network = '')")), 0);

    TestServer empty(false);
    QVERIFY2(empty.isRunning(), qPrintable(empty.error()));
    QCOMPARE(empty.count(s("number_prefixes")), 0);
}

void ApiDictionariesTest::countriesCarryCodesAndFrenchNames()
{
    const auto answer = TestServer::get(*m_admin, s("dictionaries/countries"));
    QCOMPARE(answer.status, 200);
    QJsonObject germany;
    for (const QJsonValue &item : answer.body.value(s("items")).toArray()) {
        if (item.toObject().value(s("code")).toString() == QLatin1String("DE"))
            germany = item.toObject();
    }
    QCOMPARE(germany.value(s("name")).toString(), s("Germany"));
    QCOMPARE(germany.value(s("nameFr")).toString(), s("Allemagne"));
    QCOMPARE(germany.value(s("alpha3")).toString(), s("DEU"));
    QCOMPARE(germany.value(s("numeric")).toString(), s("276"));
}

void ApiDictionariesTest::mccAndMccMncLists()
{
    auto answer = TestServer::get(*m_admin, s("dictionaries/mcc-mnc"), QUrlQuery(s("mcc=214&mnc=01")));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(s("total")).toInteger(), 1);
    const QJsonObject vodafone = answer.body.value(s("items")).toArray().first().toObject();
    QCOMPARE(vodafone.value(s("network")).toString(), s("Vodafone"));
    QCOMPARE(vodafone.value(s("operator")).toString(), s("Vodafone Spain"));
    QCOMPARE(vodafone.value(s("country")).toString(), s("ES"));
    QCOMPARE(vodafone.value(s("mccmnc")).toString(), s("21401"));

    answer = TestServer::get(*m_admin, s("dictionaries/mcc-mnc"), QUrlQuery(s("country=de&limit=2")));
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.value(s("total")).toInteger() > 5);
    QCOMPARE(answer.body.value(s("items")).toArray().size(), 2);
    for (const QJsonValue &item : answer.body.value(s("items")).toArray())
        QCOMPARE(item.toObject().value(s("mcc")).toString(), s("262"));

    // Paging walks the same filtered list.
    const auto second
        = TestServer::get(*m_admin, s("dictionaries/mcc-mnc"), QUrlQuery(s("country=DE&limit=1&offset=1")));
    QCOMPARE(second.body.value(s("items")).toArray().first(), answer.body.value(s("items")).toArray().at(1));

    answer = TestServer::get(*m_admin, s("dictionaries/mcc-mnc"), QUrlQuery(s("q=movistar&country=ES")));
    QVERIFY(answer.body.value(s("total")).toInteger() >= 1);
    for (const QJsonValue &item : answer.body.value(s("items")).toArray())
        QVERIFY(item.toObject().value(s("network")).toString().contains(s("Movistar"), Qt::CaseInsensitive)
                || item.toObject().value(s("operator")).toString().contains(s("Movistar"), Qt::CaseInsensitive));

    answer = TestServer::get(*m_admin, s("dictionaries/mcc"), QUrlQuery(s("country=GB")));
    QCOMPARE(answer.status, 200);
    QStringList mccs;
    for (const QJsonValue &item : answer.body.value(s("items")).toArray())
        mccs << item.toObject().value(s("mcc")).toString();
    QVERIFY2(mccs.contains(s("234")), qPrintable(mccs.join(QLatin1Char(','))));
    answer = TestServer::get(*m_admin, s("dictionaries/mcc"), QUrlQuery(s("mcc=214")));
    QCOMPARE(answer.body.value(s("total")).toInteger(), 1);
    QCOMPARE(answer.body.value(s("items")).toArray().first().toObject().value(s("country")).toString(), s("ES"));
    answer = TestServer::get(*m_admin, s("dictionaries/mcc"), QUrlQuery(s("q=spain")));
    QVERIFY(answer.body.value(s("total")).toInteger() >= 1);
}

void ApiDictionariesTest::badPagingIs400()
{
    auto answer = TestServer::get(*m_admin, s("dictionaries/mcc-mnc"), QUrlQuery(s("limit=5000")));
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.fields().contains(s("limit")));
    answer = TestServer::get(*m_admin, s("dictionaries/mcc"), QUrlQuery(s("offset=-1")));
    QCOMPARE(answer.status, 400);
    auto anonymous = m_server->anonymous();
    QCOMPARE(TestServer::get(*anonymous, s("dictionaries/mcc")).status, 401);
}

void ApiDictionariesTest::codeTables_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("minimum");
    QTest::newRow("whatsapp regions") << s("whatsapp-regions") << s("north-america") << s("North America") << 10;
    QTest::newRow("pricing categories") << s("pricing-categories") << s("authentication") << s("Authentication") << 4;
    QTest::newRow("pricing types") << s("pricing-types") << s("regular") << s("Regular (charged)") << 2;
    QTest::newRow("rcs message types") << s("rcs-message-types") << s("basic") << s("Basic message") << 3;
    QTest::newRow("sender id types") << s("sender-id-types") << s("alphanumeric") << s("Alphanumeric") << 3;
    QTest::newRow("periodicities") << s("periodicities") << s("weekly") << s("Weekly") << 2;
}

void ApiDictionariesTest::codeTables()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    QFETCH(QString, label);
    QFETCH(int, minimum);
    // Readable by any signed-in user, whatever their areas.
    auto finance = m_server->signIn(s("finance.manager"));
    QVERIFY(finance);
    const auto answer = TestServer::get(*finance, s("dictionaries/") + path);
    QCOMPARE(answer.status, 200);
    const QJsonArray items = answer.body.value(s("items")).toArray();
    QVERIFY(items.size() >= minimum);
    QCOMPARE(answer.body.value(s("total")).toInteger(), items.size());
    bool found = false;
    for (const QJsonValue &item : items)
        found = found
            || (item.toObject().value(s("key")).toString() == key
                && item.toObject().value(s("label")).toString() == label);
    QVERIFY2(found, qPrintable(key));
}

void ApiDictionariesTest::dataVersions()
{
    const auto answer = TestServer::get(*m_admin, s("dictionaries/version"));
    QCOMPARE(answer.status, 200);
    QVERIFY(!answer.body.value(s("isoCodes")).toString().isEmpty());
    QVERIFY(answer.body.value(s("mccMncList")).toString().contains(QLatin1Char('.')));
    QVERIFY(answer.body.value(s("mccMncNetworks")).toInteger() > 1500);
}

void ApiDictionariesTest::resolveRealNumbers_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("mccmnc");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("ES Movistar") << s("+34 609 123 456") << s("+34609123456") << s("ES") << s("21407") << s("Movistar")
                                 << s("34609");
    QTest::newRow("ES Vodafone, 00 form")
        << s("0034 617 12 34 56") << s("+34617123456") << s("ES") << s("21401") << s("Vodafone") << s("34617");
    QTest::newRow("ES Orange, bare digits")
        << s("34655123456") << s("+34655123456") << s("ES") << s("21403") << s("Orange") << s("34655");
    QTest::newRow("DE Telekom") << s("+49 151 12345678") << s("+4915112345678") << s("DE") << s("26201") << s("Telekom")
                                << s("491511");
    QTest::newRow("DE O2") << s("+49 1590 1234567") << s("+4915901234567") << s("DE") << s("26203") << s("O2")
                           << s("491590");
    QTest::newRow("GB O2") << s("+44 7711 123456") << s("+447711123456") << s("GB") << s("23410") << s("O2 (UK)")
                           << s("447711");
    QTest::newRow("FR SFR") << s("+33 6 12 34 56 78") << s("+33612345678") << s("FR") << s("20810") << s("SFR")
                            << s("33612");
    QTest::newRow("IT TIM") << s("+39 333 123 4567") << s("+393331234567") << s("IT") << s("22201") << s("TIM")
                            << s("39333");
    QTest::newRow("AR Claro") << s("+54 9 11 3612 3456") << s("+5491136123456") << s("AR") << s("722310") << s("Claro")
                              << s("5491136");
}

void ApiDictionariesTest::resolveRealNumbers()
{
    QFETCH(QString, number);
    const QJsonObject result = resolve(number);
    QTEST(result.value(s("e164")).toString(), "e164");
    QTEST(result.value(s("country")).toString(), "country");
    QTEST(result.value(s("mccmnc")).toString(), "mccmnc");
    QTEST(result.value(s("network")).toString(), "network");
    QTEST(result.value(s("prefix")).toString(), "prefix");
    QCOMPARE(result.value(s("mcc")).toString() + result.value(s("mnc")).toString(),
             result.value(s("mccmnc")).toString());
    QVERIFY(result.value(s("valid")).toBool());
    QCOMPARE(result.value(s("type")).toString(), s("mobile"));
    QVERIFY(!result.value(s("countryName")).toString().isEmpty());
}

void ApiDictionariesTest::unparsableNumberIs400()
{
    for (const char *bad : {"hello", "", "+", "12"}) {
        const auto answer = TestServer::post(*m_admin, s("destinations/resolve"), j({{s("number"), s(bad)}}));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorCode(), s("validation_failed"));
        QVERIFY2(!answer.fields().value(s("number")).toString().isEmpty(), bad);
    }
    const auto missing = TestServer::post(*m_admin, s("destinations/resolve"), j({{s("phone"), s("+34609123456")}}));
    QCOMPARE(missing.status, 400);
    // A number no prefix covers still gets its country from the numbering plan.
    const QJsonObject fixedLine = resolve(s("+34 91 123 45 67"));
    QCOMPARE(fixedLine.value(s("country")).toString(), s("ES"));
    QCOMPARE(fixedLine.value(s("type")).toString(), s("fixed-line"));
    QVERIFY(fixedLine.value(s("mccmnc")).isNull());
}

void ApiDictionariesTest::userPrefixOverridesShippedOneAndTrieFollowsChanges()
{
    QCOMPARE(resolve(s("+34609123456")).value(s("mccmnc")).toString(), s("21407"));
    // A longer user prefix wins over the shipped one (a ported block), as soon as it is written.
    auto created = TestServer::post(
        *m_admin, s("number-prefixes"),
        j({{s("prefix"), s("346091")}, {s("country"), s("ES")}, {s("mcc"), s("214")}, {s("mnc"), s("01")}}));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.body.value(s("source")).toString(), s("user"));
    QCOMPARE(created.body.value(s("network")).toString(), s("Vodafone")); // filled in from the MCC/MNC list
    QJsonObject result = resolve(s("+34609123456"));
    QCOMPARE(result.value(s("mccmnc")).toString(), s("21401"));
    QCOMPARE(result.value(s("prefix")).toString(), s("346091"));
    QCOMPARE(resolve(s("+34609223456")).value(s("prefix")).toString(), s("34609")); // neighbours unaffected
    const qint64 id = created.body.value(s("id")).toInteger();

    auto changed
        = TestServer::patch(*m_admin, s("number-prefixes/%1").arg(id), j({{s("mnc"), s("03")}, {s("network"), s("")}}));
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.body.value(s("network")).toString(), s("Orange"));
    QCOMPARE(resolve(s("+34609123456")).value(s("mccmnc")).toString(), s("21403"));

    QCOMPARE(TestServer::remove(*m_admin, s("number-prefixes/%1").arg(id)).status, 204);
    QCOMPARE(resolve(s("+34609123456")).value(s("mccmnc")).toString(), s("21407"));
    QVERIFY(m_server->count(s("audit_log"), s("table_name = 'number_prefixes' AND object_id = %1").arg(id)) >= 3);
}

void ApiDictionariesTest::shippedRowsAreProtected()
{
    const qint64 id = prefixId(s("34609"));
    QVERIFY(id > 0);
    const auto shipped = TestServer::get(*m_admin, s("number-prefixes/%1").arg(id));
    QCOMPARE(shipped.body.value(s("source")).toString(), s("shipped"));
    auto answer = TestServer::patch(*m_admin, s("number-prefixes/%1").arg(id), j({{s("network"), s("Mine now")}}));
    QCOMPARE(answer.status, 403);
    answer = TestServer::remove(*m_admin, s("number-prefixes/%1").arg(id));
    QCOMPARE(answer.status, 403);
    // Claiming "shipped" on create is ignored: the row is the user's.
    answer = TestServer::post(*m_admin, s("number-prefixes"),
                              j({{s("prefix"), s("3460999")}, {s("country"), s("ES")}, {s("source"), s("shipped")}}));
    QCOMPARE(answer.status, 201);
    QCOMPARE(answer.body.value(s("source")).toString(), s("user"));
    QCOMPARE(TestServer::remove(*m_admin, s("number-prefixes/%1").arg(answer.body.value(s("id")).toInteger())).status,
             204);
    QCOMPARE(TestServer::get(*m_admin, s("number-prefixes/%1").arg(id)).body.value(s("network")).toString(),
             s("Movistar"));
}

void ApiDictionariesTest::prefixValuesAreChecked()
{
    const qint64 before = m_server->count(s("number_prefixes"));
    auto answer = TestServer::post(
        *m_admin, s("number-prefixes"),
        j({{s("prefix"), s("34-6")}, {s("country"), s("XX")}, {s("mcc"), s("21")}, {s("mnc"), s("1")}}));
    QCOMPARE(answer.status, 400);
    for (const char *field : {"prefix", "country", "mcc", "mnc"})
        QVERIFY2(answer.fields().contains(s(field)), field);
    answer = TestServer::post(*m_admin, s("number-prefixes"), j({{s("prefix"), s("34609")}, {s("country"), s("ES")}}));
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.fields().value(s("prefix")).toString(), s("already exists"));
    answer = TestServer::post(*m_admin, s("number-prefixes"),
                              j({{s("prefix"), s("3499")}, {s("country"), s("ES")}, {s("mnc"), s("01")}}));
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.fields().contains(s("mnc")));
    QCOMPARE(m_server->count(s("number_prefixes")), before);
}

void ApiDictionariesTest::csvImportSucceeds()
{
    const QString csv = s("prefix,country,mcc,mnc,network\r\n"
                          "3460900,ES,214,04,\r\n"
                          "+4915112,DE,262,02,\"Vodafone, reseller block\"\r\n"
                          "\r\n"
                          "35191999,PT,268,03,\r\n");
    auto answer = TestServer::post(*m_admin, s("number-prefixes/import"), j({{s("csv"), csv}}));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(s("created")).toInt(), 3);
    QCOMPARE(answer.body.value(s("updated")).toInt(), 0);
    QJsonObject result = resolve(s("+34 609 001 234"));
    QCOMPARE(result.value(s("mccmnc")).toString(), s("21404"));
    QCOMPARE(result.value(s("network")).toString(), s("Yoigo"));
    result = resolve(s("+49 151 12345678"));
    QCOMPARE(result.value(s("mccmnc")).toString(), s("26202"));
    QCOMPARE(result.value(s("network")).toString(), s("Vodafone, reseller block"));
    QCOMPARE(result.value(s("prefix")).toString(), s("4915112"));

    // Importing again updates the user's own rows; without a header the documented column order applies.
    answer = TestServer::post(*m_admin, s("number-prefixes/import"),
                              j({{s("csv"), s("3460900,ES,214,01,\n35191999,PT,268,03,\n")}}));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(s("updated")).toInt(), 1);
    QCOMPARE(answer.body.value(s("unchanged")).toInt(), 1);
    QCOMPARE(resolve(s("+34609001234")).value(s("mccmnc")).toString(), s("21401"));
    QVERIFY(m_server->count(s("audit_log"), s("table_name = 'number_prefixes' AND operation = 'update'")) >= 1);
}

void ApiDictionariesTest::csvImportIsAllOrNothing()
{
    const qint64 rows = m_server->count(s("number_prefixes"));
    const qint64 audits = m_server->count(s("audit_log"));
    const QString csv = s("prefix,country,mcc,mnc,network\n"
                          "3460901,ES,214,01,\n" // fine
                          "34abc,ES,214,01,\n" // line 3: not digits
                          "3460902,QQ,214,01,\n" // line 4: no such country
                          "3460901,ES,214,03,\n" // line 5: duplicate of line 2
                          "34609,ES,214,01,\n" // line 6: shipped row
                          "3460903,ES,2140,1,\n"); // line 7: bad MCC and MNC
    const auto answer = TestServer::post(*m_admin, s("number-prefixes/import"), j({{s("csv"), csv}}));
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), s("validation_failed"));
    const QJsonObject fields = answer.fields();
    QCOMPARE(fields.size(), 5);
    QVERIFY(fields.value(s("line 3")).toString().contains(s("prefix")));
    QVERIFY(fields.value(s("line 4")).toString().contains(s("country")));
    QVERIFY(fields.value(s("line 5")).toString().contains(s("line 2")));
    QVERIFY(fields.value(s("line 6")).toString().contains(s("shipped")));
    QVERIFY(fields.value(s("line 7")).toString().contains(s("mcc")));
    QVERIFY(fields.value(s("line 7")).toString().contains(s("mnc")));
    QCOMPARE(m_server->count(s("number_prefixes")), rows);
    QCOMPARE(m_server->count(s("audit_log")), audits);
    QCOMPARE(prefixId(s("3460901")), 0);

    auto header
        = TestServer::post(*m_admin, s("number-prefixes/import"), j({{s("csv"), s("prefix,colour\n3460901,red\n")}}));
    QCOMPARE(header.status, 400);
    QVERIFY(header.fields().contains(s("line 1")));
    auto empty = TestServer::post(*m_admin, s("number-prefixes/import"), j({{s("csv"), s("prefix,country\n")}}));
    QCOMPARE(empty.status, 400);
    auto noCsv = TestServer::post(*m_admin, s("number-prefixes/import"), j({{s("file"), s("x")}}));
    QCOMPARE(noCsv.status, 400);
    auto open = TestServer::post(*m_admin, s("number-prefixes/import"), j({{s("csv"), s("\"3460901,ES\n")}}));
    QCOMPARE(open.status, 400);
}

void ApiDictionariesTest::csvImportAsTextCsvBody()
{
    const auto answer = postCsv(*m_admin, "prefix,country,mcc,mnc\n3933399,IT,222,10\n");
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(s("created")).toInt(), 1);
    const QJsonObject result = resolve(s("+39 333 991 2345"));
    QCOMPARE(result.value(s("network")).toString(), s("Vodafone"));
    QCOMPARE(result.value(s("mccmnc")).toString(), s("22210"));
}

void ApiDictionariesTest::permissions()
{
    // client.manager reads dictionaries (view) but may not change prefixes.
    auto viewer = m_server->signIn(s("client.manager"));
    QVERIFY(viewer);
    QCOMPARE(TestServer::get(*viewer, s("number-prefixes")).status, 200);
    QCOMPARE(TestServer::post(*viewer, s("destinations/resolve"), j({{s("number"), s("+34609123456")}})).status, 200);
    const qint64 rows = m_server->count(s("number_prefixes"));
    auto answer
        = TestServer::post(*viewer, s("number-prefixes"), j({{s("prefix"), s("3460977")}, {s("country"), s("ES")}}));
    QCOMPARE(answer.status, 403);
    answer = TestServer::post(*viewer, s("number-prefixes/import"), j({{s("csv"), s("3460977,ES,214,01,\n")}}));
    QCOMPARE(answer.status, 403);
    QCOMPARE(postCsv(*viewer, "3460977,ES,214,01,\n").status, 403);
    const qint64 user = prefixId(s("3933399"));
    QVERIFY(user > 0);
    QCOMPARE(TestServer::patch(*viewer, s("number-prefixes/%1").arg(user), j({{s("network"), s("x")}})).status, 403);
    QCOMPARE(TestServer::remove(*viewer, s("number-prefixes/%1").arg(user)).status, 403);
    QCOMPARE(m_server->count(s("number_prefixes")), rows);

    // The NOC engineer manages dictionaries.
    auto noc = m_server->signIn(s("noc.engineer"));
    QVERIFY(noc);
    answer = TestServer::post(*noc, s("number-prefixes"), j({{s("prefix"), s("3460977")}, {s("country"), s("ES")}}));
    QCOMPARE(answer.status, 201);
    QCOMPARE(TestServer::post(*noc, s("number-prefixes/import"), j({{s("csv"), s("3460978,ES,214,01,\n")}})).status,
             200);

    auto anonymous = m_server->anonymous();
    QCOMPARE(TestServer::post(*anonymous, s("destinations/resolve"), j({{s("number"), s("+34609123456")}})).status,
             401);
    QCOMPARE(TestServer::post(*anonymous, s("number-prefixes/import"), j({{s("csv"), s("1,US\n")}})).status, 401);
}

QTEST_GUILESS_MAIN(ApiDictionariesTest)
#include "tst_api_dictionaries.moc"
