// backoffice-vendor-emulator: a vendor SMSC on a TCP port, for trying the messaging engine (or any
// ESME) without a real vendor. A thin main over VendorEmulator; see docs/MESSAGING-EMULATOR.md.
#include "VendorEmulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace backoffice::smpp;

namespace {

// SIGTERM/SIGINT write a byte to this socket pair; a QSocketNotifier turns it into a clean quit on
// the event loop (a signal handler may do nothing but async-signal-safe calls).
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[0], &byte, 1);
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return false;
    const QString host = text.first(colon);
    bool ok = false;
    const uint number = text.sliced(colon + 1).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    if (host.isEmpty() || host == u"*")
        *address = QHostAddress(QHostAddress::Any);
    else if (host == u"localhost")
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (!address->setAddress(host))
        return false;
    *port = quint16(number);
    return true;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "backoffice-vendor-emulator: %s\n", qPrintable(message));
    return 2;
}

QString describeRules()
{
    QString text = QStringLiteral("Default rules (destination number suffix = behaviour):\n");
    for (const EmulatorRule &rule : VendorEmulatorConfig::defaultRuleSet())
        text += QStringLiteral("  ") + rule.toString() + u'\n';
    text
        += QStringLiteral("Behaviours: accept, deliver, submitfail, throttled[:N], queuefull[:N], noanswer, delay:MS,\n"
                          "undelivered, rejected, expired. Messages without a rule are accepted and end DELIVRD for\n"
                          "--delivered-percent of the message ids (UNDELIV otherwise).");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("backoffice-vendor-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BACKOFFICE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("An SMPP 3.4 vendor SMSC for tests and demos.\n\n")
                                     + describeRules());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port (default 127.0.0.1:2775)."),
                                    QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:2775"));
    const QCommandLineOption systemId(QStringLiteral("system-id"), QStringLiteral("Accepted system_id (default: any)."),
                                      QStringLiteral("ID"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("Accepted password (default: any)."),
                                      QStringLiteral("PASSWORD"));
    const QCommandLineOption dlrDelay(QStringLiteral("dlr-delay-ms"),
                                      QStringLiteral("Delay from submit_sm_resp to the receipt (default 500)."),
                                      QStringLiteral("MS"), QStringLiteral("500"));
    const QCommandLineOption deliveredPercent(QStringLiteral("delivered-percent"),
                                              QStringLiteral("Share of messages without a rule that end DELIVRD "
                                                             "(default 90)."),
                                              QStringLiteral("PERCENT"), QStringLiteral("90"));
    const QCommandLineOption throttleAttempts(QStringLiteral("throttle-attempts"),
                                              QStringLiteral("Refusals before a throttled/queuefull message is "
                                                             "accepted (default 2)."),
                                              QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption throughput(QStringLiteral("throughput-limit"),
                                        QStringLiteral("submit_sm per second per bind, 0 = none (default 0)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("deliver_sm awaiting a response per bind (default 100)."),
                                    QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption rule(QStringLiteral("rule"),
                                  QStringLiteral("SUFFIX=BEHAVIOUR, repeatable; overrides a default rule with "
                                                 "the same suffix."),
                                  QStringLiteral("RULE"));
    const QCommandLineOption noDefaultRules(QStringLiteral("no-default-rules"),
                                            QStringLiteral("Only the --rule rules."));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate: serve TLS only."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key for --tls-cert."),
                                    QStringLiteral("FILE"));
    parser.addOptions({listen, systemId, password, dlrDelay, deliveredPercent, throttleAttempts, throughput, window,
                       rule, noDefaultRules, tlsCert, tlsKey});
    parser.process(app);

    VendorEmulatorConfig config;
    if (!parseListen(parser.value(listen), &config.address, &config.port))
        return fail(QStringLiteral("--listen wants ADDR:PORT, got \"%1\"").arg(parser.value(listen)));
    config.systemId = parser.value(systemId).toLatin1();
    config.password = parser.value(password).toLatin1();
    auto number = [&](const QCommandLineOption &option, int low, int high, int *out) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < low || value > high)
            return false;
        *out = value;
        return true;
    };
    if (!number(dlrDelay, 0, 86'400'000, &config.dlrDelayMs))
        return fail(QStringLiteral("--dlr-delay-ms wants milliseconds"));
    if (!number(deliveredPercent, 0, 100, &config.deliveredPercent))
        return fail(QStringLiteral("--delivered-percent wants 0-100"));
    if (!number(throttleAttempts, 0, 1000, &config.throttleAttempts))
        return fail(QStringLiteral("--throttle-attempts wants 0-1000"));
    if (!number(throughput, 0, 10'000'000, &config.throughputLimit))
        return fail(QStringLiteral("--throughput-limit wants a number of submit_sm per second"));
    if (!number(window, 1, 100'000, &config.server.windowLimit))
        return fail(QStringLiteral("--window wants 1-100000"));
    config.defaultRules = !parser.isSet(noDefaultRules);
    for (const QString &text : parser.values(rule)) {
        QString error;
        auto parsed = EmulatorRule::parse(text, &error);
        if (!parsed)
            return fail(error);
        config.rules.append(*parsed);
    }
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return fail(QStringLiteral("--tls-cert and --tls-key go together"));
    if (parser.isSet(tlsCert)) {
        QFile certFile(parser.value(tlsCert));
        QFile keyFile(parser.value(tlsKey));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the TLS certificate or key"));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
        if (chain.isEmpty() || key.isNull())
            return fail(QStringLiteral("the TLS certificate or key does not parse (PEM, RSA key)"));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        config.server.tls = tls;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return fail(QStringLiteral("socketpair failed"));
    QSocketNotifier notifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char byte;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[1], &byte, 1);
        QCoreApplication::quit();
    });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    VendorEmulator emulator(config);
    QString error;
    if (!emulator.start(&error))
        return fail(QStringLiteral("cannot listen on %1: %2").arg(parser.value(listen), error));
    std::printf("listening on %u\n", unsigned(emulator.port()));
    std::fflush(stdout);

    const int code = app.exec();
    const VendorEmulator::Stats stats = emulator.stats();
    emulator.stop();
    std::fprintf(stderr,
                 "binds %llu (refused %llu), submits %llu: accepted %llu, submitfail %llu, throttled %llu, "
                 "queuefull %llu, unanswered %llu; receipts sent %llu (DELIVRD %llu, UNDELIV %llu, REJECTD %llu, "
                 "EXPIRED %llu), waiting %llu; MO sent %llu\n",
                 qulonglong(stats.binds), qulonglong(stats.bindsRefused), qulonglong(stats.submits),
                 qulonglong(stats.accepted), qulonglong(stats.submitFailed), qulonglong(stats.throttled),
                 qulonglong(stats.queueFull), qulonglong(stats.unanswered), qulonglong(stats.dlrsSent),
                 qulonglong(stats.dlrsDelivered), qulonglong(stats.dlrsUndelivered), qulonglong(stats.dlrsRejected),
                 qulonglong(stats.dlrsExpired), qulonglong(stats.dlrsWaiting + stats.dlrsScheduled),
                 qulonglong(stats.moSent));
    return code;
}
