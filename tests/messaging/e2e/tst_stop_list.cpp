// The stop list through the real server: entries are validated and audited, and admission refuses
// listed numbers (for one sender ID or for all of them) over the send API and client SMPP alike.
#include "DemoMessaging.h"
#include "EsmeSession.h"
#include "MessagingEngine.h"
#include "TestServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace backoffice;
using namespace backoffice::test;

class TstStopList final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_sender; // the demo API key
    qint64 m_companyId = 0;
    qint64 m_smppSenderId = 0; // PizzaPlanet
    qint64 m_httpSenderId = 0; // PizzaHTTP

    qint64 senderRecord(const QString &senderId)
    {
        QUrlQuery query;
        query.addQueryItem(s("senderId"), senderId);
        return TestServer::get(*m_admin, s("sender-ids"), query).body[s("items")].toArray().first()[s("id")].toInteger();
    }

    // The result of one recipient: its transaction id, or the error text prefixed with "error: ".
    QString sendTo(const QString &from, const QString &to)
    {
        const auto answer = TestServer::post(*m_sender, s("messages"),
                                             j({{s("from"), from}, {s("to"), QJsonArray{to}}, {s("message"), s("hello")}}));
        if (answer.status != 200)
            return s("HTTP %1").arg(answer.status);
        const QJsonObject result = answer.body[s("results")].toArray().first().toObject();
        return result.contains(s("error")) ? s("error: ") + result[s("error")].toString()
                                           : result[s("transactionId")].toString();
    }

    static bool isTransaction(const QString &result) { return result.size() == 36 && !result.startsWith(s("error")); }

    TestServer::Answer addEntry(const QJsonObject &body) { return TestServer::post(*m_admin, s("stop-list"), body); }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true, [](server::ServerOptions &options) { options.emulateVendorPort = 0; });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_admin = m_server->signIn(server::ServerInstance::demoAdminLogin());
        QVERIFY(m_admin);
        m_sender = m_server->anonymous();
        m_sender->setToken(s(server::demomessaging::apiKey));
        m_smppSenderId = senderRecord(s("PizzaPlanet"));
        m_httpSenderId = senderRecord(s("PizzaHTTP"));
        QVERIFY(m_smppSenderId > 0 && m_httpSenderId > 0);
        m_companyId = TestServer::get(*m_admin, s("sender-ids/%1").arg(m_smppSenderId)).body[s("companyId")].toInteger();
        QVERIFY(m_companyId > 0);
    }

    void demoEntryRefusesEverySender()
    {
        const QString stopped = s(server::demomessaging::stoppedNumber);
        QCOMPARE(m_server->count(s("stop_list"), s("number = '%1' AND sender_record_id IS NULL").arg(stopped)), 1);
        const qint64 edrsBefore = m_server->count(s("edrs"));
        QCOMPARE(sendTo(s("PizzaPlanet"), s("+") + stopped),
                 s("error: %1 is in the stop list for sender ID PizzaPlanet").arg(stopped));
        QCOMPARE(sendTo(s("PizzaHTTP"), stopped), s("error: %1 is in the stop list for sender ID PizzaHTTP").arg(stopped));
        // A refusal costs nothing and leaves no EDR.
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(m_server->count(s("edrs")), edrsBefore);
    }

    void entryForOneSenderLeavesTheOthers()
    {
        const auto created = addEntry(j({{s("companyId"), m_companyId}, {s("number"), s("+34 622-123 470")},
                                         {s("senderRecordId"), m_httpSenderId}, {s("reason"), s("STOP reply")}}));
        QCOMPARE(created.status, 201);
        QCOMPARE(created.body[s("number")].toString(), s("34622123470")); // kept as digits only
        const qint64 id = created.body[s("id")].toInteger();
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'stop_list' AND operation = 'create' AND object_id = %1").arg(id)), 1);

        QVERIFY(sendTo(s("PizzaHTTP"), s("34622123470")).contains(s("is in the stop list for sender ID PizzaHTTP")));
        QVERIFY(isTransaction(sendTo(s("PizzaPlanet"), s("34622123470"))));
        QVERIFY(isTransaction(sendTo(s("PizzaHTTP"), s("34622123471"))));

        // The same number for every sender is another entry; removing it lets traffic through again.
        const auto everySender = addEntry(j({{s("companyId"), m_companyId}, {s("number"), s("34622123470")}}));
        QCOMPARE(everySender.status, 201);
        QVERIFY(sendTo(s("PizzaPlanet"), s("34622123470")).contains(s("is in the stop list")));
        QCOMPARE(TestServer::remove(*m_admin, s("stop-list/%1").arg(everySender.body[s("id")].toInteger())).status, 204);
        QVERIFY(isTransaction(sendTo(s("PizzaPlanet"), s("34622123470"))));
        QVERIFY(sendTo(s("PizzaHTTP"), s("34622123470")).contains(s("is in the stop list")));
    }

    void badEntriesAreRefusedAndWriteNothing()
    {
        const qint64 rows = m_server->count(s("stop_list"));
        const qint64 audits = m_server->count(s("audit_log"), s("table_name = 'stop_list'"));

        auto answer = addEntry(j({{s("companyId"), m_companyId}, {s("number"), s("0622 12")}}));
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.fields()[s("number")].toString().contains(s("international format")));

        answer = addEntry(j({{s("companyId"), m_companyId}, {s("number"), s("3462212347x")}}));
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.fields().contains(s("number")));

        answer = addEntry(j({{s("companyId"), m_companyId}}));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.fields()[s("number")].toString(), s("is required"));

        answer = addEntry(j({{s("companyId"), m_companyId}, {s("number"), s(server::demomessaging::stoppedNumber)}}));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.fields()[s("number")].toString(), s("is already in the stop list for every sender ID"));

        // A sender ID of another company cannot be named.
        qint64 foreignSender = 0;
        for (const QJsonValue &row : TestServer::get(*m_admin, s("sender-ids")).body[s("items")].toArray()) {
            if (row[s("companyId")].toInteger() != m_companyId)
                foreignSender = row[s("id")].toInteger();
        }
        QVERIFY(foreignSender > 0);
        answer = addEntry(j({{s("companyId"), m_companyId}, {s("number"), s("34622123480")}, {s("senderRecordId"), foreignSender}}));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.fields()[s("senderRecordId")].toString(), s("is a sender ID of another company"));

        // The number is the entry's identity: it is not edited, only the reason is.
        const qint64 demoEntry = TestServer::get(*m_admin, s("stop-list")).body[s("items")].toArray().last()[s("id")].toInteger();
        answer = TestServer::patch(*m_admin, s("stop-list/%1").arg(demoEntry), j({{s("number"), s("34622123481")}}));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.fields()[s("number")].toString(), s("cannot be changed after creation"));

        // Staff without the sender ID area may not touch the list.
        auto rateManager = m_server->signIn(s("rate.manager"));
        QVERIFY(rateManager);
        QCOMPARE(TestServer::post(*rateManager, s("stop-list"), j({{s("companyId"), m_companyId}, {s("number"), s("34622123482")}})).status, 403);

        QCOMPARE(m_server->count(s("stop_list")), rows);
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'stop_list'")), audits);
    }

    void clientSmppSubmitToAStoppedNumberIsRefused()
    {
        smpp::EsmeConfig config;
        config.host = s("127.0.0.1");
        config.port = m_server->instance().smppPort();
        config.systemId = server::demomessaging::clientLogin;
        config.password = server::demomessaging::clientPassword;
        smpp::EsmeSession client(config);
        QSignalSpy answered(&client, &smpp::EsmeSession::submitAnswered);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), smpp::EsmeState::Bound, 10000);
        smpp::SubmitSm pdu;
        pdu.source = {5, 0, "PizzaPlanet"};
        pdu.destination = {1, 1, server::demomessaging::stoppedNumber};
        pdu.shortMessage = "Not for this customer";
        QVERIFY(client.submit(pdu));
        QVERIFY(answered.wait(10000));
        QCOMPARE(answered.first().at(1).toUInt(), smpp::status::InvalidDestinationAddress);
        client.stop();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), smpp::EsmeState::Stopped, 10000);
    }

    void cleanupTestCase()
    {
        m_sender.reset();
        m_admin.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstStopList)
#include "tst_stop_list.moc"
