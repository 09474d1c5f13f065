#pragma once

#include "BalanceBook.h"
#include "MessageAdmission.h"
#include "MessagingConfig.h"
#include "MessagingWriter.h"
#include "PackBook.h"
#include "TrafficCounters.h"
#include "TransitSmsGateway.h"
#include "VendorGateway.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <atomic>
#include <memory>
#include <optional>

class QThread;
class QTimer;

namespace backoffice::smpp {
class SmscSession;
}

namespace backoffice::server {

class CallbackDispatcher;
class ClientSmppGateway;
class Database;
class DestinationResolver;
class RatingEngine;
class TrafficMonitor;

struct MessagingOptions {
    bool listenSmpp = true; // our SMSC for clients
    QHostAddress smppAddress = QHostAddress::LocalHost;
    quint16 smppPort = 0; // 0: any free port
    // Set: a second SMSC listener that speaks TLS only, with this certificate and key. Client
    // connections whose SSL type is TLS may bind only there.
    std::optional<QSslConfiguration> smppTls;
    QHostAddress smppTlsAddress = QHostAddress::LocalHost;
    quint16 smppTlsPort = 0; // 0: any free port
    // Waits between callback attempts; a callback fails for good after the last one.
    QList<int> callbackRetryDelaysMs{10000, 60000, 300000, 1800000, 7200000};
};

// One request of the send API (CP §13.3.1): a text from a sender to up to 700 recipients.
struct ApiSendRequest {
    qint64 apiKeyId = 0;
    qint64 companyId = 0;
    QString callbackUrl;
    QString channel = QStringLiteral("sms");
    QString sender;
    QStringList recipients; // duplicates already removed
    QString text;
    QString label;
    bool flash = false;
};

// Per recipient: the transaction id, or why the message was refused.
struct ApiSendResult {
    QString recipient;
    QString transactionId;
    QString error;
};

// The path of a message: accept (client SMPP, send API) → admission (sender, number, destination,
// rating, reservation) → EDR → route to the sender ID's vendor connection, failing over on listed
// errors → vendor answer → delivery receipt → charge on submit or on delivery, once per part →
// receipt to the client SMPP session and callback to the client's URL. Everything but the send
// API entry runs on a thread of its own; traffic data is written by the MessagingWriter.
class MessagingEngine final : public QObject, public VendorEvents, public HttpVendorEvents
{
    Q_OBJECT
public:
    MessagingEngine(Database &database, DestinationResolver &destinations, RatingEngine &rating,
                    MessagingOptions options = {});
    ~MessagingEngine() override;

    bool start(QString *error);
    void stop();
    quint16 smppPort() const { return m_smppPort.load(); }
    quint16 smppTlsPort() const { return m_smppTlsPort.load(); } // 0 when no TLS listener runs
    // Where vendors reach our webhooks ("http://host:port/"), known once the HTTP API listens.
    void setWebhookBaseUrl(const QString &baseUrl);

    // Thread-safe. Admits every recipient, records the EDRs, and returns once they are committed;
    // the parts then go to the vendors.
    QList<ApiSendResult> send(const ApiSendRequest &request);
    // Thread-safe: connections (vendor sessions and client binds), writer and traffic figures.
    QJsonObject status() const;
    // Thread-safe: messages per minute by channel and status over the last `minutes`.
    QJsonObject traffic(int minutes) const;
    // The sub-balances of the agreement's packs in force now (reservations included).
    struct PackPosition {
        PackTerms terms;
        PackBook::Left left;
    };
    QList<PackPosition> packPositions(qint64 agreementId);
    std::optional<BalanceBook::Position> position(qint64 agreementId);
    // Thread-safe: a charge that no message caused (a pack's purchase), written with the traffic's
    // charges so the in-memory balance follows it; written once even if handed over twice.
    void writeOffCharge(const ChargeRecord &charge);
    // Thread-safe: a charge someone else stored with its balance movement in a transaction of their
    // own (a rerate batch, all or nothing); the in-memory balance follows it.
    void followStoredCharge(const ChargeRecord &charge);
    MessagingConfigCache &config() { return m_config; }
    // Blocks until everything recorded so far is in the database (tests, reports).
    void flush();

