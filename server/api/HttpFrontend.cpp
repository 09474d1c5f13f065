#include "HttpFrontend.h"

#include "ApiException.h"
#include "AuthService.h"
#include "Router.h"
#include "SessionContext.h"
#include "StorageError.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QTcpServer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcApi, "backoffice.server.api", QtWarningMsg)

namespace backoffice::server {

namespace {

const QString apiPrefix = QStringLiteral("/api/v1/");

// A response goes out as several writes (status, headers, body). With Nagle's algorithm on, the
// last small write waits for the client's delayed ACK, adding ~40 ms to answers of a few segments,
// so every accepted socket sends at once.
class LowDelayTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        addPendingConnection(socket);
    }
};

ApiResponse errorResponse(const ApiException &e)
{
    QJsonObject error{{QStringLiteral("code"), e.code}, {QStringLiteral("message"), e.message}};
    if (!e.fields.isEmpty()) {
        QJsonObject fields;
        for (auto it = e.fields.begin(); it != e.fields.end(); ++it)
            fields.insert(it.key(), it.value());
        error.insert(QStringLiteral("fields"), fields);
    }
    if (!e.references.isEmpty())
        error.insert(QStringLiteral("references"), e.references);
    ApiResponse response = ApiResponse::json(QJsonObject{{QStringLiteral("error"), error}}, e.status);
    if (e.retryAfterSeconds > 0)
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(e.retryAfterSeconds)});
    if (e.status == 401)
        response.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    return response;
}

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post: return QStringLiteral("POST");
    case QHttpServerRequest::Method::Put: return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Patch: return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Delete: return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Head: return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QStringLiteral("OPTIONS");
    default: return QStringLiteral("OTHER");
    }
}

} // namespace

HttpFrontend::HttpFrontend(Router &router, AuthService &auth, QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_auth(auth)
    , m_http(std::make_unique<QHttpServer>())
{
    m_http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        ApiRequest apiRequest;
        apiRequest.method = methodName(request.method());
        apiRequest.path = request.url().path();
        apiRequest.query = request.query();
        apiRequest.body = request.body();
        apiRequest.ipAddress = request.remoteAddress().toString();
        for (const auto &[name, value] : request.headers())
            apiRequest.headers.insert(name.toLower(), value);
        const ApiResponse response = handle(std::move(apiRequest));

        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
        responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        responder.writeHeader(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
        responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        responder.writeHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
        for (const auto &[name, value] : response.headers)
            responder.writeHeader(name, value);
        if (!response.contentType.isEmpty())
            responder.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
        responder.writeBody(response.body);
    });
}

HttpFrontend::~HttpFrontend() = default;

bool HttpFrontend::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto *socket = new LowDelayTcpServer(m_http.get());
    if (!socket->listen(address, port)) {
        *error = socket->serverError() == QAbstractSocket::AddressInUseError
                     ? QStringLiteral("Port %1 on %2 is already in use: stop the other program or choose another "
                                      "port with --listen")
                           .arg(port)
                           .arg(address.toString())
                     : QStringLiteral("Cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(socket->errorString());
        delete socket;
        return false;
    }
    m_http->bind(socket);
    m_socket = socket;
    return true;
}

quint16 HttpFrontend::port() const
{
    return m_socket ? m_socket->serverPort() : 0;
}

void HttpFrontend::close()
{
    if (m_socket)
        m_socket->close();
}

ApiResponse HttpFrontend::handle(ApiRequest request)
{
    try {
        // The client portal's send method (CP §13.3.1) lives at /api/send_sms, outside the versioned API.
        if (request.path == QLatin1String("/api/send_sms"))
            request.path = apiPrefix + QStringLiteral("send_sms");
        if (!request.path.startsWith(apiPrefix))
            throw ApiException::notFound(QStringLiteral("Nothing is served at %1; the API lives under /api/v1/")
                                             .arg(request.path));
        request.path = request.path.mid(apiPrefix.size());
        bool pathKnown = false;
        const Route *route = m_router.match(request.method, request.path, &request.pathParams, &pathKnown);
        if (!route) {
            if (pathKnown)
                throw ApiException{405, QStringLiteral("method_not_allowed"),
                                   QStringLiteral("%1 is not allowed on %2").arg(request.method, request.path), {}, {}, 0};
            throw ApiException::notFound(QStringLiteral("No API route %1").arg(request.path));
        }
        if (!route->doc.authenticated)
            return route->handler(request, nullptr);
        const SessionContext session = m_auth.authenticate(request.header("authorization"), request.ipAddress);
        if ((session.mustChangePassword || session.passwordExpired) && !route->doc.allowedDuringPasswordChange)
            throw ApiException::forbidden(session.mustChangePassword
                                              ? QStringLiteral("Change the initial password before anything else")
                                              : QStringLiteral("The password has expired: change it to continue"),
                                          QStringLiteral("password_change_required"));
        return route->handler(request, &session);
    } catch (const ApiException &e) {
        return errorResponse(e);
    } catch (const StorageError &e) {
        qCWarning(lcApi) << request.method << request.path << "storage failure:" << e.message();
        return errorResponse({500, QStringLiteral("internal_error"),
                              QStringLiteral("The server could not complete the request; it has been logged"), {}, {}, 0});
    } catch (const std::exception &e) {
        qCWarning(lcApi) << request.method << request.path << "failure:" << e.what();
        return errorResponse({500, QStringLiteral("internal_error"),
                              QStringLiteral("The server could not complete the request; it has been logged"), {}, {}, 0});
    }
}

} // namespace backoffice::server
