#include "SmscServer.h"

#include "SessionLogging.h"
#include "SmscSession.h"

#include <QSslServer>
#include <QTcpServer>

namespace backoffice::smpp {

SmscServer::SmscServer(SmscHandler &handler, SmscServerConfig config, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_config(std::move(config))
{
    if (m_config.tls) {
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*m_config.tls);
        server->setHandshakeTimeout(m_config.tlsHandshakeTimeoutMs);
        connect(server, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
            qCDebug(lcSmpp) << "SMSC: TLS handshake with" << socket->peerAddress().toString()
                            << "failed:" << socket->errorString();
        });
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    // pendingConnectionAvailable (Qt 6.4) rather than newConnection: QSslServer only hands a socket
    // over once its handshake is done, and newConnection fires before that.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &SmscServer::acceptPending);
}

SmscServer::~SmscServer() = default;

bool SmscServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port))
        return true;
    if (error)
        *error = m_server->errorString();
    return false;
}

quint16 SmscServer::port() const
{
    return m_server->serverPort();
}

bool SmscServer::isListening() const
{
    return m_server->isListening();
}

void SmscServer::close()
{
    m_server->close();
    const QList<SmscSession *> sessions = m_sessions;
    for (SmscSession *session : sessions)
        session->close();
}

QList<SmscSession *> SmscServer::sessionsFor(qint64 accountId) const
{
    QList<SmscSession *> bound;
    for (SmscSession *session : m_sessions) {
        if (session->isBound() && session->accountId() == accountId)
            bound.append(session);
    }
    return bound;
}

void SmscServer::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *session = new SmscSession(socket, m_handler, m_config, bool(m_config.tls), this);
        m_sessions.append(session);
        connect(session, &SmscSession::closed, this, [this, session] {
            m_sessions.removeOne(session);
            session->deleteLater();
        });
        emit sessionOpened(session);
    }
}

} // namespace backoffice::smpp
