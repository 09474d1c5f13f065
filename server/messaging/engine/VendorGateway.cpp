#include "VendorGateway.h"

#include "EsmeSession.h"
#include "FieldChecks.h"

#include <QElapsedTimer>
#include <QJsonObject>

namespace backoffice::server {

struct VendorGateway::Link {
    VendorConnectionRow row;
    smpp::EsmeSession *session = nullptr;
    QHash<quint64, qint64> edrByTicket;
    QList<quint32> failover;
    // Submits per second over the last few seconds, for the desktop.
    QElapsedTimer rateClock;
    quint64 rateBase = 0;
    double ratePerSecond = 0;
};

namespace {

// The statuses that mean "this vendor cannot take it now" unless the connection lists its own.
QList<quint32> defaultFailover()
{
    namespace st = smpp::status;
    return {st::SubmitFailed, st::SystemError, st::MessageQueueFull, st::Throttled, st::DeliveryFailure};
}

smpp::EsmeConfig esmeConfigOf(const VendorConnectionRow &row)
{
    smpp::EsmeConfig config;
    config.host = row.host;
    config.port = row.port;
    config.systemId = row.systemId.toLatin1();
    config.password = row.password.toLatin1();
    config.systemType = row.systemType.toLatin1();
    config.tls = row.tls;
    if (row.limitsEnabled) {
        config.windowLimit = std::max(1, row.windowLimit);
        config.rpsLimit = std::max(0, row.rpsLimit);
    } else {
        config.windowLimit = 100;
    }
    return config;
}

bool sameSession(const VendorConnectionRow &a, const VendorConnectionRow &b)
{
    return a.host == b.host && a.port == b.port && a.systemId == b.systemId && a.password == b.password
           && a.systemType == b.systemType && a.tls == b.tls && a.limitsEnabled == b.limitsEnabled
           && a.rpsLimit == b.rpsLimit && a.windowLimit == b.windowLimit && a.disabled == b.disabled;
}

} // namespace

VendorGateway::VendorGateway(VendorEvents &events, QObject *parent)
    : QObject(parent)
    , m_events(events)
{
}

VendorGateway::~VendorGateway()
{
    for (const auto &link : std::as_const(m_links))
        delete link->session;
    for (const auto &link : std::as_const(m_retiring))
        delete link->session;
}

void VendorGateway::retire(std::shared_ptr<Link> link)
{
    smpp::EsmeSession *session = link->session;
    m_retiring.insert(session, link);
    connect(session, &smpp::EsmeSession::stateChanged, this, [this, session](smpp::EsmeState state) {
        if (state == smpp::EsmeState::Stopped && m_retiring.contains(session)) {
            m_retiring.take(session);
            session->deleteLater();
        }
    });
    // Parts still queued or in flight are reported abandoned as it stops; the engine fails them over.
    session->stop();
}

void VendorGateway::reconcile(const MessagingConfig &config)
{
    for (auto it = m_links.begin(); it != m_links.end();) {
        const auto row = config.vendors.constFind(it.key());
        if (row == config.vendors.cend() || row->disabled || !sameSession((*it)->row, *row)) {
            retire(*it);
            it = m_links.erase(it);
        } else {
            (*it)->row = *row; // status map, failover list and names may change without a re-bind
            ++it;
        }
    }
    for (const VendorConnectionRow &row : config.vendors) {
        if (row.disabled || m_links.contains(row.id))
            continue;
        auto link = std::make_shared<Link>();
        link->row = row;
        QString problem;
        if (!fieldchecks::parseStatusList(row.failoverStatuses, &link->failover, &problem) || link->failover.isEmpty())
            link->failover = defaultFailover();
        link->session = new smpp::EsmeSession(esmeConfigOf(row), this);
        link->rateClock.start();
        Link *raw = link.get();
        connect(link->session, &smpp::EsmeSession::submitAnswered, this,
                [this, raw](quint64 ticket, quint32 status, const QByteArray &id) { onAnswered(raw, ticket, status, id); });
        connect(link->session, &smpp::EsmeSession::submitTimedOut, this,
                [this, raw](quint64 ticket) { onNoAnswer(raw, ticket, QStringLiteral("no answer from the vendor")); });
        connect(link->session, &smpp::EsmeSession::submitAbandoned, this,
                [this, raw](quint64 ticket, const QString &reason) { onNoAnswer(raw, ticket, reason); });
        connect(link->session, &smpp::EsmeSession::deliverReceived, this,
                [this, raw](const smpp::DeliverSm &pdu) { onDeliver(raw, pdu); });
        m_links.insert(row.id, link);
        link->session->start();
    }
}

bool VendorGateway::submit(qint64 connectionId, qint64 edrId, smpp::SubmitSm pdu)
{
    const auto it = m_links.constFind(connectionId);
    if (it == m_links.cend())
        return false;
    const quint64 ticket = (*it)->session->submit(std::move(pdu));
    if (!ticket)
        return false;
    (*it)->edrByTicket.insert(ticket, edrId);
    return true;
}

bool VendorGateway::isUsable(qint64 connectionId) const
{
    return m_links.contains(connectionId);
}

QList<quint32> VendorGateway::failoverStatuses(qint64 connectionId) const
{
    const auto it = m_links.constFind(connectionId);
    return it == m_links.cend() ? defaultFailover() : (*it)->failover;
}

void VendorGateway::stopAll()
{
    for (const auto &link : std::as_const(m_links))
        link->session->stop();
}

void VendorGateway::onAnswered(Link *link, quint64 ticket, quint32 status, const QByteArray &messageId)
{
    const qint64 edrId = link->edrByTicket.take(ticket);
    if (!edrId)
        return;
    if (status == smpp::status::Ok)
        m_events.vendorAccepted(edrId, link->row.id, QString::fromLatin1(messageId));
    else
        m_events.vendorRefused(edrId, link->row.id, status, QStringLiteral("refused by the vendor"), false);
}

void VendorGateway::onNoAnswer(Link *link, quint64 ticket, const QString &reason)
{
    const qint64 edrId = link->edrByTicket.take(ticket);
    if (edrId)
        m_events.vendorRefused(edrId, link->row.id, 0, reason, true);
}

void VendorGateway::onDeliver(Link *link, const smpp::DeliverSm &pdu)
{
    if (pdu.esmClass & smpp::EsmClassDeliveryReceipt)
        m_events.vendorReceipt(link->row.id, pdu);
    else
        m_events.vendorMo(link->row.id, pdu);
}

QJsonArray VendorGateway::status() const
{
    QJsonArray list;
    for (const auto &link : m_links) {
        const qint64 elapsed = link->rateClock.elapsed();
        if (elapsed >= 2000) {
            link->ratePerSecond = double(link->session->submittedTotal() - link->rateBase) * 1000.0 / double(elapsed);
            link->rateBase = link->session->submittedTotal();
            link->rateClock.restart();
        }
        const smpp::EsmeSession &s = *link->session;
        list.append(QJsonObject{
            {QStringLiteral("connectionId"), link->row.id},
            {QStringLiteral("name"), link->row.name},
            {QStringLiteral("state"), smpp::esmeStateName(s.state())},
            {QStringLiteral("lastError"), s.lastError()},
            {QStringLiteral("inFlight"), s.inFlight()},
            {QStringLiteral("window"), s.config().windowLimit},
            {QStringLiteral("queued"), s.queued()},
            {QStringLiteral("submitted"), qint64(s.submittedTotal())},
            {QStringLiteral("answered"), qint64(s.answeredTotal())},
            {QStringLiteral("receipts"), qint64(s.deliveredReceivedTotal())},
            {QStringLiteral("throttled"), qint64(s.throttledTotal())},
            {QStringLiteral("timedOut"), qint64(s.timedOutTotal())},
            {QStringLiteral("submitsPerSecond"), qRound(link->ratePerSecond * 10) / 10.0},
        });
    }
    return list;
}

} // namespace backoffice::server
