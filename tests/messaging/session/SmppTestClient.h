#pragma once

#include "Pdu.h"
#include "PduFramer.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <memory>
#include <optional>

// A bare SMPP peer for tests: a socket, a framer and the PDUs received, with nothing automatic, so a
// test can send exactly the bytes it wants (malformed ones included) and see exactly what came back.
// Waits run the event loop (QTest::qWaitFor), because the server under test lives on this thread.
class SmppTestClient final : public QObject
{
public:
    explicit SmppTestClient(QObject *parent = nullptr);
    // Wraps an accepted socket (a test playing the SMSC).
    explicit SmppTestClient(QTcpSocket *accepted, QObject *parent = nullptr);

    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const backoffice::smpp::Pdu &pdu);
    template<class Body> void send(quint32 sequence, Body body, quint32 status = 0)
    {
        send(backoffice::smpp::makePdu(sequence, std::move(body), status));
    }
    void sendRaw(const QByteArray &bytes);
    // Sends a bind of that kind and waits for its response; true when it says OK.
    bool bind(backoffice::smpp::CommandId command, const QByteArray &systemId, const QByteArray &password,
              quint32 *status = nullptr);

    // The next PDU received (in order), waiting up to timeoutMs for it.
    std::optional<backoffice::smpp::Pdu> next(int timeoutMs = 5000);
    // Takes PDUs until one matches; nullopt when none did within timeoutMs or the peer closed.
    std::optional<backoffice::smpp::Pdu> nextMatching(const std::function<bool(const backoffice::smpp::Pdu &)> &match,
                                                      int timeoutMs = 5000);
    // Waits until the peer has closed the connection.
    bool waitClosed(int timeoutMs = 5000);
    bool isConnected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    qsizetype received() const { return m_pdus.size(); }
    QTcpSocket *socket() const { return m_socket; }

private:
    void wire();
    void onReadyRead();

    QTcpSocket *m_socket;
    backoffice::smpp::PduFramer m_framer;
    QList<backoffice::smpp::Pdu> m_pdus;
    bool m_closed = false;
    quint32 m_sequence = 1000;
};
