// Rate import over HTTP: upload (read in the child process), rows, analysis, apply, and what a bad
// file, a bad setting or the wrong user gets.
#include "TestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <xlsxwriter.h>

using namespace backoffice;
using namespace backoffice::test;

namespace {

// The staff manual's sample layout (§7.3.2) with a header row: "All networks" rows, and rows with
// neither MCC/MNC nor price.
QByteArray seedCsv()
{
    return "Country,Network,MCCMNC,Price\n"
           "Netherlands,All networks,,\n"
           "Netherlands,Telfort,,\n"
           "Norway,All networks,,\n"
           "Poland,T-Mobile,260002,0.013\n"
           "Poland,Orange,260003,0.013\n"
           "Portugal,All networks,268,0.0095\n"
           "Portugal,Vodafone Portugal,268001,0.0095\n"
           "Sweden,All networks,240,0.042\n"
           "Sweden,Sweden 3g,240005,0.037\n"
           "Sweden,Spring Mobil AB,240010,0.025\n";
}

QJsonObject seedSettings()
{
    return QJsonDocument::fromJson(R"({"startRow":2,"columns":[
        {"column":1,"role":"attribute","dimension":"country","matchBy":"name","match":"best"},
        {"column":2,"role":"attribute","dimension":"network"},
        {"column":4,"role":"price"}]})")
        .object();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A two-sheet workbook; the rates are on "Rates" as numbers, a formula cell on "Formula" if asked.
QByteArray workbook(bool withFormula)
{
    QTemporaryDir dir;
    const QByteArray path = QFile::encodeName(dir.filePath(s("rates.xlsx")));
    lxw_workbook *book = workbook_new(path.constData());
    lxw_worksheet *notes = workbook_add_worksheet(book, "Notes");
    worksheet_write_string(notes, 0, 0, "Rates valid from 1 January", nullptr);
    lxw_worksheet *rates = workbook_add_worksheet(book, "Rates");
    const char *countries[] = {"Spain", "Spain", "France"};
    const char *networks[] = {"Vodafone", "All networks", "Orange"};
    const double prices[] = {0.0385, 0.079, 0.061};
    for (int r = 0; r < 3; ++r) {
        worksheet_write_string(rates, lxw_row_t(r), 0, countries[r], nullptr);
        worksheet_write_string(rates, lxw_row_t(r), 1, networks[r], nullptr);
        worksheet_write_number(rates, lxw_row_t(r), 2, prices[r], nullptr);
    }
    if (withFormula)
        worksheet_write_formula(rates, 3, 2, "=C1*2", nullptr);
    workbook_close(book);
    return readFile(QString::fromLocal8Bit(path));
}

} // namespace

class TestApiRateImport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void csvIntoTheTree();
    void xlsxSheetByName();
    void mergeKeepsOtherCountries();
    void badFiles_data();
    void badFiles();
    void damagedXlsDoesNotStopTheServer();
    void cancelKillsTheReader();
    void refusals();
    void notReadyWritesNothing();
    void dimensionValues();

private:
    struct Upload {
        int status = 0;
        QJsonObject body;
    };
    Upload upload(ApiClient &client, const QByteArray &bytes, const QString &fileName, const QString &extra = {},
                  qint64 nodeId = 0);
    QJsonObject waitUntilRead(ApiClient &client, const QString &id);
    QJsonArray tree() { return TestServer::get(*m_admin, s("service-scopes/%1/tree").arg(m_scopeId)).body.value(s("nodes")).toArray(); }
    qint64 nodeIdOf(const QString &match, qint64 parentId);
    // Saving a tree renumbers its nodes: the MT node is looked up each time.
    qint64 mtNode() { return nodeIdOf(s("mt"), nodeIdOf(s("sms-message"), nodeIdOf(s("sms"), 0))); }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    QNetworkAccessManager m_network;
    qint64 m_scopeId = 0;
    qint64 m_agreementId = 0;
};

