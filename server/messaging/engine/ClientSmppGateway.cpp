#include "ClientSmppGateway.h"

#include "MessagingEngine.h"
#include "PasswordHasher.h"
#include "SmscServer.h"
#include "SmscSession.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QRegularExpression>

namespace backoffice::server {

namespace {

bool networkAllows(const QString &networks, const QHostAddress &peer)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QHostAddress address = peer;
    bool mapped = false;
    const quint32 v4 = peer.toIPv4Address(&mapped);
    if (mapped)
        address = QHostAddress(v4); // ::ffff:127.0.0.1 is 127.0.0.1
    for (const QString &token : networks.split(separators, Qt::SkipEmptyParts)) {
        if (token.contains(QLatin1Char('/'))) {
            if (address.isInSubnet(QHostAddress::parseSubnet(token)))
                return true;
        } else if (QHostAddress(token).isEqual(address, QHostAddress::ConvertV4MappedToIPv4)) {
            return true;
        }
    }
    return false;
}

QString bindTypeName(smpp::CommandId command)
{
    switch (command) {
    case smpp::CommandId::BindReceiver: return QStringLiteral("receiver");
    case smpp::CommandId::BindTransmitter: return QStringLiteral("transmitter");
    default: return QStringLiteral("transceiver");
    }
}

} // namespace

ClientSmppGateway::ClientSmppGateway(MessagingEngine &engine, MessagingConfigCache &config, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_config(config)
{
}

ClientSmppGateway::~ClientSmppGateway() = default;

bool ClientSmppGateway::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_server = std::make_unique<smpp::SmscServer>(*this);
    return m_server->listen(address, port, error);
}

bool ClientSmppGateway::listenTls(const QHostAddress &address, quint16 port, const QSslConfiguration &tls,
                                  QString *error)
{
    smpp::SmscServerConfig config;
    config.tls = tls;
    m_tlsServer = std::make_unique<smpp::SmscServer>(*this, config);
    return m_tlsServer->listen(address, port, error);
}

quint16 ClientSmppGateway::port() const
{
    return m_server ? m_server->port() : 0;
}

quint16 ClientSmppGateway::tlsPort() const
{
    return m_tlsServer ? m_tlsServer->port() : 0;
}

void ClientSmppGateway::close()
{
    if (m_server)
        m_server->close();
    if (m_tlsServer)
        m_tlsServer->close();
}

QList<smpp::SmscSession *> ClientSmppGateway::sessions() const
{
    QList<smpp::SmscSession *> all;
    if (m_server)
        all += m_server->sessions();
    if (m_tlsServer)
        all += m_tlsServer->sessions();
    return all;
}

QList<smpp::SmscSession *> ClientSmppGateway::sessionsFor(qint64 clientConnectionId) const
{
    QList<smpp::SmscSession *> all;
    if (m_server)
        all += m_server->sessionsFor(clientConnectionId);
    if (m_tlsServer)
        all += m_tlsServer->sessionsFor(clientConnectionId);
    return all;
}

void ClientSmppGateway::reconcile(const MessagingConfig &config)
{
    for (smpp::SmscSession *session : sessions()) {
        if (!session->isBound())
            continue;
        const auto row = config.clients.constFind(session->accountId());
        if (row == config.clients.cend() || row->disabled || row->login != QString::fromLatin1(session->systemId())
            || (row->tls && !session->isTls()))
            session->close();
    }
}

smpp::SmscBindDecision ClientSmppGateway::authenticate(const smpp::SmscBindRequest &request)
{
    namespace st = smpp::status;
    const std::shared_ptr<const MessagingConfig> config = m_config.current();
    const QString login = QString::fromLatin1(request.systemId);
    const auto id = config->clientByLogin.constFind(login);
    if (id == config->clientByLogin.cend())
        return {st::InvalidSystemId};
    const ClientConnectionRow &row = config->clients.value(*id);
    // A connection set to TLS never binds in clear text, even with the right password.
    if (row.disabled || !networkAllows(row.network, request.peer) || (row.tls && !request.tls))
        return {st::BindFailed};
    if (!row.systemType.isEmpty() && row.systemType != QString::fromLatin1(request.systemType))
        return {st::InvalidSystemType};
    const QString password = QString::fromLatin1(request.password);
    const QString key = login + QLatin1Char('\n')
                        + QString::fromLatin1(QCryptographicHash::hash(request.password, QCryptographicHash::Sha256).toHex());
    if (m_verified.value(key) != row.passwordHash) {
        if (!PasswordHasher::verify(row.passwordHash, password))
            return {st::InvalidPassword};
        m_verified.insert(key, row.passwordHash);
    }
    return {st::Ok, row.id, row.throughputLimit};
}

void ClientSmppGateway::submitReceived(smpp::SmscSession &session, quint32 sequence, const smpp::SubmitSm &pdu)
{
    m_engine.submitFromClient(session, sequence, pdu);
}

void ClientSmppGateway::sessionBound(smpp::SmscSession &session)
{
    m_boundSince.insert(&session, QDateTime::currentDateTimeUtc());
    if (session.canReceive())
        m_engine.clientReceiverBound(session.accountId());
}

void ClientSmppGateway::sessionClosed(smpp::SmscSession &session)
{
    m_boundSince.remove(&session);
    m_engine.clientSessionClosed(session);
}

bool ClientSmppGateway::hasReceiver(qint64 clientConnectionId) const
{
    for (smpp::SmscSession *session : sessionsFor(clientConnectionId)) {
        if (session->canReceive())
            return true;
    }
    return false;
}

bool ClientSmppGateway::deliver(qint64 clientConnectionId, const smpp::DeliverSm &pdu)
{
    // The least busy receiving session of the client takes it.
    smpp::SmscSession *best = nullptr;
    for (smpp::SmscSession *session : sessionsFor(clientConnectionId)) {
        if (session->canReceive() && (!best || session->pendingDeliveries() < best->pendingDeliveries()))
            best = session;
    }
    return best && best->deliver(pdu) != 0;
}

QJsonArray ClientSmppGateway::status() const
{
    QJsonArray list;
    const std::shared_ptr<const MessagingConfig> config = m_config.current();
    for (smpp::SmscSession *session : sessions()) {
        if (!session->isBound())
            continue;
        list.append(QJsonObject{
            {QStringLiteral("connectionId"), session->accountId()},
            {QStringLiteral("name"), config->clients.value(session->accountId()).name},
            {QStringLiteral("login"), QString::fromLatin1(session->systemId())},
            {QStringLiteral("bindType"), bindTypeName(session->bindCommand())},
            {QStringLiteral("peer"), session->peer().toString()},
            {QStringLiteral("tls"), session->isTls()},
            {QStringLiteral("since"), m_boundSince.value(session).toString(Qt::ISODateWithMs)},
            {QStringLiteral("submitted"), qint64(session->submittedTotal())},
            {QStringLiteral("throttled"), qint64(session->throttledTotal())},
            {QStringLiteral("delivered"), qint64(session->deliveredTotal())},
            {QStringLiteral("pendingDeliveries"), session->pendingDeliveries()},
        });
    }
    return list;
}

} // namespace backoffice::server
