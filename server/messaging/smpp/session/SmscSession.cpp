#include "SmscSession.h"

#include "CommandStatusText.h"
#include "SessionLogging.h"
#include "SmscHandler.h"

#include <QList>
#include <QTcpSocket>

#include <algorithm>

namespace backoffice::smpp {

namespace {

const BindFields *bindFields(const PduBody &body)
{
    if (auto *bind = std::get_if<BindTransceiver>(&body))
        return bind;
    if (auto *bind = std::get_if<BindTransmitter>(&body))
        return bind;
    if (auto *bind = std::get_if<BindReceiver>(&body))
        return bind;
    return nullptr;
}

PduBody bindResponse(CommandId bind, const QByteArray &systemId)
{
    BindRespFields fields;
    fields.systemId = systemId;
    fields.tlvs.append(tag::ScInterfaceVersion, QByteArray(1, char(InterfaceVersion34)));
    switch (bind) {
    case CommandId::BindTransmitter: return BindTransmitterResp {fields};
    case CommandId::BindReceiver: return BindReceiverResp {fields};
    default: return BindTransceiverResp {fields};
    }
}

} // namespace

SmscSession::SmscSession(QTcpSocket *socket, SmscHandler &handler, const SmscServerConfig &config, bool tls,
                         QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_config(config)
    , m_tls(tls)
    , m_peer(socket->peerAddress())
    , m_peerPort(socket->peerPort())
{
    m_config.windowLimit = std::max(1, m_config.windowLimit);
    m_config.responseTimeoutMs = std::max(1, m_config.responseTimeoutMs);
    m_clock.start();
    for (QTimer *timer : {&m_bindTimer, &m_idleTimer, &m_timeoutTimer, &m_unbindTimer})
        timer->setSingleShot(true);
    connect(&m_bindTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Open)
            finish(QStringLiteral("no bind within %1 ms").arg(m_config.bindTimeoutMs));
    });
    connect(&m_idleTimer, &QTimer::timeout, this, &SmscSession::onIdleTimer);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &SmscSession::onTimeoutTimer);
    connect(&m_unbindTimer, &QTimer::timeout, this,
            [this] { finish(QStringLiteral("no unbind_resp within %1 ms").arg(m_config.responseTimeoutMs)); });
    m_bindTimer.start(std::max(1, m_config.bindTimeoutMs));
    if (m_config.idleTimeoutMs > 0)
        m_idleTimer.start(m_config.idleTimeoutMs);
    m_channel = new PduChannel(socket, *this, this);
}

SmscSession::~SmscSession()
{
    // Deleted with the server (or by deleteLater after closed()): no handler calls from here, the
    // handler may be gone already.
    if (m_channel)
        m_channel->close(false);
}

bool SmscSession::canReceive() const
{
    return m_bindCommand == CommandId::BindReceiver || m_bindCommand == CommandId::BindTransceiver;
}

bool SmscSession::canTransmit() const
{
    return m_bindCommand == CommandId::BindTransmitter || m_bindCommand == CommandId::BindTransceiver;
}

void SmscSession::pduReceived(Pdu &pdu)
{
    switch (m_state) {
    case State::Open: handleUnbound(pdu); break;
    case State::Bound:
    case State::Unbinding: handleBoundRequest(pdu); break;
    case State::Closed: break;
    }
}

void SmscSession::readBatchDone()
{
    // Once per read, not per PDU: the idle check compares this against the clock when its timer fires.
    m_lastActivityMs = nowMs();
}

void SmscSession::handleUnbound(Pdu &pdu)
{
    const quint32 sequence = pdu.sequenceNumber;
    switch (pdu.commandId()) {
    case CommandId::BindTransceiver:
    case CommandId::BindTransmitter:
    case CommandId::BindReceiver: handleBind(pdu); break;
    case CommandId::EnquireLink: m_channel->send(sequence, EnquireLinkResp {}); break;
    case CommandId::Unbind:
        m_channel->send(sequence, UnbindResp {});
        finish(QStringLiteral("unbind before bind"));
        break;
    case CommandId::Outbind:
        // Outbind is how an SMSC asks an ESME to bind; a client sending it has the roles reversed.
        m_channel->send(sequence, GenericNack {}, status::InvalidCommandId);
        finish(QStringLiteral("outbind is not accepted"));
        break;
    default:
        if (!pdu.isResponse())
            m_channel->sendErrorResponse(quint32(pdu.commandId()), sequence, status::IncorrectBindStatus);
        break;
    }
}