void TestApiRateImport::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    m_admin = m_server->signIn(s("admin"));
    QVERIFY(m_admin);
    QUrlQuery byName;
    byName.addQueryItem(s("name"), s("SMS Global USD"));
    const auto services = TestServer::get(*m_admin, s("services"), byName).body.value(s("items")).toArray();
    QVERIFY(!services.isEmpty());
    QUrlQuery byService;
    byService.addQueryItem(s("serviceId"), QString::number(services.first().toObject().value(s("id")).toInteger()));
    const auto scopes = TestServer::get(*m_admin, s("service-scopes"), byService).body.value(s("items")).toArray();
    QVERIFY(!scopes.isEmpty());
    m_scopeId = scopes.first().toObject().value(s("id")).toInteger();
    QVERIFY(mtNode() > 0);
    QUrlQuery usd;
    usd.addQueryItem(s("currency"), s("USD"));
    const auto agreements = TestServer::get(*m_admin, s("agreements"), usd).body.value(s("items")).toArray();
    QVERIFY(!agreements.isEmpty());
    m_agreementId = agreements.first().toObject().value(s("id")).toInteger();
}

qint64 TestApiRateImport::nodeIdOf(const QString &match, qint64 parentId)
{
    for (const QJsonValue &value : tree()) {
        const QJsonObject node = value.toObject();
        const qint64 parent = node.value(s("parentId")).isNull() ? 0 : node.value(s("parentId")).toInteger();
        if (node.value(s("match")).toString() == match && parent == parentId)
            return node.value(s("id")).toInteger();
    }
    return 0;
}

