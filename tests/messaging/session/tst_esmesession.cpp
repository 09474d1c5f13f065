// EsmeSession against the vendor emulator over loopback: binding, submitting, receipts, the window,
// the rate limit, throttling retries, failures, keep-alive, reconnection and stopping.
#include "DeliveryReceipt.h"
#include "EsmeSession.h"
#include "HostileBytes.h"
#include "SmppTestClient.h"
#include "SmscServer.h"
#include "SmscSession.h"
#include "TextCoding.h"
#include "VendorEmulator.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace backoffice::smpp;

namespace {

SubmitSm message(const QByteArray &destination, const QString &text = QStringLiteral("Hello from BackOffice"),
                 quint8 registeredDelivery = 1)
{
    SubmitSm pdu;
    pdu.source = {5, 0, QByteArrayLiteral("BackOffice")};
    pdu.destination = {1, 1, destination};
    pdu.registeredDelivery = registeredDelivery;
    pdu.dataCoding = dataCoding::SmscDefault;
    pdu.shortMessage = encodeText(text, TextEncoding::Gsm7).value();
    return pdu;
}

QList<EsmeState> statesOf(const QSignalSpy &spy)
{
    QList<EsmeState> states;
    for (const QList<QVariant> &arguments : spy)
        states.append(arguments.at(0).value<EsmeState>());
    return states;
}

} // namespace

class TestEsmeSession final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void bindSubmitAndReceipts();
    void windowLimitRespected();
    void rpsLimitHonoured();
    void throttledAndQueueFullRetriedThenAccepted();
    void throttleRetriesExhausted();
    void submitFailReported();
    void noAnswerTimesOut();
    void enquireLinkKeepsSessionAlive();
    void missingEnquireLinkRespReconnects();
    void reconnectsAfterServerUnbinds();
    void reconnectsAfterConnectionDrops();
    void bindRefusedWithWrongPassword();
    void receiptsQueuedWhileNotBoundArriveAfterRebind();
    void stopUnbindsCleanly();
    void queueLimit();
    void submitsWaitForBind();
    void moMessageReceived();
    void hostileSmscNeverBreaksTheSession();

private:
    void startEmulator(VendorEmulatorConfig config = {});
    EsmeConfig esmeConfig() const;
    std::unique_ptr<EsmeSession> boundSession(EsmeConfig config);

    std::unique_ptr<VendorEmulator> m_emulator;
};

void TestEsmeSession::init()
{
    startEmulator();
}

void TestEsmeSession::cleanup()
{
    m_emulator.reset();
}

void TestEsmeSession::startEmulator(VendorEmulatorConfig config)
{
    if (config.dlrDelayMs == VendorEmulatorConfig().dlrDelayMs)
        config.dlrDelayMs = 20;
    if (config.systemId.isEmpty())
        config.systemId = QByteArrayLiteral("esme");
    if (config.password.isEmpty())
        config.password = QByteArrayLiteral("secret");
    m_emulator = std::make_unique<VendorEmulator>(config);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
}

EsmeConfig TestEsmeSession::esmeConfig() const
{
    EsmeConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = m_emulator->port();
    config.systemId = QByteArrayLiteral("esme");
    config.password = QByteArrayLiteral("secret");
    config.reconnectMinMs = 20;
    config.reconnectMaxMs = 200;
    config.responseTimeoutMs = 3000;
    config.throttleBackoffMs = 20;
    return config;
}

std::unique_ptr<EsmeSession> TestEsmeSession::boundSession(EsmeConfig config)
{
    auto session = std::make_unique<EsmeSession>(config);
    session->start();
    if (!QTest::qWaitFor([&] { return session->state() == EsmeState::Bound; }, 5000))
        return nullptr;
    return session;
}

