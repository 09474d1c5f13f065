// Rate import time for a big vendor sheet: N rows (default 100,000) of country name, network name
// and price, imported into the MT node of a demo service. Each format is measured end to end over
// HTTP: upload, reading in the backoffice-sheet-reader process, one analysis, apply (the tree
// stored in one transaction), first into the demo tree, then again over the imported branch. Same-run baseline: readSheet() of the same bytes in this process,
// which is what the import costs before the process hop, the mapping and the storage.
//
// Usage: bench_rate_import [--rows N]

#include "ApiClient.h"
#include "BenchCalls.h"
#include "DemoBenchServer.h"
#include "ServerInstance.h"
#include "SheetReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <xlsxwriter.h>

using namespace backoffice;
using backoffice::bench::ok;

namespace {

// Networks per country so that every row is a distinct rate.
int networksPerCountry = 400;

QString networkName(int n)
{
    return QStringLiteral("Network %1").arg(n, 3, 10, QLatin1Char('0'));
}

QString price(int row)
{
    return QStringLiteral("0.%1").arg(1000 + (row * 37) % 9000, 6, 10, QLatin1Char('0'));
}

// A CSV field, quoted when it holds the delimiter ("Bolivia, Plurinational State of").
QByteArray csvField(const QString &text)
{
    return text.contains(u',') ? '"' + text.toUtf8() + '"' : text.toUtf8();
}

QByteArray csvSheet(const QStringList &countries, int rows)
{
    QByteArray csv = "Country,Network,Price\n";
    csv.reserve(rows * 32);
    for (int r = 0; r < rows; ++r)
        csv += csvField(countries[(r / networksPerCountry) % countries.size()]) + ',' + networkName(r % networksPerCountry).toUtf8() + ','
            + price(r).toUtf8() + '\n';
    return csv;
}

QByteArray xlsxSheet(const QStringList &countries, int rows)
{
    QTemporaryDir dir;
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("rates.xlsx")));
    lxw_workbook_options options {};
    options.constant_memory = LXW_TRUE;
    lxw_workbook *book = workbook_new_opt(path.constData(), &options);
    lxw_worksheet *sheet = workbook_add_worksheet(book, "Rates");
    worksheet_write_string(sheet, 0, 0, "Country", nullptr);
    worksheet_write_string(sheet, 0, 1, "Network", nullptr);
    worksheet_write_string(sheet, 0, 2, "Price", nullptr);
    for (int r = 0; r < rows; ++r) {
        const QByteArray countryName = countries[(r / networksPerCountry) % countries.size()].toUtf8();
        worksheet_write_string(sheet, lxw_row_t(r + 1), 0, countryName.constData(), nullptr);
        worksheet_write_string(sheet, lxw_row_t(r + 1), 1, networkName(r % networksPerCountry).toUtf8().constData(), nullptr);
        worksheet_write_number(sheet, lxw_row_t(r + 1), 2, price(r).toDouble(), nullptr);
    }
    workbook_close(book);
    QFile file(QString::fromLocal8Bit(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Timing {
    double upload = 0, read = 0, analysis = 0, apply = 0, total = 0;
    qint64 records = 0;
};

std::optional<Timing> importOnce(ApiClient &client, QNetworkAccessManager &network, qint64 scopeId, qint64 nodeId,
                                 const QByteArray &bytes, const QString &fileName)
{
    Timing timing;
    QElapsedTimer total;
    total.start();
    QNetworkRequest request(client.urlFor(QStringLiteral("rate-imports"),
                                          QUrlQuery(QStringLiteral("scopeId=%1&nodeId=%2&fileName=%3").arg(scopeId).arg(nodeId).arg(fileName))));
    request.setRawHeader("Authorization", "Bearer " + client.token().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    QNetworkReply *reply = network.post(request, bytes);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject started = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    timing.upload = total.elapsed() / 1000.0;
    const QString id = started.value(QLatin1String("id")).toString();
    if (id.isEmpty()) {
        std::fprintf(stderr, "upload refused: %s\n", QJsonDocument(started).toJson().constData());
        return std::nullopt;
    }
    QString state;
    do {
        // The server runs in this thread: wait in the event loop, so it keeps feeding the reader.
        QEventLoop pause;
        QTimer::singleShot(5, &pause, &QEventLoop::quit);
        pause.exec();
        ApiReply *job = client.get(QStringLiteral("rate-imports/") + id);
        if (!ok(job, "state"))
            return std::nullopt;
        state = job->object().value(QLatin1String("state")).toString();
    } while (state == QLatin1String("reading"));
    if (state != QLatin1String("ready")) {
        std::fprintf(stderr, "reading ended in %s\n", qPrintable(state));
        return std::nullopt;
    }
    timing.read = total.elapsed() / 1000.0 - timing.upload;
    const QJsonObject settings = QJsonDocument::fromJson(R"({"startRow":2,"columns":[
        {"column":1,"role":"attribute","dimension":"country","matchBy":"name","match":"best"},
        {"column":2,"role":"attribute","dimension":"network"},{"column":3,"role":"price"}]})")
                                     .object();
    QElapsedTimer step;
    step.start();
    ApiReply *analysis = client.post(QStringLiteral("rate-imports/%1/analysis").arg(id), settings);
    if (!ok(analysis, "analysis"))
        return std::nullopt;
    timing.analysis = step.elapsed() / 1000.0;
    if (!analysis->object().value(QLatin1String("ready")).toBool()) {
        for (const QJsonValue &problem : analysis->object().value(QLatin1String("problems")).toArray())
            if (problem.toObject().value(QLatin1String("blocking")).toBool())
                std::fprintf(stderr, "blocking: %s\n", qPrintable(problem.toObject().value(QLatin1String("message")).toString()));
        return std::nullopt;
    }
    step.restart();
    ApiReply *applied = client.post(QStringLiteral("rate-imports/%1/apply").arg(id), settings);
    if (!ok(applied, "apply"))
        return std::nullopt;
    timing.apply = step.elapsed() / 1000.0;
    timing.records = applied->object().value(QLatin1String("import")).toObject().value(QLatin1String("records")).toInteger();
    timing.total = total.elapsed() / 1000.0;
    return timing;
}

double readInProcess(const QByteArray &bytes, spreadsheet::SheetFormat format)
{
    QElapsedTimer timer;
    timer.start();
    const auto sheet = spreadsheet::readSheet(bytes, format);
    return std::holds_alternative<spreadsheet::Sheet>(sheet) ? timer.elapsed() / 1000.0 : -1.0;
}

qint64 mtNode(ApiClient &client, qint64 scopeId)
{
    ApiReply *tree = client.get(QStringLiteral("service-scopes/%1/tree").arg(scopeId));
    if (!ok(tree, "tree"))
        return 0;
    QHash<qint64, QString> matchOf;
    for (const QJsonValue &value : tree->object().value(QLatin1String("nodes")).toArray())
        matchOf.insert(value.toObject().value(QLatin1String("id")).toInteger(), value.toObject().value(QLatin1String("match")).toString());
    for (const QJsonValue &value : tree->object().value(QLatin1String("nodes")).toArray()) {
        const QJsonObject node = value.toObject();
        if (node.value(QLatin1String("match")).toString() == QLatin1String("mt")
            && matchOf.value(node.value(QLatin1String("parentId")).toInteger()) == QLatin1String("sms-message"))
            return node.value(QLatin1String("id")).toInteger();
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows in the sheet."), QStringLiteral("N"), QStringLiteral("100000"));
    parser.addOption(rowsOption);
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();

    bench::DemoBenchServer demo;
    if (!demo.start())
        return 1;
    ApiClient &client = demo.client();
    ApiReply *countries = client.get(QStringLiteral("dictionaries/countries"), QUrlQuery(QStringLiteral("limit=1000")));
    if (!ok(countries, "countries"))
        return 1;
    QStringList names;
    for (const QJsonValue &value : countries->object().value(QLatin1String("items")).toArray())
        names.append(value.toObject().value(QLatin1String("name")).toString());
    ApiReply *scopes = client.get(QStringLiteral("service-scopes"), QUrlQuery(QStringLiteral("serviceId=1")));
    if (!ok(scopes, "scopes"))
        return 1;
    const qint64 scopeId = scopes->object().value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("id")).toInteger();

    networksPerCountry = int((rows + names.size() - 1) / names.size());
    const QByteArray csv = csvSheet(names, rows);
    const QByteArray xlsx = xlsxSheet(names, rows);
    std::printf("sheet: %d rows, %d countries x %d networks; CSV %.1f MB, XLSX %.1f MB\n", rows, int(names.size()),
                networksPerCountry, csv.size() / 1e6, xlsx.size() / 1e6);
    QNetworkAccessManager network;
    struct Case {
        const char *name;
        const QByteArray *bytes;
        QString fileName;
        spreadsheet::SheetFormat format;
        double target;
    };
    const Case cases[] = {{"CSV", &csv, QStringLiteral("rates.csv"), spreadsheet::SheetFormat::Csv, 2.0},
                          {"XLSX", &xlsx, QStringLiteral("rates.xlsx"), spreadsheet::SheetFormat::Xlsx, 5.0}};
    // Each format twice: into the demo tree (a new branch), then again over its own result (every
    // one of the 100,000 rates replaced, as with a vendor's monthly update).
    ApiReply *demoTree = client.get(QStringLiteral("service-scopes/%1/tree").arg(scopeId));
    if (!ok(demoTree, "demo tree"))
        return 1;
    const QJsonArray demoNodes = demoTree->object().value(QLatin1String("nodes")).toArray();
    for (const Case &c : cases) {
        const double baseline = readInProcess(*c.bytes, c.format);
        if (!ok(client.put(QStringLiteral("service-scopes/%1/tree").arg(scopeId), {{QStringLiteral("nodes"), demoNodes}}), "reset"))
            return 1;
        for (const char *pass : {"new branch", "re-import"}) {
            const auto timing = importOnce(client, network, scopeId, mtNode(client, scopeId), *c.bytes, c.fileName);
            if (!timing)
                return 1;
            std::printf("%-4s %-10s %5.2f s (upload %.2f, read in child %.2f, analysis %.2f, apply %.2f), %lld rates; "
                        "in-process read baseline %.2f s (ratio %.1fx); target <= %.0f s: %s\n",
                        c.name, pass, timing->total, timing->upload, timing->read, timing->analysis, timing->apply,
                        timing->records, baseline, timing->total / baseline, c.target, timing->total <= c.target ? "met" : "NOT met");
        }
    }
    return 0;
}
