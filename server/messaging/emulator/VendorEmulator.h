#pragma once

#include "DeliveryReceipt.h"
#include "EmulatorReceipt.h"
#include "SmscHandler.h"
#include "VendorEmulatorConfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>

// A vendor's SMSC for tests, benchmarks and demo mode, over real TCP: accepts binds (any or the
// configured credentials), answers submit_sm with vendor-style hex message ids, sends a delivery
// receipt for each accepted part after dlrDelayMs, misbehaves for destination numbers that match a
// rule (EmulatorRule), sends MO messages on demand, and holds receipts and MO messages while the
// client has no receiving bind, sending them when it binds again.
namespace backoffice::smpp {

class SmscServer;
class SmscSession;

class VendorEmulator final : public QObject, private SmscHandler
{
    Q_OBJECT

public:
    struct Stats {
        quint64 binds = 0; // accepted
        quint64 bindsRefused = 0;
        quint64 submits = 0; // submit_sm handed to the emulator (those over the throughput limit are not)
        quint64 accepted = 0; // answered ESME_ROK
        quint64 submitFailed = 0;
        quint64 throttled = 0; // ESME_RTHROTTLED by a rule or by the throughput limit
        quint64 queueFull = 0;
        quint64 unanswered = 0; // noanswer
        quint64 delayed = 0;
        quint64 dlrsSent = 0; // receipts handed to a session (resends after a dropped connection not counted)
        quint64 dlrsDelivered = 0;
        quint64 dlrsUndelivered = 0;
        quint64 dlrsRejected = 0;
        quint64 dlrsExpired = 0;
        quint64 dlrsAnswered = 0; // deliver_sm_resp received for a receipt
        quint64 dlrsWaiting = 0; // due but not sent: no receiving bind, or its window is full
        quint64 dlrsScheduled = 0; // not due yet
        quint64 moSent = 0;
        int peakPendingSubmits = 0; // most submit_sm one session had awaiting our answer at once
        int sessions = 0; // connections open now
    };

    explicit VendorEmulator(VendorEmulatorConfig config, QObject *parent = nullptr);
    ~VendorEmulator() override;

    bool start(QString *error);
    quint16 port() const;
    // Stops listening and unbinds every client.
    void stop();
    Stats stats() const;
    const VendorEmulatorConfig &config() const { return m_config; }
    const QList<EmulatorRule> &rules() const { return m_rules; }
    SmscServer &server() { return *m_server; }

    // Sends a mobile-originated message (split with a UDH when long) to the client bound as
    // systemId, or to any receiving client when systemId is empty; held until one binds. Returns the
    // number of deliver_sm parts, 0 when the text cannot be encoded.
    int sendMo(const QString &source, const QString &destination, const QString &text, const QByteArray &systemId = {});

    // Whether a message without a rule ends DELIVRD: a hash of its id against deliveredPercent, the
    // same in every run.
    static bool deliveredByDefault(const QByteArray &messageId, int deliveredPercent);

signals:
    // A submit_sm was accepted with this id (for tests and the demo's live view).
    void messageAccepted(const QByteArray &messageId, const QByteArray &systemId,
                         const backoffice::smpp::SubmitSm &pdu);
    void receiptSent(const QByteArray &messageId, backoffice::smpp::ReceiptStat stat);

private:
    struct ScheduledReceipt {
        qint64 dueMs = 0;
        qint64 accountId = 0;
        EmulatorReceipt receipt;
    };
    struct Delivery {
        DeliverSm pdu;
        qint64 accountId = 0; // 0: any receiving client (MO without a system id)
        bool isReceipt = false;
        ReceiptStat stat = ReceiptStat::Delivered;
        int timeouts = 0;
        bool counted = false;
    };
    using SentKey = std::pair<const SmscSession *, quint64>;

    // SmscHandler
    SmscBindDecision authenticate(const SmscBindRequest &request) override;
    void submitReceived(SmscSession &session, quint32 sequence, const SubmitSm &pdu) override;
    void sessionBound(SmscSession &session) override;
    void sessionClosed(SmscSession &session) override;

    void accept(SmscSession &session, quint32 sequence, const SubmitSm &pdu, std::optional<ReceiptStat> fixedStat);
    QByteArray nextMessageId();
    qint64 accountFor(const QByteArray &systemId);
    void armReceiptTimer();
    void onReceiptTimer();
    // Hands waiting deliveries of an account to its receiving sessions, within their windows.
    void pumpAccount(qint64 accountId);
    void deliveryAnswered(const SmscSession *session, quint64 ticket);
    void deliveryFailed(const SmscSession *session, quint64 ticket, bool timedOut);
    qint64 nowMs() const { return m_clock.elapsed(); }

    VendorEmulatorConfig m_config;
    QList<EmulatorRule> m_rules;
    std::unique_ptr<SmscServer> m_server;
    QElapsedTimer m_clock;
    Stats m_stats;

    QHash<QByteArray, qint64> m_accounts; // system_id → account id (1, 2, …)
    QHash<QByteArray, int> m_throttleAttempts; // encoded PDU → refusals so far
    quint64 m_idBase = 0;
    quint64 m_idCounter = 0;
    quint16 m_moReference = 0;

    std::deque<ScheduledReceipt> m_scheduled; // by due time: one delay for all
    QTimer m_receiptTimer;
    QHash<qint64, std::deque<Delivery>> m_waiting; // by account
    QHash<SentKey, Delivery> m_sent; // handed to a session, awaiting deliver_sm_resp
    quint64 m_closedSessionsThrottled = 0; // by the throughput limit, in sessions gone
};

} // namespace backoffice::smpp
