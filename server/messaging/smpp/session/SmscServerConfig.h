#pragma once

#include <QByteArray>
#include <QSslConfiguration>

#include <optional>

// How an SmscServer treats the clients that bind to it.
namespace backoffice::smpp {

struct SmscServerConfig {
    // Our system_id in bind responses.
    QByteArray systemId = QByteArrayLiteral("backoffice");
    int responseTimeoutMs = 10000; // for the deliver_sm and unbind we send
    int idleTimeoutMs = 120000; // nothing received for this long closes the session; 0 = never
    int windowLimit = 100; // outgoing deliver_sm awaiting a response
    int bindTimeoutMs = 10000; // from accept to a successful bind
    // How many tokens a bind's throughput limit lets pile up, in milliseconds of its rate (at least
    // one PDU): a client sending at exactly its limit gets through whatever the network's jitter.
    int throughputBurstMs = 200;
    // Set: the server speaks TLS only (QSslServer, Qt 6.4), with this certificate and key.
    std::optional<QSslConfiguration> tls;
    int tlsHandshakeTimeoutMs = 5000;
};

} // namespace backoffice::smpp
