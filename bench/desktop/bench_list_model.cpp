// How the desktop's list feels over a million companies: time from creating the list model to its
// first rows, and from a scroll jump to row 900,000 to that row's data, each compared with one raw
// `GET companies?limit=200` through ApiClient measured in the same run (a ratio, guide §7).
//
// Rows come from (first that applies): --database PATH (an existing database; missing rows are
// added), --via-api (POSTed through the API in concurrent batches, slow but touches nothing
// below the API), or server::bulkSeed (prepared statements straight into a temporary database).
#include "ApiClient.h"
#include "BulkSeeder.h"
#include "Database.h"
#include "EntityCatalogue.h"
#include "RemoteTableModel.h"
#include "ServerInstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace backoffice;

namespace {

double elapsedMs(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

double median(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.isEmpty() ? 0 : samples.at(samples.size() / 2);
}

qint64 companyCount(ApiClient &api)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    ApiReply *reply = api.get(entities::companies, query);
    if (!reply->waitForFinished(600000)) {
        std::fprintf(stderr, "cannot count companies: %s\n", qPrintable(reply->error().message));
        std::exit(1);
    }
    return reply->object().value(QLatin1String("total")).toInteger();
}

// Adds companies through POST companies, `concurrency` requests in flight at a time.
void createThroughApi(ApiClient &api, qint64 missing, int concurrency)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    ApiReply *owners = api.get(entities::ownLegalEntities, query);
    if (!owners->waitForFinished()) {
        std::fprintf(stderr, "no own legal entity to attach companies to\n");
        std::exit(1);
    }
    const qint64 ownerId =
        owners->object().value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("id")).toInteger();
    QElapsedTimer timer;
    timer.start();
    qint64 sent = 0;
    qint64 done = 0;
    int inFlight = 0;
    QEventLoop loop;
    std::function<void()> sendMore = [&] {
        while (inFlight < concurrency && sent < missing) {
            const qint64 number = ++sent;
            ApiReply *reply = api.post(entities::companies,
                                       {{QStringLiteral("name"), QStringLiteral("Bench company %1").arg(number)},
                                        {QStringLiteral("type"), QStringLiteral("client")},
                                        {QStringLiteral("enabled"), true},
                                        {QStringLiteral("ownLegalEntityId"), ownerId}});
            ++inFlight;
            QObject::connect(reply, &ApiReply::finished, &loop, [&, reply] {
                reply->deleteLater();
                --inFlight;
                if (!reply->ok()) {
                    std::fprintf(stderr, "create failed: %s\n", qPrintable(reply->error().message));
                    std::exit(1);
                }
                if (++done % 10000 == 0) {
                    const double rate = done / (timer.elapsed() / 1000.0);
                    std::printf("  %lld / %lld companies (%.0f/s, about %.0f s left)\n", done, missing, rate,
                                (missing - done) / rate);
                    std::fflush(stdout);
                }
                if (done == missing)
                    loop.quit();
                else
                    sendMore();
            });
        }
    };
    sendMore();
    if (missing > 0)
        loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a real QTableView, without a display
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Desktop list model over a million companies"));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Companies in the list."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("Use this database (kept); missing rows are added."),
                                            QStringLiteral("PATH"));
    const QCommandLineOption viaApiOption(QStringLiteral("via-api"),
                                          QStringLiteral("Add missing rows through POST companies, not bulkSeed."));
    const QCommandLineOption pageOption(QStringLiteral("page-size"), QStringLiteral("Rows per page of the model."),
                                        QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption jumpOption(QStringLiteral("jump-to"), QStringLiteral("Row to jump to."),
                                        QStringLiteral("ROW"), QStringLiteral("900000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Measurements per figure."),
                                          QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({rowsOption, databaseOption, viaApiOption, pageOption, jumpOption, repeatOption});
    parser.process(app);
    const qint64 wanted = parser.value(rowsOption).toLongLong();
    const int pageSize = parser.value(pageOption).toInt();
    const int repeat = qMax(1, parser.value(repeatOption).toInt());

    QTemporaryDir folder;
    server::ServerOptions options;
    options.databasePath = parser.isSet(databaseOption) ? QFileInfo(parser.value(databaseOption)).absoluteFilePath()
                                                        : folder.filePath(QStringLiteral("bench.sqlite"));
    options.seedDemoData = true; // the administrator the bench signs in as (only seeds an empty database)
    server::ServerInstance instance(options);
    QString error;
    if (!instance.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    ApiClient api;
    api.setBaseUrl(QUrl(instance.baseUrl()));
    if (!api.login(server::ServerInstance::demoAdminLogin(), server::ServerInstance::demoPassword())->waitForFinished()) {
        std::fprintf(stderr, "cannot sign in as the demo administrator\n");
        return 1;
    }

    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress lines appear as they are printed
    const qint64 present = companyCount(api);
    if (present < wanted) {
        QElapsedTimer timer;
        timer.start();
        if (parser.isSet(viaApiOption)) {
            std::printf("adding %lld companies through the API…\n", wanted - present);
            createThroughApi(api, wanted - present, 16);
        } else {
            server::bulkSeed(instance.database()->connection(), {wanted - present, 0});
        }
        std::printf("added %lld companies in %.1f s\n", wanted - present, timer.elapsed() / 1000.0);
    }
    const qint64 total = companyCount(api);
    const int jumpRow = int(qMin<qint64>(parser.value(jumpOption).toLongLong(), total - 1));
    std::printf("companies: %lld, page size %d, jump to row %d, %d runs each (median)\n\n", total, pageSize, jumpRow,
                repeat);

    // Baseline: the single request a list's first page costs at the least.
    QList<double> baseline;
    QList<double> deepBaseline;
    for (int i = 0; i < repeat; ++i) {
        QUrlQuery first;
        first.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
        QElapsedTimer timer;
        timer.start();
        ApiReply *reply = api.get(entities::companies, first);
        reply->waitForFinished(600000);
        baseline << elapsedMs(timer);
        reply->deleteLater();
        QUrlQuery deep = first;
        deep.addQueryItem(QStringLiteral("offset"), QString::number(jumpRow - jumpRow % pageSize));
        timer.restart();
        reply = api.get(entities::companies, deep);
        reply->waitForFinished(600000);
        deepBaseline << elapsedMs(timer);
        reply->deleteLater();
    }

    QList<double> firstRows;
    QList<double> jumps;
    for (int i = 0; i < repeat; ++i) {
        QTableView view;
        view.resize(1200, 800);
        view.show();
        QElapsedTimer timer;
        timer.start();
        views::RemoteTableModel model(&api, EntityCatalogue::get(entities::companies));
        model.setPageSize(pageSize);
        view.setModel(&model);
        model.refresh();
        QEventLoop wait;
        QObject::connect(&model, &views::RemoteTableModel::pageLoaded, &wait, &QEventLoop::quit);
        QObject::connect(&model, &views::RemoteTableModel::loadFailed, &wait, &QEventLoop::quit);
        wait.exec();
        if (!model.isRowLoaded(0)) {
            std::fprintf(stderr, "the first page did not load\n");
            return 1;
        }
        firstRows << elapsedMs(timer);

        // Let the view take in the million rows first, as it has long done when someone scrolls.
        view.doItemsLayout();
        QCoreApplication::processEvents();

        // The jump: the view scrolls, paints the rows it now shows, which asks for their page.
        timer.restart();
        view.scrollTo(model.index(jumpRow, 0), QAbstractItemView::PositionAtTop);
        view.viewport()->repaint();
        QTimer guard; // a view that never asked for the row would otherwise wait forever
        guard.setSingleShot(true);
        guard.start(120000);
        while (!model.isRowLoaded(jumpRow) && guard.isActive()) {
            QEventLoop again;
            QObject::connect(&model, &views::RemoteTableModel::pageLoaded, &again, &QEventLoop::quit);
            QObject::connect(&model, &views::RemoteTableModel::loadFailed, &again, &QEventLoop::quit);
            QObject::connect(&guard, &QTimer::timeout, &again, &QEventLoop::quit);
            again.exec();
        }
        if (!model.isRowLoaded(jumpRow)) {
            std::fprintf(stderr, "row %d never arrived (view top row %d)\n", jumpRow, view.rowAt(0));
            return 1;
        }
        jumps << elapsedMs(timer);
    }

    const double base = median(baseline);
    const double deep = median(deepBaseline);
    const double first = median(firstRows);
    const double jump = median(jumps);
    std::printf("%-62s %10s %8s\n", "measure", "ms", "ratio");
    std::printf("%-62s %10.2f %8s\n", "baseline: GET companies?limit=N (one raw ApiClient call)", base, "1.00");
    std::printf("%-62s %10.2f %8.2f\n", "baseline: the same page at the jump offset", deep, deep / base);
    std::printf("%-62s %10.2f %8.2f\n", "model created -> first rows shown", first, first / base);
    std::printf("%-62s %10.2f %8.2f\n", "scroll jump -> jumped-to rows shown", jump, jump / base);
    std::printf("\njump vs. raw request at the same offset: %.2f\n", jump / deep);
    return 0;
}