void TestEsmeSession::bindSubmitAndReceipts()
{
    auto session = boundSession(esmeConfig());
    QVERIFY(session);
    QCOMPARE(session->smscSystemId(), QByteArrayLiteral("backoffice"));
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    QSignalSpy delivered(session.get(), &EsmeSession::deliverReceived);

    constexpr int Count = 40;
    QHash<quint64, int> tickets;
    for (int i = 0; i < Count; ++i) {
        const quint64 ticket = session->submit(message("44790000" + QByteArray::number(1000 + i)));
        QVERIFY(ticket > 0);
        tickets.insert(ticket, i);
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), Count, 5000);
    QSet<QByteArray> ids;
    for (const QList<QVariant> &arguments : answered) {
        QVERIFY(tickets.contains(arguments.at(0).toULongLong()));
        QCOMPARE(arguments.at(1).toUInt(), status::Ok);
        const QByteArray id = arguments.at(2).toByteArray();
        QVERIFY(!id.isEmpty());
        // Vendor-style hex ids, not UUIDs.
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9A-F]{8,16}$")).match(QString::fromLatin1(id)).hasMatch(),
                 id.constData());
        ids.insert(id);
    }
    QCOMPARE(ids.size(), Count);
    QCOMPARE(session->answeredTotal(), quint64(Count));
    QCOMPARE(session->submittedTotal(), quint64(Count));

    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), Count, 5000);
    QSet<QByteArray> receipted;
    for (const QList<QVariant> &arguments : delivered) {
        const DeliverSm pdu = arguments.at(0).value<DeliverSm>();
        QCOMPARE(pdu.esmClass, EsmClassDeliveryReceipt);
        QCOMPARE(pdu.destination.value, QByteArrayLiteral("BackOffice"));
        const auto text = decodeText(pdu.shortMessage, pdu.dataCoding);
        QVERIFY(text);
        const auto receipt = parseReceiptText(*text);
        QVERIFY2(receipt, qPrintable(*text));
        const QByteArray id = receipt->id.toLatin1();
        QVERIFY(ids.contains(id));
        QCOMPARE(pdu.tlvs.receiptedMessageId(), std::optional(id));
        const ReceiptStat expected
            = VendorEmulator::deliveredByDefault(id, 90) ? ReceiptStat::Delivered : ReceiptStat::Undeliverable;
        QCOMPARE(receipt->stat, expected);
        QCOMPARE(pdu.tlvs.messageState(), std::optional(quint8(messageStateFor(expected))));
        QCOMPARE(receipt->text, QStringLiteral("Hello from BackOffic"));
        QVERIFY(receipt->submitDate.isValid());
        receipted.insert(id);
    }
    QCOMPARE(receipted, ids);
    QCOMPARE(session->deliveredReceivedTotal(), quint64(Count));
    QCOMPARE(m_emulator->stats().dlrsAnswered, quint64(Count));
}

void TestEsmeSession::windowLimitRespected()
{
    VendorEmulatorConfig emulatorConfig;
    emulatorConfig.rules = {{QByteArrayLiteral("7777"), EmulatorBehaviour::Delay, 50}};
    startEmulator(emulatorConfig);
    EsmeConfig config = esmeConfig();
    config.windowLimit = 5;
    auto session = boundSession(config);
    QVERIFY(session);
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    int mostInFlight = 0;
    connect(session.get(), &EsmeSession::submitAnswered, this,
            [&] { mostInFlight = std::max(mostInFlight, session->inFlight()); });
    for (int i = 0; i < 30; ++i)
        session->submit(message("4479000" + QByteArray::number(i) + "7777", QStringLiteral("w"), 0));
    QCOMPARE(session->inFlight(), 5);
    QCOMPARE(session->queued(), 25);
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 30, 10000);
    // Counted by the SMSC: never more than the window awaiting an answer, and the window was used.
    QCOMPARE(m_emulator->stats().peakPendingSubmits, 5);
    QVERIFY(mostInFlight <= 5);
    QCOMPARE(session->inFlight(), 0);
}

void TestEsmeSession::rpsLimitHonoured()
{
    EsmeConfig config = esmeConfig();
    config.rpsLimit = 100;
    config.windowLimit = 10;
    auto session = boundSession(config);
    QVERIFY(session);
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 200; ++i)
        session->submit(message("447900" + QByteArray::number(100000 + i), QStringLiteral("r"), 0));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 200, 10000);
    const qint64 elapsed = clock.elapsed();
    // 200 at 100/s with a 20 ms burst: 2 at once, then one every 10 ms, about 1.98 s.
    QVERIFY2(elapsed >= 1800, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed <= 4000, qPrintable(QString::number(elapsed)));
}

