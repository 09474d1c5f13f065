#pragma once

#include "Amount.h"
#include "ApiClient.h"
#include "ServerInstance.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace backoffice::test {

// Short spellings for the many literals of API tests.
inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// A money value of an answer ("12.50"); -0.000001 when it is not one, so a comparison fails.
inline Amount money(const QJsonValue &value)
{
    return Amount::parse(value.toString()).value_or(Amount::fromMicros(-1));
}

inline QJsonObject j(std::initializer_list<QPair<QString, QJsonValue>> pairs)
{
    QJsonObject object;
    for (const auto &pair : pairs)
        object.insert(pair.first, pair.second);
    return object;
}

// A real server on an ephemeral port over a fresh SQLite file, plus a signed-in API client.
class TestServer final
{
public:
    explicit TestServer(bool demoData = true);
    // With options adjusted before the start (messaging, emulator, callback delays…).
    TestServer(bool demoData, const std::function<void(server::ServerOptions &)> &adjust);
    ~TestServer();

    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    server::ServerInstance &instance() { return *m_server; }
    QString databasePath() const;
    QUrl baseUrl() const { return QUrl(m_server->baseUrl()); }

    // A client signed in as login (demo password unless given); nullptr if sign-in failed.
    std::unique_ptr<ApiClient> signIn(const QString &login, const QString &password = {});
    std::unique_ptr<ApiClient> anonymous();

    // Synchronous helpers: status code and parsed body.
    struct Answer {
        int status = 0;
        QJsonObject body;
        QByteArray raw;
        QString errorCode() const { return body.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(); }
        QJsonObject fields() const { return body.value(QLatin1String("error")).toObject().value(QLatin1String("fields")).toObject(); }
    };
    static Answer get(ApiClient &client, const QString &path, const QUrlQuery &query = {});
    static Answer post(ApiClient &client, const QString &path, const QJsonObject &body);
    static Answer patch(ApiClient &client, const QString &path, const QJsonObject &body);
    static Answer put(ApiClient &client, const QString &path, const QJsonObject &body);
    static Answer remove(ApiClient &client, const QString &path);

    // Rows of a table, read straight from the database file (audit and no-write checks).
    qint64 count(const QString &table, const QString &where = {}) const;
    // The first column of the first row of a query (sums of money in micro-units…); invalid if none.
    QVariant scalar(const QString &select) const;
    void execSql(const QString &statement) const;

    // Stops the server and starts a new one over the same database with the same options, as after
    // a restart of the process (a new port: sign in again). False with error() when it did not start.
    bool restart();

    // Sends one-part messages through the send API (100 recipients a request) and waits until every
    // part is charged or failed, then flushes the engine's writer. False with *error otherwise.
    bool sendAndSettle(ApiClient &sender, const QString &from, const QStringList &to, QString *error);
    // Creates the EDR rerate task, schedules it and waits until it is COMPLETE: the task's record,
    // empty with *error when it was refused or did not complete in time.
    QJsonObject runRerateTask(ApiClient &client, const QJsonObject &task, QString *error);

private:
    QTemporaryDir m_dir;
    server::ServerOptions m_options;
    std::unique_ptr<server::ServerInstance> m_server;
    bool m_running = false;
    QString m_error;
};

} // namespace backoffice::test
