#pragma once

#include "MessagingConfig.h"
#include "Pdu.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <functional>
#include <memory>

namespace backoffice::smpp {
class EsmeSession;
}

namespace backoffice::server {

// What happened to a part handed to a vendor connection, and what vendors sent on their own.
class VendorEvents
{
public:
    virtual ~VendorEvents() = default;
    virtual void vendorAccepted(qint64 edrId, qint64 connectionId, const QString &vendorMessageId) = 0;
    // timedOut/abandoned: no answer came; the status is then 0.
    virtual void vendorRefused(qint64 edrId, qint64 connectionId, quint32 commandStatus, const QString &reason,
                               bool noAnswer) = 0;
    virtual void vendorReceipt(qint64 connectionId, const smpp::DeliverSm &pdu) = 0;
    virtual void vendorMo(qint64 connectionId, const smpp::DeliverSm &pdu) = 0;
};

// Our ESME sessions, one per enabled vendor SMPP connection (BO §11.1), kept in line with the
// configuration: a changed connection is re-bound, a disabled one unbound. Parts go to a named
// connection; the engine chooses the connection (route and failover). Lives on the messaging thread.
class VendorGateway final : public QObject
{
    Q_OBJECT
public:
    explicit VendorGateway(VendorEvents &events, QObject *parent = nullptr);
    ~VendorGateway() override;

    void reconcile(const MessagingConfig &config);
    // False when the connection has no session (disabled or unknown) or its queue is full.
    bool submit(qint64 connectionId, qint64 edrId, smpp::SubmitSm pdu);
    bool isUsable(qint64 connectionId) const;
    // command_status values on which the engine tries the next connection of the route.
    QList<quint32> failoverStatuses(qint64 connectionId) const;
    void stopAll();

    // Live state per connection for the desktop: state, last error, window, queue, counters, rate.
    QJsonArray status() const;

private:
    struct Link;
    void onAnswered(Link *link, quint64 ticket, quint32 status, const QByteArray &messageId);
    void onNoAnswer(Link *link, quint64 ticket, const QString &reason);
    void onDeliver(Link *link, const smpp::DeliverSm &pdu);

    void retire(std::shared_ptr<Link> link);

    VendorEvents &m_events;
    QHash<qint64, std::shared_ptr<Link>> m_links;
    // Links being unbound: kept until their session is gone, since answers to parts in flight may
    // still arrive while the unbind completes.
    QHash<QObject *, std::shared_ptr<Link>> m_retiring;
};

} // namespace backoffice::server