void SmscSession::handleBind(Pdu &pdu)
{
    const BindFields *fields = bindFields(pdu.body);
    SmscBindRequest request;
    request.command = pdu.commandId();
    request.systemId = fields->systemId;
    request.password = fields->password;
    request.systemType = fields->systemType;
    request.interfaceVersion = fields->interfaceVersion;
    request.addressRange = fields->addressRange;
    request.peer = m_peer;
    request.tls = m_tls;
    const SmscBindDecision decision = m_handler.authenticate(request);
    if (m_state != State::Open)
        return; // the handler closed us
    if (decision.status != status::Ok) {
        m_channel->send(Pdu {decision.status, pdu.sequenceNumber, bindResponse(request.command, {})});
        // A refused bind ends the connection: a client may not try passwords one after another on it.
        finish(QStringLiteral("bind of %1 refused: %2")
                   .arg(QString::fromLatin1(request.systemId), commandStatusText(decision.status)));
        return;
    }
    m_state = State::Bound;
    m_bindCommand = request.command;
    m_systemId = request.systemId;
    m_accountId = decision.accountId;
    const int limit = std::max(0, decision.throughputLimit);
    m_throughput.configure(limit, std::max(1, int(qint64(limit) * m_config.throughputBurstMs / 1000)));
    m_bindTimer.stop();
    m_channel->send(Pdu {status::Ok, pdu.sequenceNumber, bindResponse(request.command, m_config.systemId)});
    qCDebug(lcSmpp) << "SMSC: bound" << commandName(quint32(m_bindCommand)) << m_systemId << "from"
                    << m_peer.toString();
    m_handler.sessionBound(*this);
}

bool SmscSession::admitMessage(CommandId command, quint32 sequence)
{
    if (m_state != State::Bound || !canTransmit()) {
        m_channel->sendErrorResponse(quint32(command), sequence, status::IncorrectBindStatus);
        return false;
    }
    // Refused here, before the handler sees it: the limit protects the engine behind us too.
    if (!m_throughput.tryTake(m_clock.nsecsElapsed())) {
        ++m_throttledTotal;
        m_channel->sendErrorResponse(quint32(command), sequence, status::Throttled);
        return false;
    }
    return true;
}

void SmscSession::handleBoundRequest(Pdu &pdu)
{
    const quint32 sequence = pdu.sequenceNumber;
    switch (pdu.commandId()) {
    case CommandId::SubmitSm:
        ++m_submittedTotal;
        if (!admitMessage(CommandId::SubmitSm, sequence))
            break;
        m_pendingSubmits.insert(sequence);
        m_peakPendingSubmits = std::max(m_peakPendingSubmits, int(m_pendingSubmits.size()));
        m_handler.submitReceived(*this, sequence, std::get<SubmitSm>(pdu.body));
        break;
    case CommandId::DataSm:
        if (!admitMessage(CommandId::DataSm, sequence))
            break;
        m_pendingDataSm.insert(sequence);
        m_handler.dataSmReceived(*this, sequence, std::get<DataSm>(pdu.body));
        break;
    case CommandId::DeliverSmResp: handleDeliverResponse(sequence, pdu.commandStatus); break;
    case CommandId::GenericNack:
        if (m_deliverInFlight.contains(sequence))
            handleDeliverResponse(sequence, pdu.commandStatus == status::Ok ? status::SystemError : pdu.commandStatus);
        else if (m_state == State::Unbinding && sequence == m_unbindSequence)
            finish(QStringLiteral("unbound (generic_nack to unbind)"));
        break;
    case CommandId::EnquireLink:
        ++m_enquireLinksReceived;
        m_channel->send(sequence, EnquireLinkResp {});
        break;
    case CommandId::Unbind:
        m_channel->send(sequence, UnbindResp {});
        finish(QStringLiteral("unbound by the client"));
        break;
    case CommandId::UnbindResp:
        if (m_state == State::Unbinding && sequence == m_unbindSequence)
            finish(QStringLiteral("unbound"));
        break;
    case CommandId::BindTransceiver:
    case CommandId::BindTransmitter:
    case CommandId::BindReceiver:
        m_channel->sendErrorResponse(quint32(pdu.commandId()), sequence, status::AlreadyBound);
        break;
    default:
        // query_sm, deliver_sm, outbind, alert_notification from a client: not something we serve.
        if (!pdu.isResponse())
            m_channel->sendErrorResponse(quint32(pdu.commandId()), sequence, status::InvalidCommandId);
        break;
    }
}

