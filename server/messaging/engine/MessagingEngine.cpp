#include "MessagingEngine.h"
#include "MessagingInFlight.h"

#include "CallbackDispatcher.h"
#include "ClientSmppGateway.h"
#include "Concatenation.h"
#include "Database.h"
#include "DeliveryReceipt.h"
#include "LowBalanceAlert.h"
#include "MessagingChanges.h"
#include "PduDecoder.h"
#include "PduEncoder.h"
#include "CommandStatusText.h"
#include "SmscSession.h"
#include "TextCoding.h"
#include "TimeOrderedId.h"
#include "TrafficMonitor.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <future>

Q_LOGGING_CATEGORY(lcEngine, "backoffice.server.messaging", QtWarningMsg)

namespace backoffice::server {

namespace st = smpp::status;


struct MessagingEngine::PendingAnswer {
    QPointer<smpp::SmscSession> session;
    quint32 sequence = 0;
    QByteArray messageId;
    qint64 edrId = 0;
};

namespace {

// A vendor account (host, port, system ID) may be bound by several of our connections, and the
// SMSC sends a receipt on any bind of the account: receipts are matched per account, not per bind.
QString vendorKey(const MessagingConfig &config, qint64 connectionId, const QString &vendorMessageId)
{
    const VendorConnectionRow row = config.vendors.value(connectionId);
    return row.host + QLatin1Char('|') + QString::number(row.port) + QLatin1Char('|') + row.systemId
           + QLatin1Char('|') + vendorMessageId;
}

// The connections that share an account with this one (itself included).
QList<qint64> accountConnections(const MessagingConfig &config, qint64 connectionId)
{
    const VendorConnectionRow row = config.vendors.value(connectionId);
    QList<qint64> ids{connectionId};
    for (const VendorConnectionRow &other : config.vendors) {
        if (other.id != connectionId && other.host == row.host && other.port == row.port && other.systemId == row.systemId)
            ids.append(other.id);
    }
    return ids;
}

QString statusCode(quint32 status)
{
    return QStringLiteral("0x%1").arg(status, 8, 16, QLatin1Char('0'));
}

smpp::Address senderAddress(const QString &sender)
{
    bool numeric = !sender.isEmpty();
    for (const QChar c : sender)
        numeric = numeric && (c.isDigit() || c == QLatin1Char('+'));
    if (!numeric)
        return {5, 0, sender.toLatin1()}; // alphanumeric
    QString digits = sender;
    digits.remove(QLatin1Char('+'));
    return digits.size() <= 8 ? smpp::Address{3, 0, digits.toLatin1()} : smpp::Address{1, 1, digits.toLatin1()};
}

// What a delivery receipt means for the EDR, after the connection's status map (BO §11.1).
QString finalStatusOf(const smpp::DeliveryReceipt &receipt, const QJsonObject &statusMap)
{
    for (const QJsonValue &value : statusMap.value(QLatin1String("rules")).toArray()) {
        const QJsonObject rule = value.toObject();
        if (rule.value(QLatin1String("status")).toString().compare(receipt.statText, Qt::CaseInsensitive) != 0)
            continue;
        const QJsonArray codes = rule.value(QLatin1String("errorCodes")).toArray();
        bool matches = codes.isEmpty();
        for (const QJsonValue &code : codes)
            matches = matches || code.toString().trimmed() == receipt.error.trimmed();
        if (matches)
            return rule.value(QLatin1String("mapping")).toString() == QLatin1String("unsent") ? edrstatus::failed
                                                                                               : edrstatus::undelivered;
    }
    return receipt.stat == smpp::ReceiptStat::Delivered ? edrstatus::delivered : edrstatus::undelivered;
}

} // namespace

MessagingEngine::MessagingEngine(Database &database, DestinationResolver &destinations, RatingEngine &rating,
                                 MessagingOptions options)
    : m_database(database)
    , m_destinations(destinations)
    , m_rating(rating)
    , m_options(std::move(options))
    , m_config(database)
    , m_balances(database)
    , m_packs(database)
    , m_admission(m_config, destinations, rating, m_balances, m_packs)
    , m_writer(database)
{
}

MessagingEngine::~MessagingEngine()
{
    stop();
}

bool MessagingEngine::start(QString *error)
{
    if (m_thread)
        return true;
    m_nextEdrId = MessagingStore(m_database.connection()).maxEdrId() + 1;
    m_writer.start();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("messaging"));
    moveToThread(m_thread);
    m_thread->start();
    bool ok = false;
    QMetaObject::invokeMethod(this, [this, error, &ok] { ok = initialize(error); }, Qt::BlockingQueuedConnection);
    if (!ok)
        stop();
    return ok;
}

