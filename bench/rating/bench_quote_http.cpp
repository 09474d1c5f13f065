// Quotes per second over HTTP: POST /api/v1/rating/quote against a pay-as-you-go service whose tree
// has 100,000 leaves (country -> MCC/MNC), with many requests in flight on keep-alive connections.
// Same-run baselines: GET /api/v1/health (the HTTP floor of this server) and the engine's own
// RatingEngine::rate() in process (what a quote costs without HTTP, JSON and sessions).
//
// The load comes from two clients: a QNetworkAccessManager in this process (it shares the thread with
// the server, so it measures the pair) and, when installed, wrk in a process of its own, which is
// how a real client loads the server.
//
// Usage: bench_quote_http [--seconds S] [--in-flight N]

#include "ApiClient.h"
#include "BenchCalls.h"
#include "DemoBenchServer.h"
#include "Database.h"
#include "RatingEngine.h"
#include "ServerInstance.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cstdio>

#include "BigRateTree.h"

using namespace backoffice;
using namespace backoffice::bench;

namespace {


// Keeps `inFlight` requests going for `seconds`, returns completed requests per second.
double throughput(const QUrl &url, const QByteArray &token, const QByteArray *body, int inFlight, double seconds,
                  qint64 *failures)
{
    QNetworkAccessManager manager;
    QElapsedTimer timer;
    qint64 done = 0;
    int running = 0;
    bool stopping = false;
    QEventLoop loop;
    std::function<void()> send = [&] {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = body ? manager.post(request, *body) : manager.get(request);
        ++running;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            --running;
            const QByteArray answer = reply->readAll();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
                if (++*failures == 1)
                    std::fprintf(stderr, "first failure: %d %s %s\n",
                                 reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                 qPrintable(reply->errorString()), answer.left(300).constData());
            }
            reply->deleteLater();
            ++done;
            if (timer.elapsed() >= seconds * 1000)
                stopping = true;
            if (!stopping)
                send();
            else if (running == 0)
                loop.quit();
        });
    };
    timer.start();
    for (int i = 0; i < inFlight; ++i)
        send();
    loop.exec();
    return done / (timer.elapsed() / 1000.0);
}