void SmscSession::respondSubmit(quint32 sequence, quint32 status, const QByteArray &messageId)
{
    if (m_state == State::Closed || !m_channel)
        return;
    if (!m_pendingSubmits.remove(sequence)) {
        qCWarning(lcSmpp) << "SMSC: no submit_sm awaits an answer with sequence" << sequence << "from" << m_systemId;
        return;
    }
    // message_id is NULL in an error response (section 4.4.2).
    if (!m_channel->send(sequence, SubmitSmResp {{status == status::Ok ? messageId : QByteArray(), {}}}, status))
        m_channel->sendErrorResponse(quint32(CommandId::SubmitSm), sequence, status::SystemError);
}

void SmscSession::respondDataSm(quint32 sequence, quint32 status, const QByteArray &messageId)
{
    if (m_state == State::Closed || !m_channel)
        return;
    if (!m_pendingDataSm.remove(sequence)) {
        qCWarning(lcSmpp) << "SMSC: no data_sm awaits an answer with sequence" << sequence << "from" << m_systemId;
        return;
    }
    if (!m_channel->send(sequence, DataSmResp {{status == status::Ok ? messageId : QByteArray(), {}}}, status))
        m_channel->sendErrorResponse(quint32(CommandId::DataSm), sequence, status::SystemError);
}

quint64 SmscSession::deliver(DeliverSm pdu)
{
    if (m_state != State::Bound || !canReceive())
        return 0;
    const quint64 ticket = ++m_lastTicket;
    m_deliverQueue.push_back(OutgoingDelivery {ticket, std::move(pdu)});
    pumpDeliveries();
    return ticket;
}

void SmscSession::pumpDeliveries()
{
    QList<quint64> unsendable;
    const qint64 deadline = nowMs() + m_config.responseTimeoutMs;
    while (m_state == State::Bound && !m_deliverQueue.empty()
           && m_deliverInFlight.size() < qsizetype(m_config.windowLimit)) {
        OutgoingDelivery out = std::move(m_deliverQueue.front());
        m_deliverQueue.pop_front();
        const quint32 sequence = m_channel->nextSequence();
        if (!m_channel->send(makePdu(sequence, std::move(out.pdu)))) {
            unsendable.append(out.ticket);
            continue;
        }
        ++m_deliveredTotal;
        m_deliverInFlight.insert(sequence, DeliveryInFlight {out.ticket, deadline});
        m_deadlines.push(sequence, deadline);
    }
    armTimeoutTimer();
    for (quint64 ticket : std::as_const(unsendable))
        emit deliverAbandoned(ticket);
}

void SmscSession::handleDeliverResponse(quint32 sequence, quint32 status)
{
    auto it = m_deliverInFlight.find(sequence);
    if (it == m_deliverInFlight.end())
        return; // late, after deliverTimedOut
    const quint64 ticket = it->ticket;
    m_deliverInFlight.erase(it);
    ++m_deliverAnsweredTotal;
    emit deliverAnswered(ticket, status);
    pumpDeliveries();
}

