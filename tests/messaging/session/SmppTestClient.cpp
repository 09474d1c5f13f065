#include "SmppTestClient.h"

#include "PduEncoder.h"

#include <QTest>

using namespace backoffice::smpp;

SmppTestClient::SmppTestClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
{
    wire();
}

SmppTestClient::SmppTestClient(QTcpSocket *accepted, QObject *parent)
    : QObject(parent)
    , m_socket(accepted)
{
    m_socket->setParent(this);
    wire();
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void SmppTestClient::wire()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &SmppTestClient::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { m_closed = true; });
}

bool SmppTestClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    return QTest::qWaitFor([this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

void SmppTestClient::send(const Pdu &pdu)
{
    sendRaw(encode(pdu));
}

void SmppTestClient::sendRaw(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

bool SmppTestClient::bind(CommandId command, const QByteArray &systemId, const QByteArray &password, quint32 *status)
{
    BindFields fields;
    fields.systemId = systemId;
    fields.password = password;
    const quint32 sequence = ++m_sequence;
    switch (command) {
    case CommandId::BindReceiver: send(sequence, BindReceiver {fields}); break;
    case CommandId::BindTransmitter: send(sequence, BindTransmitter {fields}); break;
    default: send(sequence, BindTransceiver {fields}); break;
    }
    const auto response = next();
    if (!response || response->sequenceNumber != sequence)
        return false;
    if (status)
        *status = response->commandStatus;
    return response->commandStatus == 0;
}

std::optional<Pdu> SmppTestClient::next(int timeoutMs)
{
    if (!QTest::qWaitFor([this] { return !m_pdus.isEmpty(); }, timeoutMs))
        return std::nullopt;
    return m_pdus.takeFirst();
}

std::optional<Pdu> SmppTestClient::nextMatching(const std::function<bool(const Pdu &)> &match, int timeoutMs)
{
    std::optional<Pdu> found;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            while (!m_pdus.isEmpty()) {
                Pdu pdu = m_pdus.takeFirst();
                if (match(pdu)) {
                    found = std::move(pdu);
                    return true;
                }
            }
            return m_closed;
        },
        timeoutMs));
    return found;
}

bool SmppTestClient::waitClosed(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_closed || m_socket->state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

void SmppTestClient::onReadyRead()
{
    m_framer.feed(m_socket->readAll());
    for (;;) {
        FramerOutput output = m_framer.next();
        if (auto *pdu = std::get_if<Pdu>(&output)) {
            m_pdus.append(std::move(*pdu));
            continue;
        }
        break; // NeedMoreData, or a broken PDU the test will notice by its absence
    }
}
