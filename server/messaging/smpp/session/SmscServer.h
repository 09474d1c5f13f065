#pragma once

#include "SmscServerConfig.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

class QTcpServer;

// Our SMSC: listens on a TCP (or TLS) port and gives every accepted connection an SmscSession that
// talks to the SmscHandler. The engine uses it for clients that send over SMPP, the vendor emulator
// to play a vendor.
namespace backoffice::smpp {

class SmscHandler;
class SmscSession;

class SmscServer final : public QObject
{
    Q_OBJECT

public:
    SmscServer(SmscHandler &handler, SmscServerConfig config = {}, QObject *parent = nullptr);
    ~SmscServer() override;

    // Port 0 picks a free one (see port()). Over TLS when the config has a TLS configuration.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    bool isListening() const;
    // Stops listening and closes every session (unbind, then close).
    void close();

    // Every open connection, bound or not.
    QList<SmscSession *> sessions() const { return m_sessions; }
    // The bound sessions of one account.
    QList<SmscSession *> sessionsFor(qint64 accountId) const;
    const SmscServerConfig &config() const { return m_config; }

signals:
    // A connection was accepted (not bound yet).
    void sessionOpened(backoffice::smpp::SmscSession *session);

private:
    void acceptPending();

    SmscHandler &m_handler;
    SmscServerConfig m_config;
    QTcpServer *m_server = nullptr;
    QList<SmscSession *> m_sessions;
};

} // namespace backoffice::smpp