void MessagingEngine::stop()
{
    if (!m_thread)
        return;
    QThread *thread = m_thread;
    QThread *home = QThread::currentThread();
    QMetaObject::invokeMethod(this, [this, home] {
        shutdown();
        moveToThread(home); // so the object can be deleted where it was made
    }, Qt::BlockingQueuedConnection);
    thread->quit();
    thread->wait();
    delete thread;
    m_thread = nullptr;
    m_writer.stop();
}

bool MessagingEngine::initialize(QString *error)
{
    m_vendors = new VendorGateway(*this, this);
    m_http = new TransitSmsGateway(*this, this);
    m_clients = new ClientSmppGateway(*this, m_config, this);
    if (m_options.listenSmpp) {
        if (!m_clients->listen(m_options.smppAddress, m_options.smppPort, error))
            return false;
        m_smppPort = m_clients->port();
        if (m_options.smppTls) {
            if (!m_clients->listenTls(m_options.smppTlsAddress, m_options.smppTlsPort, *m_options.smppTls, error))
                return false;
            m_smppTlsPort = m_clients->tlsPort();
        }
    }
    MessagingStore store(m_database.connection());
    m_callbacks = new CallbackDispatcher(m_writer, m_options.callbackRetryDelaysMs, store.maxCallbackId(), this);
    m_callbacks->resume(store.pendingCallbacks(10000));
    m_monitor = new TrafficMonitor([this](const TrafficMonitor::Alert &alert) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_writer.enqueue([alert, now](MessagingStore &s) {
            s.insertNotification(QStringLiteral("trafficErrors"), alert.subject, alert.body, alert.companyId,
                                 alert.senderRecordId, now);
        });
    });
    m_balances.setLowBalanceHandler([this](const BalanceBook::LowBalance &low) { raiseLowBalanceAlert(m_writer, low); });
    m_pendingAnswers = new QList<PendingAnswer>;
    reconcileConfiguration();
    m_housekeeping = new QTimer(this);
    m_housekeeping->setInterval(1000);
    connect(m_housekeeping, &QTimer::timeout, this, [this] {
        if (MessagingChanges::generation() != m_configGeneration)
            reconcileConfiguration();
        publishStatus();
        if (m_clientConcatenation.size() > 100000)
            m_clientConcatenation.clear(); // parts of a long message arrive within seconds
    });
    m_housekeeping->start();
    publishStatus();
    return true;
}

void MessagingEngine::shutdown()
{
    if (m_housekeeping)
        m_housekeeping->stop();
    if (m_clients)
        m_clients->close();
    if (m_vendors)
        m_vendors->stopAll();
    delete m_vendors;
    delete m_http;
    delete m_clients;
    delete m_callbacks;
    delete m_monitor;
    delete m_housekeeping;
    delete m_pendingAnswers;
    m_vendors = nullptr;
    m_http = nullptr;
    m_clients = nullptr;
    m_callbacks = nullptr;
    m_monitor = nullptr;
    m_housekeeping = nullptr;
    m_pendingAnswers = nullptr;
    // Parts still in flight keep their EDR as last written (SENT or PREPARED); their reservations
    // end with the process.
    m_inFlight.clear();
    m_byVendorMessage.clear();
    m_database.releaseThreadConnection();
}

void MessagingEngine::reconcileConfiguration()
{
    const std::shared_ptr<const MessagingConfig> config = m_config.current();
    m_configGeneration = config->generation;
    m_vendors->reconcile(*config);
    m_clients->reconcile(*config);
}

qint64 MessagingEngine::allocateEdrIds(int count)
{
    return m_nextEdrId.fetch_add(count);
}

void MessagingEngine::setWebhookBaseUrl(const QString &baseUrl)
{
    QMutexLocker lock(&m_webhookMutex);
    m_webhookBaseUrl = baseUrl;
}

