#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace backoffice::server {

class Database;
class EntityService;
class MessagingEngine;

struct ServerOptions {
    QString databasePath;                       // SQLite file (created when missing)
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;                           // 0: any free port (demo mode, tests)
    bool seedDemoData = false;                  // fill an empty database with the demo data set
    // The messaging engine: our SMSC for clients listens here (port 0: any free port); off for
    // tools that only need the API.
    bool messaging = true;
    QHostAddress smppAddress = QHostAddress::LocalHost;
    quint16 smppPort = 0;
    // Client SMPP over TLS (BO §11.2 "SSL type"): set, a second listener speaks TLS only, with the
    // certificate (chain) and private key read from these PEM files at start.
    std::optional<quint16> smppTlsPort;
    QHostAddress smppTlsAddress = QHostAddress::LocalHost;
    QString smppTlsCertificatePath;
    QString smppTlsKeyPath;
    QList<int> callbackRetryDelaysMs{10000, 60000, 300000, 1800000, 7200000};
    // Runs the vendor SMSC emulator in this process on that port (0: any free port), and a Transit
    // SMS HTTP vendor emulator on a free port; with the demo data, the demo's vendor connections
    // are pointed at them.
    std::optional<quint16> emulateVendorPort;
};

// One running server: database opened and migrated, HTTP API listening. Used by the
// backoffice-server executable, by the desktop's offline demo mode (in-process) and by the API
// tests, so all three run exactly the same code.
class ServerInstance final : public QObject
{
    Q_OBJECT
public:
    explicit ServerInstance(ServerOptions options, QObject *parent = nullptr);
    ~ServerInstance() override;

    // Opens the database, applies migrations, seeds demo data when asked, then listens.
    // On failure returns false with a message a person can act on.
    bool start(QString *error);
    void stop();

    quint16 port() const;
    QString baseUrl() const;   // "http://127.0.0.1:PORT/"

    // The running server's storage and services (for the command line's --init-admin and for tests).
    Database *database() const;
    // Every API route as "METHOD pattern" (e.g. "GET companies/{id}"), for the OpenAPI completeness test.
    QStringList routes() const;
    EntityService *entityService() const;
    MessagingEngine *messagingEngine() const; // null when options.messaging is off
    quint16 smppPort() const;
    quint16 smppTlsPort() const; // 0 when no TLS listener runs
    quint16 emulatorPort() const; // 0 when no emulator runs

    // Scheduled finance work (unconfirmed payments past their confirm-before day leave the balance;
    // packs are charged; EDR rerate tasks due run; draft invoices are made and recalculated), run
    // every minute; tests call it with the instant they want.
    void runBillingJobs(const QDateTime &now);

    // Login and password of the demo data set's administrator (valid once seedDemoData ran).
    static QString demoAdminLogin();
    static QString demoPassword();

private:
    // The rerate job once more from the event loop (a task just scheduled, or one cut into slices).
    void runRerateSoon();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace backoffice::server
