#include "VendorEmulator.h"

#include "Concatenation.h"
#include "PduEncoder.h"
#include "SessionLogging.h"
#include "SmscServer.h"
#include "SmscSession.h"
#include "TextCoding.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace backoffice::smpp {

namespace {

// Receipts to a client that never answers them are tried this many times, then dropped.
constexpr int MaxDeliveryTimeouts = 3;

// registered_delivery bits 0-1 (section 5.2.17): 0 none, 1 on success and failure, 2 on failure only.
bool wantsReceipt(quint8 registeredDelivery, ReceiptStat stat)
{
    switch (registeredDelivery & 0x03) {
    case 1: return true;
    case 2: return stat != ReceiptStat::Delivered;
    default: return false;
    }
}

// FNV-1a: fixed, unlike qHash's per-process seed, so a test computes the same outcome as the emulator.
quint32 fnv1a(const QByteArray &bytes)
{
    quint32 hash = 2166136261u;
    for (char c : bytes) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

VendorEmulator::VendorEmulator(VendorEmulatorConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_rules(m_config.effectiveRules())
{
    qRegisterMetaType<ReceiptStat>();
    m_clock.start();
    // Ids look like a vendor's: hex, time-based, increasing (the high bits are the start time, so two
    // runs do not hand out the same ids).
    m_idBase = quint64(QDateTime::currentSecsSinceEpoch()) << 20;
    m_receiptTimer.setSingleShot(true);
    connect(&m_receiptTimer, &QTimer::timeout, this, &VendorEmulator::onReceiptTimer);
    m_server = std::make_unique<SmscServer>(static_cast<SmscHandler &>(*this), m_config.server);
}

VendorEmulator::~VendorEmulator()
{
    // The sessions die with the server; their signals must not reach a half-destroyed emulator.
    for (SmscSession *session : m_server->sessions())
        session->disconnect(this);
    m_server.reset();
}

bool VendorEmulator::start(QString *error)
{
    return m_server->listen(m_config.address, m_config.port, error);
}

quint16 VendorEmulator::port() const
{
    return m_server->port();
}

void VendorEmulator::stop()
{
    m_server->close();
}

VendorEmulator::Stats VendorEmulator::stats() const
{
    Stats stats = m_stats;
    stats.sessions = int(m_server->sessions().size());
    stats.throttled += m_closedSessionsThrottled;
    for (const SmscSession *session : m_server->sessions())
        stats.throttled += session->throttledTotal();
    stats.dlrsScheduled = quint64(m_scheduled.size());
    stats.dlrsWaiting = 0;
    for (const auto &queue : m_waiting) {
        for (const Delivery &delivery : queue)
            stats.dlrsWaiting += delivery.isReceipt ? 1 : 0;
    }
    return stats;
}

bool VendorEmulator::deliveredByDefault(const QByteArray &messageId, int deliveredPercent)
{
    return int(fnv1a(messageId) % 100) < deliveredPercent;
}

qint64 VendorEmulator::accountFor(const QByteArray &systemId)
{
    auto it = m_accounts.find(systemId);
    if (it == m_accounts.end())
        it = m_accounts.insert(systemId, qint64(m_accounts.size()) + 1);
    return *it;
}

SmscBindDecision VendorEmulator::authenticate(const SmscBindRequest &request)
{
    SmscBindDecision decision;
    if (!m_config.systemId.isEmpty() && request.systemId != m_config.systemId)
        decision.status = status::InvalidSystemId;
    else if (!m_config.password.isEmpty() && request.password != m_config.password)
        decision.status = status::InvalidPassword;
    if (decision.status != status::Ok) {
        ++m_stats.bindsRefused;
        return decision;
    }
    ++m_stats.binds;
    decision.accountId = accountFor(request.systemId);
    decision.throughputLimit = m_config.throughputLimit;
    return decision;
}

void VendorEmulator::sessionBound(SmscSession &session)
{
    SmscSession *pointer = &session;
    connect(pointer, &SmscSession::deliverAnswered, this,
            [this, pointer](quint64 ticket, quint32) { deliveryAnswered(pointer, ticket); });
    connect(pointer, &SmscSession::deliverTimedOut, this,
            [this, pointer](quint64 ticket) { deliveryFailed(pointer, ticket, true); });
    connect(pointer, &SmscSession::deliverAbandoned, this,
            [this, pointer](quint64 ticket) { deliveryFailed(pointer, ticket, false); });
    if (session.canReceive()) {
        pumpAccount(session.accountId());
        pumpAccount(0);
    }
}

void VendorEmulator::sessionClosed(SmscSession &session)
{
    m_closedSessionsThrottled += session.throttledTotal();
    // deliverAbandoned has put every unanswered delivery back already; nothing may point here now.
    for (auto it = m_sent.begin(); it != m_sent.end();) {
        if (it.key().first == &session)
            it = m_sent.erase(it);
        else
            ++it;
    }
}

void VendorEmulator::submitReceived(SmscSession &session, quint32 sequence, const SubmitSm &pdu)
{
    ++m_stats.submits;
    m_stats.peakPendingSubmits = std::max(m_stats.peakPendingSubmits, session.pendingSubmits());
    const EmulatorRule *rule = findRule(m_rules, pdu.destination.value);
    const EmulatorBehaviour behaviour = rule ? rule->behaviour : EmulatorBehaviour::Accept;
    switch (behaviour) {
    case EmulatorBehaviour::Accept: accept(session, sequence, pdu, std::nullopt); break;
    case EmulatorBehaviour::SubmitFail:
        ++m_stats.submitFailed;
        session.respondSubmit(sequence, status::SubmitFailed, {});
        break;
    case EmulatorBehaviour::Throttled:
    case EmulatorBehaviour::QueueFull: {
        // The same message comes back after the refusal (the ESME resends the same PDU): it is
        // recognised by its encoded bytes with the sequence number left out.
        const QByteArray key = session.systemId() + '\0' + encode(makePdu(0, pdu));
        const int refusals = rule->parameter > 0 ? rule->parameter : m_config.throttleAttempts;
        int &attempts = m_throttleAttempts[key];
        if (attempts < refusals) {
            ++attempts;
            const bool throttled = behaviour == EmulatorBehaviour::Throttled;
            ++(throttled ? m_stats.throttled : m_stats.queueFull);
            session.respondSubmit(sequence, throttled ? status::Throttled : status::MessageQueueFull, {});
            break;
        }
        m_throttleAttempts.remove(key);
        accept(session, sequence, pdu, std::nullopt);
        break;
    }
    case EmulatorBehaviour::NoAnswer: ++m_stats.unanswered; break;
    case EmulatorBehaviour::Delay: {
        ++m_stats.delayed;
        QPointer<SmscSession> later(&session);
        QTimer::singleShot(rule->parameter, this, [this, later, sequence, pdu] {
            if (later && later->state() != SmscSession::State::Closed)
                accept(*later, sequence, pdu, std::nullopt);
        });
        break;
    }
    case EmulatorBehaviour::Undelivered: accept(session, sequence, pdu, ReceiptStat::Undeliverable); break;
    case EmulatorBehaviour::Rejected: accept(session, sequence, pdu, ReceiptStat::Rejected); break;
    case EmulatorBehaviour::Expired: accept(session, sequence, pdu, ReceiptStat::Expired); break;
    case EmulatorBehaviour::Deliver: accept(session, sequence, pdu, ReceiptStat::Delivered); break;
    }
}

QByteArray VendorEmulator::nextMessageId()
{
    return QByteArray::number(m_idBase + ++m_idCounter, 16).toUpper();
}

void VendorEmulator::accept(SmscSession &session, quint32 sequence, const SubmitSm &pdu,
                            std::optional<ReceiptStat> fixedStat)
{
    const QByteArray messageId = nextMessageId();
    ++m_stats.accepted;
    session.respondSubmit(sequence, status::Ok, messageId);
    const ReceiptStat stat = fixedStat.value_or(
        deliveredByDefault(messageId, m_config.deliveredPercent) ? ReceiptStat::Delivered : ReceiptStat::Undeliverable);
    if (wantsReceipt(pdu.registeredDelivery, stat)) {
        ScheduledReceipt scheduled;
        scheduled.dueMs = nowMs() + std::max(0, m_config.dlrDelayMs);
        scheduled.accountId = session.accountId();
        scheduled.receipt.messageId = messageId;
        scheduled.receipt.submitSource = pdu.source;
        scheduled.receipt.submitDestination = pdu.destination;
        scheduled.receipt.text = EmulatorReceipt::textOf(pdu);
        scheduled.receipt.stat = stat;
        scheduled.receipt.submitDate = QDateTime::currentDateTimeUtc();
        m_scheduled.push_back(std::move(scheduled));
        armReceiptTimer();
    }
    emit messageAccepted(messageId, session.systemId(), pdu);
}

void VendorEmulator::armReceiptTimer()
{
    if (m_receiptTimer.isActive() || m_scheduled.empty())
        return;
    m_receiptTimer.start(int(std::max<qint64>(0, m_scheduled.front().dueMs - nowMs())));
}

void VendorEmulator::onReceiptTimer()
{
    const qint64 now = nowMs();
    const QDateTime doneDate = QDateTime::currentDateTimeUtc();
    QSet<qint64> accounts;
    while (!m_scheduled.empty() && m_scheduled.front().dueMs <= now) {
        ScheduledReceipt scheduled = std::move(m_scheduled.front());
        m_scheduled.pop_front();
        Delivery delivery;
        delivery.pdu = scheduled.receipt.toDeliverSm(doneDate);
        delivery.accountId = scheduled.accountId;
        delivery.isReceipt = true;
        delivery.stat = scheduled.receipt.stat;
        m_waiting[scheduled.accountId].push_back(std::move(delivery));
        accounts.insert(scheduled.accountId);
    }
    for (qint64 account : std::as_const(accounts))
        pumpAccount(account);
    armReceiptTimer();
}

int VendorEmulator::sendMo(const QString &source, const QString &destination, const QString &text,
                           const QByteArray &systemId)
{
    const TextEncoding encoding = chooseEncoding(text);
    SubmitSm base;
    base.source = {1, 1, source.toLatin1()};
    base.destination = {1, 1, destination.toLatin1()};
    const QList<SubmitSm> parts
        = buildSubmits(base, text, encoding, ConcatenationMethod::Udh8BitReference, ++m_moReference);
    const qint64 account = systemId.isEmpty() ? 0 : accountFor(systemId);
    for (const SubmitSm &part : parts) {
        Delivery delivery;
        static_cast<ShortMessageFields &>(delivery.pdu) = part;
        delivery.accountId = account;
        m_waiting[account].push_back(std::move(delivery));
    }
    pumpAccount(account);
    return int(parts.size());
}

void VendorEmulator::pumpAccount(qint64 accountId)
{
    auto waiting = m_waiting.find(accountId);
    if (waiting == m_waiting.end() || waiting->empty())
        return;
    QList<SmscSession *> receivers;
    for (SmscSession *session : m_server->sessions()) {
        if (session->isBound() && session->canReceive() && (accountId == 0 || session->accountId() == accountId))
            receivers.append(session);
    }
    const int window = std::max(1, m_config.server.windowLimit);
    while (!waiting->empty() && !receivers.isEmpty()) {
        // The least busy session takes the next one: receipts spread over a client's binds, and
        // deliveries beyond every window wait here rather than in a session that may drop.
        auto least = std::min_element(receivers.begin(), receivers.end(), [](SmscSession *a, SmscSession *b) {
            return a->pendingDeliveries() < b->pendingDeliveries();
        });
        SmscSession *session = *least;
        if (session->pendingDeliveries() >= window)
            break;
        Delivery delivery = std::move(waiting->front());
        waiting->pop_front();
        const quint64 ticket = session->deliver(delivery.pdu);
        if (ticket == 0) {
            waiting->push_front(std::move(delivery));
            receivers.erase(least);
            continue;
        }
        if (!delivery.counted) {
            delivery.counted = true;
            if (delivery.isReceipt) {
                ++m_stats.dlrsSent;
                switch (delivery.stat) {
                case ReceiptStat::Delivered: ++m_stats.dlrsDelivered; break;
                case ReceiptStat::Undeliverable: ++m_stats.dlrsUndelivered; break;
                case ReceiptStat::Rejected: ++m_stats.dlrsRejected; break;
                case ReceiptStat::Expired: ++m_stats.dlrsExpired; break;
                default: break;
                }
                emit receiptSent(delivery.pdu.tlvs.receiptedMessageId().value_or(QByteArray()), delivery.stat);
            } else {
                ++m_stats.moSent;
            }
        }
        m_sent.insert(SentKey {session, ticket}, std::move(delivery));
    }
}

void VendorEmulator::deliveryAnswered(const SmscSession *session, quint64 ticket)
{
    auto it = m_sent.find(SentKey {session, ticket});
    if (it == m_sent.end())
        return;
    const qint64 account = it->accountId;
    if (it->isReceipt)
        ++m_stats.dlrsAnswered;
    m_sent.erase(it);
    pumpAccount(account);
}

void VendorEmulator::deliveryFailed(const SmscSession *session, quint64 ticket, bool timedOut)
{
    auto it = m_sent.find(SentKey {session, ticket});
    if (it == m_sent.end())
        return;
    Delivery delivery = std::move(*it);
    m_sent.erase(it);
    const qint64 account = delivery.accountId;
    if (timedOut && ++delivery.timeouts >= MaxDeliveryTimeouts) {
        qCWarning(lcSmpp) << "emulator: dropping a deliver_sm that was never answered";
        return;
    }
    // Back at the head of the line: a receipt whose connection dropped goes out again, first, when
    // the client is back.
    m_waiting[account].push_front(std::move(delivery));
    pumpAccount(account);
}

} // namespace backoffice::smpp