void MessagingEngine::flush()
{
    m_writer.flush();
}

void MessagingEngine::followStoredCharge(const ChargeRecord &charge)
{
    m_balances.settle(charge.agreementId, Amount(), charge.amount);
}

std::optional<BalanceBook::Position> MessagingEngine::position(qint64 agreementId)
{
    return m_balances.position(agreementId, QDateTime::currentDateTimeUtc());
}

// --- client SMPP --------------------------------------------------------------------------------

void MessagingEngine::submitFromClient(smpp::SmscSession &session, quint32 sequence, const smpp::SubmitSm &pdu)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::shared_ptr<const MessagingConfig> config = m_config.current();
    const ClientConnectionRow client = config->clients.value(session.accountId());
    const smpp::TextEncoding smscDefault = client.defaultDataCoding == QLatin1String("latin1")
                                               ? smpp::TextEncoding::Latin1
                                               : smpp::TextEncoding::Gsm7;
    if (!pdu.shortMessage.isEmpty() && pdu.tlvs.contains(smpp::tag::MessagePayload)) {
        session.respondSubmit(sequence, st::InvalidParameterLength, {});
        return; // SMPP 3.4 §5.3.2.32: one or the other, never both
    }
    Submission submission;
    submission.origin = QStringLiteral("smpp");
    submission.companyId = client.companyId;
    submission.clientConnectionId = client.id;
    submission.sender = QString::fromLatin1(pdu.source.value);
    submission.destination = QString::fromLatin1(pdu.destination.value);
    submission.dataCoding = pdu.dataCoding;
    QByteArray payload = pdu.tlvs.messagePayload().value_or(pdu.shortMessage);
    if (const auto part = smpp::receivedPart(pdu)) {
        payload = part->payload;
        submission.partNumber = part->info.sequence;
        submission.partCount = part->info.total;
        const QString key = QStringLiteral("%1|%2|%3|%4|%5").arg(client.id).arg(submission.sender, submission.destination)
                                .arg(part->info.reference).arg(part->info.total);
        QString &transaction = m_clientConcatenation[key];
        if (transaction.isEmpty())
            transaction = newTimeOrderedId();
        submission.transactionId = transaction;
    }
    const auto text = smpp::decodeText(payload, pdu.dataCoding, smscDefault);
    submission.partTexts = {text ? *text : QStringLiteral("(binary, %1 octets)").arg(payload.size())};

    AdmissionResult admitted = m_admission.admit(submission, now);
    if (!admitted.accepted) {
        m_counters.count(now, submission.channel, QStringLiteral("REFUSED"));
        session.respondSubmit(sequence, admitted.smppStatus, {});
        return;
    }
    writePackPurchases(admitted.parts);
    auto inFlight = std::make_shared<InFlight>();
    inFlight->part = std::move(admitted.parts.first());
    inFlight->part.edr.id = allocateEdrIds(1);
    inFlight->vendorPdu = pdu;
    inFlight->vendorPdu.serviceType.clear();
    inFlight->vendorPdu.registeredDelivery = 1; // we follow every part to its receipt
    inFlight->clientRegisteredDelivery = pdu.registeredDelivery;
    inFlight->clientSource = pdu.source;
    inFlight->clientDestination = pdu.destination;
    const qint64 edrId = inFlight->edr().id;
    m_writer.writeEdr(inFlight->edr());
    m_counters.count(now, submission.channel, QStringLiteral("ACCEPTED"));
    m_pendingAnswers->append({&session, sequence, inFlight->edr().messageId.toLatin1(), edrId});
    m_inFlight.insert(edrId, inFlight);
    answerClientsAfterCommit();
}

// submit_sm_resp goes out once the EDR is committed: a message we answered OK is never lost.
// All the submits read in one event-loop turn share one commit.
void MessagingEngine::answerClientsAfterCommit()
{
    if (m_answerScheduled)
        return;
    m_answerScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_answerScheduled = false;
        QList<PendingAnswer> batch;
        std::swap(batch, *m_pendingAnswers);
        m_writer.afterCommit(this, [this, batch](bool committed) {
            for (const PendingAnswer &answer : batch) {
                if (answer.session)
                    answer.session->respondSubmit(answer.sequence, committed ? st::Ok : st::SystemError,
                                                  committed ? answer.messageId : QByteArray());
                if (committed) {
                    if (const auto part = m_inFlight.value(answer.edrId))
                        part->part.edr.persisted = true;
                    dispatch(answer.edrId);
                } else if (const auto part = m_inFlight.take(answer.edrId)) {
                    releaseReservations(*part);
                }
            }
        });
    });
}

