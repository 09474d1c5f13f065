#pragma once

#include "DeadlineQueue.h"
#include "Pdu.h"
#include "PduChannel.h"
#include "SmscServerConfig.h"
#include "TokenBucket.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>

class QTcpSocket;

// One client connected to our SMSC (SmscServer creates it for each accepted connection): the bind,
// submit_sm handed to the SmscHandler and answered through respondSubmit, deliver_sm sent within a
// window, keep-alive and idle timeout. Deleted with deleteLater after closed().
namespace backoffice::smpp {

class SmscHandler;

class SmscSession final : public QObject, private PduChannel::Listener
{
    Q_OBJECT

public:
    enum class State { Open, Bound, Unbinding, Closed };

    // For SmscServer: takes ownership of an accepted (and, over TLS, encrypted) socket.
    SmscSession(QTcpSocket *socket, SmscHandler &handler, const SmscServerConfig &config, bool tls,
                QObject *parent = nullptr);
    ~SmscSession() override;

    State state() const { return m_state; }
    bool isBound() const { return m_state == State::Bound; }
    qint64 accountId() const { return m_accountId; }
    CommandId bindCommand() const { return m_bindCommand; }
    // Bound as receiver or transceiver: deliver_sm may go to it.
    bool canReceive() const;
    // Bound as transmitter or transceiver.
    bool canTransmit() const;
    QHostAddress peer() const { return m_peer; }
    quint16 peerPort() const { return m_peerPort; }
    QByteArray systemId() const { return m_systemId; }
    bool isTls() const { return m_tls; }

    // The answer to submitReceived(sequence). A second answer, or one after close, is ignored.
    void respondSubmit(quint32 sequence, quint32 status, const QByteArray &messageId);
    void respondDataSm(quint32 sequence, quint32 status, const QByteArray &messageId);

    // Queues a deliver_sm (a receipt or an MO message); beyond the window it waits. Returns its ticket,
    // or 0 when this session cannot take it (not bound as receiver or transceiver, or closing).
    quint64 deliver(DeliverSm pdu);

    // Live counters.
    quint64 submittedTotal() const { return m_submittedTotal; } // submit_sm received (throttled ones included)
    quint64 throttledTotal() const { return m_throttledTotal; } // answered ESME_RTHROTTLED by the limit
    quint64 deliveredTotal() const { return m_deliveredTotal; } // deliver_sm sent
    quint64 deliverAnsweredTotal() const { return m_deliverAnsweredTotal; }
    quint64 enquireLinksReceived() const { return m_enquireLinksReceived; }
    // deliver_sm queued or awaiting a response.
    int pendingDeliveries() const { return int(m_deliverQueue.size() + m_deliverInFlight.size()); }
    int deliveriesInFlight() const { return int(m_deliverInFlight.size()); }
    // submit_sm (and data_sm) handed to the handler and not answered yet, and the most there were at once.
    int pendingSubmits() const { return int(m_pendingSubmits.size()); }
    int peakPendingSubmits() const { return m_peakPendingSubmits; }

    // Unbinds (waiting for unbind_resp up to the response timeout), then closes.
    void close();
    // Closes at once, without unbind.
    void abort();

signals:
    void deliverAnswered(quint64 ticket, quint32 status);
    void deliverTimedOut(quint64 ticket);
    // The session closed before an answer came (queued or in flight).
    void deliverAbandoned(quint64 ticket);
    void closed();

private:
    struct OutgoingDelivery {
        quint64 ticket = 0;
        DeliverSm pdu;
    };
    struct DeliveryInFlight {
        quint64 ticket = 0;
        qint64 deadlineMs = 0;
    };

    // PduChannel::Listener
    void channelReady() override { }
    void pduReceived(Pdu &pdu) override;
    void decodeFailed(const DecodeError &error) override;
    void channelLost(const QString &reason) override;
    void readBatchDone() override;

    void handleUnbound(Pdu &pdu);
    void handleBind(Pdu &pdu);
    void handleBoundRequest(Pdu &pdu);
    void handleDeliverResponse(quint32 sequence, quint32 status);
    // Whether this submit_sm or data_sm may go to the handler; answers it when not.
    bool admitMessage(CommandId command, quint32 sequence);
    void pumpDeliveries();
    void armTimeoutTimer();
    void onTimeoutTimer();
    void onIdleTimer();
    void finish(const QString &reason);
    qint64 nowMs() const { return m_clock.elapsed(); }

    SmscHandler &m_handler;
    SmscServerConfig m_config;
    PduChannel *m_channel = nullptr;
    State m_state = State::Open;
    bool m_tls = false;
    QHostAddress m_peer;
    quint16 m_peerPort = 0;
    QByteArray m_systemId;
    CommandId m_bindCommand = CommandId::GenericNack; // GenericNack until bound
    qint64 m_accountId = 0;
    TokenBucket m_throughput;
    QElapsedTimer m_clock;
    qint64 m_lastActivityMs = 0;

    QSet<quint32> m_pendingSubmits;
    QSet<quint32> m_pendingDataSm;
    int m_peakPendingSubmits = 0;

    std::deque<OutgoingDelivery> m_deliverQueue;
    QHash<quint32, DeliveryInFlight> m_deliverInFlight;
    DeadlineQueue m_deadlines;
    quint64 m_lastTicket = 0;
    quint32 m_unbindSequence = 0;
    int m_decodeFailures = 0;

    QTimer m_bindTimer;
    QTimer m_idleTimer;
    QTimer m_timeoutTimer;
    QTimer m_unbindTimer;

    quint64 m_submittedTotal = 0;
    quint64 m_throttledTotal = 0;
    quint64 m_deliveredTotal = 0;
    quint64 m_deliverAnsweredTotal = 0;
    quint64 m_enquireLinksReceived = 0;
};

} // namespace backoffice::smpp
