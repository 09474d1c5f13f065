// End to end through the real server: the send API and a client SMPP session in, the vendor SMSC
// emulator out, receipts back, EDRs, charges, balances and callbacks checked exactly.
#include "Amount.h"
#include "CallbackSink.h"
#include "DemoMessaging.h"
#include "EsmeSession.h"
#include "MessagingEngine.h"
#include "TestServer.h"
#include "VendorEmulator.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace backoffice;
using namespace backoffice::test;

class TstMessagingE2e final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_sender; // the demo API key
    qint64 m_agreementId = 0;
    qint64 m_senderRecordId = 0;
    qint64 m_apiKeyId = 0;

    QJsonArray edrsOf(const QString &transactionId)
    {
        QUrlQuery query;
        query.addQueryItem(s("transactionId"), transactionId);
        query.addQueryItem(s("sort"), s("partNumber"));
        return TestServer::get(*m_admin, s("edrs"), query).body.value(s("items")).toArray();
    }

    bool allFinal(const QString &transactionId, int parts)
    {
        const QJsonArray edrs = edrsOf(transactionId);
        if (edrs.size() != parts)
            return false;
        for (const QJsonValue &edr : edrs) {
            const QString status = edr[s("status")].toString();
            if (status != s("DELIVERED") && status != s("UNDELIVERED") && status != s("FAILED"))
                return false;
        }
        return true;
    }

    QJsonObject send(const QJsonObject &body)
    {
        const auto answer = TestServer::post(*m_sender, s("messages"), body);
        [&] { QCOMPARE(answer.status, 200); }();
        return answer.body;
    }

    QString sendOne(const QString &to, const QString &text)
    {
        const QJsonObject answer = send(j({{s("from"), s("PizzaPlanet")}, {s("to"), QJsonArray{to}}, {s("message"), text}}));
        return answer[s("results")].toArray().first()[s("transactionId")].toString();
    }

    Amount quote(const QString &number)
    {
        const auto answer = TestServer::post(*m_admin, s("rating/quote"),
                                             j({{s("agreementId"), m_agreementId}, {s("channel"), s("sms")},
                                                {s("resource"), s("sms-message")}, {s("number"), number},
                                                {s("segments"), 1}, {s("messages"), 1}}));
        return money(answer.body[s("amount")]);
    }

    // A vendor's status report to our webhook (query parameters do not go in ApiClient's paths).
    TestServer::Answer report(const QString &guid, const QJsonObject &body)
    {
        auto vendor = m_server->anonymous();
        QUrlQuery query;
        query.addQueryItem(s("bot_id"), guid);
        ApiReply *reply = vendor->postBytes(s("webhooks/transit-sms"), query, QJsonDocument(body).toJson(), "application/json");
        reply->waitForFinished(15000);
        TestServer::Answer answer;
        answer.status = reply->httpStatus();
        answer.body = reply->object();
        reply->deleteLater();
        return answer;
    }

    QJsonObject balance()
    {
        return TestServer::get(*m_admin, s("agreements/%1/balance").arg(m_agreementId)).body;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true, [](server::ServerOptions &options) {
            options.emulateVendorPort = 0;
            options.callbackRetryDelaysMs = {200, 400};
        });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_admin = m_server->signIn(server::ServerInstance::demoAdminLogin());
        QVERIFY(m_admin);
        m_sender = m_server->anonymous();
        m_sender->setToken(s(server::demomessaging::apiKey));
        QUrlQuery bySender;
        bySender.addQueryItem(s("senderId"), s("PizzaPlanet"));
        const QJsonObject sender = TestServer::get(*m_admin, s("sender-ids"), bySender).body[s("items")].toArray().first().toObject();
        m_agreementId = sender[s("agreementId")].toInteger();
        m_senderRecordId = sender[s("id")].toInteger();
        m_apiKeyId = TestServer::get(*m_admin, s("api-keys")).body[s("items")].toArray().first()[s("id")].toInteger();
        QVERIFY(m_agreementId > 0 && m_apiKeyId > 0);
        // Both demo vendor connections bound to the emulator.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            const QJsonArray vendors = TestServer::get(*m_admin, s("messaging/status")).body[s("vendorConnections")].toArray();
            return vendors.size() == 2 && vendors[0][s("state")].toString() == s("bound")
                   && vendors[1][s("state")].toString() == s("bound");
        }(), 15000);
    }

    void sendApiChargesEveryPartAndCallsBackOnce()
    {
        CallbackSink sink({500}); // the first attempt fails: the callback must be retried
        QCOMPARE(TestServer::patch(*m_admin, s("api-keys/%1").arg(m_apiKeyId), j({{s("callbackUrl"), sink.url()}})).status, 200);
        const QJsonObject before = balance();
        const Amount perPart = quote(s("+34622123456"));
        QVERIFY(perPart > Amount());
        // 161 GSM-7 characters: two parts of 153 + 8.
        const QString text = QString(161, QLatin1Char('a'));
        const QJsonObject answer = send(j({{s("from"), s("PizzaPlanet")},
                                           {s("to"), QJsonArray{s("34622123456"), s("+34622123456"), s("12")}},
                                           {s("message"), text}, {s("label"), s("e2e")}}));
        QCOMPARE(answer[s("accepted")].toInt(), 1); // the duplicate is ignored
        QCOMPARE(answer[s("refused")].toInt(), 1);
        const QJsonArray results = answer[s("results")].toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[1][s("error")].toString(), s("12 is not a phone number in international format"));
        const QString transaction = results[0][s("transactionId")].toString();
        QCOMPARE(transaction.size(), 36);

        QTRY_VERIFY_WITH_TIMEOUT(allFinal(transaction, 2), 15000);
        const QJsonArray edrs = edrsOf(transaction);
        for (int part = 0; part < 2; ++part) {
            const QJsonObject edr = edrs[part].toObject();
            QCOMPARE(edr[s("partNumber")].toInt(), part + 1);
            QCOMPARE(edr[s("partCount")].toInt(), 2);
            QCOMPARE(edr[s("origin")].toString(), s("api"));
            QCOMPARE(edr[s("label")].toString(), s("e2e"));
            QCOMPARE(edr[s("country")].toString(), s("ES"));
            QCOMPARE(money(edr[s("price")]), perPart);
            QCOMPARE(edr[s("currency")].toString(), s("EUR"));
            QVERIFY(!edr[s("vendorMessageId")].toString().isEmpty());
            QVERIFY(!edr[s("submittedAt")].isNull());
        }
        QCOMPARE(edrs[0][s("text")].toString().size() + edrs[1][s("text")].toString().size(), 161);

        // One charge per part sent, whatever the receipt says (the demo plan bills on submit).
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(m_server->count(s("charges"), s("transaction_id = '%1'").arg(transaction)), 2);
        const QJsonObject after = balance();
        QCOMPARE(money(after[s("balance")]), money(before[s("balance")]) - perPart - perPart);
        QCOMPARE(money(after[s("reserved")]), Amount());

        // One callback for the message, after a failed first attempt; both attempts recorded.
        QTRY_COMPARE_WITH_TIMEOUT(sink.requests(), 2, 10000);
        const QJsonObject body = QJsonDocument::fromJson(sink.bodies().last()).object();
        QCOMPARE(body[s("transactionID")].toString(), transaction);
        QCOMPARE(body[s("dnis")].toString(), s("34622123456"));
        QCOMPARE(body[s("channel")].toString(), s("SMS"));
        const bool delivered = edrs[0][s("status")] == s("DELIVERED") && edrs[1][s("status")] == s("DELIVERED");
        QCOMPARE(body[s("status")].toString(), delivered ? s("DELIVERED") : s("UNDELIVERED"));
        QVERIFY(body[s("eventTime")].toString().endsWith(s("+00:00")));
        m_server->instance().messagingEngine()->flush();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->count(s("callback_attempts")), 2, 5000);
        QCOMPARE(m_server->count(s("callbacks"), s("state = 'delivered' AND attempts = 2")), 1);
    }

    void sendApiRefusesBadRequests()
    {
        QCOMPARE(TestServer::post(*m_sender, s("messages"), j({{s("from"), s("PizzaPlanet")}, {s("to"), s("34622123456")}}))
                     .fields().value(s("message")).toString(),
                 s("must not be empty"));
        auto stranger = m_server->anonymous();
        stranger->setToken(s("bo_not_a_key"));
        const auto refused = TestServer::post(*stranger, s("messages"),
                                              j({{s("from"), s("PizzaPlanet")}, {s("to"), s("34622123456")}, {s("message"), s("x")}}));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), s("invalid_api_key"));
        // Another company's sender ID is not this key's to use.
        const QJsonObject foreign = send(j({{s("from"), s("CyberShop")}, {s("to"), s("34622123456")}, {s("message"), s("x")}}));
        QCOMPARE(foreign[s("results")].toArray()[0][s("error")].toString(), s("For message: can't validate sender CyberShop"));
        QStringList many;
        for (int i = 0; i < 701; ++i)
            many << QStringLiteral("3462200%1").arg(i, 4, 10, QLatin1Char('0'));
        const qint64 edrsBefore = m_server->count(s("edrs"));
        const auto tooMany = TestServer::post(*m_sender, s("messages"),
                                              j({{s("from"), s("NoSuchSender")}, {s("to"), QJsonArray::fromStringList(many)}, {s("message"), s("x")}}));
        QCOMPARE(tooMany.body[s("results")].toArray().size(), 700);
        QCOMPARE(tooMany.body[s("ignored")].toArray().size(), 1);
        QCOMPARE(m_server->count(s("edrs")), edrsBefore); // refused messages cost nothing and leave no EDR
    }

    void portalCompatibleSendSms()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_server->baseUrl().toString() + s("api/send_sms")));
        request.setRawHeader("Authorization", QByteArray("Bearer ") + server::demomessaging::apiKey);
        request.setHeader(QNetworkRequest::ContentTypeHeader, s("application/json"));
        const QByteArray body = R"([{"from":"PizzaPlanet","to":"34622123456","message":"hi","channels":"SMS"},
                                    {"from":"Nobody","to":"34622123456","message":"hi"}])";
        QNetworkReply *reply = network.post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonArray results = QJsonDocument::fromJson(reply->readAll()).object()[s("results")].toArray();
        QCOMPARE(results.size(), 2);
        QVERIFY(QRegularExpression(s("^34622123456: [0-9a-f-]{36}$")).match(results[0].toString()).hasMatch());
        QCOMPARE(results[1].toString(), s("34622123456: For message: can't validate sender Nobody"));
        reply->deleteLater();
    }

    void clientSmppSubmitGetsItsReceipt()
    {
        smpp::EsmeConfig config;
        config.host = s("127.0.0.1");
        config.port = m_server->instance().smppPort();
        config.systemId = server::demomessaging::clientLogin;
        config.password = server::demomessaging::clientPassword;
        smpp::EsmeSession client(config);
        QSignalSpy bound(&client, &smpp::EsmeSession::stateChanged);
        QSignalSpy answered(&client, &smpp::EsmeSession::submitAnswered);
        QSignalSpy receipts(&client, &smpp::EsmeSession::deliverReceived);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), smpp::EsmeState::Bound, 10000);
        smpp::SubmitSm pdu;
        pdu.source = {5, 0, "PizzaPlanet"};
        pdu.destination = {1, 1, "34622123456"};
        pdu.registeredDelivery = 1;
        pdu.shortMessage = "Hello over SMPP";
        QVERIFY(client.submit(pdu));
        QVERIFY(answered.wait(10000));
        QCOMPARE(answered.first().at(1).toUInt(), smpp::status::Ok);
        const QByteArray messageId = answered.first().at(2).toByteArray();
        QCOMPARE(messageId.size(), 36);
        QTRY_COMPARE_WITH_TIMEOUT(receipts.size(), 1, 10000);
        const auto receipt = receipts.first().at(0).value<smpp::DeliverSm>();
        QVERIFY(receipt.esmClass & smpp::EsmClassDeliveryReceipt);
        QCOMPARE(receipt.tlvs.receiptedMessageId().value_or(QByteArray()), messageId);
        QVERIFY(receipt.shortMessage.startsWith(QByteArray("id:" + messageId)));
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(m_server->count(s("edrs"), s("message_id = '%1' AND origin = 'smpp' AND text = 'Hello over SMPP'").arg(QString::fromLatin1(messageId))), 1);
        QCOMPARE(m_server->count(s("charges"), s("edr_id = (SELECT id FROM edrs WHERE message_id = '%1')").arg(QString::fromLatin1(messageId))), 1);
        client.stop();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), smpp::EsmeState::Stopped, 10000);
    }

    void clientSmppWrongPasswordIsRefused()
    {
        smpp::EsmeConfig config;
        config.host = s("127.0.0.1");
        config.port = m_server->instance().smppPort();
        config.systemId = server::demomessaging::clientLogin;
        config.password = "wrong";
        config.reconnectMinMs = 60000;
        smpp::EsmeSession client(config);
        QSignalSpy states(&client, &smpp::EsmeSession::stateChanged);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.lastError().contains(s("0x0000000e")) || client.lastError().contains(s("RINVPASWD")), 10000);
        QVERIFY(client.state() != smpp::EsmeState::Bound);
        client.stop();
    }

    void receiptWaitsForAReceivingBind()
    {
        smpp::EsmeConfig config;
        config.host = s("127.0.0.1");
        config.port = m_server->instance().smppPort();
        config.systemId = server::demomessaging::clientLogin;
        config.password = server::demomessaging::clientPassword;
        config.bindMode = smpp::EsmeConfig::BindMode::Transmitter;
        auto transmitter = std::make_unique<smpp::EsmeSession>(config);
        QSignalSpy answered(transmitter.get(), &smpp::EsmeSession::submitAnswered);
        transmitter->start();
        smpp::SubmitSm pdu;
        pdu.source = {5, 0, "PizzaPlanet"};
        pdu.destination = {1, 1, "34622123456"};
        pdu.registeredDelivery = 1;
        pdu.shortMessage = "receipt later";
        QVERIFY(transmitter->submit(pdu));
        QVERIFY(answered.wait(10000));
        const QByteArray messageId = answered.first().at(2).toByteArray();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->count(s("smpp_outbox")), 1, 10000);
        transmitter->stop();

        config.bindMode = smpp::EsmeConfig::BindMode::Transceiver;
        smpp::EsmeSession receiver(config);
        QSignalSpy receipts(&receiver, &smpp::EsmeSession::deliverReceived);
        receiver.start();
        QTRY_COMPARE_WITH_TIMEOUT(receipts.size(), 1, 10000);
        QCOMPARE(receipts.first().at(0).value<smpp::DeliverSm>().tlvs.receiptedMessageId().value_or(QByteArray()), messageId);
        m_server->instance().messagingEngine()->flush();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->count(s("smpp_outbox")), 0, 5000);
        receiver.stop();
    }

    void failsOverToTheNextConnection()
    {
        // A second vendor takes the failover connection; the first refuses numbers ending 9991.
        smpp::VendorEmulatorConfig backupConfig;
        backupConfig.rules = {{QByteArrayLiteral("9991"), smpp::EmulatorBehaviour::Deliver, 0}};
        smpp::VendorEmulator backup(backupConfig);
        QString error;
        QVERIFY2(backup.start(&error), qPrintable(error));
        QCOMPARE(TestServer::patch(*m_admin, s("vendor-smpp-connections/2"), j({{s("port"), int(backup.port())}})).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(backup.stats().binds >= 1, 15000);

        const QString transaction = sendOne(s("34622129991"), s("failover"));
        QTRY_VERIFY_WITH_TIMEOUT(allFinal(transaction, 1), 15000);
        const QJsonObject edr = edrsOf(transaction).first().toObject();
        QCOMPARE(edr[s("status")].toString(), s("DELIVERED"));
        QCOMPARE(edr[s("vendorConnectionId")].toInteger(), 2);
        QCOMPARE(edr[s("attempts")].toInt(), 2);
        QCOMPARE(backup.stats().accepted, quint64(1));
    }

    void throttledSubmitIsRetried()
    {
        const QString transaction = sendOne(s("34622129992"), s("throttled"));
        QTRY_VERIFY_WITH_TIMEOUT(allFinal(transaction, 1), 20000);
        const QJsonObject edr = edrsOf(transaction).first().toObject();
        QVERIFY(edr[s("status")].toString() != s("FAILED"));
        QCOMPARE(edr[s("vendorConnectionId")].toInteger(), 1); // retried on the same connection
    }

    void submitFailureOnEveryConnectionFailsTheMessageWithoutCharge()
    {
        // Point the failover connection back at the demo emulator, which refuses 9991 too.
        QCOMPARE(TestServer::patch(*m_admin, s("vendor-smpp-connections/2"),
                                   j({{s("port"), int(m_server->instance().emulatorPort())}})).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            const QJsonArray vendors = TestServer::get(*m_admin, s("messaging/status")).body[s("vendorConnections")].toArray();
            for (const QJsonValue &v : vendors)
                if (v[s("connectionId")].toInteger() == 2)
                    return v[s("state")].toString() == s("bound");
            return false;
        }(), 15000);
        const QJsonObject before = balance();
        const QString transaction = sendOne(s("34622129991"), s("nobody takes this"));
        QTRY_VERIFY_WITH_TIMEOUT(allFinal(transaction, 1), 15000);
        const QJsonObject edr = edrsOf(transaction).first().toObject();
        QCOMPARE(edr[s("status")].toString(), s("FAILED"));
        QCOMPARE(edr[s("errorCode")].toString(), s("0x00000045"));
        QCOMPARE(edr[s("attempts")].toInt(), 2);
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(m_server->count(s("charges"), s("transaction_id = '%1'").arg(transaction)), 0);
        QCOMPARE(balance()[s("balance")], before[s("balance")]);
        QCOMPARE(money(balance()[s("reserved")]), Amount());
    }

    void unsentByTheStatusMapIsRefunded()
    {
        // The demo connections map REJECTD to "unsent": the part was charged on submit, then refunded.
        const Amount before = money(balance()[s("balance")]);
        const QString transaction = sendOne(s("34622129997"), s("rejected by the network"));
        QTRY_VERIFY_WITH_TIMEOUT(allFinal(transaction, 1), 15000);
        const QJsonObject edr = edrsOf(transaction).first().toObject();
        QCOMPARE(edr[s("status")].toString(), s("FAILED"));
        QCOMPARE(edr[s("vendorStatus")].toString(), s("REJECTD"));
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(m_server->count(s("charges"), s("transaction_id = '%1' AND source = 'traffic'").arg(transaction)), 1);
        QCOMPARE(m_server->count(s("charges"), s("transaction_id = '%1' AND source = 'trafficRefund' AND amount = -%2")
                                                   .arg(transaction).arg(money(edr[s("price")]).micros())), 1);
        QCOMPARE(money(balance()[s("balance")]), before);
    }

    void creditLimitRefusesWhatCannotBePaid()
    {
        const Amount price = quote(s("+34622123456"));
        const Amount current = money(balance()[s("balance")]);
        // Room for exactly one part.
        QUrlQuery query;
        query.addQueryItem(s("agreementId"), QString::number(m_agreementId));
        query.addQueryItem(s("state"), s("current"));
        const qint64 versionId = TestServer::get(*m_admin, s("agreement-versions"), query).body[s("items")].toArray().first()[s("id")].toInteger();
        const Amount limit = price - current;
        QCOMPARE(TestServer::patch(*m_admin, s("agreement-versions/%1").arg(versionId),
                                   j({{s("creditLimit"), limit.toString()}})).status, 200);
        const QJsonObject answer = send(j({{s("from"), s("PizzaPlanet")},
                                           {s("to"), QJsonArray{s("34622123456"), s("34622123457")}}, {s("message"), s("x")}}));
        QCOMPARE(answer[s("accepted")].toInt(), 1);
        QVERIFY2(answer[s("results")].toArray()[1][s("error")].toString().startsWith(s("Insufficient funds: 0.00 EUR available")),
                 qPrintable(answer[s("results")].toArray()[1][s("error")].toString()));
        QCOMPARE(TestServer::patch(*m_admin, s("agreement-versions/%1").arg(versionId), j({{s("creditLimit"), s("1500.00")}})).status, 200);
    }

    void trafficMonitoringRaisesANotification()
    {
        // A sender of its own, so earlier traffic does not dilute the error share.
        const auto created = TestServer::post(*m_admin, s("sender-ids"),
                                              j({{s("channel"), s("sms")}, {s("senderId"), s("PizzaAlerts")},
                                                 {s("name"), s("Pizza alerts")}, {s("agreementId"), m_agreementId},
                                                 {s("status"), s("active")}, {s("vendorType"), s("smpp")},
                                                 {s("vendorConnectionId"), 1}, {s("notificationsEnabled"), true},
                                                 {s("triggerPercent"), 60}, {s("minimalCount"), 3}, {s("windowMinutes"), 5}}));
        QCOMPARE(created.status, 201);
        const qint64 senderRecordId = created.body[s("id")].toInteger();
        for (int i = 0; i < 3; ++i) {
            const QJsonObject answer = send(j({{s("from"), s("PizzaAlerts")}, {s("to"), QJsonArray{s("34622129996")}},
                                               {s("message"), QStringLiteral("undelivered %1").arg(i)}}));
            const QString transaction = answer[s("results")].toArray().first()[s("transactionId")].toString();
            QTRY_VERIFY_WITH_TIMEOUT(allFinal(transaction, 1), 15000);
            QCOMPARE(edrsOf(transaction).first()[s("status")].toString(), s("UNDELIVERED"));
            m_server->instance().messagingEngine()->flush();
            // Raised once the minimal count is reached, not before, and only once.
            QCOMPARE(m_server->count(s("notifications"), s("sender_record_id = %1").arg(senderRecordId)), i == 2 ? 1 : 0);
        }
        const QJsonArray list = TestServer::get(*m_admin, s("notifications")).body[s("items")].toArray();
        QVERIFY(!list.isEmpty());
        QVERIFY(list.first()[s("subject")].toString().startsWith(s("Sender ID PizzaAlerts: 100% of messages failed")));
        // Staff acknowledge; nothing else of it changes.
        const qint64 id = list.first()[s("id")].toInteger();
        const auto acknowledged = TestServer::patch(*m_admin, s("notifications/%1").arg(id),
                                                    j({{s("acknowledged"), true}, {s("subject"), s("edited")}}));
        QCOMPARE(acknowledged.status, 200);
        QCOMPARE(acknowledged.body[s("acknowledged")].toBool(), true);
        QVERIFY(acknowledged.body[s("subject")].toString().startsWith(s("Sender ID PizzaAlerts")));
        QCOMPARE(TestServer::post(*m_admin, s("notifications"), j({{s("acknowledged"), false}})).status, 403);
    }

    void httpVendorTransitSms()
    {
        // The demo's HTTP sender ID goes through the built-in Transit SMS emulator, whose statuses
        // come back to our webhook.
        QHash<QString, QString> transactions;
        for (const char *number : {"34622123456", "34622129996", "34622129991"}) {
            const QJsonObject answer = send(j({{s("from"), s("PizzaHTTP")}, {s("to"), QJsonArray{s(number)}},
                                               {s("message"), s("over HTTP")}}));
            transactions.insert(s(number), answer[s("results")].toArray().first()[s("transactionId")].toString());
        }
        for (const QString &transaction : std::as_const(transactions))
            QTRY_VERIFY_WITH_TIMEOUT(allFinal(transaction, 1), 15000);
        const QJsonObject delivered = edrsOf(transactions.value(s("34622123456"))).first().toObject();
        QCOMPARE(delivered[s("status")].toString(), s("DELIVERED"));
        QVERIFY(delivered[s("vendorMessageId")].toString().startsWith(s("ts-")));
        QVERIFY(delivered[s("httpConnectionId")].toInteger() > 0);
        QCOMPARE(edrsOf(transactions.value(s("34622129996"))).first()[s("status")].toString(), s("UNDELIVERED"));
        const QJsonObject refused = edrsOf(transactions.value(s("34622129991"))).first().toObject();
        QCOMPARE(refused[s("status")].toString(), s("FAILED"));
        QCOMPARE(refused[s("errorCode")].toString(), s("HTTP 400"));
        QVERIFY(refused[s("errorText")].toString().contains(s("destination barred")));
        m_server->instance().messagingEngine()->flush();
        // Charged on submit (the demo plan): the two the vendor took, not the refused one.
        QCOMPARE(m_server->count(s("charges"), s("transaction_id IN ('%1','%2')")
                                                   .arg(transactions.value(s("34622123456")), transactions.value(s("34622129996")))), 2);
        QCOMPARE(m_server->count(s("charges"), s("transaction_id = '%1'").arg(transactions.value(s("34622129991")))), 0);
    }

    void transitSmsWebhookIsChecked()
    {
        QCOMPARE(report(s("00000000-0000-0000-0000-000000000000"), j({{s("id"), s("x")}, {s("status"), s("DELIVERED")}})).status, 404);
        QUrlQuery bySender;
        bySender.addQueryItem(s("senderId"), s("PizzaHTTP"));
        const QJsonObject sender = TestServer::get(*m_admin, s("sender-ids"), bySender).body[s("items")].toArray().first().toObject();
        const QString guid = sender[s("webhookGuid")].toString();
        QCOMPARE(guid.size(), 36); // generated for HTTP sender IDs
        QCOMPARE(report(guid, j({{s("id"), s("x")}, {s("status"), s("LOST")}})).fields().value(s("status")).toString(),
                 s("must be DELIVERED, UNDELIVERED, FAILED or SEEN"));
        QCOMPARE(report(guid, j({{s("id"), s("x")}, {s("status"), s("DELIVERED")}})).status, 200); // unknown id: ignored
        // With a signature key on the connection, an unsigned report is refused.
        const qint64 connection = sender[s("httpConnectionId")].toInteger();
        QCOMPARE(TestServer::patch(*m_admin, s("http-connections/%1").arg(connection), j({{s("signatureKey"), s("k3y")}})).status, 200);
        const auto unsigned_ = report(guid, j({{s("id"), s("x")}, {s("status"), s("DELIVERED")}}));
        QCOMPARE(unsigned_.status, 401);
        QCOMPARE(unsigned_.errorCode(), s("bad_signature"));
        QCOMPARE(TestServer::patch(*m_admin, s("http-connections/%1").arg(connection), j({{s("signatureKey"), QJsonValue()}})).status, 200);
    }

    void statusAndTrafficForStaff()
    {
        const QJsonObject traffic = TestServer::get(*m_admin, s("messaging/traffic"), QUrlQuery(s("minutes=10"))).body;
        const QJsonObject sms = traffic[s("totals")].toObject()[s("sms")].toObject();
        QVERIFY(sms[s("ACCEPTED")].toInt() >= 5);
        QVERIFY(sms[s("REFUSED")].toInt() >= 2);
        QVERIFY(sms[s("FAILED")].toInt() >= 1);
        auto noc = m_server->signIn(s("noc.engineer"));
        QCOMPARE(TestServer::get(*noc, s("messaging/status")).status, 200);
        auto finance = m_server->signIn(s("finance.manager"));
        QCOMPARE(TestServer::get(*finance, s("messaging/status")).status, 403);
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        m_sender.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstMessagingE2e)
#include "tst_messaging_e2e.moc"