void TestEsmeSession::throttledAndQueueFullRetriedThenAccepted()
{
    auto session = boundSession(esmeConfig());
    QVERIFY(session);
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    const quint64 throttled = session->submit(message("447900009992"));
    const quint64 queueFull = session->submit(message("447900009993"));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 2, 5000);
    for (const QList<QVariant> &arguments : answered) {
        QVERIFY(arguments.at(0).toULongLong() == throttled || arguments.at(0).toULongLong() == queueFull);
        QCOMPARE(arguments.at(1).toUInt(), status::Ok);
        QVERIFY(!arguments.at(2).toByteArray().isEmpty());
    }
    // Two refusals each (the emulator's default), every one resent.
    QCOMPARE(session->throttledTotal(), quint64(4));
    QCOMPARE(session->submittedTotal(), quint64(6));
    QCOMPARE(m_emulator->stats().throttled, quint64(2));
    QCOMPARE(m_emulator->stats().queueFull, quint64(2));
    QCOMPARE(m_emulator->stats().accepted, quint64(2));
}

void TestEsmeSession::throttleRetriesExhausted()
{
    EsmeConfig config = esmeConfig();
    config.maxThrottleRetries = 1;
    auto session = boundSession(config);
    QVERIFY(session);
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    session->submit(message("447900009992"));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 5000);
    QCOMPARE(answered.at(0).at(1).toUInt(), status::Throttled);
    QVERIFY(answered.at(0).at(2).toByteArray().isEmpty());
    QCOMPARE(session->submittedTotal(), quint64(2));
}

void TestEsmeSession::submitFailReported()
{
    auto session = boundSession(esmeConfig());
    QVERIFY(session);
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    const quint64 ticket = session->submit(message("447900009991"));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 5000);
    QCOMPARE(answered.at(0).at(0).toULongLong(), ticket);
    QCOMPARE(answered.at(0).at(1).toUInt(), status::SubmitFailed);
    QVERIFY(answered.at(0).at(2).toByteArray().isEmpty());
}

void TestEsmeSession::noAnswerTimesOut()
{
    EsmeConfig config = esmeConfig();
    config.responseTimeoutMs = 300;
    auto session = boundSession(config);
    QVERIFY(session);
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    QSignalSpy timedOut(session.get(), &EsmeSession::submitTimedOut);
    const quint64 silent = session->submit(message("447900009994"));
    const quint64 normal = session->submit(message("447900001234"));
    QTRY_COMPARE_WITH_TIMEOUT(timedOut.size(), 1, 3000);
    QCOMPARE(timedOut.at(0).at(0).toULongLong(), silent);
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.at(0).at(0).toULongLong(), normal);
    QCOMPARE(session->inFlight(), 0);
    QCOMPARE(session->timedOutTotal(), quint64(1));
    // Not resent: the engine decides.
    QCOMPARE(m_emulator->stats().unanswered, quint64(1));
    QCOMPARE(session->state(), EsmeState::Bound);
}

void TestEsmeSession::enquireLinkKeepsSessionAlive()
{
    VendorEmulatorConfig emulatorConfig;
    emulatorConfig.server.idleTimeoutMs = 400;
    startEmulator(emulatorConfig);
    EsmeConfig config = esmeConfig();
    config.enquireLinkIntervalMs = 100;
    auto session = boundSession(config);
    QVERIFY(session);
    QSignalSpy states(session.get(), &EsmeSession::stateChanged);
    QCOMPARE(m_emulator->server().sessions().size(), 1);
    SmscSession *smscSide = m_emulator->server().sessions().first();
    // Ten keep-alives cover two and a half idle timeouts: the SMSC would have closed a silent session.
    QTRY_VERIFY_WITH_TIMEOUT(smscSide->enquireLinksReceived() >= 10, 5000);
    QCOMPARE(states.size(), 0);
    QCOMPARE(session->state(), EsmeState::Bound);
    QCOMPARE(m_emulator->stats().binds, quint64(1));
}