TestApiRateImport::Upload TestApiRateImport::upload(ApiClient &client, const QByteArray &bytes, const QString &fileName,
                                                    const QString &extra, qint64 nodeId)
{
    QUrlQuery query(s("scopeId=%1&nodeId=%2&fileName=%3").arg(m_scopeId).arg(nodeId ? nodeId : mtNode()).arg(fileName)
                    + (extra.isEmpty() ? QString() : u'&' + extra));
    QNetworkRequest request(client.urlFor(s("rate-imports"), query));
    request.setRawHeader("Authorization", "Bearer " + client.token().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    QNetworkReply *reply = m_network.post(request, bytes);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(30000);
    Upload result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return result;
}

QJsonObject TestApiRateImport::waitUntilRead(ApiClient &client, const QString &id)
{
    QJsonObject job;
    QElapsedTimer timer;
    timer.start();
    do {
        job = TestServer::get(client, s("rate-imports/") + id).body;
        if (job.value(s("state")).toString() != s("reading"))
            break;
        QTest::qWait(20);
    } while (timer.elapsed() < 30000);
    return job;
}

void TestApiRateImport::csvIntoTheTree()
{
    const Upload started = upload(*m_admin, seedCsv(), s("seed.csv"));
    QCOMPARE(started.status, 202);
    QCOMPARE(started.body.value(s("nodeLabel")).toString(), s("A2P (MT)"));
    QCOMPARE(started.body.value(s("fileFormat")).toString(), s("csv"));
    const QString id = started.body.value(s("id")).toString();
    const QJsonObject job = waitUntilRead(*m_admin, id);
    QCOMPARE(job.value(s("state")).toString(), s("ready"));
    QCOMPARE(job.value(s("rowCount")).toInt(), 11);
    QCOMPARE(job.value(s("columnCount")).toInt(), 4);

    QUrlQuery page;
    page.addQueryItem(s("offset"), s("4"));
    page.addQueryItem(s("limit"), s("2"));
    const auto rows = TestServer::get(*m_admin, s("rate-imports/%1/rows").arg(id), page);
    QCOMPARE(rows.status, 200);
    QCOMPARE(rows.body.value(s("total")).toInt(), 11);
    QCOMPARE(rows.body.value(s("items")).toArray().first().toArray().at(1).toString(), s("T-Mobile"));

    const auto analysis = TestServer::post(*m_admin, s("rate-imports/%1/analysis").arg(id), seedSettings());
    QCOMPARE(analysis.status, 200);
    QVERIFY(analysis.body.value(s("ready")).toBool());
    QCOMPARE(analysis.body.value(s("records")).toInt(), 7);
    QCOMPARE(analysis.body.value(s("skippedRows")).toInt(), 3);
    QCOMPARE(analysis.body.value(s("diff")).toObject().value(s("new")).toInt(), 7);
    const qint64 auditBefore = m_server->count(s("audit_log"), s("table_name = 'rate_nodes' AND operation = 'import'"));

    const auto applied = TestServer::post(*m_admin, s("rate-imports/%1/apply").arg(id), seedSettings());
    QCOMPARE(applied.status, 200);
    QCOMPARE(applied.body.value(s("import")).toObject().value(s("records")).toInt(), 7);
    QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'rate_nodes' AND operation = 'import'")), auditBefore + 1);
    QCOMPARE(TestServer::get(*m_admin, s("rate-imports/") + id).body.value(s("state")).toString(), s("applied"));
    QCOMPARE(TestServer::post(*m_admin, s("rate-imports/%1/apply").arg(id), seedSettings()).status, 409);

    // The engine prices with the imported rates at once.
    const qint64 sweden = nodeIdOf(s("SE"), mtNode());
    QVERIFY(sweden > 0);
    QVERIFY(nodeIdOf(s("*"), sweden) > 0);
    const auto quote = TestServer::post(*m_admin, s("rating/quote"),
                                        j({{s("agreementId"), m_agreementId}, {s("channel"), s("sms")}, {s("resource"), s("sms-message")},
                                           {s("attributes"), j({{s("country"), s("SE")}, {s("network"), s("Sweden 3G")}})}}));
    QCOMPARE(quote.status, 200);
    QCOMPARE(quote.body.value(s("amount")).toString(), s("0.037"));
    QCOMPARE(TestServer::remove(*m_admin, s("rate-imports/") + id).status, 204);
    QCOMPARE(TestServer::get(*m_admin, s("rate-imports/") + id).status, 404);
}

void TestApiRateImport::xlsxSheetByName()
{
    const Upload started = upload(*m_admin, workbook(false), s("rates.xlsx"), s("sheet=Rates"));
    QCOMPARE(started.status, 202);
    const QString id = started.body.value(s("id")).toString();
    const QJsonObject job = waitUntilRead(*m_admin, id);
    QCOMPARE(job.value(s("state")).toString(), s("ready"));
    QCOMPARE(job.value(s("sheets")).toArray(), QJsonArray({s("Notes"), s("Rates")}));
    QCOMPARE(job.value(s("sheet")).toString(), s("Rates"));
    const QJsonObject settings = QJsonDocument::fromJson(R"({"columns":[
        {"column":1,"role":"attribute","dimension":"country","matchBy":"name"},
        {"column":2,"role":"attribute","dimension":"network"},{"column":3,"role":"price"}]})")
                                     .object();
    const auto applied = TestServer::post(*m_admin, s("rate-imports/%1/apply").arg(id), settings);
    QCOMPARE(applied.status, 200);
    const qint64 spain = nodeIdOf(s("ES"), mtNode());
    QVERIFY(nodeIdOf(s("Vodafone"), spain) > 0);
    const auto quote = TestServer::post(*m_admin, s("rating/quote"),
                                        j({{s("agreementId"), m_agreementId}, {s("channel"), s("sms")}, {s("resource"), s("sms-message")},
                                           {s("attributes"), j({{s("country"), s("ES")}, {s("network"), s("Vodafone")}})}}));
    QCOMPARE(quote.body.value(s("amount")).toString(), s("0.0385")); // a number cell, exact
    const Upload missing = upload(*m_admin, workbook(false), s("rates.xlsx"), s("sheet=Prices"));
    QCOMPARE(waitUntilRead(*m_admin, missing.body.value(s("id")).toString()).value(s("error")).toObject().value(s("message")).toString(),
             s("The workbook has no sheet named \"Prices\""));
}

void TestApiRateImport::mergeKeepsOtherCountries()
{
    // The tree now holds ES and FR (from the XLSX); a merge of Portugal keeps both.
    const Upload started = upload(*m_admin, "PT,*,0.0099\n", s("portugal.csv"));
    const QString id = started.body.value(s("id")).toString();
    QCOMPARE(waitUntilRead(*m_admin, id).value(s("state")).toString(), s("ready"));
    QJsonObject settings = QJsonDocument::fromJson(R"({"mode":"merge","columns":[
        {"column":1,"role":"attribute","dimension":"country"},
        {"column":2,"role":"attribute","dimension":"network"},{"column":3,"role":"price"}]})")
                               .object();
    const auto analysis = TestServer::post(*m_admin, s("rate-imports/%1/analysis").arg(id), settings);
    QCOMPARE(analysis.body.value(s("diff")).toObject().value(s("new")).toInt(), 1);
    QCOMPARE(analysis.body.value(s("diff")).toObject().value(s("removed")).toInt(), 0);
    QCOMPARE(TestServer::post(*m_admin, s("rate-imports/%1/apply").arg(id), settings).status, 200);
    QVERIFY(nodeIdOf(s("ES"), mtNode()) > 0);
    QVERIFY(nodeIdOf(s("FR"), mtNode()) > 0);
    QVERIFY(nodeIdOf(s("PT"), mtNode()) > 0);
}

