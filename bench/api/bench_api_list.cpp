// List endpoint latency over a large database: 100,000 companies and 300,000 agreements by default.
// Prints p50/p99 per query, with two baselines measured in the same run: GET health (the HTTP round
// trip and event loop floor) and the same page read straight from the repository (no HTTP, no auth).
#include "ApiClient.h"
#include "BulkSeeder.h"
#include "Database.h"
#include "EntityCatalogue.h"
#include "EntityRepository.h"
#include "ListQuery.h"
#include "ServerInstance.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace backoffice;

namespace {

struct Figures {
    double p50 = 0;
    double p99 = 0;
};

Figures percentiles(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    auto at = [&samples](double q) { return samples.at(std::min<qsizetype>(samples.size() - 1, qsizetype(q * samples.size()))); };
    return {at(0.50), at(0.99)};
}

Figures measureHttp(ApiClient &client, const QString &path, const QUrlQuery &query, int requests, qint64 *total)
{
    QList<double> samples;
    for (int i = 0; i < requests; ++i) {
        QElapsedTimer timer;
        timer.start();
        ApiReply *reply = client.get(path, query);
        if (!reply->waitForFinished(120000)) {
            std::fprintf(stderr, "request %s failed: %s\n", qPrintable(path), reply->body().constData());
            std::exit(1);
        }
        samples << timer.nsecsElapsed() / 1e6;
        if (total)
            *total = reply->object().value(QLatin1String("total")).toInteger();
        reply->deleteLater();
    }
    return percentiles(samples);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List endpoint latency benchmark"));
    parser.addHelpOption();
    const QCommandLineOption companiesOption(QStringLiteral("companies"), QStringLiteral("Companies to seed."), QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption agreementsOption(QStringLiteral("agreements-per-company"), QStringLiteral("Agreements per company."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption requestsOption(QStringLiteral("requests"), QStringLiteral("Requests per query."), QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("Keep the database at PATH (seeded only when empty) instead of a temporary one."),
                                            QStringLiteral("PATH"));
    parser.addOptions({companiesOption, agreementsOption, requestsOption, databaseOption});
    parser.process(app);
    const qint64 companies = parser.value(companiesOption).toLongLong();
    const int perCompany = parser.value(agreementsOption).toInt();
    const int requests = parser.value(requestsOption).toInt();

    QTemporaryDir dir;
    server::ServerOptions options;
    options.databasePath = parser.isSet(databaseOption) ? parser.value(databaseOption) : dir.filePath(QStringLiteral("bench.sqlite"));
    const bool alreadySeeded = parser.isSet(databaseOption) && QFile::exists(options.databasePath);
    options.seedDemoData = true; // for the signed-in administrator
    server::ServerInstance instance(options);
    QString error;
    if (!instance.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QElapsedTimer seedTimer;
    seedTimer.start();
    if (!alreadySeeded)
        server::bulkSeed(instance.database()->connection(), {companies, perCompany});
    std::printf("seeded %lld companies and %lld agreements in %.1f s\n", companies, companies * perCompany,
                seedTimer.elapsed() / 1000.0);

    ApiClient client;
    client.setBaseUrl(QUrl(instance.baseUrl()));
    ApiReply *login = client.login(server::ServerInstance::demoAdminLogin(), server::ServerInstance::demoPassword());
    if (!login->waitForFinished()) {
        std::fprintf(stderr, "sign-in failed\n");
        return 1;
    }

    const Figures health = measureHttp(client, QStringLiteral("health"), {}, requests, nullptr);
    std::printf("\n%-58s %9s %9s %9s\n", "query", "p50 ms", "p99 ms", "rows");
    std::printf("%-58s %9.2f %9.2f %9s\n", "baseline: GET health (HTTP floor)", health.p50, health.p99, "-");

    struct Scenario {
        const char *entity;
        const char *query;
    };
    const Scenario scenarios[] = {
        {"companies", "limit=50"},
        {"companies", "limit=50&sort=name"},
        {"companies", "limit=50&sort=name&offset=50000"},
        {"companies", "limit=50&name=quantum"},
        {"companies", "limit=50&q=summit health 77"},
        {"agreements", "limit=50"},
        {"agreements", "limit=50&sort=code&offset=150000"},
        {"agreements", "limit=50&companyName=orbit"},
        {"agreements", "limit=50&q=B-99999-"},
        {"agreements", "limit=50&billingPeriod=monthly"},
    };
    QSqlDatabase db = instance.database()->connection();
    for (const Scenario &scenario : scenarios) {
        const QString entity = QString::fromLatin1(scenario.entity);
        const QUrlQuery query(QString::fromLatin1(scenario.query));
        qint64 total = 0;
        const Figures http = measureHttp(client, entity, query, requests, &total);
        // Same page straight from the repository: what storage costs without HTTP, JSON and auth.
        server::EntityRepository repository(db, EntityCatalogue::get(entity));
        server::ListQuery direct;
        direct.limit = 50;
        direct.offset = query.queryItemValue(QStringLiteral("offset")).toLongLong();
        const QString sort = query.queryItemValue(QStringLiteral("sort"));
        direct.sort << server::SortKey{sort.isEmpty() ? QStringLiteral("id") : sort, sort.isEmpty()};
        for (const auto &[key, value] : query.queryItems()) {
            if (key == QLatin1String("q"))
                direct.search = value;
            else if (key != QLatin1String("limit") && key != QLatin1String("offset") && key != QLatin1String("sort"))
                direct.filters << server::ListFilter{key, key == QLatin1String("billingPeriod") ? server::ListFilter::Op::Equals
                                                                                                 : server::ListFilter::Op::Contains,
                                                     value};
        }
        QList<double> samples;
        for (int i = 0; i < std::max(20, requests / 5); ++i) {
            QElapsedTimer timer;
            timer.start();
            repository.list(direct, QDateTime::currentDateTimeUtc());
            samples << timer.nsecsElapsed() / 1e6;
        }
        const Figures storage = percentiles(samples);
        const QString label = QStringLiteral("GET %1?%2").arg(entity, QString::fromLatin1(scenario.query));
        std::printf("%-58s %9.2f %9.2f %9lld   (storage alone p50 %.2f ms, HTTP/storage %.2fx)\n", qPrintable(label.left(58)),
                    http.p50, http.p99, total, storage.p50, storage.p50 > 0 ? http.p50 / storage.p50 : 0.0);
        std::fflush(stdout);
    }
    return 0;
}
