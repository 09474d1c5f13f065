#pragma once

#include <QObject>
#include <QUrl>
#include <memory>

namespace backoffice::server {
class ServerInstance;
}

namespace backoffice::app {

// Offline demo mode (guide §1): the real server, started inside the desktop process on 127.0.0.1
// with an ephemeral port, over demo.sqlite in the user's data folder, seeded with the demo data set.
// Demo and production differ only in where the server runs.
class DemoServer final : public QObject
{
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    // The database file demo mode uses: <AppDataLocation>/demo.sqlite.
    static QString databasePath();
    static QString adminLogin();
    static QString adminPassword();

    bool start(QString *error);
    bool isRunning() const { return m_server != nullptr; }
    QUrl baseUrl() const;

private:
    std::unique_ptr<server::ServerInstance> m_server;
};

} // namespace backoffice::app