    // For the client SMPP gateway (messaging thread).
    void submitFromClient(smpp::SmscSession &session, quint32 sequence, const smpp::SubmitSm &pdu);
    void clientReceiverBound(qint64 clientConnectionId);
    void clientSessionClosed(smpp::SmscSession &session);

    // VendorEvents (messaging thread)
    void vendorAccepted(qint64 edrId, qint64 connectionId, const QString &vendorMessageId) override;
    void vendorRefused(qint64 edrId, qint64 connectionId, quint32 commandStatus, const QString &reason,
                       bool noAnswer) override;
    void vendorReceipt(qint64 connectionId, const smpp::DeliverSm &pdu) override;
    void vendorMo(qint64 connectionId, const smpp::DeliverSm &pdu) override;

    // HttpVendorEvents (messaging thread)
    void httpAccepted(qint64 edrId, qint64 connectionId, const QString &vendorMessageId) override;
    void httpRefused(qint64 edrId, qint64 connectionId, int httpStatus, const QString &reason) override;
    // Thread-safe: a status an HTTP vendor reported to our webhook, found by its id or our reference.
    void httpStatusReport(qint64 connectionId, const QString &vendorMessageId, const QString &reference,
                          const QString &status, const QString &error);

private:
    struct InFlight;
    struct Transaction;
    struct PendingAnswer;

    // Most receipts come within a couple of seconds: the SENT state waits that long so that it is
    // usually written together with the final one (see MessagingWriter::writeEdrSoon).
    static constexpr int SentWriteDelayMs = 2000;

    bool initialize(QString *error); // on the messaging thread
    void shutdown();
    void reconcileConfiguration();
    void doSend(const ApiSendRequest &request, QList<ApiSendResult> *results);
    qint64 allocateEdrIds(int count);
    void dispatch(qint64 edrId);
    void submitToRoute(InFlight &part);
    void submitOverHttp(InFlight &part);
    void applyHttpStatus(qint64 connectionId, const QString &vendorMessageId, const QString &reference,
                         const QString &status, const QString &error);
    void charge(InFlight &part);
    void refund(InFlight &part);
    // Gives back the money and pack units a part reserved at admission (it ends without a charge).
    void releaseReservations(InFlight &part);
    // Bundle packs that admitted parts bought again: the round and its purchase charge.
    void writePackPurchases(const QList<AdmittedPart> &parts);
    void finish(InFlight &part, const QString &status, const QString &errorCode, const QString &errorText);
    void receiptToClient(const InFlight &part);
    void callbackForPart(const InFlight &part);
    void drainOutbox(qint64 clientConnectionId);
    void answerClientsAfterCommit();
    void publishStatus();

    Database &m_database;
    DestinationResolver &m_destinations;
    RatingEngine &m_rating;
    MessagingOptions m_options;
    MessagingConfigCache m_config;
    BalanceBook m_balances;
    PackBook m_packs;
    MessageAdmission m_admission;
    MessagingWriter m_writer;
    TrafficCounters m_counters;
    QThread *m_thread = nullptr;
    std::atomic<quint16> m_smppPort{0};
    std::atomic<quint16> m_smppTlsPort{0};
    std::atomic<qint64> m_nextEdrId{1};

    // Messaging thread only.
    VendorGateway *m_vendors = nullptr;
    ClientSmppGateway *m_clients = nullptr;
    TransitSmsGateway *m_http = nullptr;
    CallbackDispatcher *m_callbacks = nullptr;
    TrafficMonitor *m_monitor = nullptr;
    QTimer *m_housekeeping = nullptr;
    quint64 m_configGeneration = 0;
    QHash<qint64, std::shared_ptr<InFlight>> m_inFlight; // by EDR id
    QHash<QString, qint64> m_byVendorMessage; // "connection:vendor id" -> EDR id
    QHash<QString, std::shared_ptr<Transaction>> m_transactions; // API messages awaiting all parts' outcome
    QHash<QString, QString> m_clientConcatenation; // client multipart key -> transaction id
    QList<PendingAnswer> *m_pendingAnswers = nullptr; // client submit_sm awaiting the commit of their EDR
    bool m_answerScheduled = false;

    mutable QMutex m_webhookMutex;
    QString m_webhookBaseUrl; // guarded by m_webhookMutex
    mutable QMutex m_statusMutex;
    QJsonObject m_status; // the last published status, guarded by m_statusMutex
};

} // namespace backoffice::server
