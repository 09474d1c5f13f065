#include "TestServer.h"

#include "Database.h"
#include "EntityCatalogue.h"
#include "ServerInstance.h"
#include "SettledTraffic.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace backoffice::tests {

TestServer::TestServer() = default;

TestServer::TestServer(std::function<void(server::ServerOptions &)> adjust)
    : m_adjust(std::move(adjust))
{
}

TestServer::~TestServer()
{
    if (m_server)
        m_server->stop();
}

bool TestServer::start(QString *error)
{
    if (!m_folder.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    server::ServerOptions options;
    options.databasePath = m_folder.filePath(QStringLiteral("gui-test.sqlite"));
    options.port = 0;
    options.seedDemoData = true;
    if (m_adjust)
        m_adjust(options);
    m_server = std::make_unique<server::ServerInstance>(options);
    return m_server->start(error);
}

bool TestServer::sendAndSettle(ApiClient &sender, const QString &from, const QStringList &to, QString *error)
{
    return test::sendAndSettle(*m_server, sender, from, to, error);
}

QUrl TestServer::baseUrl() const
{
    return QUrl(m_server->baseUrl());
}

QString TestServer::adminLogin()
{
    return server::ServerInstance::demoAdminLogin();
}

QString TestServer::adminPassword()
{
    return server::ServerInstance::demoPassword();
}

std::unique_ptr<ApiClient> TestServer::signIn(const QString &login, QString *password, QJsonObject *answer,
                                              QString *error)
{
    auto client = std::make_unique<ApiClient>();
    client->setBaseUrl(baseUrl());
    ApiReply *reply = client->login(login, *password);
    if (!reply->waitForFinished()) {
        *error = reply->error().message;
        return nullptr;
    }
    QJsonObject result = reply->object();
    if (result.value(QLatin1String("mustChangePassword")).toBool()
        || result.value(QLatin1String("passwordExpired")).toBool()) {
        const QString fresh = *password + QStringLiteral("-Renewed1");
        ApiReply *change = client->post(QStringLiteral("auth/password"),
                                        {{QStringLiteral("currentPassword"), *password},
                                         {QStringLiteral("newPassword"), fresh}});
        if (!change->waitForFinished()) {
            *error = QStringLiteral("password change refused: %1").arg(change->error().message);
            return nullptr;
        }
        *password = fresh;
        ApiReply *me = client->get(QStringLiteral("auth/me"));
        if (!me->waitForFinished()) {
            *error = me->error().message;
            return nullptr;
        }
        result = me->object();
    }
    if (answer)
        *answer = result;
    return client;
}

std::unique_ptr<ApiClient> TestServer::signInAdmin(QJsonObject *answer)
{
    QString password = adminPassword();
    QString error;
    return signIn(adminLogin(), &password, answer, &error);
}

std::unique_ptr<ApiClient> TestServer::signInWithRole(ApiClient &admin, const QString &login,
                                                      const QJsonObject &permissions, QJsonObject *answer,
                                                      QString *error)
{
    ApiReply *role = admin.post(entities::roles, {{QStringLiteral("name"), QStringLiteral("Role of %1").arg(login)},
                                                  {QStringLiteral("group"), QStringLiteral("backoffice")},
                                                  {QStringLiteral("permissions"), permissions}});
    QUrlQuery owners;
    owners.addQueryItem(QStringLiteral("type"), QStringLiteral("owner"));
    owners.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    ApiReply *companies = admin.get(entities::companies, owners);
    if (!role->waitForFinished() || !companies->waitForFinished()) {
        *error = QString::fromUtf8(role->ok() ? companies->body() : role->body());
        return nullptr;
    }
    const qint64 owner = companies->object().value(QLatin1String("items")).toArray().first().toObject()
                             .value(QLatin1String("id")).toInteger();
    // Passes the password policy (which also refuses one holding the login); the sign-in changes
    // it if the server asks to.
    QString password = QStringLiteral("Role#Pass2026");
    ApiReply *user = admin.post(entities::users,
                                {{QStringLiteral("kind"), QStringLiteral("backoffice")},
                                 {QStringLiteral("companyId"), owner},
                                 {QStringLiteral("login"), login},
                                 {QStringLiteral("password"), password},
                                 {QStringLiteral("firstName"), QStringLiteral("Test")},
                                 {QStringLiteral("lastName"), QStringLiteral("User")},
                                 {QStringLiteral("email"), QStringLiteral("%1@example.com").arg(login)},
                                 {QStringLiteral("enabled"), true},
                                 {QStringLiteral("roleIds"), QJsonArray{role->object().value(QLatin1String("id")).toInteger()}}});
    if (!user->waitForFinished()) {
        *error = QString::fromUtf8(user->body());
        return nullptr;
    }
    return signIn(login, &password, answer, error);
}

} // namespace backoffice::tests