void TestEsmeSession::missingEnquireLinkRespReconnects()
{
    // An SMSC that binds and then goes deaf.
    QTcpServer deaf;
    QVERIFY(deaf.listen(QHostAddress::LocalHost));
    QList<SmppTestClient *> peers;
    connect(&deaf, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = deaf.nextPendingConnection())
            peers.append(new SmppTestClient(socket, &deaf));
    });
    EsmeConfig config = esmeConfig();
    config.port = deaf.serverPort();
    config.enquireLinkIntervalMs = 50;
    config.responseTimeoutMs = 200;
    EsmeSession session(config);
    QSignalSpy states(&session, &EsmeSession::stateChanged);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 1, 3000);
    const auto bind = peers.first()->next();
    QVERIFY(bind);
    QCOMPARE(bind->commandId(), CommandId::BindTransceiver);
    peers.first()->send(bind->sequenceNumber, BindTransceiverResp {{QByteArrayLiteral("deaf"), {}}});
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), EsmeState::Bound, 3000);
    const auto enquire = peers.first()->next();
    QVERIFY(enquire);
    QCOMPARE(enquire->commandId(), CommandId::EnquireLink);
    // Reported as the reason of the disconnection (lastError may already tell of a later attempt).
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(states.begin(), states.end(),
                                         [](const QList<QVariant> &arguments) {
                                             return arguments.at(0).value<EsmeState>() == EsmeState::Disconnected
                                                 && arguments.at(1).toString().contains(
                                                     QStringLiteral("enquire_link_resp"));
                                         }),
                             3000);
    QVERIFY(peers.first()->waitClosed());
    // And it comes back on its own.
    QTRY_COMPARE_WITH_TIMEOUT(peers.size(), 2, 3000);
    const auto secondBind = peers.at(1)->next();
    QVERIFY(secondBind);
    QCOMPARE(secondBind->commandId(), CommandId::BindTransceiver);
    QVERIFY(statesOf(states).contains(EsmeState::Connecting));
    session.stop();
}

void TestEsmeSession::reconnectsAfterServerUnbinds()
{
    auto session = boundSession(esmeConfig());
    QVERIFY(session);
    QSignalSpy states(session.get(), &EsmeSession::stateChanged);
    QCOMPARE(m_emulator->server().sessions().size(), 1);
    m_emulator->server().sessions().first()->close(); // unbind from the SMSC
    QTRY_VERIFY_WITH_TIMEOUT(statesOf(states).contains(EsmeState::Disconnected), 3000);
    QCOMPARE(states.first().at(1).toString(), QStringLiteral("the SMSC unbound"));
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), EsmeState::Bound, 3000);
    QCOMPARE(m_emulator->stats().binds, quint64(2));
    QCOMPARE(session->bindsTotal(), quint64(2));
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    session->submit(message("447900001111"));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 3000);
    QCOMPARE(answered.at(0).at(1).toUInt(), status::Ok);
}

void TestEsmeSession::reconnectsAfterConnectionDrops()
{
    auto session = boundSession(esmeConfig());
    QVERIFY(session);
    QSignalSpy abandoned(session.get(), &EsmeSession::submitAbandoned);
    QSignalSpy states(session.get(), &EsmeSession::stateChanged);
    const quint64 first = session->submit(message("447900009994"));
    const quint64 second = session->submit(message("447900019994"));
    QTRY_COMPARE_WITH_TIMEOUT(m_emulator->stats().unanswered, quint64(2), 3000);
    m_emulator->server().sessions().first()->abort();
    QTRY_COMPARE_WITH_TIMEOUT(abandoned.size(), 2, 3000);
    QCOMPARE(abandoned.at(0).at(0).toULongLong(), first);
    QCOMPARE(abandoned.at(1).at(0).toULongLong(), second);
    QVERIFY(!abandoned.at(0).at(1).toString().isEmpty());
    QCOMPARE(session->inFlight(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), EsmeState::Bound, 3000);
    QVERIFY(statesOf(states).contains(EsmeState::Disconnected));
    QCOMPARE(session->abandonedTotal(), quint64(2));
}

