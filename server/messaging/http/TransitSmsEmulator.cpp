#include "TransitSmsEmulator.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTimer>

namespace backoffice::server {

TransitSmsEmulator::TransitSmsEmulator(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_http(std::make_unique<QHttpServer>())
    , m_network(new QNetworkAccessManager(this))
{
    m_http->route(QStringLiteral("/messages"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &request) {
        ++m_stats.requests;
        QByteArray authorization;
        for (const auto &[name, value] : request.headers()) {
            if (name.toLower() == "authorization")
                authorization = value;
        }
        if (!m_config.apiToken.isEmpty() && authorization != "Bearer " + m_config.apiToken.toUtf8()) {
            ++m_stats.refused;
            return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), QStringLiteral("bad token")}},
                                       QHttpServerResponder::StatusCode::Unauthorized);
        }
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        const QString to = body.value(QLatin1String("to")).toString();
        if (to.isEmpty() || body.value(QLatin1String("text")).toString().isEmpty() || to.endsWith(QLatin1String("9991"))) {
            ++m_stats.refused;
            return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), to.isEmpty() ? QStringLiteral("no destination")
                                                                                             : QStringLiteral("destination barred")}},
                                       QHttpServerResponder::StatusCode::BadRequest);
        }
        ++m_stats.accepted;
        const QString id = QStringLiteral("ts-%1").arg(m_nextId++, 8, 10, QLatin1Char('0'));
        const QString callbackUrl = body.value(QLatin1String("callbackUrl")).toString();
        if (!callbackUrl.isEmpty()) {
            const QJsonObject status{{QStringLiteral("id"), id},
                                     {QStringLiteral("reference"), body.value(QLatin1String("reference"))},
                                     {QStringLiteral("status"), to.endsWith(QLatin1String("9996")) ? QStringLiteral("UNDELIVERED")
                                                                                                  : QStringLiteral("DELIVERED")},
                                     {QStringLiteral("error"), to.endsWith(QLatin1String("9996")) ? QStringLiteral("absent subscriber")
                                                                                                 : QString()}};
            QTimer::singleShot(m_config.statusDelayMs, this, [this, callbackUrl, status] { report(callbackUrl, status); });
        }
        return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), id}}, QHttpServerResponder::StatusCode::Accepted);
    });
}

TransitSmsEmulator::~TransitSmsEmulator() = default;

bool TransitSmsEmulator::start(QString *error)
{
    m_socket = new QTcpServer(m_http.get());
    if (!m_socket->listen(QHostAddress::LocalHost, m_config.port)) {
        *error = QStringLiteral("The Transit SMS emulator cannot listen: %1").arg(m_socket->errorString());
        return false;
    }
    m_http->bind(m_socket);
    return true;
}

quint16 TransitSmsEmulator::port() const
{
    return m_socket ? m_socket->serverPort() : 0;
}

QString TransitSmsEmulator::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void TransitSmsEmulator::report(const QString &callbackUrl, const QJsonObject &status)
{
    const QByteArray body = QJsonDocument(status).toJson(QJsonDocument::Compact);
    QNetworkRequest request{QUrl(callbackUrl)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!m_config.signatureKey.isEmpty())
        request.setRawHeader("X-Signature", QMessageAuthenticationCode::hash(body, m_config.signatureKey.toUtf8(),
                                                                             QCryptographicHash::Sha256).toHex());
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    ++m_stats.statusesSent;
}

} // namespace backoffice::server
