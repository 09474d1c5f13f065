#include "TestServer.h"

#include "Database.h"

#include <QSqlQuery>

namespace backoffice::test {

namespace {
TestServer::Answer answerOf(ApiReply *reply)
{
    reply->waitForFinished(60000);
    TestServer::Answer answer;
    answer.status = reply->httpStatus();
    answer.raw = reply->body();
    answer.body = reply->object();
    reply->deleteLater();
    return answer;
}
} // namespace

TestServer::TestServer(bool demoData)
    : TestServer(demoData, {})
{
}

TestServer::TestServer(bool demoData, const std::function<void(server::ServerOptions &)> &adjust)
{
    server::ServerOptions options;
    options.databasePath = m_dir.filePath(QStringLiteral("test.sqlite"));
    options.seedDemoData = demoData;
    if (adjust)
        adjust(options);
    m_server = std::make_unique<server::ServerInstance>(options);
    m_running = m_server->start(&m_error);
}

TestServer::~TestServer() = default;

QString TestServer::databasePath() const
{
    return m_dir.filePath(QStringLiteral("test.sqlite"));
}

std::unique_ptr<ApiClient> TestServer::anonymous()
{
    auto client = std::make_unique<ApiClient>();
    client->setBaseUrl(baseUrl());
    return client;
}

std::unique_ptr<ApiClient> TestServer::signIn(const QString &login, const QString &password)
{
    auto client = anonymous();
    ApiReply *reply = client->login(login, password.isEmpty() ? server::ServerInstance::demoPassword() : password);
    const bool ok = reply->waitForFinished(60000);
    reply->deleteLater();
    return ok ? std::move(client) : nullptr;
}

TestServer::Answer TestServer::get(ApiClient &client, const QString &path, const QUrlQuery &query)
{
    return answerOf(client.get(path, query));
}

TestServer::Answer TestServer::post(ApiClient &client, const QString &path, const QJsonObject &body)
{
    return answerOf(client.post(path, body));
}

TestServer::Answer TestServer::patch(ApiClient &client, const QString &path, const QJsonObject &body)
{
    return answerOf(client.patch(path, body));
}

TestServer::Answer TestServer::put(ApiClient &client, const QString &path, const QJsonObject &body)
{
    return answerOf(client.put(path, body));
}

TestServer::Answer TestServer::remove(ApiClient &client, const QString &path)
{
    return answerOf(client.remove(path));
}

qint64 TestServer::count(const QString &table, const QString &where) const
{
    QSqlQuery query(m_server->database()->connection());
    query.exec(QStringLiteral("SELECT count(*) FROM ") + table + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where));
    return query.next() ? query.value(0).toLongLong() : -1;
}

QVariant TestServer::scalar(const QString &select) const
{
    QSqlQuery query(m_server->database()->connection());
    query.exec(select);
    return query.next() ? query.value(0) : QVariant();
}

void TestServer::execSql(const QString &statement) const
{
    QSqlQuery query(m_server->database()->connection());
    query.exec(statement);
}

} // namespace backoffice::test
