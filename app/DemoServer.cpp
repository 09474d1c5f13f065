#include "DemoServer.h"

#include "ServerInstance.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace backoffice::app {

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
{
}

DemoServer::~DemoServer()
{
    if (m_server)
        m_server->stop();
}

QString DemoServer::databasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo.sqlite"));
}

QString DemoServer::adminLogin()
{
    return server::ServerInstance::demoAdminLogin();
}

QString DemoServer::adminPassword()
{
    return server::ServerInstance::demoPassword();
}

bool DemoServer::start(QString *error)
{
    if (m_server)
        return true;
    const QString path = databasePath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("Cannot create the folder %1 for the demo database.").arg(QFileInfo(path).absolutePath());
        return false;
    }
    server::ServerOptions options;
    options.databasePath = path;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.seedDemoData = true;
    options.emulateVendorPort = 0; // traffic flows out of the box: the demo's vendor is emulated here
    auto instance = std::make_unique<server::ServerInstance>(options);
    if (!instance->start(error))
        return false;
    m_server = std::move(instance);
    return true;
}

QUrl DemoServer::baseUrl() const
{
    return m_server ? QUrl(m_server->baseUrl()) : QUrl();
}

} // namespace backoffice::app
