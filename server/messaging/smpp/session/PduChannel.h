#pragma once

#include "DecodeError.h"
#include "Pdu.h"
#include "PduFramer.h"

#include <QByteArray>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

class QTcpSocket;

// One SMPP connection's byte stream: a socket (plain or TLS), the framer that cuts what it reads
// into PDUs, and the output buffer. Sessions talk to it in PDUs and it calls them back through a
// Listener rather than signals, because a PDU passed to a slot would be copied once per connection
// and a busy session handles tens of thousands per second.
//
// Writes are batched: send() encodes straight into one buffer, and the buffer goes to the socket
// once per event-loop turn (a zero timer), so a window of 100 submit_sm costs one write call, not 100.
namespace backoffice::smpp {

class PduChannel final : public QObject
{
public:
    class Listener
    {
    public:
        virtual ~Listener() = default;
        // Connected (and, over TLS, encrypted): the session may bind.
        virtual void channelReady() = 0;
        // A decoded PDU. The listener may move from it.
        virtual void pduReceived(Pdu &pdu) = 0;
        // A PDU that did not decode; the channel has already closed itself when the error says so.
        virtual void decodeFailed(const DecodeError &error) = 0;
        // The connection ended without close() being called: the peer closed it, a socket error, or
        // a stream the framer cannot follow. Called once; the channel is dead afterwards.
        virtual void channelLost(const QString &reason) = 0;
        // After each batch of PDUs from one read: a place to do work once per batch (idle timers).
        virtual void readBatchDone() { }
    };

    // An accepted connection; the channel takes ownership of the socket (already connected and, for
    // TLS, encrypted).
    PduChannel(QTcpSocket *socket, Listener &listener, QObject *parent = nullptr);
    // An outgoing connection: connects to host:port, over TLS when `tls`, and calls channelReady()
    // once it may be used.
    PduChannel(const QString &host, quint16 port, bool tls, const QSslConfiguration &tlsConfiguration,
               Listener &listener, QObject *parent = nullptr);
    ~PduChannel() override;

    // Encodes the PDU into the output buffer. False (and nothing is sent) when the PDU breaks an SMPP
    // limit or the channel is closed.
    bool send(const Pdu &pdu);
    template<class Body> bool send(quint32 sequence, Body body, quint32 status = status::Ok)
    {
        return send(makePdu(sequence, std::move(body), status));
    }
    // The response a request would get, with an error status: its own *_resp when it has one (empty
    // fields), generic_nack otherwise.
    void sendErrorResponse(quint32 requestCommandId, quint32 sequence, quint32 status);

    // Sequence numbers 1..0x7FFFFFFF (section 5.1.4), wrapping around.
    quint32 nextSequence();

    // Writes what is buffered, then closes. graceful waits for the socket to drain (bounded by a
    // timer); otherwise the connection is aborted. The listener gets no channelLost afterwards.
    void close(bool graceful);
    bool isOpen() const { return !m_closed; }

    QString peerAddressText() const;
    QTcpSocket *socket() const { return m_socket; }
    quint64 bytesReceived() const { return m_bytesIn; }
    quint64 bytesSent() const { return m_bytesOut; }

private:
    void wireSocket();
    void onReadyRead();
    void flush();
    void lose(const QString &reason);

    QTcpSocket *m_socket = nullptr;
    Listener &m_listener;
    PduFramer m_framer;
    QByteArray m_out;
    QTimer m_flushTimer;
    quint32 m_sequence = 0;
    bool m_closed = false;
    bool m_inRead = false;
    quint64 m_bytesIn = 0;
    quint64 m_bytesOut = 0;
};

} // namespace backoffice::smpp
