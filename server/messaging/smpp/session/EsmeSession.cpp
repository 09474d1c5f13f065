#include "EsmeSession.h"

#include "CommandStatusText.h"
#include "SessionLogging.h"

#include <QList>

#include <algorithm>

namespace backoffice::smpp {

QString esmeStateName(EsmeState state)
{
    switch (state) {
    case EsmeState::Disconnected: return QStringLiteral("disconnected");
    case EsmeState::Connecting: return QStringLiteral("connecting");
    case EsmeState::Binding: return QStringLiteral("binding");
    case EsmeState::Bound: return QStringLiteral("bound");
    case EsmeState::Unbinding: return QStringLiteral("unbinding");
    case EsmeState::Stopped: return QStringLiteral("stopped");
    }
    return QStringLiteral("unknown");
}

namespace {

QByteArray bindRespSystemId(const PduBody &body)
{
    if (auto *resp = std::get_if<BindTransceiverResp>(&body))
        return resp->systemId;
    if (auto *resp = std::get_if<BindTransmitterResp>(&body))
        return resp->systemId;
    if (auto *resp = std::get_if<BindReceiverResp>(&body))
        return resp->systemId;
    return {};
}

bool isThrottling(quint32 status)
{
    return status == status::Throttled || status == status::MessageQueueFull;
}

} // namespace

EsmeSession::EsmeSession(EsmeConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_backoff(m_config.reconnectMinMs, m_config.reconnectMaxMs, QRandomGenerator::global()->generate())
{
    qRegisterMetaType<EsmeState>();
    qRegisterMetaType<DeliverSm>();
    qRegisterMetaType<DataSm>();
    m_config.windowLimit = std::max(1, m_config.windowLimit);
    m_config.responseTimeoutMs = std::max(1, m_config.responseTimeoutMs);
    m_bucket.configure(m_config.rpsLimit, TokenBucket::smoothBurst(m_config.rpsLimit));
    m_inFlight.reserve(m_config.windowLimit);
    m_clock.start();

    for (QTimer *timer :
         {&m_reconnectTimer, &m_requestTimer, &m_enquireTimeoutTimer, &m_timeoutTimer, &m_rateTimer, &m_pauseTimer})
        timer->setSingleShot(true);
    // The rate limit spaces PDUs by a few milliseconds: a coarse timer's 5 % slack would shave the rate.
    m_rateTimer.setTimerType(Qt::PreciseTimer);
    m_enquireTimer.setInterval(std::max(1, m_config.enquireLinkIntervalMs));

    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (m_running)
            connectNow();
    });
    connect(&m_requestTimer, &QTimer::timeout, this, [this] {
        const QString timeout = QString::number(m_config.responseTimeoutMs) + QStringLiteral(" ms");
        switch (m_state) {
        case EsmeState::Connecting:
            connectionEnded(QStringLiteral("connecting to %1:%2 timed out after %3")
                                .arg(m_config.host)
                                .arg(m_config.port)
                                .arg(timeout));
            break;
        case EsmeState::Binding: connectionEnded(QStringLiteral("no bind response within ") + timeout); break;
        case EsmeState::Unbinding: finishStop(QStringLiteral("no unbind_resp within ") + timeout); break;
        default: break;
        }
    });
    connect(&m_enquireTimer, &QTimer::timeout, this, &EsmeSession::sendEnquireLink);
    connect(&m_enquireTimeoutTimer, &QTimer::timeout, this, [this] {
        connectionEnded(QStringLiteral("no enquire_link_resp within %1 ms").arg(m_config.responseTimeoutMs));
    });
    connect(&m_timeoutTimer, &QTimer::timeout, this, &EsmeSession::onTimeoutTimer);
    connect(&m_rateTimer, &QTimer::timeout, this, &EsmeSession::pump);
    connect(&m_pauseTimer, &QTimer::timeout, this, &EsmeSession::pump);
}

EsmeSession::~EsmeSession()
{
    // Destruction is not a stop: no unbind, no signals, the connection just goes.
    if (m_channel)
        m_channel->close(false);
}

