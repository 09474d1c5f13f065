#pragma once

// The benchmarks' server: demo data in a temporary database, in this process, and a client signed
// in as the demo administrator.

#include "ApiClient.h"
#include "BenchCalls.h"
#include "ServerInstance.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <cstdio>
#include <memory>

namespace backoffice::bench {

class DemoBenchServer final
{
public:
    // False, with the reason on stderr, when the server does not start or the sign-in fails.
    bool start()
    {
        server::ServerOptions options;
        options.databasePath = m_dir.filePath(QStringLiteral("bench.sqlite"));
        options.seedDemoData = true; // the administrator, agreements and their enabled services
        m_instance = std::make_unique<server::ServerInstance>(options);
        QString error;
        if (!m_instance->start(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
        m_client.setBaseUrl(QUrl(m_instance->baseUrl()));
        ApiReply *login = m_client.login(server::ServerInstance::demoAdminLogin(), server::ServerInstance::demoPassword());
        if (!ok(login, "sign-in"))
            return false;
        m_login = login->object();
        return true;
    }

    server::ServerInstance &instance() { return *m_instance; }
    ApiClient &client() { return m_client; }
    // The answer of auth/login: what a desktop Session is set up from.
    const QJsonObject &login() const { return m_login; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::ServerInstance> m_instance;
    ApiClient m_client;
    QJsonObject m_login;
};

} // namespace backoffice::bench
