#include "TestServer.h"

#include "SettledTraffic.h"

#include "Database.h"
#include "MessagingEngine.h"

#include <QSqlQuery>
#include <QTest>

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
    m_options.databasePath = m_dir.filePath(QStringLiteral("test.sqlite"));
    m_options.seedDemoData = demoData;
    if (adjust)
        adjust(m_options);
    m_server = std::make_unique<server::ServerInstance>(m_options);
    m_running = m_server->start(&m_error);
}

bool TestServer::restart()
{
    m_server->stop();
    m_server = std::make_unique<server::ServerInstance>(m_options);
    m_error.clear();
    m_running = m_server->start(&m_error);
    return m_running;
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

bool TestServer::sendAndSettle(ApiClient &sender, const QString &from, const QStringList &to, QString *error)
{
    return test::sendAndSettle(*m_server, sender, from, to, error);
}

QJsonObject TestServer::runRerateTask(ApiClient &client, const QJsonObject &task, QString *error)
{
    const Answer created = post(client, s("rerate-tasks"), task);
    const qint64 id = created.body.value(s("id")).toInteger();
    const Answer scheduled = created.status == 201 ? post(client, s("rerate-tasks/%1/schedule").arg(id), {}) : created;
    if (scheduled.status != 200 && scheduled.status != 201) {
        *error = QString::fromUtf8(scheduled.raw);
        return {};
    }
    QJsonObject record;
    const bool complete = QTest::qWaitFor([&] {
        record = get(client, s("rerate-tasks/%1").arg(id)).body;
        return record.value(s("status")).toString() == s("COMPLETE");
    }, 20000);
    if (!complete) {
        *error = s("rerate task %1 is %2 after 20 s").arg(id).arg(record.value(s("status")).toString());
        return {};
    }
    return record;
}

} // namespace backoffice::test
