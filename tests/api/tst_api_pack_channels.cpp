// One unit pack shared by SMS and WhatsApp (BO §7.3.6, decision 008), with WhatsApp traffic through
// the messaging engine's own send entry (MessagingEngine::send with channel "whatsapp", the call
// the send API route makes; the public API itself accepts SMS only until a WhatsApp adapter exists).
//
// What happens to WhatsApp as configured in production: the sender ID is a phone number on a
// 360dialog HTTP connection, and no 360dialog adapter is built. The message is admitted and rated
// on its channel — the pack takes it, its EDR records "whatsapp" — then fails at dispatch, and a
// part that was never sent costs nothing: its unit goes back to the pack, the balance is untouched.
//
// To see a WhatsApp part through submit, delivery and charge, the test routes the WhatsApp sender
// ID to the demo SMPP emulator, which stands in for a WhatsApp vendor (the sender ID rules refuse
// that route, so the test writes it into storage). Then the pack's units go to both channels in
// arrival order, the rest to pay-as-you-go whichever the channel, each EDR records its channel,
// and unitsUsed and the balance are exact. A WhatsApp message longer than an SMS is one part.
#include "Amount.h"
#include "MessagingChanges.h"
#include "MessagingEngine.h"
#include "RateTreeBuilder.h"
#include "TestServer.h"

#include <QTest>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

namespace {
const qint64 SmsPrice = 12'300;      // 0.0123 EUR per SMS part, on submit
const qint64 WhatsAppPrice = 50'000; // 0.05 EUR per WhatsApp message, on delivery
const qint64 PackUnits = 6;
const QString WhatsAppSender = QStringLiteral("34911000111"); // the business's phone number
} // namespace