void EsmeSession::start()
{
    if (m_running)
        return;
    if (m_state == EsmeState::Unbinding)
        finishStop(QStringLiteral("restarted"));
    m_running = true;
    m_backoff.reset();
    connectNow();
}

void EsmeSession::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    switch (m_state) {
    case EsmeState::Bound: {
        m_state = EsmeState::Unbinding;
        m_enquireTimer.stop();
        m_enquireTimeoutTimer.stop();
        m_rateTimer.stop();
        m_pauseTimer.stop();
        m_unbindSequence = m_channel->nextSequence();
        m_channel->send(m_unbindSequence, Unbind {});
        m_requestTimer.start(m_config.responseTimeoutMs);
        emit stateChanged(m_state, QStringLiteral("unbinding"));
        abandonQueued(QStringLiteral("session stopped"));
        break;
    }
    case EsmeState::Unbinding: break;
    case EsmeState::Connecting:
    case EsmeState::Binding:
    case EsmeState::Disconnected: finishStop(QStringLiteral("stopped")); break;
    case EsmeState::Stopped:
        // Messages submitted to a session that never ran are abandoned too: stop() promises an end.
        abandonQueued(QStringLiteral("session stopped"));
        break;
    }
}

quint64 EsmeSession::submit(SubmitSm pdu)
{
    if (qsizetype(m_queue.size()) >= qsizetype(m_config.queueLimit))
        return 0;
    const quint64 ticket = ++m_lastTicket;
    m_queue.push_back(Outgoing {ticket, std::move(pdu), 0});
    if (m_state == EsmeState::Bound)
        pump();
    return ticket;
}

void EsmeSession::setState(EsmeState state, const QString &reason)
{
    if (m_state == state && state != EsmeState::Disconnected)
        return;
    m_state = state;
    qCDebug(lcSmpp) << "ESME" << m_config.systemId << "to" << m_config.host << m_config.port << esmeStateName(state)
                    << reason;
    emit stateChanged(state, reason);
}