void MessagingEngine::clientReceiverBound(qint64 clientConnectionId)
{
    // Let the bind response go out first.
    QTimer::singleShot(0, this, [this, clientConnectionId] { drainOutbox(clientConnectionId); });
}

void MessagingEngine::clientSessionClosed(smpp::SmscSession &session)
{
    for (PendingAnswer &answer : *m_pendingAnswers) {
        if (answer.session == &session)
            answer.session = nullptr;
    }
}

void MessagingEngine::drainOutbox(qint64 clientConnectionId)
{
    MessagingStore store(m_database.connection());
    for (const OutboxEntry &entry : store.outbox(clientConnectionId, 5000)) {
        const smpp::DecodeResult decoded = smpp::decode(entry.pdu);
        const auto *pdu = std::get_if<smpp::Pdu>(&decoded);
        const auto *deliver = pdu ? std::get_if<smpp::DeliverSm>(&pdu->body) : nullptr;
        if (deliver && !m_clients->deliver(clientConnectionId, *deliver))
            return; // the session went away again: the rest waits for the next bind
        const qint64 id = entry.id;
        m_writer.enqueue([id](MessagingStore &s) { s.removeFromOutbox(id); });
    }
}

// --- send API -----------------------------------------------------------------------------------

QList<ApiSendResult> MessagingEngine::send(const ApiSendRequest &request)
{
    auto done = std::make_shared<std::promise<QList<ApiSendResult>>>();
    std::future<QList<ApiSendResult>> future = done->get_future();
    QMetaObject::invokeMethod(this, [this, request, done] {
        auto results = std::make_shared<QList<ApiSendResult>>();
        doSend(request, results.get());
        m_writer.afterCommit(this, [this, results, done](bool committed) {
            if (!committed) {
                for (ApiSendResult &result : *results) {
                    if (!result.transactionId.isEmpty()) {
                        result.transactionId.clear();
                        result.error = QStringLiteral("The message could not be recorded; nothing was sent");
                    }
                }
            }
            done->set_value(*results);
        });
    }, Qt::QueuedConnection);
    return future.get();
}

void MessagingEngine::doSend(const ApiSendRequest &request, QList<ApiSendResult> *results)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const smpp::TextEncoding encoding = smpp::chooseEncoding(request.text);
    smpp::SubmitSm base;
    base.source = senderAddress(request.sender);
    base.registeredDelivery = 1;
    const quint16 reference = quint16(QRandomGenerator::global()->bounded(1, 0x10000));
    for (const QString &recipient : request.recipients) {
        QString digits = recipient.trimmed();
        digits.remove(QLatin1Char('+'));
        base.destination = {1, 1, digits.toLatin1()};
        QList<smpp::SubmitSm> pdus = smpp::buildSubmits(base, request.text, encoding,
                                                        smpp::ConcatenationMethod::Udh8BitReference, reference);
        Submission submission;
        submission.origin = QStringLiteral("api");
        submission.companyId = request.companyId;
        submission.apiKeyId = request.apiKeyId;
        submission.channel = request.channel;
        submission.sender = request.sender;
        submission.destination = recipient;
        submission.label = request.label;
        submission.dataCoding = smpp::dataCodingFor(encoding);
        for (smpp::SubmitSm &pdu : pdus) {
            if (request.flash)
                pdu.dataCoding |= 0x10; // message class 0: shown at once, not stored
            const auto part = smpp::receivedPart(pdu);
            submission.partTexts.append(smpp::decodeText(part ? part->payload : pdu.shortMessage, encoding));
        }
        if (request.channel != QLatin1String("sms") && pdus.size() > 1) {
            // Only SMS is cut into segments. A WhatsApp (or any other channel's) message is one part
            // with the whole text: its vendor takes it whole, and it is rated, counted and taken from
            // a pack as one message. The SMPP form is kept for an SMPP route only, which the sender
            // ID rules allow for SMS alone.
            pdus = pdus.mid(0, 1);
            submission.partTexts = {request.text};
        }
        if (pdus.isEmpty()) {
            results->append({recipient, {}, QStringLiteral("The message is too long (more than 255 parts)")});
            continue;
        }
        AdmissionResult admitted = m_admission.admit(submission, now);
        if (!admitted.accepted) {
            m_counters.count(now, request.channel, QStringLiteral("REFUSED"), int(pdus.size()));
            results->append({recipient, {}, admitted.error});
            continue;
        }
        results->append({recipient, admitted.parts.first().edr.transactionId, {}});
        writePackPurchases(admitted.parts);
        const qint64 firstId = allocateEdrIds(int(admitted.parts.size()));
        auto transaction = std::make_shared<Transaction>();
        transaction->remaining = int(admitted.parts.size());
        m_transactions.insert(admitted.parts.first().edr.transactionId, transaction);
        for (int index = 0; index < admitted.parts.size(); ++index) {
            auto inFlight = std::make_shared<InFlight>();
            inFlight->part = std::move(admitted.parts[index]);
            inFlight->part.edr.id = firstId + index;
            inFlight->vendorPdu = pdus.at(index);
            inFlight->callbackUrl = request.callbackUrl;
            const qint64 edrId = inFlight->edr().id;
            m_writer.writeEdr(inFlight->edr());
            m_inFlight.insert(edrId, inFlight);
            m_writer.afterCommit(this, [this, edrId](bool committed) {
                if (!committed)
                    return;
                if (const auto part = m_inFlight.value(edrId))
                    part->part.edr.persisted = true;
                dispatch(edrId);
            });
        }
        m_counters.count(now, request.channel, QStringLiteral("ACCEPTED"), int(pdus.size()));
    }
}