// Requests per second that wrk reaches against url (POST with body when given), or -1 when wrk
// is not installed or failed. The server runs in this thread: wait in the event loop.
double wrkThroughput(const QUrl &url, const QByteArray &token, const QByteArray *body, int inFlight, double seconds)
{
    const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
    if (wrk.isEmpty())
        return -1;
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("request.lua"));
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    file.write("wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n");
    if (body) {
        QByteArray quoted = *body;
        quoted.replace('\\', "\\\\").replace('\'', "\\'");
        file.write("wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = '" + quoted + "'\n");
    }
    file.close();
    QProcess process;
    process.start(wrk, {QStringLiteral("-t1"), QStringLiteral("-c%1").arg(inFlight), QStringLiteral("-d%1s").arg(int(seconds)),
                        QStringLiteral("-s"), script, url.toString()});
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    if (!process.waitForStarted())
        return -1;
    loop.exec();
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    if (output.contains(QLatin1String("Non-2xx"))) {
        std::fprintf(stderr, "wrk saw errors:\n%s\n", qPrintable(output));
        return -1;
    }
    const qsizetype at = output.indexOf(QLatin1String("Requests/sec:"));
    return at < 0 ? -1 : output.mid(at + 13).section(QLatin1Char('\n'), 0, 0).trimmed().toDouble();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Seconds per measurement."), QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption inFlightOption(QStringLiteral("in-flight"), QStringLiteral("Requests in flight."), QStringLiteral("N"), QStringLiteral("32"));
    parser.addOptions({secondsOption, inFlightOption});
    parser.process(app);
    const double seconds = parser.value(secondsOption).toDouble();
    const int inFlight = parser.value(inFlightOption).toInt();

    DemoBenchServer demo;
    if (!demo.start())
        return 1;
    server::ServerInstance &instance = demo.instance();
    ApiClient &client = demo.client();

    // A GBP agreement has no demo services: the big-tree service is the only one it uses.
    ApiReply *agreements = client.get(QStringLiteral("agreements"), QUrlQuery(QStringLiteral("currency=GBP")));
    if (!ok(agreements, "agreements"))
        return 1;
    const QJsonObject agreement = agreements->object().value(QLatin1String("items")).toArray().first().toObject();
    ApiReply *service = client.post(QStringLiteral("services"), {{QStringLiteral("name"), QStringLiteral("Bench 100k")},
                                                                {QStringLiteral("type"), QStringLiteral("payg")},
                                                                {QStringLiteral("currency"), QStringLiteral("GBP")}});
    if (!ok(service, "service"))
        return 1;
    const qint64 serviceId = service->object().value(QLatin1String("id")).toInteger();
    ApiReply *scope = client.post(QStringLiteral("service-scopes"), {{QStringLiteral("serviceId"), serviceId},
                                                                    {QStringLiteral("effectiveFrom"), QStringLiteral("2020-01-01T00:00:00")}});
    if (!ok(scope, "scope"))
        return 1;
    QElapsedTimer setup;
    setup.start();
    const QJsonArray tree = bigTree();
    ApiReply *put = client.put(QStringLiteral("service-scopes/%1/tree").arg(scope->object().value(QLatin1String("id")).toInteger()),
                               {{QStringLiteral("nodes"), tree}});
    if (!ok(put, "tree"))
        return 1;
    std::printf("stored a %lld-node tree in %.1f s\n", qint64(tree.size()), setup.elapsed() / 1000.0);
    ApiReply *enable = client.post(QStringLiteral("enabled-services"),
                                   {{QStringLiteral("agreementId"), agreement.value(QLatin1String("id"))},
                                    {QStringLiteral("serviceId"), serviceId},
                                    {QStringLiteral("effectiveFrom"), QStringLiteral("2020-01-01T00:00:00")},
                                    {QStringLiteral("effectiveFromZone"), QStringLiteral("UTC")}});
    if (!ok(enable, "enable"))
        return 1;

    const QJsonObject quote{{QStringLiteral("agreementId"), agreement.value(QLatin1String("id"))},
                            {QStringLiteral("channel"), QStringLiteral("sms")},
                            {QStringLiteral("resource"), QStringLiteral("sms-message")},
                            {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("country"), country(123)},
                                                                       {QStringLiteral("mccmnc"), mccmnc(123, 321)}}}};
    const QByteArray body = QJsonDocument(quote).toJson(QJsonDocument::Compact);
    ApiReply *first = client.post(QStringLiteral("rating/quote"), quote); // builds the index once
    if (!ok(first, "first quote") || first->object().value(QLatin1String("status")).toString() != QLatin1String("ok")) {
        std::fprintf(stderr, "unexpected quote: %s\n", first->body().constData());
        return 1;
    }
    std::printf("first quote (index build included): %.1f s after the tree was stored\n", setup.elapsed() / 1000.0);

    const QByteArray token = client.token().toUtf8();
    const QUrl base(instance.baseUrl());
    qint64 failures = 0;
    // wrk first: the in-process client leaves its keep-alive connections open afterwards.
    const double wrkHealth = wrkThroughput(base.resolved(QUrl(QStringLiteral("api/v1/health"))), token, nullptr, inFlight, seconds);
    const double wrkQuotes = wrkThroughput(base.resolved(QUrl(QStringLiteral("api/v1/rating/quote"))), token, &body, inFlight, seconds);
    const double health = throughput(base.resolved(QUrl(QStringLiteral("api/v1/health"))), token, nullptr, inFlight, seconds, &failures);
    const double quotes = throughput(base.resolved(QUrl(QStringLiteral("api/v1/rating/quote"))), token, &body, inFlight, seconds, &failures);

    // In process: the engine alone, same agreement and attributes.
    server::RatingEngine engine(*instance.database());
    server::RatingInput input;
    input.agreementId = agreement.value(QLatin1String("id")).toInteger();
    input.at = QDateTime::currentDateTimeUtc();
    input.request.domain = QStringLiteral("sms");
    input.request.resource = QStringLiteral("sms-message");
    input.request.setAttribute(rating::Dimension::Direction, QStringLiteral("mt"));
    input.request.setAttribute(rating::Dimension::Country, country(123));
    input.request.setAttribute(rating::Dimension::MccMnc, mccmnc(123, 321));
    engine.rate(input); // warm: snapshot and index
    QElapsedTimer inProcess;
    inProcess.start();
    qint64 rated = 0;
    while (inProcess.elapsed() < seconds * 1000) {
        for (int i = 0; i < 1000; ++i)
            rated += engine.rate(input).priced() ? 1 : 0;
    }
    const double engineRate = rated / (inProcess.elapsed() / 1000.0);

    std::printf("\n%-52s %14s\n", "measurement", "per second");
    std::printf("%-52s %14.0f\n", "baseline: GET health, client in this process", health);
    std::printf("%-52s %14.0f\n", "POST rating/quote, client in this process", quotes);
    if (wrkQuotes > 0) {
        std::printf("%-52s %14.0f\n", "baseline: GET health, wrk in its own process", wrkHealth);
        std::printf("%-52s %14.0f\n", "POST rating/quote, wrk in its own process", wrkQuotes);
    } else {
        std::printf("wrk is not installed (scripts/lib/setup.sh installs it): no out-of-process figures\n");
    }
    std::printf("%-52s %14.0f\n", "baseline: RatingEngine::rate() in process", engineRate);
    std::printf("quote/health ratio %.2f, HTTP/in-process ratio %.4f, %d in flight, %lld non-200 answers\n",
                quotes / health, quotes / engineRate, inFlight, failures);
    if (wrkQuotes > 0)
        std::printf("wrk: quote/health ratio %.2f; target >= 20,000 quotes/s over HTTP: %s\n", wrkQuotes / wrkHealth,
                    wrkQuotes >= 20000 ? "met" : "NOT met");
    return failures == 0 ? 0 : 1;
}
