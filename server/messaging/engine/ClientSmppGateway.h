#pragma once

#include "MessagingConfig.h"
#include "SmscHandler.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QSslConfiguration>
#include <memory>

namespace backoffice::smpp {
class SmscServer;
}

namespace backoffice::server {

class MessagingEngine;

// Our SMSC for clients (BO §11.2): binds are checked against the client SMPP connections (login,
// password hash, allowed networks, disabled flag, system type); each submit_sm goes to the engine,
// which answers it once the part is admitted and recorded. Receipts and MO messages go back to a
// bound receiving session of the client, or wait in the outbox until one binds.
class ClientSmppGateway final : public QObject, public smpp::SmscHandler
{
    Q_OBJECT
public:
    ClientSmppGateway(MessagingEngine &engine, MessagingConfigCache &config, QObject *parent = nullptr);
    ~ClientSmppGateway() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    // A second listener that speaks TLS only; connections whose SSL type is TLS bind only there.
    bool listenTls(const QHostAddress &address, quint16 port, const QSslConfiguration &tls, QString *error);
    quint16 port() const;
    quint16 tlsPort() const;
    void close();
    // Unbinds the sessions of connections that were disabled or removed since they bound.
    void reconcile(const MessagingConfig &config);

    // A deliver_sm for a client connection: to a bound receiving session, else false (outbox it).
    bool deliver(qint64 clientConnectionId, const smpp::DeliverSm &pdu);
    bool hasReceiver(qint64 clientConnectionId) const;

    QJsonArray status() const;

    // smpp::SmscHandler
    smpp::SmscBindDecision authenticate(const smpp::SmscBindRequest &request) override;
    void submitReceived(smpp::SmscSession &session, quint32 sequence, const smpp::SubmitSm &pdu) override;
    void sessionBound(smpp::SmscSession &session) override;
    void sessionClosed(smpp::SmscSession &session) override;

private:
    QList<smpp::SmscSession *> sessions() const;
    QList<smpp::SmscSession *> sessionsFor(qint64 clientConnectionId) const;

    MessagingEngine &m_engine;
    MessagingConfigCache &m_config;
    std::unique_ptr<smpp::SmscServer> m_server;
    std::unique_ptr<smpp::SmscServer> m_tlsServer;
    // login + password -> hash checked once, so a client re-binding in a loop costs no argon2 each time
    QHash<QString, QString> m_verified;
    QHash<smpp::SmscSession *, QDateTime> m_boundSince;
};

} // namespace backoffice::server