// --- vendors ------------------------------------------------------------------------------------

void MessagingEngine::dispatch(qint64 edrId)
{
    const auto found = m_inFlight.constFind(edrId);
    if (found == m_inFlight.cend())
        return;
    InFlight &part = **found;
    const SenderRow &sender = part.part.sender;
    if (sender.vendorType == QLatin1String("http")) {
        submitOverHttp(part);
        return;
    }
    part.route = {sender.vendorConnectionId};
    part.route += sender.failoverConnectionIds;
    part.routeIndex = 0;
    submitToRoute(part);
}

void MessagingEngine::submitToRoute(InFlight &part)
{
    while (part.routeIndex < part.route.size()) {
        const qint64 connectionId = part.route.at(part.routeIndex);
        if (m_vendors->submit(connectionId, part.edr().id, part.vendorPdu)) {
            part.edr().vendorConnectionId = connectionId;
            part.edr().attempts += 1;
            return;
        }
        ++part.routeIndex;
    }
    finish(part, edrstatus::failed, QString(),
           QStringLiteral("No vendor connection of sender ID %1 is usable (disabled or queue full)").arg(part.part.sender.senderId));
}

void MessagingEngine::vendorAccepted(qint64 edrId, qint64 connectionId, const QString &vendorMessageId)
{
    const auto found = m_inFlight.constFind(edrId);
    if (found == m_inFlight.cend())
        return;
    InFlight &part = **found;
    EdrRecord &edr = part.edr();
    edr.status = edrstatus::sent;
    edr.vendorConnectionId = connectionId;
    edr.vendorMessageId = vendorMessageId;
    edr.submittedAt = QDateTime::currentDateTimeUtc();
    m_byVendorMessage.insert(vendorKey(*m_config.current(), connectionId, vendorMessageId), edrId);
    if (edr.billingRule == QLatin1String("submitted"))
        charge(part);
    m_writer.writeEdrSoon(edr, SentWriteDelayMs);
}

void MessagingEngine::vendorRefused(qint64 edrId, qint64 connectionId, quint32 commandStatus, const QString &reason,
                                    bool noAnswer)
{
    const auto found = m_inFlight.constFind(edrId);
    if (found == m_inFlight.cend())
        return;
    InFlight &part = **found;
    const bool failover = noAnswer || m_vendors->failoverStatuses(connectionId).contains(commandStatus);
    if (failover && part.routeIndex + 1 < part.route.size()) {
        qCInfo(lcEngine) << "EDR" << edrId << "fails over from connection" << connectionId << reason;
        ++part.routeIndex;
        submitToRoute(part);
        return;
    }
    const QString text = noAnswer ? reason : QStringLiteral("%1: %2").arg(reason, smpp::commandStatusText(commandStatus));
    finish(part, edrstatus::failed, noAnswer ? QString() : statusCode(commandStatus), text);
}

