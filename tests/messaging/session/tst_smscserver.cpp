// SmscServer and SmscSession with bare SMPP clients: binding rules, the throughput limit, malformed
// input, deliveries within the window, timeouts and closing.
#include "EsmeSession.h"
#include "HostileBytes.h"
#include "PduEncoder.h"
#include "SmppTestClient.h"
#include "SmscHandler.h"
#include "SmscServer.h"
#include "SmscSession.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

#include <memory>

using namespace backoffice::smpp;

namespace {

constexpr qint64 AccountId = 7;

// Accepts system_id "client" with password "pw"; answers submit_sm at once with ids "M1", "M2"…
// unless told to hold them.
class TestHandler final : public SmscHandler
{
public:
    SmscBindDecision authenticate(const SmscBindRequest &request) override
    {
        requests.append(request);
        if (request.systemId != "client" || request.password != "pw")
            return {status::InvalidPassword, 0, 0};
        return {status::Ok, AccountId, throughputLimit};
    }
    void submitReceived(SmscSession &session, quint32 sequence, const SubmitSm &pdu) override
    {
        submits.append(pdu);
        if (holdAnswers)
            held.append({&session, sequence});
        else
            session.respondSubmit(sequence, status::Ok, "M" + QByteArray::number(submits.size()));
    }
    void sessionBound(SmscSession &) override { ++bound; }
    void sessionClosed(SmscSession &) override { ++closed; }

    int throughputLimit = 0;
    bool holdAnswers = false;
    QList<SmscBindRequest> requests;
    QList<SubmitSm> submits;
    QList<std::pair<QPointer<SmscSession>, quint32>> held;
    int bound = 0;
    int closed = 0;
};

SubmitSm submit(const QByteArray &destination = QByteArrayLiteral("447900001234"))
{
    SubmitSm pdu;
    pdu.source = {1, 1, QByteArrayLiteral("447700900000")};
    pdu.destination = {1, 1, destination};
    pdu.shortMessage = QByteArrayLiteral("hello");
    return pdu;
}

DeliverSm deliverSm(int n)
{
    DeliverSm pdu;
    pdu.source = {1, 1, QByteArrayLiteral("447900001234")};
    pdu.destination = {1, 1, QByteArrayLiteral("12345")};
    pdu.shortMessage = "mo " + QByteArray::number(n);
    return pdu;
}

QByteArray header(quint32 length, quint32 commandId, quint32 status, quint32 sequence)
{
    QByteArray bytes(16, '\0');
    qToBigEndian(length, bytes.data());
    qToBigEndian(commandId, bytes.data() + 4);
    qToBigEndian(status, bytes.data() + 8);
    qToBigEndian(sequence, bytes.data() + 12);
    return bytes;
}

} // namespace

class TestSmscServer final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void bindAcceptedAndDescribed();
    void authenticationRefusedCloses();
    void onlyBindBeforeBound();
    void alreadyBound();
    void throughputLimitThrottles();
    void receiverCannotSubmit();
    void transmitterCannotReceive();
    void handlerAnswersLater();
    void enquireLinkAndUnbindAnswered();
    void unknownCommandGetsGenericNack();
    void badFieldGetsErrorResponse();
    void brokenLengthClosesAndServerKeepsServing();
    void outbindRefused();
    void deliverWindowAndAnswers();
    void deliverTimedOut();
    void deliverAbandonedOnClose();
    void idleTimeoutUnbinds();
    void bindTimeoutCloses();
    void closeUnbindsEveryone();
    void hostileClientsNeverBreakTheServer();

private:
    void startServer(SmscServerConfig config = {});
    std::unique_ptr<SmppTestClient> boundClient(CommandId command = CommandId::BindTransceiver);
    SmscSession *onlySession() const;

    TestHandler m_handler;
    std::unique_ptr<SmscServer> m_server;
};

void TestSmscServer::init()
{
    m_handler = TestHandler();
    startServer();
}

void TestSmscServer::cleanup()
{
    m_server.reset();
}

void TestSmscServer::startServer(SmscServerConfig config)
{
    m_server = std::make_unique<SmscServer>(m_handler, config);
    QString error;
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
}

std::unique_ptr<SmppTestClient> TestSmscServer::boundClient(CommandId command)
{
    auto client = std::make_unique<SmppTestClient>();
    if (!client->connectTo(m_server->port()) || !client->bind(command, "client", "pw"))
        return nullptr;
    return client;
}

SmscSession *TestSmscServer::onlySession() const
{
    return m_server->sessions().size() == 1 ? m_server->sessions().first() : nullptr;
}

