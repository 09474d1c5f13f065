#include "ServerCommandLine.h"

#include "ApiException.h"
#include "AuthStore.h"
#include "DemoData.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "PasswordPolicy.h"
#include "ServerInstance.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

#include "Database.h"

namespace backoffice::server {

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: the event loop reads the pipe and quits cleanly.
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte;
        [[maybe_unused]] const auto readBytes = ::read(signalPipe[0], &byte, 1);
        std::fprintf(stderr, "Shutting down\n");
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint value = text.mid(colon + 1).toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    if (host == QLatin1String("localhost"))
        *address = QHostAddress::LocalHost;
    else if (!address->setAddress(host))
        return false;
    *port = static_cast<quint16>(value);
    return true;
}

// Creates the first administrator; the password comes from BACKOFFICE_ADMIN_PASSWORD or is
// generated and printed once.
int initAdmin(ServerInstance &server, const QString &login)
{
    QString password = qEnvironmentVariable("BACKOFFICE_ADMIN_PASSWORD");
    const bool generated = password.isEmpty();
    if (generated)
        password = PasswordPolicy::generate(16);
    const qint64 adminRole = AuthStore(server.database()->connection()).systemRoleId(QStringLiteral("admin"));
    const QJsonObject record{{QStringLiteral("kind"), QStringLiteral("backoffice")},
                             {QStringLiteral("companyId"), 1},
                             {QStringLiteral("login"), login},
                             {QStringLiteral("password"), password},
                             {QStringLiteral("firstName"), QStringLiteral("Administrator")},
                             {QStringLiteral("lastName"), login},
                             {QStringLiteral("email"), QString(login + QStringLiteral("@localhost.localdomain"))},
                             {QStringLiteral("enabled"), true},
                             {QStringLiteral("noRestrictions"), true},
                             {QStringLiteral("roleIds"), QJsonArray{adminRole}}};
    try {
        server.entityService()->create(EntityCatalogue::get(entities::users), record, DemoData::systemSession());
    } catch (const ApiException &e) {
        QStringList details;
        for (auto it = e.fields.begin(); it != e.fields.end(); ++it)
            details << it.key() + QStringLiteral(" ") + it.value();
        std::fprintf(stderr, "Cannot create administrator %s: %s %s\n", qPrintable(login), qPrintable(e.message),
                     qPrintable(details.join(QStringLiteral("; "))));
        return 1;
    }
    std::printf("Administrator %s created.\n", qPrintable(login));
    if (generated)
        std::printf("Password (shown once, change it at first sign-in): %s\n", qPrintable(password));
    std::fflush(stdout);
    return 0;
}

} // namespace