void MessagingEngine::vendorReceipt(qint64 connectionId, const smpp::DeliverSm &pdu)
{
    const auto receipt = smpp::parseReceiptText(QString::fromLatin1(pdu.shortMessage));
    QString vendorId = pdu.tlvs.receiptedMessageId() ? QString::fromLatin1(*pdu.tlvs.receiptedMessageId())
                                                     : (receipt ? receipt->id : QString());
    if (vendorId.isEmpty() || !receipt) {
        qCWarning(lcEngine) << "connection" << connectionId << "sent a receipt without id or stat:" << pdu.shortMessage;
        return;
    }
    const std::shared_ptr<const MessagingConfig> config = m_config.current();
    qint64 edrId = m_byVendorMessage.value(vendorKey(*config, connectionId, vendorId));
    if (!edrId || !m_inFlight.contains(edrId)) {
        // Not in memory: sent before a restart. Take it up from storage.
        std::optional<EdrRecord> stored;
        MessagingStore store(m_database.connection());
        for (qint64 sibling : accountConnections(*config, connectionId)) {
            if ((stored = store.edrByVendorMessage(sibling, vendorId)))
                break;
        }
        if (!stored || edrstatus::isFinal(stored->status))
            return; // unknown, or a repeated receipt: the first one decided
        auto part = std::make_shared<InFlight>();
        part->part.edr = *stored;
        part->part.edr.persisted = true;
        part->charged = stored->chargedAt.isValid();
        part->settled = true; // nothing reserved in this run
        part->part.sender = config->senders.value(stored->senderRecordId);
        edrId = stored->id;
        m_inFlight.insert(edrId, part);
    }
    InFlight &part = *m_inFlight.value(edrId);
    // The status map of the connection the part went out on.
    const QJsonObject statusMap = config->vendors.value(part.edr().vendorConnectionId).statusMap;
    const QString status = finalStatusOf(*receipt, statusMap);
    part.edr().vendorStatus = receipt->statText;
    if (status == edrstatus::delivered && part.edr().billingRule == QLatin1String("delivered"))
        charge(part);
    if (status == edrstatus::failed && part.charged)
        refund(part); // the status map says it was never sent: it must not cost anything
    finish(part, status, status == edrstatus::delivered ? QString() : receipt->error,
           status == edrstatus::delivered ? QString() : QStringLiteral("stat:%1 err:%2").arg(receipt->statText, receipt->error));
}