class TstApiPackChannels final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    qint64 m_agreement = 0;
    qint64 m_company = 0;
    qint64 m_whatsAppSender = 0;
    qint64 m_pack = 0;
    qint64 m_whatsAppPayg = 0; // enabled services
    qint64 m_smsPayg = 0;
    int m_nextNumber = 0;

    qint64 scalar(const QString &select) const { return m_server->scalar(select).toLongLong(); }

    qint64 createId(const QString &path, const QJsonObject &body)
    {
        const auto created = TestServer::post(*m_admin, path, body);
        [&] { QVERIFY2(created.status == 201, qPrintable(path + s(": ") + QString::fromUtf8(created.raw))); }();
        return created.body[s("id")].toInteger();
    }

    qint64 newService(const QString &name, const QString &type, const RateTreeBuilder &tree, const QJsonObject &size = {})
    {
        QJsonObject body{{s("name"), name}, {s("type"), type}, {s("timeZone"), s("UTC")}};
        for (auto it = size.begin(); it != size.end(); ++it)
            body.insert(it.key(), it.value());
        const qint64 id = createId(s("services"), body);
        const qint64 scope = createId(s("service-scopes"), j({{s("serviceId"), id}, {s("effectiveFrom"), s("2024-01-01T00:00:00")}}));
        const auto put = TestServer::put(*m_admin, s("service-scopes/%1/tree").arg(scope), tree.body());
        [&] { QVERIFY2(put.status == 200, put.raw.constData()); }();
        return id;
    }

    qint64 enable(qint64 service, const QString &billing = {})
    {
        QJsonObject body = j({{s("agreementId"), m_agreement}, {s("serviceId"), service},
                              {s("effectiveFrom"), QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate)},
                              {s("effectiveFromZone"), s("UTC")}});
        if (!billing.isEmpty())
            body.insert(s("billing"), billing);
        return createId(s("enabled-services"), body);
    }

    // One message to a new number through the engine, on `channel`; the recipient's transaction id.
    QString send(const QString &channel, const QString &text)
    {
        server::ApiSendRequest request;
        request.companyId = m_company;
        request.channel = channel;
        request.sender = channel == s("whatsapp") ? WhatsAppSender : s("PizzaPlanet");
        // Ending 9990: the emulator delivers it always, so every outcome below is known.
        request.recipients = {s("3462%1").arg(m_nextNumber++, 3, 10, QLatin1Char('0')) + s("9990")};
        request.text = text;
        request.label = s("pack channels");
        const QList<server::ApiSendResult> results = m_server->instance().messagingEngine()->send(request);
        if (results.size() != 1 || !results.first().error.isEmpty()) {
            qWarning() << channel << "refused:" << (results.isEmpty() ? s("no result") : results.first().error);
            return {};
        }
        return results.first().transactionId;
    }

    // Waits until no EDR of the agreement is in flight any more, then until the writer stored all.
    bool settle()
    {
        const bool settled = QTest::qWaitFor([this] {
            return m_server->count(s("edrs"), s("agreement_id = %1 AND status NOT IN ('DELIVERED', 'UNDELIVERED', 'FAILED', 'SEEN')")
                                                  .arg(m_agreement)) == 0;
        }, 20000);
        m_server->instance().messagingEngine()->flush();
        return settled;
    }

    QJsonObject enabled(qint64 id) const { return TestServer::get(*m_admin, s("enabled-services/%1").arg(id)).body; }
    Amount balance() const { return money(TestServer::get(*m_admin, s("agreements/%1/balance").arg(m_agreement)).body[s("balance")]); }
    Amount storedBalance() const
    {
        return Amount::fromMicros(scalar(s("SELECT balance FROM agreement_balances WHERE agreement_id = %1").arg(m_agreement)));
    }
    qint64 packReserved(qint64 pack) const
    {
        for (const QJsonValue &entry : TestServer::get(*m_admin, s("agreements/%1/balance").arg(m_agreement)).body[s("packs")].toArray()) {
            if (entry[s("enabledServiceId")].toInteger() == pack)
                return entry[s("reserved")].toInteger(-1);
        }
        return -1;
    }

    static QString longText() { return QString(200, QLatin1Char('w')); } // two SMS parts' worth of GSM-7

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true, [](server::ServerOptions &options) { options.emulateVendorPort = 0; });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_admin = m_server->signIn(s("admin"));
        QVERIFY(m_admin);
        QUrlQuery byCode;
        byCode.addQueryItem(s("code"), s("NW-%1-1002").arg(QDate::currentDate().year() - 1)); // Pizza Planet, EUR
        const QJsonObject agreement = TestServer::get(*m_admin, s("agreements"), byCode).body[s("items")].toArray().first().toObject();
        m_agreement = agreement[s("id")].toInteger();
        m_company = agreement[s("companyId")].toInteger();
        QVERIFY(m_agreement > 0 && m_company > 0);

        // Pay-as-you-go: SMS Global's tree priced flat per SMS part, and a WhatsApp service of the
        // agreement's currency priced per delivered message.
        QUrlQuery byName;
        byName.addQueryItem(s("name"), s("SMS Global"));
        qint64 smsScope = 0;
        qint64 smsService = 0;
        for (const QJsonValue &service : TestServer::get(*m_admin, s("services"), byName).body[s("items")].toArray()) {
            if (service[s("name")] == s("SMS Global")) {
                smsScope = service[s("currentScopeId")].toInteger();
                smsService = service[s("id")].toInteger();
            }
        }
        QVERIFY(smsScope > 0);
        RateTreeBuilder sms;
        const qint64 smsMessage = sms.depends(sms.depends(0, s("sms"), s("resource")), s("sms-message"), s("direction"));
        sms.rules(smsMessage, s("submitted"), s("segments"));
        sms.flat(smsMessage, s("mt"), Amount::fromMicros(SmsPrice).toString(6));
        QCOMPARE(TestServer::put(*m_admin, s("service-scopes/%1/tree").arg(smsScope), sms.body()).status, 200);
        QUrlQuery smsEnabled;
        smsEnabled.addQueryItem(s("agreementId"), QString::number(m_agreement));
        smsEnabled.addQueryItem(s("serviceId"), QString::number(smsService));
        m_smsPayg = TestServer::get(*m_admin, s("enabled-services"), smsEnabled).body[s("items")].toArray().first()[s("id")].toInteger();
        QVERIFY(m_smsPayg > 0);
        RateTreeBuilder whatsapp;
        const qint64 waMessage = whatsapp.depends(whatsapp.depends(0, s("whatsapp"), s("resource")), s("whatsapp-message"), s("direction"));
        whatsapp.rules(waMessage, s("delivered"), s("messages"));
        whatsapp.flat(waMessage, s("mt"), Amount::fromMicros(WhatsAppPrice).toString(6));
        m_whatsAppPayg = enable(newService(s("WhatsApp EUR"), s("payg"), whatsapp, j({{s("currency"), s("EUR")}})));

        // A WhatsApp sender ID as production has it: the business's number on a 360dialog connection.
        const qint64 dialog = createId(s("http-connections"), j({{s("name"), s("360dialog")}, {s("vendorType"), s("dialog360")},
                                                                 {s("vendorUrl"), s("https://waba.360dialog.io")},
                                                                 {s("rpsLimit"), 20}, {s("windowLimit"), 10}}));
        m_whatsAppSender = createId(s("sender-ids"),
                                    j({{s("channel"), s("whatsapp")}, {s("senderId"), WhatsAppSender}, {s("name"), s("Pizza Planet WhatsApp")},
                                       {s("agreementId"), m_agreement}, {s("status"), s("active")}, {s("vendorType"), s("http")},
                                       {s("httpConnectionId"), dialog},
                                       {s("properties"), j({{s("wabaId"), s("103302382679112")}, {s("apiKey"), s("demo-key")},
                                                            {s("mediaUrl"), s("https://waba.360dialog.io/v1/media")}})}}));
        // §7.3.6's pack: SMS and WhatsApp messages from one set of units (given free here: its
        // purchase is tst_api_pack_usage's).
        RateTreeBuilder pack;
        pack.plain(pack.depends(0, s("sms"), s("resource")), s("sms-message"), s("included"));
        pack.plain(pack.depends(0, s("whatsapp"), s("resource")), s("whatsapp-message"), s("included"));
        m_pack = enable(newService(s("SMS&WA Pack"), s("unitPack"), pack, j({{s("units"), PackUnits}})), s("free"));
        // Money for everything below.
        const auto payment = TestServer::post(*m_admin, s("payments"),
                                              j({{s("agreementId"), m_agreement}, {s("paymentDate"), QDate::currentDate().toString(Qt::ISODate)},
                                                 {s("referenceCode"), s("CHANNELS")}, {s("direction"), s("inbound")}, {s("amount"), s("100")},
                                                 {s("currency"), s("EUR")}, {s("replenishmentAmount"), s("100")}, {s("confirmed"), true}}));
        QVERIFY2(payment.status == 201, payment.raw.constData());
    }

    void whatsappWithoutAdapterCostsNothing()
    {
        const qint64 pack = m_pack;
        const Amount before = balance();
        const qint64 charges = m_server->count(s("charges"));

        const QString transaction = send(s("whatsapp"), longText());
        QVERIFY(!transaction.isEmpty());
        QVERIFY(settle());
        const QString edr = s("transaction_id = '%1'").arg(transaction);
        // Admitted and rated on its channel, as one message, from the pack...
        QCOMPARE(m_server->count(s("edrs"), edr), 1);
        QCOMPARE(m_server->count(s("edrs"), edr + s(" AND channel = 'whatsapp' AND enabled_service_id = %1 AND sender_record_id = %2")
                                                     .arg(pack).arg(m_whatsAppSender)),
                 1);
        // ...then refused at dispatch: never sent, never charged, the unit back in the pack.
        QCOMPARE(m_server->scalar(s("SELECT status FROM edrs WHERE ") + edr).toString(), s("FAILED"));
        const QString reason = m_server->scalar(s("SELECT error_text FROM edrs WHERE ") + edr).toString();
        QVERIFY2(reason.contains(s("dialog360")), qPrintable(reason));
        QCOMPARE(m_server->count(s("edrs"), edr + s(" AND charged_at IS NULL")), 1);
        QCOMPARE(m_server->count(s("charges")), charges);
        QCOMPARE(enabled(pack)[s("unitsUsed")].toInteger(), 0);
        QCOMPARE(packReserved(pack), 0);
        QCOMPARE(balance(), before);
        QCOMPARE(storedBalance(), before);
    }

    void onePackAcrossChannelsInArrivalOrder()
    {
        // The emulator stands in for a WhatsApp vendor: the sender ID goes out over SMPP.
        const qint64 emulator = scalar(s("SELECT id FROM vendor_smpp_connections WHERE name = 'Demo vendor (emulator)'"));
        QVERIFY(emulator > 0);
        m_server->execSql(s("UPDATE sender_ids SET vendor_type = 'smpp', vendor_connection_id = %1, http_connection_id = NULL"
                            " WHERE id = %2").arg(emulator).arg(m_whatsAppSender));
        server::MessagingChanges::changed();
        const qint64 pack = m_pack;
        QCOMPARE(enabled(pack)[s("unitsUsed")].toInteger(), 0);
        const Amount before = balance();
        QCOMPARE(storedBalance(), before);

        // SMS and WhatsApp by turns, ten messages: the first six (in arrival order) take the pack's
        // six units, three of each channel; the other four go to pay-as-you-go, two of each.
        QStringList transactions;
        QStringList channels;
        for (int i = 0; i < 10; ++i) {
            const QString channel = i % 2 == 0 ? s("sms") : s("whatsapp");
            const QString transaction = send(channel, channel == s("sms") ? s("Your order is on its way") : longText());
            QVERIFY2(!transaction.isEmpty(), qPrintable(channel));
            transactions << transaction;
            channels << channel;
        }
        QVERIFY(settle());
        for (int i = 0; i < transactions.size(); ++i) {
            const QString edr = s("transaction_id = '%1'").arg(transactions.at(i));
            const qint64 service = i < PackUnits ? pack : channels.at(i) == s("sms") ? m_smsPayg : m_whatsAppPayg;
            const qint64 price = i < PackUnits ? 0 : channels.at(i) == s("sms") ? SmsPrice : WhatsAppPrice;
            // WhatsApp's pay-as-you-go price is charged on delivery, the rest on submit.
            const QString rule = i >= PackUnits && channels.at(i) == s("whatsapp") ? s("delivered") : s("submitted");
            const QString where = edr + s(" AND channel = '%1' AND part_count = 1 AND enabled_service_id = %2 AND price = %3"
                                          " AND billing_rule = '%4' AND status = 'DELIVERED' AND charged_at IS NOT NULL")
                                            .arg(channels.at(i)).arg(service).arg(price).arg(rule);
            QVERIFY2(m_server->count(s("edrs"), edr) == 1 && m_server->count(s("edrs"), where) == 1,
                     qPrintable(s("message %1 (%2)").arg(i + 1).arg(channels.at(i))));
            // Charged once: a pack part at zero with its unit, a pay-as-you-go one at its price.
            const QString charge = s("source = 'traffic' AND edr_id = (SELECT id FROM edrs WHERE %1) AND amount = %2 AND %3")
                                       .arg(edr).arg(price).arg(i < PackUnits ? s("pack_debit = 1") : s("pack_debit IS NULL"));
            QVERIFY2(m_server->count(s("charges"), charge) == 1, qPrintable(s("charge of message %1").arg(i + 1)));
        }
        QCOMPARE(enabled(pack)[s("unitsUsed")].toInteger(), PackUnits);
        QCOMPARE(packReserved(pack), 0);
        QCOMPARE(m_server->count(s("edrs"), s("channel = 'whatsapp' AND enabled_service_id = %1 AND charged_at IS NOT NULL").arg(pack)), 3);
        const Amount spent = Amount::fromMicros(2 * SmsPrice + 2 * WhatsAppPrice); // 0.1246 EUR
        QCOMPARE(balance(), before - spent);
        QCOMPARE(storedBalance(), before - spent);
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstApiPackChannels)
#include "tst_api_pack_channels.moc"