void TestSmscServer::bindAcceptedAndDescribed()
{
    SmppTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    BindFields fields;
    fields.systemId = "client";
    fields.password = "pw";
    fields.systemType = "VMA";
    client.send(42, BindTransceiver {fields});
    const auto response = client.next();
    QVERIFY(response);
    QCOMPARE(response->commandId(), CommandId::BindTransceiverResp);
    QCOMPARE(response->sequenceNumber, quint32(42));
    QCOMPARE(response->commandStatus, status::Ok);
    const auto &resp = std::get<BindTransceiverResp>(response->body);
    QCOMPARE(resp.systemId, QByteArrayLiteral("backoffice"));
    QCOMPARE(resp.tlvs.value(tag::ScInterfaceVersion), std::optional(QByteArray(1, 0x34)));

    QCOMPARE(m_handler.requests.size(), 1);
    QCOMPARE(m_handler.requests.first().systemType, QByteArrayLiteral("VMA"));
    QCOMPARE(m_handler.requests.first().peer, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(!m_handler.requests.first().tls);
    SmscSession *session = onlySession();
    QVERIFY(session);
    QVERIFY(session->isBound());
    QCOMPARE(session->accountId(), AccountId);
    QCOMPARE(session->bindCommand(), CommandId::BindTransceiver);
    QCOMPARE(session->systemId(), QByteArrayLiteral("client"));
    QVERIFY(session->canReceive());
    QCOMPARE(m_server->sessionsFor(AccountId), QList<SmscSession *> {session});
    QVERIFY(m_server->sessionsFor(AccountId + 1).isEmpty());
    QCOMPARE(m_handler.bound, 1);

    client.send(43, submit());
    const auto submitResp = client.next();
    QVERIFY(submitResp);
    QCOMPARE(submitResp->commandId(), CommandId::SubmitSmResp);
    QCOMPARE(submitResp->sequenceNumber, quint32(43));
    QCOMPARE(std::get<SubmitSmResp>(submitResp->body).messageId, QByteArrayLiteral("M1"));
    QCOMPARE(m_handler.submits.first().destination.value, QByteArrayLiteral("447900001234"));
    QCOMPARE(session->submittedTotal(), quint64(1));
}

void TestSmscServer::authenticationRefusedCloses()
{
    SmppTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    quint32 bindStatus = 0;
    QVERIFY(!client.bind(CommandId::BindTransceiver, "client", "nope", &bindStatus));
    QCOMPARE(bindStatus, status::InvalidPassword);
    QVERIFY(client.waitClosed());
    QTRY_COMPARE(m_server->sessions().size(), 0);
    QCOMPARE(m_handler.bound, 0);
    QCOMPARE(m_handler.closed, 1);
}

void TestSmscServer::onlyBindBeforeBound()
{
    SmppTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(1, submit());
    auto response = client.next();
    QVERIFY(response);
    QCOMPARE(response->commandId(), CommandId::SubmitSmResp);
    QCOMPARE(response->commandStatus, status::IncorrectBindStatus);
    QVERIFY(m_handler.submits.isEmpty());
    client.send(2, EnquireLink {});
    response = client.next();
    QVERIFY(response);
    QCOMPARE(response->commandId(), CommandId::EnquireLinkResp);
    QVERIFY(client.bind(CommandId::BindTransceiver, "client", "pw"));
}

void TestSmscServer::alreadyBound()
{
    auto client = boundClient();
    QVERIFY(client);
    quint32 bindStatus = 0;
    QVERIFY(!client->bind(CommandId::BindTransmitter, "client", "pw", &bindStatus));
    QCOMPARE(bindStatus, status::AlreadyBound);
    QCOMPARE(onlySession()->bindCommand(), CommandId::BindTransceiver);
}

void TestSmscServer::throughputLimitThrottles()
{
    m_handler.throughputLimit = 5; // a 200 ms burst of 5/s: one token
    auto client = boundClient();
    QVERIFY(client);
    QByteArray burst;
    for (quint32 i = 1; i <= 10; ++i)
        burst += encode(makePdu(i, submit()));
    client->sendRaw(burst); // ten at once, far above five per second
    int accepted = 0;
    int throttled = 0;
    for (int i = 0; i < 10; ++i) {
        const auto response = client->next();
        QVERIFY(response);
        QCOMPARE(response->commandId(), CommandId::SubmitSmResp);
        if (response->commandStatus == status::Ok)
            ++accepted;
        else if (response->commandStatus == status::Throttled)
            ++throttled;
    }
    QCOMPARE(accepted + throttled, 10);
    QVERIFY2(accepted >= 1 && accepted <= 2, qPrintable(QString::number(accepted)));
    // Refused before the handler: it saw only the accepted ones.
    QCOMPARE(m_handler.submits.size(), accepted);
    QCOMPARE(onlySession()->throttledTotal(), quint64(throttled));

    // An ESME keeping to the limit is never throttled.
    m_handler.submits.clear();
    EsmeConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = m_server->port();
    config.systemId = "client";
    config.password = "pw";
    config.rpsLimit = 5;
    config.maxThrottleRetries = 0;
    EsmeSession esme(config);
    QSignalSpy answered(&esme, &EsmeSession::submitAnswered);
    for (int i = 0; i < 6; ++i)
        esme.submit(submit());
    esme.start();
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 6, 5000);
    for (const QList<QVariant> &arguments : std::as_const(answered))
        QCOMPARE(arguments.at(1).toUInt(), status::Ok);
}