void MessagingEngine::vendorMo(qint64 connectionId, const smpp::DeliverSm &pdu)
{
    const std::shared_ptr<const MessagingConfig> config = m_config.current();
    const bool inverted = config->vendors.value(connectionId).invertedAddressMode;
    // Inverted address mode: this vendor swaps source and destination in MO messages.
    const smpp::Address from = inverted ? pdu.destination : pdu.source;
    const smpp::Address to = inverted ? pdu.source : pdu.destination;
    const QString shortCode = QString::fromLatin1(to.value);
    const SenderRow *owner = nullptr;
    for (const SenderRow &sender : config->senders) {
        if (sender.channel == QLatin1String("sms") && sender.senderId == shortCode && sender.status == QLatin1String("active")) {
            owner = &sender;
            break;
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!owner) {
        m_counters.count(now, QStringLiteral("sms"), QStringLiteral("MO_UNROUTED"));
        return;
    }
    m_counters.count(now, QStringLiteral("sms"), QStringLiteral("MO"));
    smpp::DeliverSm mo = pdu;
    mo.source = from;
    mo.destination = to;
    if (owner->smppApiConnectionId && m_clients->deliver(owner->smppApiConnectionId, mo))
        return;
    if (owner->smppApiConnectionId) {
        const QByteArray bytes = smpp::encode(smpp::makePdu(0, mo));
        const qint64 client = owner->smppApiConnectionId;
        m_writer.enqueue([client, bytes, now](MessagingStore &s) { s.addToOutbox(client, bytes, now); });
        return;
    }
    for (const ApiKeyRow &key : config->apiKeysByHash) {
        if (key.companyId != owner->companyId || key.moCallbackUrl.isEmpty())
            continue;
        const auto text = smpp::decodeText(pdu.shortMessage, pdu.dataCoding);
        const QJsonObject body{{QStringLiteral("transactionID"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                               {QStringLiteral("dnis"), QString::fromLatin1(from.value)},
                               {QStringLiteral("status"), edrstatus::delivered},
                               {QStringLiteral("eventTime"), callbackTime(now)},
                               {QStringLiteral("channel"), QStringLiteral("SMS")},
                               {QStringLiteral("message"), text.value_or(QString())}};
        m_callbacks->post(0, key.moCallbackUrl, QJsonDocument(body).toJson(QJsonDocument::Compact));
        return;
    }
}

// --- outcome ------------------------------------------------------------------------------------

void MessagingEngine::finish(InFlight &part, const QString &status, const QString &errorCode, const QString &errorText)
{
    EdrRecord &edr = part.edr();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    edr.status = status;
    if (!errorCode.isEmpty() || !errorText.isEmpty()) {
        edr.errorCode = errorCode;
        edr.errorText = errorText.left(255);
    }
    edr.doneAt = now;
    if (!part.settled) {
        releaseReservations(part);
        part.settled = true;
    }
    m_writer.writeEdr(edr);
    m_counters.count(now, edr.channel, status);
    if (part.part.sender.id)
        m_monitor->record(part.part.sender, status != edrstatus::delivered && status != edrstatus::seen, now);
    receiptToClient(part);
    callbackForPart(part);
    if (edr.httpConnectionId)
        m_byVendorMessage.remove(QStringLiteral("http|%1|%2").arg(edr.httpConnectionId).arg(edr.vendorMessageId));
    else
        m_byVendorMessage.remove(vendorKey(*m_config.current(), edr.vendorConnectionId, edr.vendorMessageId));
    const qint64 id = edr.id;
    m_inFlight.remove(id); // last: `part` lives in it
}

// --- status -------------------------------------------------------------------------------------

void MessagingEngine::publishStatus()
{
    const MessagingWriter::Stats writer = m_writer.stats();
    const CallbackDispatcher::Stats callbacks = m_callbacks->stats();
    QJsonObject status{
        {QStringLiteral("smppPort"), int(m_smppPort.load())},
        {QStringLiteral("smppTlsPort"), int(m_smppTlsPort.load())},
        {QStringLiteral("vendorConnections"), m_vendors->status()},
        {QStringLiteral("clientBinds"), m_clients->status()},
        {QStringLiteral("partsInFlight"), int(m_inFlight.size())},
        {QStringLiteral("writer"), QJsonObject{{QStringLiteral("transactions"), qint64(writer.transactions)},
                                                {QStringLiteral("edrWrites"), qint64(writer.edrRows)},
                                                {QStringLiteral("failures"), qint64(writer.failures)},
                                                {QStringLiteral("lastCommitMs"), writer.lastCommitMicros / 1000.0},
                                                {QStringLiteral("maxCommitMs"), writer.maxCommitMicros / 1000.0},
                                                {QStringLiteral("edrSeconds"), writer.edrMicros / 1e6},
                                                {QStringLiteral("chargeSeconds"), writer.chargeMicros / 1e6},
                                                {QStringLiteral("otherSeconds"), writer.otherMicros / 1e6},
                                                {QStringLiteral("commitSeconds"), writer.commitMicros / 1e6}}},
        {QStringLiteral("callbacks"), QJsonObject{{QStringLiteral("delivered"), qint64(callbacks.delivered)},
                                                   {QStringLiteral("failedAttempts"), qint64(callbacks.failedAttempts)},
                                                   {QStringLiteral("abandoned"), qint64(callbacks.abandoned)},
                                                   {QStringLiteral("pending"), callbacks.pending}}},
    };
    QMutexLocker lock(&m_statusMutex);
    m_status = status;
}

QJsonObject MessagingEngine::status() const
{
    QMutexLocker lock(&m_statusMutex);
    return m_status;
}

QJsonObject MessagingEngine::traffic(int minutes) const
{
    return m_counters.series(QDateTime::currentDateTimeUtc(), minutes);
}

} // namespace backoffice::server