void TestApiRateImport::badFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("extra");
    QTest::addColumn<QString>("message"); // a part of the error
    QTest::newRow("broken zip") << QByteArray("PK\x03\x04 this is not a zip archive at all", 40) << s("rates.xlsx") << QString()
                                << s("ZIP");
    QTest::newRow("formula") << workbook(true) << s("rates.xlsx") << s("sheet=Rates") << s("formula");
    QTest::newRow("not utf-8") << QByteArray("Espa\xf1" "a,0.04\n") << s("rates.csv") << QString() << s("UTF-8");
    QByteArray manyRows;
    for (int i = 0; i < 250001; ++i)
        manyRows += "1\n";
    QTest::newRow("too many rows") << manyRows << s("rates.csv") << QString() << s("at most 250,000");
    QTest::newRow("huge cell") << QByteArray("ES,") + QByteArray(5000, 'x') + "\n" << s("rates.csv") << QString() << s("at most 4,096");
}

void TestApiRateImport::badFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fileName);
    QFETCH(QString, extra);
    QFETCH(QString, message);
    const QJsonArray before = tree();
    const Upload started = upload(*m_admin, bytes, fileName, extra);
    QCOMPARE(started.status, 202);
    const QJsonObject job = waitUntilRead(*m_admin, started.body.value(s("id")).toString());
    QCOMPARE(job.value(s("state")).toString(), s("failed"));
    const QString error = job.value(s("error")).toObject().value(s("message")).toString();
    QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(TestServer::post(*m_admin, s("rate-imports/%1/analysis").arg(started.body.value(s("id")).toString()), seedSettings()).status,
             409);
    QCOMPARE(tree(), before);
}

void TestApiRateImport::damagedXlsDoesNotStopTheServer()
{
    // FreeXL 1.0.6 dies with SIGSEGV on this file (decision 005); only the reader process may die.
    const QByteArray damaged = readFile(s(SPREADSHEET_TEST_DATA "/freexl-segv.xls"));
    QVERIFY(!damaged.isEmpty());
    const Upload started = upload(*m_admin, damaged, s("vendor.xls"));
    QCOMPARE(started.status, 202);
    const QJsonObject job = waitUntilRead(*m_admin, started.body.value(s("id")).toString());
    QCOMPARE(job.value(s("state")).toString(), s("failed"));
    QCOMPARE(job.value(s("error")).toObject().value(s("message")).toString(),
             s("The file is damaged or too large: the reader stopped while reading it"));
    QCOMPARE(TestServer::get(*m_admin, s("health")).status, 200);
    // A sound XLS still reads.
    const Upload sound = upload(*m_admin, readFile(s(SPREADSHEET_TEST_DATA "/rates.xls")), s("rates.xls"));
    QCOMPARE(waitUntilRead(*m_admin, sound.body.value(s("id")).toString()).value(s("state")).toString(), s("ready"));
}

