// SMPP session throughput over loopback: EsmeSession → VendorEmulator (our SMSC side) in one
// process, the emulator on a thread of its own as a vendor would be another process. Every
// submit_sm asks for a receipt (registered_delivery 1, receipts sent at once). Each session keeps
// exactly `window` messages outstanding (a new submit() for every answer), so the latency is the
// wire's round trip and not time spent queued. The baseline, measured in the same run, is the
// codec alone: the same submit_sm encoded, framed and decoded in memory; the ratio is the figure to
// watch, absolute rates depend on the machine (and on whatever else its cores are doing).
//
// Usage: bench_smpp_session [submits, default 200000]

#include "EsmeSession.h"
#include "PduEncoder.h"
#include "PduFramer.h"
#include "TextCoding.h"
#include "VendorEmulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

using namespace backoffice::smpp;

namespace {

constexpr int DeadlineMs = 120000;

SubmitSm benchSubmit(int n)
{
    SubmitSm pdu;
    pdu.source = {5, 0, QByteArrayLiteral("BackOffice")};
    pdu.destination = {1, 1, QByteArray::number(447900000000LL + n % 100000)};
    pdu.registeredDelivery = 1;
    pdu.dataCoding = dataCoding::SmscDefault;
    pdu.shortMessage
        = encodeText(u"Your verification code is 123456. It expires in 10 minutes.", TextEncoding::Gsm7).value();
    return pdu;
}

struct Baseline {
    double perSecond = 0;
    double nsPerPdu = 0;
};

// encode + framer + decode of one submit_sm and its submit_sm_resp, the codec work one message
// costs on one side, without sockets or sessions.
Baseline measureBaseline(int count)
{
    const SubmitSm pdu = benchSubmit(1);
    PduFramer framer;
    qint64 checksum = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 1; i <= count; ++i) {
        const QByteArray bytes = encode(makePdu(quint32(i), pdu));
        framer.feed(bytes);
        FramerOutput output = framer.next();
        if (auto *decoded = std::get_if<Pdu>(&output))
            checksum += decoded->sequenceNumber;
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (checksum != qint64(count) * (count + 1) / 2)
        std::printf("baseline checksum mismatch\n");
    return {count / seconds, seconds * 1e9 / count};
}

struct Result {
    bool complete = false;
    double seconds = 0;
    double dlrSeconds = 0;
    quint64 answered = 0;
    quint64 failed = 0;
    quint64 receipts = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

// Runs `sessions` EsmeSessions against the emulator until every submit is answered and receipted.
Result runSessions(quint16 port, int sessions, int window, int total)
{
    struct Client {
        std::unique_ptr<EsmeSession> session;
        std::vector<qint64> submittedAtNs; // by ticket
        int toSend = 0;
        int sent = 0;
    };
    QElapsedTimer clock;
    std::vector<Client> clients(static_cast<size_t>(sessions));
    std::vector<qint64> latenciesNs;
    latenciesNs.reserve(size_t(total));
    Result result;
    QEventLoop loop;
    qint64 lastAnswerNs = 0;
    qint64 lastReceiptNs = 0;
    int bound = 0;

    auto maybeDone = [&] {
        if (result.answered + result.failed == quint64(total) && result.receipts >= result.answered)
            loop.quit();
    };
    auto sendOne = [&](Client &client) {
        if (client.sent >= client.toSend)
            return;
        const quint64 ticket = client.session->submit(benchSubmit(client.sent));
        ++client.sent;
        if (ticket >= client.submittedAtNs.size())
            client.submittedAtNs.resize(size_t(ticket) * 2 + 1);
        client.submittedAtNs[size_t(ticket)] = clock.nsecsElapsed();
    };

    for (int i = 0; i < sessions; ++i) {
        Client &client = clients[size_t(i)];
        client.toSend = total / sessions + (i < total % sessions ? 1 : 0);
        client.submittedAtNs.resize(size_t(client.toSend) + 2);
        EsmeConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = port;
        config.systemId = QByteArrayLiteral("bench");
        config.windowLimit = window;
        config.responseTimeoutMs = 30000;
        config.enquireLinkIntervalMs = 60000;
        client.session = std::make_unique<EsmeSession>(config);
        EsmeSession *session = client.session.get();
        QObject::connect(session, &EsmeSession::submitAnswered, session,
                         [&, i](quint64 ticket, quint32 status, const QByteArray &) {
                             Client &self = clients[size_t(i)];
                             const qint64 now = clock.nsecsElapsed();
                             latenciesNs.push_back(now - self.submittedAtNs[size_t(ticket)]);
                             lastAnswerNs = now;
                             ++(status == status::Ok ? result.answered : result.failed);
                             sendOne(self);
                             maybeDone();
                         });
        QObject::connect(session, &EsmeSession::deliverReceived, session, [&](const DeliverSm &) {
            ++result.receipts;
            lastReceiptNs = clock.nsecsElapsed();
            maybeDone();
        });
        QObject::connect(session, &EsmeSession::stateChanged, session, [&, i](EsmeState state, const QString &reason) {
            if (state == EsmeState::Disconnected)
                std::printf("  session %d disconnected: %s\n", i, qPrintable(reason));
            if (state != EsmeState::Bound || ++bound != sessions)
                return;
            // Every session bound: the clock starts and each fills its window.
            clock.start();
            for (Client &each : clients) {
                for (int n = 0; n < window; ++n)
                    sendOne(each);
            }
        });
        session->start();
    }
    QTimer::singleShot(DeadlineMs, &loop, &QEventLoop::quit);
    loop.exec();
    result.complete = result.answered + result.failed == quint64(total) && result.receipts >= result.answered;
    for (Client &client : clients) {
        if (result.complete)
            break;
        std::printf("  session: state %d, in flight %d, queued %d, sent %d, submit_sm written %llu, answered %llu, "
                    "receipts %llu\n",
                    int(client.session->state()), client.session->inFlight(), client.session->queued(), client.sent,
                    qulonglong(client.session->submittedTotal()), qulonglong(client.session->answeredTotal()),
                    qulonglong(client.session->deliveredReceivedTotal()));
    }

    result.seconds = double(lastAnswerNs) / 1e9;
    result.dlrSeconds = double(lastReceiptNs) / 1e9;
    if (!latenciesNs.empty()) {
        auto at = [&](double share) {
            auto nth = latenciesNs.begin() + qsizetype(share * double(latenciesNs.size() - 1));
            std::nth_element(latenciesNs.begin(), nth, latenciesNs.end());
            return double(*nth) / 1e6;
        };
        result.p50Ms = at(0.50);
        result.p99Ms = at(0.99);
        result.maxMs = double(*std::max_element(latenciesNs.begin(), latenciesNs.end())) / 1e6;
    }
    for (Client &client : clients)
        client.session->stop();
    QEventLoop settle; // let the unbinds go out before the sessions are destroyed
    QTimer::singleShot(200, &settle, &QEventLoop::quit);
    settle.exec();
    return result;
}

void printResult(const char *label, const Result &result, int total, const Baseline &baseline)
{
    if (!result.complete) {
        std::printf("%s: INCOMPLETE within %d s: %llu answered, %llu failed, %llu receipts\n", label, DeadlineMs / 1000,
                    qulonglong(result.answered), qulonglong(result.failed), qulonglong(result.receipts));
        return;
    }
    const double submitsPerSecond = total / result.seconds;
    std::printf("%s: %d submit_sm in %.3f s = %.0f submit_sm/s; %llu receipts by %.3f s = %.0f DLR/s\n", label, total,
                result.seconds, submitsPerSecond, qulonglong(result.receipts), result.dlrSeconds,
                double(result.receipts) / result.dlrSeconds);
    std::printf("%*s  submit->resp latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; %.1f%% of the codec baseline%s\n",
                int(std::strlen(label)), "", result.p50Ms, result.p99Ms, result.maxMs,
                100.0 * submitsPerSecond / baseline.perSecond, result.failed ? " (some failed!)" : "");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress lines as they come, also into a pipe
    const int total = argc > 1 ? std::max(1000, QByteArray(argv[1]).toInt()) : 200000;
    constexpr int Window = 100;

    std::printf("bench_smpp_session: %d submit_sm with receipts, window %d, over 127.0.0.1; emulator on its "
                "own thread (%d cores)\n",
                total, Window, QThread::idealThreadCount());
    const Baseline baseline = measureBaseline(total);
    std::printf("baseline (encode + frame + decode in memory): %.0f submit_sm/s (%.0f ns each)\n", baseline.perSecond,
                baseline.nsPerPdu);

    QThread emulatorThread;
    emulatorThread.start();
    QObject anchor;
    anchor.moveToThread(&emulatorThread);
    VendorEmulator *emulator = nullptr;
    quint16 port = 0;
    QString error;
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            VendorEmulatorConfig config;
            config.dlrDelayMs = 0;
            config.deliveredPercent = 90;
            config.defaultRules = false; // the bench's numbers would hit the misbehaving suffixes 9990-9999
            config.server.windowLimit = Window;
            config.server.responseTimeoutMs = 30000;
            emulator = new VendorEmulator(config);
            if (emulator->start(&error))
                port = emulator->port();
        },
        Qt::BlockingQueuedConnection);
    if (port == 0) {
        std::printf("emulator did not start: %s\n", qPrintable(error));
        return 1;
    }

    const Result one = runSessions(port, 1, Window, total);
    printResult("1 session ", one, total, baseline);
    const Result ten = runSessions(port, 10, Window, total);
    printResult("10 sessions", ten, total, baseline);

    VendorEmulator::Stats stats;
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            stats = emulator->stats();
            delete emulator;
        },
        Qt::BlockingQueuedConnection);
    emulatorThread.quit();
    emulatorThread.wait();
    std::printf("emulator: %llu binds, %llu submits accepted, %llu receipts sent (%llu DELIVRD, %llu UNDELIV), "
                "%llu answered\n",
                qulonglong(stats.binds), qulonglong(stats.accepted), qulonglong(stats.dlrsSent),
                qulonglong(stats.dlrsDelivered), qulonglong(stats.dlrsUndelivered), qulonglong(stats.dlrsAnswered));
    if (one.complete)
        std::printf("target 20,000 submit_sm/s through one session: %s\n",
                    total / one.seconds >= 20000 ? "met" : "NOT met");
    return one.complete && ten.complete ? 0 : 1;
}
