#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

namespace backoffice::server {

class Database;
class EntityService;

struct ServerOptions {
    QString databasePath;                       // SQLite file (created when missing)
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;                           // 0: any free port (demo mode, tests)
    bool seedDemoData = false;                  // fill an empty database with the demo data set
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

    // Login and password of the demo data set's administrator (valid once seedDemoData ran).
    static QString demoAdminLogin();
    static QString demoPassword();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace backoffice::server