void TestSmscServer::receiverCannotSubmit()
{
    auto client = boundClient(CommandId::BindReceiver);
    QVERIFY(client);
    QVERIFY(onlySession()->canReceive());
    QVERIFY(!onlySession()->canTransmit());
    client->send(5, submit());
    const auto response = client->next();
    QVERIFY(response);
    QCOMPARE(response->commandId(), CommandId::SubmitSmResp);
    QCOMPARE(response->commandStatus, status::IncorrectBindStatus);
    QVERIFY(m_handler.submits.isEmpty());
}

void TestSmscServer::transmitterCannotReceive()
{
    auto client = boundClient(CommandId::BindTransmitter);
    QVERIFY(client);
    QVERIFY(!onlySession()->canReceive());
    QCOMPARE(onlySession()->deliver(deliverSm(1)), quint64(0));
}

void TestSmscServer::handlerAnswersLater()
{
    m_handler.holdAnswers = true;
    auto client = boundClient();
    QVERIFY(client);
    client->send(10, submit());
    client->send(11, submit());
    QTRY_COMPARE(m_handler.held.size(), 2);
    QCOMPARE(onlySession()->pendingSubmits(), 2);
    QVERIFY(!client->next(100));
    // Out of order, and a second answer to the same sequence is ignored.
    m_handler.held.at(1).first->respondSubmit(11, status::Ok, "B");
    m_handler.held.at(1).first->respondSubmit(11, status::Ok, "again");
    m_handler.held.at(0).first->respondSubmit(10, status::SubmitFailed, "ignored on error");
    auto response = client->next();
    QVERIFY(response);
    QCOMPARE(response->sequenceNumber, quint32(11));
    QCOMPARE(std::get<SubmitSmResp>(response->body).messageId, QByteArrayLiteral("B"));
    response = client->next();
    QVERIFY(response);
    QCOMPARE(response->sequenceNumber, quint32(10));
    QCOMPARE(response->commandStatus, status::SubmitFailed);
    QVERIFY(std::get<SubmitSmResp>(response->body).messageId.isEmpty());
    QVERIFY(!client->next(100));
    QCOMPARE(onlySession()->pendingSubmits(), 0);
    QCOMPARE(onlySession()->peakPendingSubmits(), 2);
}

void TestSmscServer::enquireLinkAndUnbindAnswered()
{
    auto client = boundClient();
    QVERIFY(client);
    client->send(20, EnquireLink {});
    auto response = client->next();
    QVERIFY(response);
    QCOMPARE(response->commandId(), CommandId::EnquireLinkResp);
    QCOMPARE(response->sequenceNumber, quint32(20));
    QPointer<SmscSession> session = onlySession();
    QSignalSpy closed(session.data(), &SmscSession::closed);
    client->send(21, Unbind {});
    response = client->next();
    QVERIFY(response);
    QCOMPARE(response->commandId(), CommandId::UnbindResp);
    QCOMPARE(response->sequenceNumber, quint32(21));
    QVERIFY(client->waitClosed());
    QCOMPARE(closed.size(), 1);
    QTRY_VERIFY(session.isNull()); // deleteLater after closed()
    QCOMPARE(m_handler.closed, 1);
}

void TestSmscServer::unknownCommandGetsGenericNack()
{
    auto client = boundClient();
    QVERIFY(client);
    client->sendRaw(header(16, 0x00000077, 0, 30));
    const auto response = client->next();
    QVERIFY(response);
    QCOMPARE(response->commandId(), CommandId::GenericNack);
    QCOMPARE(response->commandStatus, status::InvalidCommandId);
    QCOMPARE(response->sequenceNumber, quint32(30));
    QVERIFY(onlySession()->isBound());
}

