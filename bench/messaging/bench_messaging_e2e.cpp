// bench_messaging_e2e [seconds] [sessions] [window]: sustained end-to-end traffic on this machine.
// Client SMPP sessions submit to our SMSC; the engine admits, rates, reserves, records the EDR,
// answers, routes to the vendor emulator (in this process), follows the receipt, charges on
// submit and sends the receipt back to the client; EDRs and charges are written by the writer
// thread. Baseline from the same run: the same client load straight against the emulator.
#include "AgreementChanges.h"
#include "DemoMessaging.h"
#include "MessagingChanges.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "DemoData.h"
#include "Database.h"
#include "MessagingEngine.h"
#include "ServerInstance.h"
#include "SmppLoad.h"
#include "VendorEmulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdio>
#include <sys/resource.h>

using namespace backoffice;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU seconds of each thread of this process, by name (/proc/self/task/*/stat).
QHash<QString, double> threadCpu()
{
    QHash<QString, double> byName;
    const double tick = double(sysconf(_SC_CLK_TCK));
    for (const QString &task : QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(task));
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        if (!stat.open(QIODevice::ReadOnly) || !comm.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            continue;
        byName[QString::fromUtf8(comm.readAll().trimmed())] += (fields[11].toDouble() + fields[12].toDouble()) / tick;
    }
    return byName;
}

qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    q.exec(sql);
    return q.next() ? q.value(0).toLongLong() : -1;
}

smpp::EsmeConfig clientConfig(quint16 port, const QByteArray &systemId, const QByteArray &password, int window)
{
    smpp::EsmeConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.systemId = systemId;
    config.password = password;
    config.windowLimit = window;
    config.responseTimeoutMs = 30000;
    return config;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seconds = args.size() > 1 ? args.at(1).toInt() : 60;
    const int sessions = args.size() > 2 ? args.at(2).toInt() : 4;
    const int window = args.size() > 3 ? args.at(3).toInt() : 100;
    std::printf("bench_messaging_e2e: %d s, %d client sessions, window %d each\n", seconds, sessions, window);

    // Baseline: the same load against the emulator alone (no engine, no database).
    double baselineRate = 0;
    {
        smpp::VendorEmulatorConfig config;
        config.dlrDelayMs = 500;
        config.deliveredPercent = 100;
        smpp::VendorEmulator emulator(config);
        QString error;
        if (!emulator.start(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        bench::SmppLoad load(clientConfig(emulator.port(), "baseline", "x", window), sessions, "PizzaPlanet");
        if (!load.bind(10000))
            return 1;
        load.run(std::min(seconds, 10) * 1000, window, 5000, 1);
        baselineRate = double(load.okAnswers()) / load.submitSeconds();
        std::printf("baseline  client → emulator directly: %.0f submits/s, %.0f receipts/s, p50 %.2f ms, p99 %.2f ms\n",
                    baselineRate, double(load.receipts()) / load.submitSeconds(), load.latencyMs(0.50), load.latencyMs(0.99));
        load.stop();
        emulator.stop();
    }

    QTemporaryDir dir;
    server::ServerOptions options;
    options.databasePath = dir.filePath(QStringLiteral("bench.sqlite"));
    options.seedDemoData = true;
    options.emulateVendorPort = 0;
    server::ServerInstance instance(options);
    QString error;
    if (!instance.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // The demo's limits are for people trying it; the benchmark lifts them: no vendor RPS limit,
    // no client throughput limit, no credit limit on the agreement.
    QSqlDatabase db = instance.database()->connection();
    QSqlQuery(db).exec(QStringLiteral("UPDATE vendor_smpp_connections SET limits_enabled = 0"));
    QSqlQuery(db).exec(QStringLiteral("UPDATE client_smpp_connections SET throughput_limit = 0"));
    const qint64 agreementId = scalar(db, QStringLiteral("SELECT agreement_id FROM sender_ids WHERE sender_id = 'PizzaPlanet'"));
    QSqlQuery(db).exec(QStringLiteral("UPDATE agreement_versions SET credit_limit = NULL WHERE agreement_id = %1").arg(agreementId));
    if (qEnvironmentVariableIsSet("BENCH_DROP_INDEXES"))
        for (const char *index : {"edrs_company", "edrs_accepted", "edrs_transaction"})
            QSqlQuery(db).exec(QStringLiteral("DROP INDEX %1").arg(QLatin1String(index)));
    server::MessagingChanges::changed();
    server::AgreementChanges::changed();
    server::MessagingEngine &engine = *instance.messagingEngine();
    // The vendor sessions re-bind without limits.
    bench::SmppLoad::waitUntil([] { return false; }, 3000);

    bench::SmppLoad load(clientConfig(instance.smppPort(), server::demomessaging::clientLogin,
                                      server::demomessaging::clientPassword, window),
                         sessions, "PizzaPlanet");
    if (!load.bind(10000)) {
        std::fprintf(stderr, "the client sessions did not bind\n");
        return 1;
    }
    const double cpuBefore = cpuSeconds();
    const QHash<QString, double> threadsBefore = threadCpu();
    QElapsedTimer wall;
    wall.start();
    load.run(seconds * 1000, window, 30000, 1);
    const double wallSeconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    const QHash<QString, double> threadsAfter = threadCpu();
    engine.flush();

    const double rate = double(load.okAnswers()) / load.submitSeconds();
    std::printf("engine    client → our SMSC → engine → emulator → receipts back: %.0f msg/s sustained over %.1f s"
                " (%llu accepted, %llu refused), %.0f receipts/s at the client, p50 %.2f ms, p99 %.2f ms\n",
                rate, load.submitSeconds(), (unsigned long long)load.okAnswers(), (unsigned long long)load.errorAnswers(),
                double(load.receipts()) / load.submitSeconds(), load.latencyMs(0.50), load.latencyMs(0.99));
    std::printf("ratio     engine / baseline: %.2f\n", baselineRate > 0 ? rate / baselineRate : 0.0);

    const qint64 edrs = scalar(db, QStringLiteral("SELECT count(*) FROM edrs"));
    const qint64 delivered = scalar(db, QStringLiteral("SELECT count(*) FROM edrs WHERE status IN ('DELIVERED','UNDELIVERED')"));
    // Traffic only: the demo data's pack purchases and fees are charges too.
    const qint64 charges = scalar(db, QStringLiteral("SELECT count(*) FROM charges WHERE source = 'traffic'"));
    const qint64 charged = scalar(db, QStringLiteral("SELECT coalesce(sum(amount), 0) FROM charges WHERE agreement_id = %1").arg(agreementId));
    const qint64 balance = scalar(db, QStringLiteral("SELECT balance FROM agreement_balances WHERE agreement_id = %1").arg(agreementId));
    std::printf("stored    %lld EDRs (%lld with a final receipt), %lld charges; charged %s EUR, balance %s EUR: %s\n",
                edrs, delivered, charges, qPrintable(Amount::fromMicros(charged).toString()),
                qPrintable(Amount::fromMicros(balance).toString()),
                (charges == qint64(load.okAnswers()) && balance == -charged && edrs == qint64(load.okAnswers()))
                    ? "every accepted part recorded and charged once"
                    : "MISMATCH");
    bench::SmppLoad::waitUntil([] { return false; }, 1200); // the status is published once a second
    const QJsonObject status = engine.status();
    const QJsonObject writer = status.value(QStringLiteral("writer")).toObject();
    std::printf("writer    %lld transactions, %.0f EDR writes each on average, longest commit %.1f ms\n",
                writer.value(QStringLiteral("transactions")).toInteger(),
                double(writer.value(QStringLiteral("edrWrites")).toInteger())
                    / std::max<qint64>(1, writer.value(QStringLiteral("transactions")).toInteger()),
                writer.value(QStringLiteral("maxCommitMs")).toDouble());
    std::printf("          WAL file at the end: %.1f MB\n",
                double(QFileInfo(options.databasePath + QStringLiteral("-wal")).size()) / 1e6);
    std::printf("          writer time: EDR rows %.1f s, charges and balances %.1f s, other writes %.1f s, COMMIT %.1f s\n",
                writer.value(QStringLiteral("edrSeconds")).toDouble(), writer.value(QStringLiteral("chargeSeconds")).toDouble(),
                writer.value(QStringLiteral("otherSeconds")).toDouble(), writer.value(QStringLiteral("commitSeconds")).toDouble());
    std::printf("cpu       %.1f s of CPU in %.1f s wall (%.0f%% of one core); by thread:", cpu, wallSeconds, 100 * cpu / wallSeconds);
    for (auto it = threadsAfter.begin(); it != threadsAfter.end(); ++it) {
        const double used = it.value() - threadsBefore.value(it.key());
        if (used > 0.05)
            std::printf(" %s %.1f s", qPrintable(it.key()), used);
    }
    std::printf("\n          (the main thread runs the client load and the vendor emulator, \"messaging\" the engine"
                " and both SMPP sides, \"messaging-writer\" the database)\n");
    load.stop();
    instance.stop();
    return 0;
}
