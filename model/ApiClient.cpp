#include "ApiClient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace backoffice {

ApiError ApiError::fromReply(int httpStatus, const QByteArray &body, const QString &networkError)
{
    ApiError error;
    error.httpStatus = httpStatus;
    if (httpStatus >= 200 && httpStatus < 300)
        return error;
    if (httpStatus == 0) {
        error.code = QStringLiteral("network_error");
        error.message = networkError.isEmpty() ? QStringLiteral("The server could not be reached") : networkError;
        return error;
    }
    const QJsonObject object = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    error.code = object.value(QLatin1String("code")).toString();
    error.message = object.value(QLatin1String("message")).toString();
    const QJsonObject fields = object.value(QLatin1String("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        error.fields.insert(it.key(), it.value().toString());
    if (error.code.isEmpty())
        error.code = QStringLiteral("http_%1").arg(httpStatus);
    if (error.message.isEmpty())
        error.message = QStringLiteral("The server answered HTTP %1").arg(httpStatus);
    return error;
}

ApiReply::ApiReply(QObject *parent)
    : QObject(parent)
{
}

QJsonDocument ApiReply::json() const
{
    return QJsonDocument::fromJson(m_body);
}

QJsonObject ApiReply::object() const
{
    return json().object();
}

bool ApiReply::waitForFinished(int timeoutMs)
{
    if (!m_finished) {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(this, &ApiReply::finished, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
    }
    return ok();
}

void ApiReply::finish(int httpStatus, const QByteArray &body, const QString &networkError)
{
    m_body = body;
    m_error = ApiError::fromReply(httpStatus, body, networkError);
    m_finished = true;
    emit finished();
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

QUrl ApiClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    url.setPath(base + QStringLiteral("api/v1/") + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

ApiReply *ApiClient::get(const QString &path, const QUrlQuery &query)
{
    return send("GET", path, query, {});
}

ApiReply *ApiClient::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiReply *ApiClient::patch(const QString &path, const QJsonObject &body)
{
    return send("PATCH", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiReply *ApiClient::put(const QString &path, const QJsonObject &body)
{
    return send("PUT", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiReply *ApiClient::remove(const QString &path)
{
    return send("DELETE", path, {}, {});
}

ApiReply *ApiClient::postBytes(const QString &path, const QUrlQuery &query, const QByteArray &body,
                               const QByteArray &contentType)
{
    return send("POST", path, query, body, contentType);
}

ApiReply *ApiClient::login(const QString &login, const QString &password)
{
    m_token.clear();
    ApiReply *reply = post(QStringLiteral("auth/login"),
                           {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply->ok())
            m_token = reply->object().value(QLatin1String("token")).toString();
    });
    return reply;
}

ApiReply *ApiClient::logout()
{
    ApiReply *reply = post(QStringLiteral("auth/logout"));
    connect(reply, &ApiReply::finished, this, [this] { m_token.clear(); });
    return reply;
}

ApiReply *ApiClient::send(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                          const QByteArray &contentType)
{
    QNetworkRequest request(urlFor(path, query));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("Accept", "application/json");
    const bool authenticated = !m_token.isEmpty();
    if (authenticated)
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(60000);

    auto *reply = new ApiReply(this);
    QNetworkReply *networkReply = m_network->sendCustomRequest(request, verb, body);
    connect(networkReply, &QNetworkReply::finished, reply, [this, reply, networkReply, authenticated] {
        const int status = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString networkError = status == 0 ? networkReply->errorString() : QString();
        reply->finish(status, networkReply->readAll(), networkError);
        networkReply->deleteLater();
        if (status == 401 && authenticated)
            emit sessionExpired();
    });
    return reply;
}

} // namespace backoffice