void TestSmscServer::badFieldGetsErrorResponse()
{
    auto client = boundClient();
    QVERIFY(client);
    // submit_sm whose service_type runs to the end without its NUL.
    QByteArray bytes = header(0, quint32(CommandId::SubmitSm), 0, 31) + QByteArray(12, 'x');
    qToBigEndian(quint32(bytes.size()), bytes.data());
    client->sendRaw(bytes);
    auto response = client->next();
    QVERIFY(response);
    QVERIFY(response->commandId() == CommandId::SubmitSmResp || response->commandId() == CommandId::GenericNack);
    QVERIFY(response->commandStatus != status::Ok);
    QCOMPARE(response->sequenceNumber, quint32(31));
    QVERIFY(m_handler.submits.isEmpty());
    // The session goes on.
    client->send(32, EnquireLink {});
    response = client->next();
    QVERIFY(response);
    QCOMPARE(response->commandId(), CommandId::EnquireLinkResp);
}

void TestSmscServer::brokenLengthClosesAndServerKeepsServing()
{
    auto good = boundClient();
    QVERIFY(good);
    auto bad = boundClient();
    QVERIFY(bad);
    QCOMPARE(m_server->sessions().size(), 2);
    bad->sendRaw(header(8, quint32(CommandId::EnquireLink), 0, 1)); // command_length below the header
    QVERIFY(bad->waitClosed());
    QTRY_COMPARE(m_server->sessions().size(), 1);
    good->send(40, submit());
    const auto response = good->next();
    QVERIFY(response);
    QCOMPARE(response->commandStatus, status::Ok);
    // And it still accepts new clients.
    QVERIFY(boundClient());
}

void TestSmscServer::outbindRefused()
{
    SmppTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    client.send(3, Outbind {"client", "pw"});
    const auto response = client.next();
    QVERIFY(response);
    QCOMPARE(response->commandId(), CommandId::GenericNack);
    QVERIFY(client.waitClosed());
    QVERIFY(m_handler.requests.isEmpty());
}

void TestSmscServer::deliverWindowAndAnswers()
{
    SmscServerConfig config;
    config.windowLimit = 3;
    startServer(config);
    auto client = boundClient(CommandId::BindReceiver);
    QVERIFY(client);
    SmscSession *session = onlySession();
    QSignalSpy answered(session, &SmscSession::deliverAnswered);
    QList<quint64> tickets;
    for (int i = 1; i <= 5; ++i)
        tickets.append(session->deliver(deliverSm(i)));
    QVERIFY(!tickets.contains(0));
    QCOMPARE(session->pendingDeliveries(), 5);
    QList<Pdu> received;
    for (int i = 0; i < 3; ++i) {
        auto pdu = client->next();
        QVERIFY(pdu);
        QCOMPARE(pdu->commandId(), CommandId::DeliverSm);
        received.append(*pdu);
    }
    QVERIFY(!client->next(150)); // the window is full
    QCOMPARE(session->deliveriesInFlight(), 3);
    client->send(received.at(0).sequenceNumber, DeliverSmResp {});
    auto fourth = client->next();
    QVERIFY(fourth);
    QCOMPARE(std::get<DeliverSm>(fourth->body).shortMessage, QByteArrayLiteral("mo 4"));
    received.append(*fourth);
    client->send(received.at(1).sequenceNumber, DeliverSmResp {}, status::SystemError);
    auto fifth = client->next();
    QVERIFY(fifth);
    received.append(*fifth);
    for (int i = 2; i < 5; ++i)
        client->send(received.at(i).sequenceNumber, DeliverSmResp {});
    QTRY_COMPARE(answered.size(), 5);
    QCOMPARE(answered.at(0).at(0).toULongLong(), tickets.at(0));
    QCOMPARE(answered.at(1).at(0).toULongLong(), tickets.at(1));
    QCOMPARE(answered.at(1).at(1).toUInt(), status::SystemError);
    QCOMPARE(session->pendingDeliveries(), 0);
    QCOMPARE(session->deliveredTotal(), quint64(5));
    QCOMPARE(session->deliverAnsweredTotal(), quint64(5));
}

void TestSmscServer::deliverTimedOut()
{
    SmscServerConfig config;
    config.responseTimeoutMs = 200;
    startServer(config);
    auto client = boundClient();
    QVERIFY(client);
    SmscSession *session = onlySession();
    QSignalSpy timedOut(session, &SmscSession::deliverTimedOut);
    const quint64 ticket = session->deliver(deliverSm(1));
    QVERIFY(client->next());
    QTRY_COMPARE_WITH_TIMEOUT(timedOut.size(), 1, 2000);
    QCOMPARE(timedOut.at(0).at(0).toULongLong(), ticket);
    QCOMPARE(session->pendingDeliveries(), 0);
}