int runServerCommandLine(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "BackOffice server: owns the database, enforces permissions and serves the API under /api/v1."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address and port to serve (default 127.0.0.1:8080)."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("SQLite database file (created when missing)."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption demoData(QStringLiteral("demo-data"), QStringLiteral("Seed the demo data set into an empty database."));
    const QCommandLineOption initAdminOption(
        QStringLiteral("init-admin"),
        QStringLiteral("Create the first administrator LOGIN (password from BACKOFFICE_ADMIN_PASSWORD or printed once). "
                       "Exits afterwards unless --listen is given."),
        QStringLiteral("LOGIN"));
    const QCommandLineOption smppListen(QStringLiteral("smpp-listen"),
                                        QStringLiteral("Address and port of our SMSC for client SMPP connections (default 127.0.0.1:2775)."),
                                        QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:2775"));
    const QCommandLineOption emulateVendor(QStringLiteral("emulate-vendor"),
                                           QStringLiteral("Also run the vendor SMSC emulator on PORT (0: any free port); with "
                                                          "--demo-data the demo's vendor connections use it."),
                                           QStringLiteral("PORT"));
    const QCommandLineOption smppTlsListen(
        QStringLiteral("smpp-tls-listen"),
        QStringLiteral("Also serve client SMPP over TLS on HOST:PORT (conventionally 3550); needs --smpp-tls-cert and "
                       "--smpp-tls-key. Client connections whose SSL type is TLS bind only there."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption smppTlsCert(QStringLiteral("smpp-tls-cert"),
                                         QStringLiteral("PEM certificate (and chain) of the SMPP TLS listener."),
                                         QStringLiteral("PATH"));
    const QCommandLineOption smppTlsKey(QStringLiteral("smpp-tls-key"),
                                        QStringLiteral("PEM private key (unencrypted) of the SMPP TLS listener."),
                                        QStringLiteral("PATH"));
    parser.addOptions({listen, database, demoData, initAdminOption, smppListen, smppTlsListen, smppTlsCert, smppTlsKey,
                       emulateVendor});
    parser.process(app);

    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(listen), &address, &port)) {
        std::fprintf(stderr, "--listen expects HOST:PORT, e.g. 127.0.0.1:8080 (got %s)\n", qPrintable(parser.value(listen)));
        return 2;
    }
    QString databasePath = parser.value(database);
    if (databasePath.isEmpty())
        databasePath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/backoffice.sqlite");

    ServerOptions options;
    options.databasePath = databasePath;
    options.address = address;
    options.port = port;
    options.seedDemoData = parser.isSet(demoData);
    if (!parseListen(parser.value(smppListen), &options.smppAddress, &options.smppPort)) {
        std::fprintf(stderr, "--smpp-listen expects HOST:PORT, e.g. 127.0.0.1:2775 (got %s)\n",
                     qPrintable(parser.value(smppListen)));
        return 2;
    }
    if (parser.isSet(smppTlsListen) || parser.isSet(smppTlsCert) || parser.isSet(smppTlsKey)) {
        if (!parser.isSet(smppTlsListen) || !parser.isSet(smppTlsCert) || !parser.isSet(smppTlsKey)) {
            std::fprintf(stderr, "--smpp-tls-listen, --smpp-tls-cert and --smpp-tls-key go together\n");
            return 2;
        }
        quint16 tlsPort = 0;
        if (!parseListen(parser.value(smppTlsListen), &options.smppTlsAddress, &tlsPort)) {
            std::fprintf(stderr, "--smpp-tls-listen expects HOST:PORT, e.g. 0.0.0.0:3550 (got %s)\n",
                         qPrintable(parser.value(smppTlsListen)));
            return 2;
        }
        options.smppTlsPort = tlsPort;
        options.smppTlsCertificatePath = parser.value(smppTlsCert);
        options.smppTlsKeyPath = parser.value(smppTlsKey);
    }
    if (parser.isSet(emulateVendor)) {
        bool ok = false;
        const uint emulatorPort = parser.value(emulateVendor).toUInt(&ok);
        if (!ok || emulatorPort > 65535) {
            std::fprintf(stderr, "--emulate-vendor expects a port number (got %s)\n", qPrintable(parser.value(emulateVendor)));
            return 2;
        }
        options.emulateVendorPort = quint16(emulatorPort);
    }
    ServerInstance server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "backoffice-server: %s\n", qPrintable(error));
        return 1;
    }
    if (parser.isSet(initAdminOption)) {
        const int code = initAdmin(server, parser.value(initAdminOption));
        if (code != 0 || !parser.isSet(listen))
            return code;
    }
    installSignalHandlers(app);
    std::printf("BackOffice server %s listening on %sapi/v1/ (database %s)\n", BACKOFFICE_VERSION,
                qPrintable(server.baseUrl()), qPrintable(QDir::toNativeSeparators(databasePath)));
    std::printf("SMPP for client connections on %s:%u\n", qPrintable(options.smppAddress.toString()),
                unsigned(server.smppPort()));
    if (server.smppTlsPort())
        std::printf("SMPP over TLS for client connections on %s:%u\n", qPrintable(options.smppTlsAddress.toString()),
                    unsigned(server.smppTlsPort()));
    if (server.emulatorPort())
        std::printf("Vendor SMSC emulator on 127.0.0.1:%u\n", unsigned(server.emulatorPort()));
    if (options.seedDemoData)
        std::printf("Demo sign-in: %s / %s\n", qPrintable(ServerInstance::demoAdminLogin()),
                    qPrintable(ServerInstance::demoPassword()));
    std::fflush(stdout);
    return app.exec();
}

} // namespace backoffice::server
