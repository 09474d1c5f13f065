#pragma once

#include "DeadlineQueue.h"
#include "EsmeConfig.h"
#include "Pdu.h"
#include "PduChannel.h"
#include "ReconnectBackoff.h"
#include "TokenBucket.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>

// Our side of an SMPP connection to a vendor's SMSC (we are the ESME): connects, binds, keeps the
// link alive, sends submit_sm within a window and a rate, retries throttled ones, and reconnects with
// back-off until stop(). The messaging engine owns the messages: it hands PDUs in, gets a ticket back,
// and learns each ticket's fate from exactly one of submitAnswered, submitTimedOut or submitAbandoned.
namespace backoffice::smpp {

class EsmeSession final : public QObject, private PduChannel::Listener
{
    Q_OBJECT

public:
    explicit EsmeSession(EsmeConfig config, QObject *parent = nullptr);
    ~EsmeSession() override;

    // Connects and binds, and reconnects forever (with back-off) until stop().
    void start();
    // Unbinds gracefully (unbind, then unbind_resp or a timeout), then Stopped. Queued messages are
    // abandoned at once; responses to those in flight are still reported until the unbind completes.
    void stop();

    // Queues a submit_sm and returns its ticket (> 0), or 0 when the queue is full. The session sets
    // the sequence number. Messages wait while the session is not bound or the window is full.
    quint64 submit(SubmitSm pdu);

    EsmeState state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    const EsmeConfig &config() const { return m_config; }
    int inFlight() const { return int(m_inFlight.size()); }
    int queued() const { return int(m_queue.size()); }
    // The system_id the SMSC gave in its bind response.
    QByteArray smscSystemId() const { return m_smscSystemId; }

    // Live counters for the desktop. submittedTotal counts submit_sm PDUs written (resends after
    // throttling included); answeredTotal the final answers (submitAnswered).
    quint64 submittedTotal() const { return m_submittedTotal; }
    quint64 answeredTotal() const { return m_answeredTotal; }
    quint64 deliveredReceivedTotal() const { return m_deliveredReceivedTotal; }
    quint64 timedOutTotal() const { return m_timedOutTotal; }
    quint64 abandonedTotal() const { return m_abandonedTotal; }
    quint64 throttledTotal() const { return m_throttledTotal; }
    quint64 bindsTotal() const { return m_bindsTotal; }

signals:
    void stateChanged(backoffice::smpp::EsmeState state, const QString &reason);
    // The final answer for a ticket, after any throttling retries; messageId empty on errors.
    void submitAnswered(quint64 ticket, quint32 commandStatus, const QByteArray &messageId);
    // No response within responseTimeoutMs. The PDU is not resent: the engine decides.
    void submitTimedOut(quint64 ticket);
    // Queued or in flight when the connection dropped or stop() was called.
    void submitAbandoned(quint64 ticket, const QString &reason);
    // Already acknowledged with deliver_sm_resp OK.
    void deliverReceived(const backoffice::smpp::DeliverSm &pdu);
    // Already acknowledged with data_sm_resp OK.
    void dataSmReceived(const backoffice::smpp::DataSm &pdu);

private:
    struct Outgoing {
        quint64 ticket = 0;
        SubmitSm pdu;
        int throttleRetries = 0;
    };
    struct InFlight {
        quint64 ticket = 0;
        SubmitSm pdu;
        int throttleRetries = 0;
        qint64 deadlineMs = 0;
    };

    // PduChannel::Listener
    void channelReady() override;
    void pduReceived(Pdu &pdu) override;
    void decodeFailed(const DecodeError &error) override;
    void channelLost(const QString &reason) override;

    void connectNow();
    void setState(EsmeState state, const QString &reason);
    void handleBindResponse(quint32 status, const QByteArray &systemId);
    void handleSubmitResponse(quint32 sequence, quint32 status, const QByteArray &messageId);
    void handleRequest(Pdu &pdu);
    // The connection is over (lost, closed by us, refused): clean up and reconnect unless stopping.
    void connectionEnded(const QString &reason);
    void scheduleReconnect();
    void abandonQueued(const QString &reason);
    void abandonInFlight(const QString &reason);
    void finishStop(const QString &reason);
    // Sends what the window, the rate and any throttling pause allow.
    void pump();
    void armTimeoutTimer();
    void onTimeoutTimer();
    void sendEnquireLink();
    qint64 nowMs() const { return m_clock.elapsed(); }

    EsmeConfig m_config;
    EsmeState m_state = EsmeState::Stopped;
    QString m_lastError;
    bool m_running = false; // between start() and stop()
    QPointer<PduChannel> m_channel;
    QElapsedTimer m_clock;
    ReconnectBackoff m_backoff;
    TokenBucket m_bucket;

    std::deque<Outgoing> m_queue;
    QHash<quint32, InFlight> m_inFlight;
    DeadlineQueue m_deadlines;
    quint64 m_lastTicket = 0;

    quint32 m_bindSequence = 0;
    quint32 m_unbindSequence = 0;
    quint32 m_enquireSequence = 0; // 0 when no enquire_link awaits its response
    QByteArray m_smscSystemId;
    bool m_pumping = false;
    int m_decodeFailures = 0; // on this connection

    QTimer m_reconnectTimer;
    QTimer m_requestTimer; // connect, bind and unbind: one at a time
    QTimer m_enquireTimer;
    QTimer m_enquireTimeoutTimer;
    QTimer m_timeoutTimer; // submit_sm deadlines
    QTimer m_rateTimer; // the next token of the rate limit
    QTimer m_pauseTimer; // the end of a throttling pause

    quint64 m_submittedTotal = 0;
    quint64 m_answeredTotal = 0;
    quint64 m_deliveredReceivedTotal = 0;
    quint64 m_timedOutTotal = 0;
    quint64 m_abandonedTotal = 0;
    quint64 m_throttledTotal = 0;
    quint64 m_bindsTotal = 0;
};

} // namespace backoffice::smpp

Q_DECLARE_METATYPE(backoffice::smpp::DeliverSm)
Q_DECLARE_METATYPE(backoffice::smpp::DataSm)