void TestSmscServer::deliverAbandonedOnClose()
{
    SmscServerConfig config;
    config.windowLimit = 1;
    startServer(config);
    auto client = boundClient();
    QVERIFY(client);
    QPointer<SmscSession> session = onlySession();
    QSignalSpy abandoned(session.data(), &SmscSession::deliverAbandoned);
    QSignalSpy closed(session.data(), &SmscSession::closed);
    const quint64 first = session->deliver(deliverSm(1)); // in flight
    const quint64 second = session->deliver(deliverSm(2)); // queued
    QVERIFY(client->next());
    client->socket()->abort();
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(abandoned.size(), 2);
    QCOMPARE(abandoned.at(0).at(0).toULongLong(), first);
    QCOMPARE(abandoned.at(1).at(0).toULongLong(), second);
    QTRY_VERIFY(session.isNull());
}

void TestSmscServer::idleTimeoutUnbinds()
{
    SmscServerConfig config;
    config.idleTimeoutMs = 200;
    startServer(config);
    auto client = boundClient();
    QVERIFY(client);
    const auto unbind = client->next(3000);
    QVERIFY(unbind);
    QCOMPARE(unbind->commandId(), CommandId::Unbind);
    client->send(unbind->sequenceNumber, UnbindResp {});
    QVERIFY(client->waitClosed());
    QTRY_COMPARE(m_server->sessions().size(), 0);
}

void TestSmscServer::bindTimeoutCloses()
{
    SmscServerConfig config;
    config.bindTimeoutMs = 150;
    startServer(config);
    SmppTestClient client;
    QVERIFY(client.connectTo(m_server->port()));
    QTRY_COMPARE(m_server->sessions().size(), 1);
    QVERIFY(client.waitClosed(3000));
    QTRY_COMPARE(m_server->sessions().size(), 0);
}

void TestSmscServer::closeUnbindsEveryone()
{
    auto first = boundClient();
    auto second = boundClient();
    QVERIFY(first && second);
    m_server->close();
    QVERIFY(!m_server->isListening());
    for (SmppTestClient *client : {first.get(), second.get()}) {
        const auto unbind = client->next();
        QVERIFY(unbind);
        QCOMPARE(unbind->commandId(), CommandId::Unbind);
        client->send(unbind->sequenceNumber, UnbindResp {});
        QVERIFY(client->waitClosed());
    }
    QTRY_COMPARE(m_server->sessions().size(), 0);
}

void TestSmscServer::hostileClientsNeverBreakTheServer()
{
    QList<QByteArray> inputs = corpusFiles();
    QVERIFY(inputs.size() > 10);
    for (quint32 seed = 1; seed <= 8; ++seed)
        inputs.append(randomPdus(300, seed));
    int survived = 0;
    int closed = 0;
    int waiting = 0;
    for (const QByteArray &input : std::as_const(inputs)) {
        for (bool bindFirst : {false, true}) {
            SmppTestClient client;
            QVERIFY(client.connectTo(m_server->port()));
            if (bindFirst)
                QVERIFY(client.bind(CommandId::BindTransceiver, "client", "pw"));
            client.sendRaw(input);
            client.send(0x7FFFFFF0, EnquireLink {});
            // The session answers, or closes the connection, or (when the input ends inside a PDU
            // whose command_length swallows the enquire_link) waits for the rest of it.
            const auto answer = client.nextMatching(
                [](const Pdu &pdu) {
                    return pdu.commandId() == CommandId::EnquireLinkResp && pdu.sequenceNumber == 0x7FFFFFF0;
                },
                1000);
            if (answer)
                ++survived;
            else if (!client.isConnected())
                ++closed;
            else
                ++waiting;
        }
    }
    qInfo("%d hostile inputs, twice each: %d sessions answered afterwards, %d closed, %d wait for a PDU's end",
          int(inputs.size()), survived, closed, waiting);
    QVERIFY(survived > 0);
    QTRY_COMPARE(m_server->sessions().size(), 0);
    auto good = boundClient();
    QVERIFY(good);
    good->send(1, submit());
    const auto response = good->next();
    QVERIFY(response);
    QCOMPARE(response->commandStatus, status::Ok);
}

QTEST_GUILESS_MAIN(TestSmscServer)
#include "tst_smscserver.moc"