void EsmeSession::connectNow()
{
    m_reconnectTimer.stop();
    if (m_channel) {
        m_channel->close(false);
        m_channel->deleteLater();
    }
    QSslConfiguration tls = m_config.tlsConfiguration;
    tls.setPeerVerifyMode(m_config.tlsVerifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    // The state changes before the channel exists so that a synchronous failure inside the
    // channel's constructor finds the session Connecting; the signal goes out once the channel is
    // there, so a slot that calls stop() can close it.
    m_state = EsmeState::Connecting;
    m_decodeFailures = 0;
    m_channel = new PduChannel(m_config.host, m_config.port, m_config.tls, tls, *this, this);
    if (m_state != EsmeState::Connecting)
        return;
    m_requestTimer.start(m_config.responseTimeoutMs);
    emit stateChanged(m_state, m_config.host + u':' + QString::number(m_config.port));
}

void EsmeSession::channelReady()
{
    if (m_state != EsmeState::Connecting || !m_channel)
        return;
    BindFields fields;
    fields.systemId = m_config.systemId;
    fields.password = m_config.password;
    fields.systemType = m_config.systemType;
    m_bindSequence = m_channel->nextSequence();
    const bool sent = m_config.bindMode == EsmeConfig::BindMode::Transmitter
        ? m_channel->send(m_bindSequence, BindTransmitter {fields})
        : m_channel->send(m_bindSequence, BindTransceiver {fields});
    if (!sent) {
        connectionEnded(QStringLiteral("the bind request breaks an SMPP limit (system_id at most 15 characters, "
                                       "password at most 8, system_type at most 12)"));
        return;
    }
    m_requestTimer.start(m_config.responseTimeoutMs);
    setState(EsmeState::Binding, QString());
}

void EsmeSession::pduReceived(Pdu &pdu)
{
    const quint32 sequence = pdu.sequenceNumber;
    if (!pdu.isResponse()) {
        handleRequest(pdu);
        return;
    }
    switch (pdu.commandId()) {
    case CommandId::BindTransceiverResp:
    case CommandId::BindTransmitterResp:
    case CommandId::BindReceiverResp:
        if (m_state == EsmeState::Binding && sequence == m_bindSequence)
            handleBindResponse(pdu.commandStatus, bindRespSystemId(pdu.body));
        break;
    case CommandId::SubmitSmResp:
        handleSubmitResponse(sequence, pdu.commandStatus, std::get<SubmitSmResp>(pdu.body).messageId);
        break;
    case CommandId::EnquireLinkResp:
        if (sequence == m_enquireSequence) {
            m_enquireSequence = 0;
            m_enquireTimeoutTimer.stop();
        }
        break;
    case CommandId::UnbindResp:
        if (m_state == EsmeState::Unbinding && sequence == m_unbindSequence)
            finishStop(QStringLiteral("unbound"));
        break;
    case CommandId::GenericNack:
        // The peer could not read one of our requests: whichever it was, this is its answer.
        if (m_state == EsmeState::Binding && sequence == m_bindSequence) {
            handleBindResponse(pdu.commandStatus == status::Ok ? status::BindFailed : pdu.commandStatus, {});
        } else if (m_inFlight.contains(sequence)) {
            handleSubmitResponse(sequence, pdu.commandStatus == status::Ok ? status::SystemError : pdu.commandStatus,
                                 {});
        } else if (sequence == m_enquireSequence) {
            m_enquireSequence = 0;
            m_enquireTimeoutTimer.stop();
        } else if (m_state == EsmeState::Unbinding && sequence == m_unbindSequence) {
            finishStop(QStringLiteral("unbound (generic_nack to unbind)"));
        } else {
            qCDebug(lcSmpp) << "generic_nack" << commandStatusText(pdu.commandStatus) << "for unknown sequence"
                            << sequence;
        }
        break;
    default:
        // deliver_sm_resp, query_sm_resp…: answers to requests this session never sends.
        qCDebug(lcSmpp) << "ignoring unexpected" << commandName(quint32(pdu.commandId())) << "from" << m_config.host;
        break;
    }
}

void EsmeSession::handleRequest(Pdu &pdu)
{
    const quint32 sequence = pdu.sequenceNumber;
    const bool bound = m_state == EsmeState::Bound || m_state == EsmeState::Unbinding;
    switch (pdu.commandId()) {
    case CommandId::EnquireLink: m_channel->send(sequence, EnquireLinkResp {}); break;
    case CommandId::Unbind:
        m_channel->send(sequence, UnbindResp {});
        if (m_state == EsmeState::Unbinding) {
            finishStop(QStringLiteral("unbound"));
        } else {
            m_channel->close(true);
            connectionEnded(QStringLiteral("the SMSC unbound"));
        }
        break;
    case CommandId::DeliverSm:
        if (!bound) {
            m_channel->sendErrorResponse(quint32(CommandId::DeliverSm), sequence, status::IncorrectBindStatus);
            break;
        }
        m_channel->send(sequence, DeliverSmResp {});
        ++m_deliveredReceivedTotal;
        emit deliverReceived(std::get<DeliverSm>(pdu.body));
        break;
    case CommandId::DataSm:
        if (!bound) {
            m_channel->sendErrorResponse(quint32(CommandId::DataSm), sequence, status::IncorrectBindStatus);
            break;
        }
        m_channel->send(sequence, DataSmResp {});
        emit dataSmReceived(std::get<DataSm>(pdu.body));
        break;
    case CommandId::AlertNotification:
    case CommandId::Outbind:
        // Neither has a response PDU; an outbind on a connection we opened means nothing.
        qCDebug(lcSmpp) << "ignoring" << commandName(quint32(pdu.commandId())) << "from" << m_config.host;
        break;
    default:
        // submit_sm, bind_*, query_sm: what an SMSC receives, not what it sends.
        m_channel->sendErrorResponse(quint32(pdu.commandId()), sequence, status::InvalidCommandId);
        break;
    }
}

void EsmeSession::handleBindResponse(quint32 status, const QByteArray &systemId)
{
    m_requestTimer.stop();
    if (status != status::Ok) {
        m_channel->close(true);
        connectionEnded(QStringLiteral("bind refused: ") + commandStatusText(status));
        return;
    }
    m_smscSystemId = systemId;
    m_backoff.reset();
    ++m_bindsTotal;
    m_lastError.clear();
    m_bucket.configure(m_config.rpsLimit, TokenBucket::smoothBurst(m_config.rpsLimit));
    m_enquireTimer.start();
    setState(
        EsmeState::Bound,
        QStringLiteral("bound to %1 (%2:%3)").arg(QString::fromLatin1(systemId), m_config.host).arg(m_config.port));
    pump();
}

void EsmeSession::handleSubmitResponse(quint32 sequence, quint32 status, const QByteArray &messageId)
{
    auto it = m_inFlight.find(sequence);
    if (it == m_inFlight.end()) {
        // Its time ran out already (submitTimedOut went out) or the sequence was never ours.
        qCDebug(lcSmpp) << "late or unknown submit_sm_resp for sequence" << sequence;
        return;
    }
    InFlight entry = std::move(*it);
    m_inFlight.erase(it);
    if (isThrottling(status) && entry.throttleRetries < m_config.maxThrottleRetries) {
        // Same PDU again, first in line, once the pause is over: the SMSC asked us to slow down,
        // not to give up. Sequence numbers are per PDU on the wire, so it gets a new one.
        ++m_throttledTotal;
        m_queue.push_front(Outgoing {entry.ticket, std::move(entry.pdu), entry.throttleRetries + 1});
        m_pauseTimer.start(std::max(1, m_config.throttleBackoffMs));
        return;
    }
    ++m_answeredTotal;
    emit submitAnswered(entry.ticket, status, messageId);
    pump();
}

void EsmeSession::pump()
{
    if (m_pumping || m_state != EsmeState::Bound || !m_channel || m_pauseTimer.isActive())
        return;
    m_pumping = true;
    const qint64 deadline = nowMs() + m_config.responseTimeoutMs;
    QList<quint64> unsendable;
    while (!m_queue.empty() && m_inFlight.size() < m_config.windowLimit) {
        if (!m_bucket.isUnlimited()) {
            const qint64 nowNs = m_clock.nsecsElapsed();
            if (!m_bucket.tryTake(nowNs)) {
                const qint64 waitNs = m_bucket.nanosUntilNext(nowNs);
                m_rateTimer.start(int(std::max<qint64>(1, (waitNs + 999'999) / 1'000'000)));
                break;
            }
        }
        Outgoing out = std::move(m_queue.front());
        m_queue.pop_front();
        const quint32 sequence = m_channel->nextSequence();
        // The SubmitSm moves into the PDU for encoding and back out into the in-flight entry, which
        // keeps it for a resend after throttling: no copy of the message on the way.
        Pdu pdu = makePdu(sequence, std::move(out.pdu));
        if (!m_channel->send(pdu)) {
            unsendable.append(out.ticket);
            continue;
        }
        ++m_submittedTotal;
        m_inFlight.insert(
            sequence, InFlight {out.ticket, std::get<SubmitSm>(std::move(pdu.body)), out.throttleRetries, deadline});
        m_deadlines.push(sequence, deadline);
    }
    m_pumping = false;
    armTimeoutTimer();
    // A PDU that breaks an SMPP limit (the log says which field) would be refused by any SMSC: it
    // gets the answer an SMSC would give to something it cannot take.
    for (quint64 ticket : std::as_const(unsendable)) {
        ++m_answeredTotal;
        emit submitAnswered(ticket, status::SystemError, {});
    }
}

void EsmeSession::armTimeoutTimer()
{
    m_deadlines.dropAnswered([this](quint32 sequence, qint64 deadline) {
        auto it = m_inFlight.constFind(sequence);
        return it == m_inFlight.cend() || it->deadlineMs != deadline;
    });
    if (m_timeoutTimer.isActive())
        return;
    const qint64 wait = m_deadlines.msUntilNext(nowMs());
    if (wait >= 0)
        m_timeoutTimer.start(int(wait) + 1);
}

void EsmeSession::onTimeoutTimer()
{
    QList<quint64> expired;
    m_deadlines.takeExpired(nowMs(), [&](quint32 sequence, qint64 deadline) {
        auto it = m_inFlight.find(sequence);
        if (it == m_inFlight.end() || it->deadlineMs != deadline)
            return;
        expired.append(it->ticket);
        m_inFlight.erase(it);
    });
    m_timedOutTotal += quint64(expired.size());
    armTimeoutTimer();
    for (quint64 ticket : std::as_const(expired))
        emit submitTimedOut(ticket);
    pump();
}

void EsmeSession::sendEnquireLink()
{
    if (m_state != EsmeState::Bound || !m_channel || m_enquireSequence != 0)
        return;
    m_enquireSequence = m_channel->nextSequence();
    m_channel->send(m_enquireSequence, EnquireLink {});
    m_enquireTimeoutTimer.start(m_config.responseTimeoutMs);
}

void EsmeSession::decodeFailed(const DecodeError &error)
{
    // The first one per connection is a warning; a peer that sends nothing but garbage must not
    // flood the log with one line per PDU.
    if (m_decodeFailures++ == 0)
        qCWarning(lcSmpp) << "undecodable PDU from" << m_config.host << ":" << error.reason;
    else
        qCDebug(lcSmpp) << "undecodable PDU from" << m_config.host << ":" << error.reason;
    if (error.action == DecodeAction::CloseConnection)
        connectionEnded(QStringLiteral("unreadable byte stream from the SMSC: ") + error.reason);
}

void EsmeSession::channelLost(const QString &reason)
{
    if (m_state == EsmeState::Connecting)
        connectionEnded(
            QStringLiteral("connecting to %1:%2 failed: %3").arg(m_config.host).arg(m_config.port).arg(reason));
    else
        connectionEnded(reason);
}

void EsmeSession::connectionEnded(const QString &reason)
{
    if (!m_running) {
        finishStop(reason);
        return;
    }
    const bool wasBound = m_state == EsmeState::Bound;
    for (QTimer *timer : {&m_requestTimer, &m_enquireTimeoutTimer, &m_timeoutTimer, &m_rateTimer, &m_pauseTimer})
        timer->stop();
    m_enquireTimer.stop();
    m_enquireSequence = 0;
    m_bindSequence = 0;
    m_deadlines.clear();
    if (m_channel) {
        m_channel->close(true);
        m_channel->deleteLater();
        m_channel = nullptr;
    }
    m_lastError = reason;
    qCWarning(lcSmpp) << "ESME" << m_config.systemId << "to" << m_config.host << m_config.port << ":" << reason;
    m_reconnectTimer.start(m_backoff.nextDelayMs());
    setState(EsmeState::Disconnected, reason);
    abandonInFlight(reason);
    // Messages waiting behind a window that just died go back to the engine as well; those submitted
    // while no connection was up wait for the next bind.
    if (wasBound)
        abandonQueued(reason);
}

void EsmeSession::abandonQueued(const QString &reason)
{
    std::deque<Outgoing> queue;
    queue.swap(m_queue);
    m_abandonedTotal += quint64(queue.size());
    for (const Outgoing &out : queue)
        emit submitAbandoned(out.ticket, reason);
}

void EsmeSession::abandonInFlight(const QString &reason)
{
    QList<quint64> tickets;
    tickets.reserve(m_inFlight.size());
    for (const InFlight &entry : std::as_const(m_inFlight))
        tickets.append(entry.ticket);
    m_inFlight.clear();
    m_deadlines.clear();
    std::sort(tickets.begin(), tickets.end()); // in submission order, whatever the hash's order
    m_abandonedTotal += quint64(tickets.size());
    for (quint64 ticket : std::as_const(tickets))
        emit submitAbandoned(ticket, reason);
}

void EsmeSession::finishStop(const QString &reason)
{
    m_running = false;
    for (QTimer *timer :
         {&m_reconnectTimer, &m_requestTimer, &m_enquireTimeoutTimer, &m_timeoutTimer, &m_rateTimer, &m_pauseTimer})
        timer->stop();
    m_enquireTimer.stop();
    m_enquireSequence = 0;
    m_bindSequence = 0;
    m_unbindSequence = 0;
    if (m_channel) {
        m_channel->close(true);
        m_channel->deleteLater();
        m_channel = nullptr;
    }
    setState(EsmeState::Stopped, reason);
    abandonInFlight(reason);
    abandonQueued(reason);
}

} // namespace backoffice::smpp
