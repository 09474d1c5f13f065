#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QSslConfiguration>
#include <QString>

// How an EsmeSession reaches and uses one vendor SMSC. Plain data: the messaging engine fills it from
// the vendor connection's settings.
namespace backoffice::smpp {

struct EsmeConfig {
    QString host;
    quint16 port = 0;
    QByteArray systemId; // at most 15 characters (C-Octet 16)
    QByteArray password; // at most 8 characters (C-Octet 9)
    QByteArray systemType;
    bool tls = false;
    // Off by default because vendors' SMPP ports mostly present self-signed certificates; switch it
    // on where the vendor's certificate chains to a CA the system trusts.
    bool tlsVerifyPeer = false;
    // Extra TLS settings (CA certificates, protocol); peer verification follows tlsVerifyPeer.
    QSslConfiguration tlsConfiguration = QSslConfiguration::defaultConfiguration();
    enum class BindMode { Transceiver, Transmitter } bindMode = BindMode::Transceiver;

    int windowLimit = 10; // max submit_sm awaiting a response
    // submit_sm per second, 0 = unlimited. A token bucket holding 20 ms worth of tokens, so the PDUs
    // leave evenly spaced rather than in bursts of a whole second.
    int rpsLimit = 0;
    int enquireLinkIntervalMs = 30000;
    // For every request we send (bind, submit_sm, enquire_link, unbind) and for connecting.
    int responseTimeoutMs = 10000;
    // Exponential back-off with jitter between connection attempts.
    int reconnectMinMs = 1000;
    int reconnectMaxMs = 60000;
    // ESME_RTHROTTLED / ESME_RMSGQFUL: pause sending this long, then resend the same PDU, at most
    // maxThrottleRetries times; after that the status is the final answer.
    int throttleBackoffMs = 1000;
    int maxThrottleRetries = 5;
    // submit() refuses (returns 0) once this many messages wait to be sent.
    int queueLimit = 100000;
};

enum class EsmeState { Disconnected, Connecting, Binding, Bound, Unbinding, Stopped };

// "bound", "connecting"…: for logs and the desktop.
QString esmeStateName(EsmeState state);

} // namespace backoffice::smpp

Q_DECLARE_METATYPE(backoffice::smpp::EsmeState)