void TestEsmeSession::bindRefusedWithWrongPassword()
{
    EsmeConfig config = esmeConfig();
    config.password = QByteArrayLiteral("wrong");
    EsmeSession session(config);
    QSignalSpy states(&session, &EsmeSession::stateChanged);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator->stats().bindsRefused >= 2, 5000); // it retries with back-off
    bool reported = false;
    for (const QList<QVariant> &arguments : std::as_const(states)) {
        if (arguments.at(0).value<EsmeState>() == EsmeState::Disconnected
            && arguments.at(1).toString().contains(QStringLiteral("ESME_RINVPASWD")))
            reported = true;
    }
    QVERIFY(reported);
    QVERIFY2(session.lastError().contains(QStringLiteral("bind refused")), qPrintable(session.lastError()));
    QVERIFY(!statesOf(states).contains(EsmeState::Bound));
    QCOMPARE(m_emulator->stats().binds, quint64(0));
    session.stop();
    QCOMPARE(session.state(), EsmeState::Stopped);
}

void TestEsmeSession::receiptsQueuedWhileNotBoundArriveAfterRebind()
{
    VendorEmulatorConfig emulatorConfig;
    emulatorConfig.dlrDelayMs = 300;
    startEmulator(emulatorConfig);
    QSet<QByteArray> ids;
    {
        auto session = boundSession(esmeConfig());
        QVERIFY(session);
        QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
        for (int i = 0; i < 5; ++i)
            session->submit(message("44790000900" + QByteArray::number(i)));
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 5, 3000);
        for (const QList<QVariant> &arguments : std::as_const(answered))
            ids.insert(arguments.at(2).toByteArray());
        session->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), EsmeState::Stopped, 3000);
        QCOMPARE(session->deliveredReceivedTotal(), quint64(0));
    }
    // The receipts fall due with nobody bound: the emulator holds them.
    QTRY_COMPARE_WITH_TIMEOUT(m_emulator->stats().dlrsWaiting, quint64(5), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(m_emulator->server().sessions().size(), 0, 3000);
    EsmeSession again(esmeConfig());
    QSignalSpy delivered(&again, &EsmeSession::deliverReceived);
    again.start();
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 5, 5000);
    QSet<QByteArray> receipted;
    for (const QList<QVariant> &arguments : std::as_const(delivered))
        receipted.insert(arguments.at(0).value<DeliverSm>().tlvs.receiptedMessageId().value());
    QCOMPARE(receipted, ids);
    QCOMPARE(m_emulator->stats().dlrsWaiting, quint64(0));
    again.stop();
}

void TestEsmeSession::stopUnbindsCleanly()
{
    auto session = boundSession(esmeConfig());
    QVERIFY(session);
    QSignalSpy states(session.get(), &EsmeSession::stateChanged);
    QSignalSpy abandoned(session.get(), &EsmeSession::submitAbandoned);
    session->submit(message("447900009994")); // in flight, never answered
    QTRY_COMPARE_WITH_TIMEOUT(session->inFlight(), 1, 3000);
    session->stop();
    QCOMPARE(session->state(), EsmeState::Unbinding);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), EsmeState::Stopped, 3000);
    QCOMPARE(statesOf(states), (QList<EsmeState> {EsmeState::Unbinding, EsmeState::Stopped}));
    QCOMPARE(states.last().at(1).toString(), QStringLiteral("unbound")); // unbind_resp came
    QCOMPARE(abandoned.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_emulator->server().sessions().size(), 0, 3000);
    // Stopped means stopped: no reconnection.
    QVERIFY(!QTest::qWaitFor([&] { return m_emulator->stats().binds > 1; }, 200));
}

