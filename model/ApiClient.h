#pragma once

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace backoffice {

// The error body of guide §4: {"error":{"code","message","fields"}} plus the HTTP status.
struct ApiError {
    int httpStatus = 0;          // 0: no HTTP answer (connection refused, timeout, ...)
    QString code;                // "validation_failed", "forbidden", "network_error", ...
    QString message;
    QHash<QString, QString> fields; // field name -> what is wrong with it

    bool isNull() const { return httpStatus >= 200 && httpStatus < 300; }
    static ApiError fromReply(int httpStatus, const QByteArray &body, const QString &networkError);
};

// One request in flight. Emits finished() once; deletes itself later when its parent client goes
// or when the receiver calls deleteLater().
class ApiReply final : public QObject
{
    Q_OBJECT
public:
    explicit ApiReply(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && m_error.isNull(); }
    int httpStatus() const { return m_error.httpStatus; }
    const ApiError &error() const { return m_error; }
    const QByteArray &body() const { return m_body; }
    QJsonObject object() const;          // the body as a JSON object (empty if not one)
    QJsonDocument json() const;

    // Spins a local event loop until the reply finishes or the timeout passes (tests, benches and
    // the demo bootstrap; screens connect to finished() instead). Returns ok().
    bool waitForFinished(int timeoutMs = 30000);

    void finish(int httpStatus, const QByteArray &body, const QString &networkError);

signals:
    void finished();

private:
    bool m_finished = false;
    ApiError m_error;
    QByteArray m_body;
};

// Client of the server's /api/v1 JSON API, used by the desktop, the tests and the benchmarks.
class ApiClient final : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }

    // path is relative to /api/v1, e.g. "companies" or "companies/5".
    ApiReply *get(const QString &path, const QUrlQuery &query = {});
    ApiReply *post(const QString &path, const QJsonObject &body = {});
    ApiReply *patch(const QString &path, const QJsonObject &body);
    ApiReply *put(const QString &path, const QJsonObject &body);
    ApiReply *remove(const QString &path);
    // POST of a raw body (a file upload: the rate sheet of an import), parameters in the query.
    ApiReply *postBytes(const QString &path, const QUrlQuery &query, const QByteArray &body,
                        const QByteArray &contentType);

    // POST auth/login; on success keeps the token for later calls.
    ApiReply *login(const QString &login, const QString &password);
    ApiReply *logout();

    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;

signals:
    // An authenticated call was answered 401: the session expired or was closed.
    void sessionExpired();

private:
    ApiReply *send(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                   const QByteArray &contentType = QByteArrayLiteral("application/json"));

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_token;
};

} // namespace backoffice
