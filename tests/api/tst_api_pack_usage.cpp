// What packs cover (BO §6.4, §7.3.6–7.3.7, decision 008): unit packs are used before
// pay-as-you-go, the earliest first, until used up; a monetary pack spends its own money; bundle
// traffic counts against a bundle pack and goes over it at the pay-as-you-go bundle member price
// (the seed's limit 100, usage 200, price 0.2 → 20 EUR); a bundle pack with auto-extend is bought
// again instead. Sub-balances are in the enabled services' answers; the money balance moves only
// by what packs do not cover and by purchases.
#include "Amount.h"
#include "MessagingEngine.h"
#include "RateTreeBuilder.h"
#include "TestServer.h"

#include <QTest>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

class TstApiPackUsage final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_sender;
    qint64 m_agreement = 0;
    int m_nextNumber = 0;
    QDateTime m_bundleStart; // when the bundle's traffic began

    qint64 newService(const QString &name, const QString &type, const RateTreeBuilder &tree, const QJsonObject &size = {})
    {
        QJsonObject body{{s("name"), name}, {s("type"), type}, {s("timeZone"), s("UTC")}};
        for (auto it = size.begin(); it != size.end(); ++it)
            body.insert(it.key(), it.value());
        const auto service = TestServer::post(*m_admin, s("services"), body);
        [&] { QVERIFY2(service.status == 201, service.raw.constData()); }();
        const qint64 id = service.body[s("id")].toInteger();
        const auto scope = TestServer::post(*m_admin, s("service-scopes"), j({{s("serviceId"), id}, {s("effectiveFrom"), s("2024-01-01T00:00:00")}}));
        const auto put = TestServer::put(*m_admin, s("service-scopes/%1/tree").arg(scope.body[s("id")].toInteger()), tree.body());
        [&] { QVERIFY2(put.status == 200, put.raw.constData()); }();
        return id;
    }

    qint64 enable(qint64 service, qint64 secondsAgo, const QString &billing = {}, bool autoExtend = false)
    {
        QJsonObject body = j({{s("agreementId"), m_agreement}, {s("serviceId"), service},
                              {s("effectiveFrom"), QDateTime::currentDateTimeUtc().addSecs(-secondsAgo).toString(Qt::ISODate)},
                              {s("effectiveFromZone"), s("UTC")}});
        if (!billing.isEmpty())
            body.insert(s("billing"), billing);
        if (autoExtend)
            body.insert(s("autoExtend"), true);
        const auto answer = TestServer::post(*m_admin, s("enabled-services"), body);
        [&] { QVERIFY2(answer.status == 201, answer.raw.constData()); }();
        return answer.body[s("id")].toInteger();
    }

    static RateTreeBuilder smsTree(const QString &priceType, const QString &price = {})
    {
        RateTreeBuilder tree;
        const qint64 sms = tree.depends(0, s("sms"), s("resource"));
        if (price.isEmpty())
            tree.plain(sms, s("sms-message"), priceType);
        else
            tree.flat(sms, s("sms-message"), price);
        return tree;
    }

    // Sends `count` one-part messages to numbers not used before and waits until all are charged.
    void send(int count)
    {
        QStringList to;
        while (count-- > 0)
            to << s("346221%1").arg(300000 + m_nextNumber++);
        QString error;
        QVERIFY2(m_server->sendAndSettle(*m_sender, s("PizzaPlanet"), to, &error), qPrintable(error));
    }

    qint64 partsBy(qint64 enabledId) const
    {
        return m_server->count(s("charges"), s("source = 'traffic' AND enabled_service_id = %1").arg(enabledId));
    }

    QJsonObject enabled(qint64 id) const { return TestServer::get(*m_admin, s("enabled-services/%1").arg(id)).body; }

    Amount balance() const { return money(TestServer::get(*m_admin, s("agreements/%1/balance").arg(m_agreement)).body[s("balance")]); }

    Amount storedBalance() const
    {
        return Amount::fromMicros(m_server->scalar(s("SELECT balance FROM agreement_balances WHERE agreement_id = %1").arg(m_agreement)).toLongLong());
    }

    Amount paygCharges(qint64 sinceChargeId) const
    {
        return Amount::fromMicros(m_server->scalar(s("SELECT coalesce(sum(amount), 0) FROM charges WHERE agreement_id = %1 AND id > %2"
                                                     " AND source = 'traffic' AND pack_debit IS NULL").arg(m_agreement).arg(sinceChargeId)).toLongLong());
    }

    qint64 lastChargeId() const { return m_server->scalar(s("SELECT coalesce(max(id), 0) FROM charges")).toLongLong(); }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true, [](server::ServerOptions &options) { options.emulateVendorPort = 0; });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_admin = m_server->signIn(s("admin"));
        QVERIFY(m_admin);
        m_sender = m_server->anonymous();
        m_sender->setToken(s("bo_demo_send_api_key_2026"));
        QUrlQuery byCode;
        byCode.addQueryItem(s("code"), s("NW-2025-1002")); // the demo API key's agreement, EUR
        m_agreement = TestServer::get(*m_admin, s("agreements"), byCode).body[s("items")].toArray().first()[s("id")].toInteger();
        QVERIFY(m_agreement > 0);
        // Money for everything below, so no part is refused for the balance.
        const auto payment = TestServer::post(*m_admin, s("payments"),
                                              j({{s("agreementId"), m_agreement}, {s("paymentDate"), QDate::currentDate().toString(Qt::ISODate)},
                                                 {s("referenceCode"), s("PACKS")}, {s("direction"), s("inbound")}, {s("amount"), s("1000")},
                                                 {s("currency"), s("EUR")}, {s("replenishmentAmount"), s("1000")}, {s("confirmed"), true}}));
        QVERIFY2(payment.status == 201, payment.raw.constData());

        // One pay-as-you-go service for the prices of all packs in EUR (as §7.3.6 recommends): the
        // unit pack of §7.3.6 costs 10, the bundle pack of §7.3.7 100, a member over it 0.2.
        RateTreeBuilder prices;
        const qint64 purchase = prices.depends(0, s("service-purchase"), s("resource"));
        prices.flat(prices.depends(purchase, s("unit-pack"), s("pack")), s("USA SMS&WA Pack"), s("10"));
        prices.flat(prices.depends(purchase, s("bundle-pack"), s("pack")), s("Bundle_2_pack"), s("100"));
        prices.flat(prices.depends(0, s("bundle-grouping"), s("resource")), s("bundle-member"), s("0.2"));
        enable(newService(s("Pack prices"), s("payg"), prices, j({{s("currency"), s("EUR")}})), 3600);
    }

    void seedPackExample()
    {
        // §7.3.6: 1,000 messages on SMS and WhatsApp for 10 EUR, bought on its effective-from; the
        // 1,001st message is priced by pay-as-you-go. (The seed sells it for the USA; the tree here
        // covers every country, the demo sender only reaches Spain.)
        RateTreeBuilder tree;
        tree.plain(tree.depends(0, s("sms"), s("resource")), s("sms-message"), s("included"));
        tree.plain(tree.depends(0, s("whatsapp"), s("resource")), s("whatsapp-message"), s("included"));
        const qint64 pack = enable(newService(s("USA SMS&WA Pack"), s("unitPack"), tree, j({{s("units"), 1000}})), 60, s("charge"));
        const Amount before = balance();
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(balance(), before - Amount::fromMicros(10'000'000));
        const qint64 since = lastChargeId();
        send(1000);
        QCOMPARE(partsBy(pack), 1000);
        QCOMPARE(enabled(pack)[s("unitsUsed")].toInteger(), 1000);
        QCOMPARE(balance(), before - Amount::fromMicros(10'000'000));
        send(1);
        QCOMPARE(partsBy(pack), 1000);
        QCOMPARE(m_server->count(s("charges"), s("id > %1 AND source = 'traffic' AND pack_debit IS NULL").arg(since)), 1);
        QCOMPARE(balance(), before - Amount::fromMicros(10'000'000) - paygCharges(since));
        // The price terms say which were the pack's: "included" by the pack's tree, the purchase a
        // flat rate of the pack prices' node, the 1,001st priced by pay-as-you-go.
        QCOMPARE(m_server->count(s("charges"), s("id > %1 AND enabled_service_id = %2 AND price_type = 'included' AND rate_id > 0")
                                                   .arg(since).arg(pack)),
                 1000);
        QCOMPARE(m_server->count(s("charges"), s("source = 'packPurchase' AND enabled_service_id = %1 AND price_type = 'flat' AND rate_id > 0")
                                                   .arg(pack)),
                 1);
        QCOMPARE(m_server->count(s("charges"), s("id > %1 AND pack_debit IS NULL AND price_type IN ('flat', 'scale')").arg(since)), 1);
    }

    void unitPacksThenPayAsYouGo()
    {
        const qint64 service = newService(s("Two SMS"), s("unitPack"), smsTree(s("included")), j({{s("units"), 2}}));
        const qint64 earlier = enable(service, 120, s("free"));
        const qint64 later = enable(service, 60, s("free"));
        const qint64 since = lastChargeId();
        const Amount before = balance();
        send(5);
        // The earliest pack first, then the next, then pay-as-you-go.
        QCOMPARE(partsBy(earlier), 2);
        QCOMPARE(partsBy(later), 2);
        QCOMPARE(m_server->count(s("charges"), s("id > %1 AND source = 'traffic' AND pack_debit IS NULL").arg(since)), 1);
        QCOMPARE(enabled(earlier)[s("unitsUsed")].toInteger(), 2);
        QCOMPARE(enabled(earlier)[s("packSize")].toInteger(), 2);
        QCOMPARE(enabled(later)[s("unitsUsed")].toInteger(), 2);
        const Amount payg = paygCharges(since);
        QVERIFY(payg > Amount());
        QCOMPARE(balance(), before - payg);
        QCOMPARE(storedBalance(), balance());
        // The balance answer carries the sub-balances of the packs in force, in the order traffic uses them.
        const QJsonArray packs = TestServer::get(*m_admin, s("agreements/%1/balance").arg(m_agreement)).body[s("packs")].toArray();
        QList<qint64> order;
        for (const QJsonValue &entry : packs)
            order.append(entry[s("enabledServiceId")].toInteger());
        QVERIFY(order.indexOf(earlier) >= 0 && order.indexOf(earlier) < order.indexOf(later));
        const QJsonValue first = packs.at(order.indexOf(earlier));
        QCOMPARE(first[s("used")].toInteger(), 2);
        QCOMPARE(first[s("left")].toInteger(), 0);
        QCOMPARE(first[s("size")].toInteger(), 2);
    }

    void monetaryPackSpendsItsOwnMoney()
    {
        const qint64 service = newService(s("Quarter euro"), s("monetaryPack"), smsTree(s("flat"), s("0.1")),
                                          j({{s("currency"), s("EUR")}, {s("amount"), s("0.25")}}));
        const qint64 pack = enable(service, 30, s("free"));
        const qint64 since = lastChargeId();
        const Amount before = balance();
        send(3);
        QCOMPARE(partsBy(pack), 2); // 0.1 + 0.1; the third would need 0.1 of the 0.05 left
        QCOMPARE(money(enabled(pack)[s("moneySpent")]), Amount::fromMicros(200'000));
        QCOMPARE(money(enabled(pack)[s("moneyLeft")]), Amount::fromMicros(50'000));
        QCOMPARE(m_server->scalar(s("SELECT sum(amount) FROM charges WHERE enabled_service_id = %1").arg(pack)).toLongLong(), 0);
        QCOMPARE(balance(), before - paygCharges(since));
        bool found = false;
        for (const QJsonValue &entry : TestServer::get(*m_admin, s("agreements/%1/balance").arg(m_agreement)).body[s("packs")].toArray()) {
            if (entry[s("enabledServiceId")].toInteger() != pack)
                continue;
            found = true;
            QCOMPARE(entry[s("left")].toString(), s("0.05"));
            QCOMPARE(entry[s("used")].toString(), s("0.20"));
        }
        QVERIFY(found);
    }

    void bundleOverTheLimitAtTheMemberPrice()
    {
        // §7.3.7: the initiator says which traffic is bundle traffic, the bundle pack holds 100
        // members, the pack prices service prices the pack (100) and each member over it (0.2).
        const qint64 initiator = newService(s("Bundle_1"), s("bundleInitiator"), smsTree(s("included")), j({{s("currency"), s("EUR")}}));
        RateTreeBuilder members;
        members.plain(members.depends(0, s("bundle-grouping"), s("resource")), s("bundle-member"), s("included"));
        const qint64 bundle = newService(s("Bundle_2_pack"), s("bundlePack"), members, j({{s("units"), 100}}));
        enable(initiator, 30);
        const qint64 pack = enable(bundle, 30, s("charge"));

        const Amount before = balance();
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(balance(), before - Amount::fromMicros(100'000'000)); // the purchase
        const qint64 since = lastChargeId();
        m_bundleStart = QDateTime::currentDateTimeUtc();
        send(200);
        QCOMPARE(partsBy(pack), 100);
        QCOMPARE(enabled(pack)[s("unitsUsed")].toInteger(), 100);
        const Amount over = paygCharges(since);
        QCOMPARE(over, Amount::fromMicros(20'000'000)); // 100 × 0.2 = 20 EUR
        QCOMPARE(m_server->count(s("charges"), s("id > %1 AND source = 'traffic' AND amount = 200000").arg(since)), 100);
        QCOMPARE(balance(), before - Amount::fromMicros(120'000'000));
        QCOMPARE(storedBalance(), balance());
    }

    void bundleWithAutoExtendIsBoughtAgain()
    {
        QUrlQuery query;
        query.addQueryItem(s("agreementId"), QString::number(m_agreement));
        query.addQueryItem(s("serviceType"), s("bundlePack"));
        const qint64 used = TestServer::get(*m_admin, s("enabled-services"), query).body[s("items")].toArray().first()[s("id")].toInteger();
        QCOMPARE(TestServer::patch(*m_admin, s("enabled-services/%1").arg(used), j({{s("effectiveTill"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                                                                                     {s("effectiveTillZone"), s("UTC")}})).status, 200);
        QUrlQuery byName;
        byName.addQueryItem(s("name"), s("Bundle_2_pack"));
        const qint64 bundle = TestServer::get(*m_admin, s("services"), byName).body[s("items")].toArray().first()[s("id")].toInteger();
        const qint64 pack = enable(bundle, 0, s("charge"), true);
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        m_server->instance().messagingEngine()->flush();
        const Amount before = balance();
        const qint64 since = lastChargeId();
        send(130);
        QCOMPARE(partsBy(pack), 130);
        QCOMPARE(paygCharges(since), Amount()); // nothing over: bought again instead
        QCOMPARE(enabled(pack)[s("rounds")].toInteger(), 2);
        QCOMPARE(enabled(pack)[s("packSize")].toInteger(), 200);
        QCOMPARE(enabled(pack)[s("unitsUsed")].toInteger(), 130);
        QCOMPARE(m_server->count(s("charges"), s("source = 'packPurchase' AND enabled_service_id = %1").arg(pack)), 2);
        QCOMPARE(m_server->count(s("charges"), s("source = 'packPurchase' AND transaction_id = 'pack-%1-2'").arg(pack)), 1);
        QCOMPARE(balance(), before - Amount::fromMicros(100'000'000));
        QCOMPARE(storedBalance(), balance());
    }

    void autoExtendIsForBundlePacksOnly()
    {
        QUrlQuery byName;
        byName.addQueryItem(s("name"), s("Two SMS"));
        const qint64 unitPack = TestServer::get(*m_admin, s("services"), byName).body[s("items")].toArray().first()[s("id")].toInteger();
        const auto answer = TestServer::post(*m_admin, s("enabled-services"),
                                             j({{s("agreementId"), m_agreement}, {s("serviceId"), unitPack}, {s("billing"), s("free")},
                                                {s("autoExtend"), true}, {s("effectiveFrom"), s("2026-01-01T00:00:00")},
                                                {s("effectiveFromZone"), s("UTC")}}));
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.body[s("error")][s("fields")][s("autoExtend")].isString(), answer.raw.constData());
    }

    void rerateLeavesPackDecisionsAlone()
    {
        // Nothing changed in the rates: a rerate of the bundle traffic changes nothing — parts a
        // pack covered are not priced again, and a member over the packs keeps its member price
        // (not the initiator's "included"). (Earlier traffic is left out: the tests enable services
        // with an effective-from in the recent past, so a rerate would rightly price it under them.)
        const Amount before = balance();
        const qint64 charges = m_server->count(s("charges"));
        const qint64 company = TestServer::get(*m_admin, s("agreements/%1").arg(m_agreement)).body[s("companyId")].toInteger();
        QString error;
        const QJsonObject done = m_server->runRerateTask(
            *m_admin,
            j({{s("companyId"), company}, {s("agreementId"), m_agreement}, {s("timeFrom"), m_bundleStart.toString(Qt::ISODateWithMs)},
               {s("timeTill"), QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODate)}}),
            &error);
        QVERIFY2(!done.isEmpty(), qPrintable(error));
        QVERIFY2(done[s("processedCount")].toInteger() >= 100, qPrintable(QString::number(done[s("processedCount")].toInteger())));
        QCOMPARE(done[s("updatedCount")].toInteger(), 0);
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(m_server->count(s("charges")), charges);
        QCOMPARE(balance(), before);
    }

    void cleanupTestCase()
    {
        m_sender.reset();
        m_admin.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstApiPackUsage)
#include "tst_api_pack_usage.moc"