void TestEsmeSession::queueLimit()
{
    EsmeConfig config = esmeConfig();
    config.queueLimit = 3;
    EsmeSession session(config); // never started: everything queues
    QVERIFY(session.submit(message("1")) > 0);
    QVERIFY(session.submit(message("2")) > 0);
    QVERIFY(session.submit(message("3")) > 0);
    QCOMPARE(session.submit(message("4")), quint64(0));
    QCOMPARE(session.queued(), 3);
    QSignalSpy abandoned(&session, &EsmeSession::submitAbandoned);
    session.stop();
    QCOMPARE(abandoned.size(), 3);
    QCOMPARE(session.queued(), 0);
}

void TestEsmeSession::submitsWaitForBind()
{
    EsmeSession session(esmeConfig());
    QSignalSpy answered(&session, &EsmeSession::submitAnswered);
    for (int i = 0; i < 3; ++i)
        session.submit(message("44790000555" + QByteArray::number(i)));
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 3, 5000);
    session.stop();
}

void TestEsmeSession::moMessageReceived()
{
    auto session = boundSession(esmeConfig());
    QVERIFY(session);
    QSignalSpy delivered(session.get(), &EsmeSession::deliverReceived);
    QCOMPARE(m_emulator->sendMo(QStringLiteral("447700900123"), QStringLiteral("12345"), QStringLiteral("Привет")), 1);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 3000);
    const DeliverSm pdu = delivered.at(0).at(0).value<DeliverSm>();
    QCOMPARE(pdu.esmClass, quint8(0));
    QCOMPARE(pdu.source.value, QByteArrayLiteral("447700900123"));
    QCOMPARE(decodeText(pdu.shortMessage, pdu.dataCoding), std::optional(QStringLiteral("Привет")));
    QCOMPARE(m_emulator->stats().moSent, quint64(1));
}

void TestEsmeSession::hostileSmscNeverBreaksTheSession()
{
    // An SMSC that binds the session and then sends garbage: each input once, on a fresh connection.
    QTcpServer hostile;
    QVERIFY(hostile.listen(QHostAddress::LocalHost));
    QList<SmppTestClient *> peers;
    connect(&hostile, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = hostile.nextPendingConnection())
            peers.append(new SmppTestClient(socket, &hostile));
    });
    QList<QByteArray> inputs = corpusFiles();
    QVERIFY(inputs.size() > 10);
    for (quint32 seed = 11; seed <= 18; ++seed)
        inputs.append(randomPdus(300, seed));
    EsmeConfig config = esmeConfig();
    config.port = hostile.serverPort();
    config.responseTimeoutMs = 500;
    int survived = 0;
    for (const QByteArray &input : std::as_const(inputs)) {
        qDeleteAll(peers);
        peers.clear();
        EsmeSession session(config);
        QSignalSpy states(&session, &EsmeSession::stateChanged);
        session.submit(message("447900001234")); // something in flight while the garbage arrives
        session.start();
        // The connection that brings a bind: the previous session's last reconnection attempt may
        // have been accepted (dead) in the meantime.
        SmppTestClient *peer = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(peers.begin(), peers.end(),
                                             [&](SmppTestClient *candidate) {
                                                 peer = candidate;
                                                 return candidate->received() > 0;
                                             }),
                                 3000);
        const auto bind = peer->next();
        QVERIFY(bind);
        QCOMPARE(bind->commandId(), CommandId::BindTransceiver);
        peer->send(bind->sequenceNumber, BindTransceiverResp {{QByteArrayLiteral("hostile"), {}}});
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), EsmeState::Bound, 3000);
        peer->sendRaw(input);
        peer->send(0x7FFFFFF0, EnquireLink {});
        // It answers, closes, or (input ending inside a PDU) waits for the rest of that PDU.
        const auto answer = peer->nextMatching(
            [](const Pdu &pdu) {
                return pdu.commandId() == CommandId::EnquireLinkResp && pdu.sequenceNumber == 0x7FFFFFF0;
            },
            1000);
        survived += answer ? 1 : 0;
        // Whatever happened, it still knows what it is doing: it stops on request.
        session.stop();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), EsmeState::Stopped, 3000);
        QCOMPARE(session.inFlight() + session.queued(), 0);
    }
    QVERIFY(survived > 0);
}

QTEST_GUILESS_MAIN(TestEsmeSession)
#include "tst_esmesession.moc"
