#pragma once

#include "ApiTypes.h"

#include <QHostAddress>
#include <QObject>
#include <memory>

class QHttpServer;
class QTcpServer;

namespace backoffice::server {

class AuthService;
class Router;

// The HTTP side: QHttpServer on a socket we own (to report why a port is unusable), every request
// under /api/v1 dispatched through the router with authentication, and errors in the guide's form.
class HttpFrontend final : public QObject
{
    Q_OBJECT
public:
    HttpFrontend(Router &router, AuthService &auth, QObject *parent = nullptr);
    ~HttpFrontend() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    void close();

    // Runs one request through routing, authentication and the handler (also used directly by tests).
    ApiResponse handle(ApiRequest request);

private:
    Router &m_router;
    AuthService &m_auth;
    std::unique_ptr<QHttpServer> m_http;
    QTcpServer *m_socket = nullptr;
};

} // namespace backoffice::server
