#include "PduChannel.h"

#include "PduLayout.h"
#include "SessionLogging.h"
#include "WireWriter.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QtEndian>

namespace backoffice::smpp {

namespace {

// Past this much buffered output the channel writes at once instead of waiting for the end of the
// event-loop turn, so a burst of deliveries does not build one huge buffer.
constexpr qsizetype EagerFlushBytes = 256 * 1024;
// How long a graceful close may wait for the socket to drain before it is aborted.
constexpr int GracefulCloseMs = 5000;
// One read from the socket: big enough for a window of PDUs, small enough for the stack.
constexpr qint64 ReadChunk = 64 * 1024;

} // namespace

PduChannel::PduChannel(QTcpSocket *socket, Listener &listener, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_listener(listener)
{
    m_socket->setParent(this);
    wireSocket();
    // Bytes may already be waiting (a client that binds in the same segment as the TLS handshake's
    // end): read them once the owner has finished setting up.
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &PduChannel::onReadyRead);
}

PduChannel::PduChannel(const QString &host, quint16 port, bool tls, const QSslConfiguration &tlsConfiguration,
                       Listener &listener, QObject *parent)
    : QObject(parent)
    , m_listener(listener)
{
    if (tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(tlsConfiguration);
        m_socket = ssl;
        connect(ssl, &QSslSocket::encrypted, this, [this] { m_listener.channelReady(); });
        wireSocket();
        ssl->connectToHostEncrypted(host, port);
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, [this] { m_listener.channelReady(); });
        wireSocket();
        m_socket->connectToHost(host, port);
    }
}

PduChannel::~PduChannel()
{
    if (m_socket)
        m_socket->abort();
}

void PduChannel::wireSocket()
{
    // SMPP is request/response with small PDUs: Nagle's algorithm would hold a lone enquire_link_resp
    // or the last submit_sm of a window back by up to 40 ms.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &PduChannel::flush);
    connect(m_socket, &QTcpSocket::readyRead, this, &PduChannel::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this,
            [this] { lose(QStringLiteral("connection closed by the peer")); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            lose(QStringLiteral("connection closed by the peer"));
        else
            lose(m_socket->errorString());
    });
}

quint32 PduChannel::nextSequence()
{
    if (m_sequence >= 0x7FFFFFFF)
        m_sequence = 0;
    return ++m_sequence;
}

bool PduChannel::send(const Pdu &pdu)
{
    if (m_closed)
        return false;
    // Encoded in place, after the PDUs already waiting: no QByteArray per PDU. The layout code is the
    // encoder's own (PduLayout), so this writes exactly what encode() would.
    const qsizetype start = m_out.size();
    WireWriter writer(&m_out);
    writer.u32(0);
    writer.u32(quint32(pdu.commandId()));
    writer.u32(pdu.commandStatus);
    writer.u32(pdu.sequenceNumber);
    writeBody(writer, pdu);
    if (!writer.ok()) {
        m_out.truncate(start);
        qCWarning(lcSmpp) << "not sending" << commandName(quint32(pdu.commandId())) << "to" << peerAddressText() << ":"
                          << writer.problem();
        return false;
    }
    qToBigEndian(quint32(m_out.size() - start), m_out.data() + start);
    if (m_out.size() >= EagerFlushBytes)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
    return true;
}

void PduChannel::sendErrorResponse(quint32 requestCommandId, quint32 sequence, quint32 status)
{
    PduBody body;
    if ((requestCommandId & ResponseBit) == 0 && emptyBodyFor(requestCommandId | ResponseBit, &body))
        send(Pdu {status, sequence, std::move(body)});
    else
        send(sequence, GenericNack {}, status);
}

void PduChannel::flush()
{
    m_flushTimer.stop();
    if (!m_socket || m_out.isEmpty())
        return;
    m_bytesOut += quint64(m_out.size());
    m_socket->write(m_out);
    m_out.resize(0);
}

void PduChannel::onReadyRead()
{
    if (m_closed || m_inRead || !m_socket)
        return;
    m_inRead = true;
    char chunk[ReadChunk];
    while (!m_closed && m_socket && m_socket->bytesAvailable() > 0) {
        const qint64 got = m_socket->read(chunk, ReadChunk);
        if (got <= 0)
            break;
        m_bytesIn += quint64(got);
        m_framer.feed(QByteArrayView(chunk, got));
        while (!m_closed) {
            FramerOutput output = m_framer.next();
            if (std::holds_alternative<NeedMoreData>(output))
                break;
            if (auto *pdu = std::get_if<Pdu>(&output)) {
                m_listener.pduReceived(*pdu);
                continue;
            }
            const DecodeError &error = std::get<DecodeError>(output);
            qCDebug(lcSmpp) << "undecodable PDU from" << peerAddressText() << ":" << error.reason;
            switch (error.action) {
            case DecodeAction::CloseConnection: close(true); break;
            case DecodeAction::GenericNack:
            case DecodeAction::RespondWithError:
                sendErrorResponse(error.action == DecodeAction::GenericNack ? quint32(CommandId::GenericNack)
                                                                            : error.commandId,
                                  error.sequenceNumber, error.commandStatus);
                break;
            case DecodeAction::Drop: break;
            }
            m_listener.decodeFailed(error);
        }
    }
    m_inRead = false;
    if (!m_closed)
        m_listener.readBatchDone();
}

void PduChannel::close(bool graceful)
{
    if (m_closed)
        return;
    m_closed = true;
    flush();
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (!graceful || socket->state() != QAbstractSocket::ConnectedState) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    // The socket outlives the channel until its buffer is written: the last unbind_resp or error
    // response must reach the peer even though the session is already gone.
    socket->setParent(nullptr);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(GracefulCloseMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->disconnectFromHost();
}

void PduChannel::lose(const QString &reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_flushTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_listener.channelLost(reason);
}

QString PduChannel::peerAddressText() const
{
    if (!m_socket)
        return QStringLiteral("(closed)");
    return m_socket->peerAddress().toString() + u':' + QString::number(m_socket->peerPort());
}

} // namespace backoffice::smpp
