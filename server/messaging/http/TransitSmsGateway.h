#pragma once

#include "MessagingConfigStore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <deque>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace backoffice::server {

// What became of a part handed to an HTTP vendor.
class HttpVendorEvents
{
public:
    virtual ~HttpVendorEvents() = default;
    virtual void httpAccepted(qint64 edrId, qint64 connectionId, const QString &vendorMessageId) = 0;
    virtual void httpRefused(qint64 edrId, qint64 connectionId, int httpStatus, const QString &reason) = 0;
};

// One part for an HTTP vendor, with what the request needs.
struct HttpPart {
    qint64 edrId = 0;
    QString messageId; // ours, sent as the vendor's reference
    QString transactionId;
    QString from;
    QString to;
    QString text;
    int partNumber = 1;
    int partCount = 1;
    QString callbackUrl; // our webhook for this sender ID, where the vendor reports the status
    QString login; // the sender ID's HTTP credentials, used when the connection has no API token
    QString password;
};

// The "Transit SMS" vendor type (BO §11.3.14), a generic JSON interface: each part is POSTed to
// <vendor URL>/messages as {"reference","transactionId","from","to","text","part":{"number","count"},
// "callbackUrl"}
// with "Authorization: Bearer <API token>" (or Basic with the sender ID's login), answered 2xx
// {"id": "<vendor id>"}; the status comes later to our webhook (TransitSmsWebhook). Each
// connection's RPS and window limits hold: beyond them parts wait in order.
class TransitSmsGateway final : public QObject
{
    Q_OBJECT
public:
    explicit TransitSmsGateway(HttpVendorEvents &events, QObject *parent = nullptr);

    void submit(const HttpConnectionRow &connection, const HttpPart &part);
    int inFlight() const { return m_inFlightTotal; }

private:
    struct Link {
        HttpConnectionRow connection;
        std::deque<HttpPart> queue;
        int inFlight = 0;
        qint64 nextSlotNs = 0; // the RPS limit: when the next request may leave
    };
    void pump(Link &link);
    void send(Link &link, const HttpPart &part);
    void finished(qint64 connectionId, const HttpPart &part, QNetworkReply *reply);

    HttpVendorEvents &m_events;
    QNetworkAccessManager *m_network;
    QHash<qint64, std::shared_ptr<Link>> m_links;
    QElapsedTimer m_clock;
    int m_inFlightTotal = 0;
};

} // namespace backoffice::server