void TestApiRateImport::cancelKillsTheReader()
{
    // A reader that never answers stands in for a file that takes long to read.
    QTemporaryDir dir;
    const QString script = dir.filePath(s("slow-reader"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\nexec sleep 60\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("BACKOFFICE_SHEET_READER", QFile::encodeName(script));
    const Upload started = upload(*m_admin, seedCsv(), s("slow.csv"));
    qunsetenv("BACKOFFICE_SHEET_READER");
    const QString id = started.body.value(s("id")).toString();
    QCOMPARE(TestServer::get(*m_admin, s("rate-imports/") + id).body.value(s("state")).toString(), s("reading"));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(TestServer::post(*m_admin, s("rate-imports/%1/cancel").arg(id), {}).status, 200);
    const QJsonObject job = waitUntilRead(*m_admin, id);
    QCOMPARE(job.value(s("state")).toString(), s("cancelled"));
    QVERIFY(timer.elapsed() < 10000); // killed, not waited for
}

void TestApiRateImport::refusals()
{
    auto noc = m_server->signIn(s("noc.engineer"));
    QVERIFY(noc);
    QCOMPARE(upload(*noc, seedCsv(), s("seed.csv")).status, 403);
    const Upload mine = upload(*m_admin, seedCsv(), s("seed.csv"));
    auto rates = m_server->signIn(s("rate.manager"));
    QVERIFY(rates);
    QCOMPARE(TestServer::get(*rates, s("rate-imports/") + mine.body.value(s("id")).toString()).status, 404);

    const Upload intoDomain = upload(*m_admin, seedCsv(), s("seed.csv"), {}, nodeIdOf(s("sms"), 0));
    QCOMPARE(intoDomain.status, 400);
    QVERIFY(intoDomain.body.value(s("error")).toObject().value(s("fields")).toObject().contains(s("nodeId")));
    const Upload unknownNode = upload(*m_admin, seedCsv(), s("seed.csv"), {}, 999999);
    QCOMPARE(unknownNode.status, 400);
    const Upload empty = upload(*m_admin, {}, s("seed.csv"));
    QCOMPARE(empty.status, 400);
    QVERIFY(empty.body.value(s("error")).toObject().value(s("fields")).toObject().contains(s("file")));
    const Upload pdf = upload(*m_admin, QByteArray("%PDF-1.4\n\x00\x01\x02\x03", 13), s("rates.pdf"));
    QCOMPARE(pdf.status, 400);
    const Upload format = upload(*m_admin, seedCsv(), s("seed.csv"), s("format=fancy"));
    QCOMPARE(format.status, 400);

    const QString id = mine.body.value(s("id")).toString();
    QCOMPARE(waitUntilRead(*m_admin, id).value(s("state")).toString(), s("ready"));
    const auto badSettings = TestServer::post(*m_admin, s("rate-imports/%1/analysis").arg(id),
                                              j({{s("columns"), QJsonArray {j({{s("column"), 1}, {s("role"), s("colour")}})}}}));
    QCOMPARE(badSettings.status, 400);
    QVERIFY(badSettings.fields().contains(s("columns[0].role")));
    QUrlQuery tooMany;
    tooMany.addQueryItem(s("limit"), s("5000"));
    QCOMPARE(TestServer::get(*m_admin, s("rate-imports/%1/rows").arg(id), tooMany).status, 400);
}

void TestApiRateImport::notReadyWritesNothing()
{
    const Upload started = upload(*m_admin, seedCsv(), s("seed.csv"));
    const QString id = started.body.value(s("id")).toString();
    QCOMPARE(waitUntilRead(*m_admin, id).value(s("state")).toString(), s("ready"));
    const QJsonArray before = tree();
    const qint64 audits = m_server->count(s("audit_log"));
    QJsonObject headerIncluded = seedSettings();
    headerIncluded.insert(s("startRow"), 1); // "Country" matches no country
    const auto refused = TestServer::post(*m_admin, s("rate-imports/%1/apply").arg(id), headerIncluded);
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.errorCode(), s("import_not_ready"));
    QVERIFY(refused.fields().value(s("problems[0]")).toString().contains(s("\"Country\"")));
    QCOMPARE(tree(), before);
    QCOMPARE(m_server->count(s("audit_log")), audits);
}

void TestApiRateImport::dimensionValues()
{
    QUrlQuery query;
    query.addQueryItem(s("dimension"), s("country"));
    query.addQueryItem(s("q"), s("neth"));
    const auto found = TestServer::get(*m_admin, s("rating/dimension-values"), query);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.body.value(s("items")).toArray().first().toObject().value(s("key")).toString(), s("NL"));
    QUrlQuery bad;
    bad.addQueryItem(s("dimension"), s("colour"));
    QCOMPARE(TestServer::get(*m_admin, s("rating/dimension-values"), bad).status, 400);
}

QTEST_MAIN(TestApiRateImport)
#include "tst_api_rate_import.moc"
