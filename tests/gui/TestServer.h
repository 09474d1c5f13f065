#pragma once

#include "ApiClient.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace backoffice::server {
class ServerInstance;
struct ServerOptions;
} // namespace backoffice::server

namespace backoffice::tests {

// The real server, in-process on 127.0.0.1 with an ephemeral port, over a database in a temporary
// folder seeded with the demo data set: what the GUI tests run against (guide §7).
class TestServer final
{
public:
    TestServer();
    // With options adjusted before the start (the vendor emulator, messaging off…).
    explicit TestServer(std::function<void(server::ServerOptions &)> adjust);
    ~TestServer();

    bool start(QString *error);
    server::ServerInstance *instance() const { return m_server.get(); }
    QUrl baseUrl() const;

    // A client signed in as the given user; a forced password change is done on the way (the new
    // password replaces *password). Returns nullptr with *error set when signing in fails.
    std::unique_ptr<ApiClient> signIn(const QString &login, QString *password, QJsonObject *answer, QString *error);
    // Signed in as the demo administrator.
    std::unique_ptr<ApiClient> signInAdmin(QJsonObject *answer = nullptr);
    // A back-office user of the owner company with one new role holding `permissions` (area →
    // level), created through `admin` and signed in: what the permission tests of the forms use.
    // Returns nullptr with *error set when any step fails.
    std::unique_ptr<ApiClient> signInWithRole(ApiClient &admin, const QString &login, const QJsonObject &permissions,
                                              QJsonObject *answer, QString *error);

    // Sends one-part messages through the send API as `sender` (100 recipients a request) and waits
    // until every part is charged or failed, then flushes the engine's writer, so the charges are in
    // the database (SettledTraffic.h). False with *error otherwise.
    bool sendAndSettle(ApiClient &sender, const QString &from, const QStringList &to, QString *error);

    static QString adminLogin();
    static QString adminPassword();

private:
    std::function<void(server::ServerOptions &)> m_adjust;
    QTemporaryDir m_folder;
    std::unique_ptr<server::ServerInstance> m_server;
};

} // namespace backoffice::tests