void SmscSession::armTimeoutTimer()
{
    m_deadlines.dropAnswered([this](quint32 sequence, qint64 deadline) {
        auto it = m_deliverInFlight.constFind(sequence);
        return it == m_deliverInFlight.cend() || it->deadlineMs != deadline;
    });
    if (m_timeoutTimer.isActive())
        return;
    const qint64 wait = m_deadlines.msUntilNext(nowMs());
    if (wait >= 0)
        m_timeoutTimer.start(int(wait) + 1);
}

void SmscSession::onTimeoutTimer()
{
    QList<quint64> expired;
    m_deadlines.takeExpired(nowMs(), [&](quint32 sequence, qint64 deadline) {
        auto it = m_deliverInFlight.find(sequence);
        if (it == m_deliverInFlight.end() || it->deadlineMs != deadline)
            return;
        expired.append(it->ticket);
        m_deliverInFlight.erase(it);
    });
    armTimeoutTimer();
    for (quint64 ticket : std::as_const(expired))
        emit deliverTimedOut(ticket);
    pumpDeliveries();
}

void SmscSession::onIdleTimer()
{
    if (m_state == State::Closed || m_config.idleTimeoutMs <= 0)
        return;
    const qint64 idle = nowMs() - m_lastActivityMs;
    if (idle < m_config.idleTimeoutMs) {
        m_idleTimer.start(int(m_config.idleTimeoutMs - idle));
        return;
    }
    qCDebug(lcSmpp) << "SMSC: closing idle session of" << m_systemId << "from" << m_peer.toString();
    if (m_state == State::Bound)
        close();
    else
        finish(QStringLiteral("idle for %1 ms").arg(idle));
}

void SmscSession::close()
{
    switch (m_state) {
    case State::Bound:
        m_state = State::Unbinding;
        m_unbindSequence = m_channel->nextSequence();
        m_channel->send(m_unbindSequence, Unbind {});
        m_unbindTimer.start(m_config.responseTimeoutMs);
        break;
    case State::Open: finish(QStringLiteral("closed")); break;
    case State::Unbinding:
    case State::Closed: break;
    }
}

void SmscSession::abort()
{
    if (m_channel)
        m_channel->close(false);
    finish(QStringLiteral("aborted"));
}

void SmscSession::decodeFailed(const DecodeError &error)
{
    // One warning per connection, the rest at debug level: garbage must not flood the log.
    if (m_decodeFailures++ == 0)
        qCWarning(lcSmpp) << "SMSC: undecodable PDU from" << m_systemId << m_peer.toString() << ":" << error.reason;
    else
        qCDebug(lcSmpp) << "SMSC: undecodable PDU from" << m_systemId << m_peer.toString() << ":" << error.reason;
    if (error.action == DecodeAction::CloseConnection)
        finish(QStringLiteral("unreadable byte stream: ") + error.reason);
}

void SmscSession::channelLost(const QString &reason)
{
    finish(reason);
}

void SmscSession::finish(const QString &reason)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    for (QTimer *timer : {&m_bindTimer, &m_idleTimer, &m_timeoutTimer, &m_unbindTimer})
        timer->stop();
    if (m_channel)
        m_channel->close(true);
    qCDebug(lcSmpp) << "SMSC: session of" << m_systemId << "from" << m_peer.toString() << "closed:" << reason;

    QList<quint64> abandoned;
    abandoned.reserve(m_deliverInFlight.size() + qsizetype(m_deliverQueue.size()));
    for (const DeliveryInFlight &entry : std::as_const(m_deliverInFlight))
        abandoned.append(entry.ticket);
    for (const OutgoingDelivery &out : m_deliverQueue)
        abandoned.append(out.ticket);
    std::sort(abandoned.begin(), abandoned.end());
    m_deliverInFlight.clear();
    m_deliverQueue.clear();
    m_deadlines.clear();
    m_pendingSubmits.clear();
    m_pendingDataSm.clear();
    for (quint64 ticket : std::as_const(abandoned))
        emit deliverAbandoned(ticket);
    m_handler.sessionClosed(*this);
    emit closed();
}

} // namespace backoffice::smpp
