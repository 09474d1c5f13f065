// Packs billed "charge" (BO §6.4, §7.3.6): the price comes from the agreement's pay-as-you-go
// service under Service purchase → Unit pack → the pack's name, is shown before saving ("Rate not
// found" otherwise), and is written off once by the billing job, into the balance and the invoice.
#include "Amount.h"
#include "MessagingEngine.h"
#include "RateTreeBuilder.h"
#include "TestServer.h"

#include <QTest>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

class TstApiPackPurchases final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    qint64 m_agreement = 0;
    qint64 m_pack = 0;
    qint64 m_unpricedPack = 0;

    qint64 first(const QString &path, const QString &query)
    {
        return TestServer::get(*m_admin, path, QUrlQuery(query)).body[s("items")].toArray().first()[s("id")].toInteger();
    }

    qint64 newService(const QString &name, const QString &type, const RateTreeBuilder &tree)
    {
        QJsonObject body{{s("name"), name}, {s("type"), type}, {s("timeZone"), s("Europe/Madrid")}};
        if (type == s("payg"))
            body.insert(s("currency"), s("EUR"));
        else
            body.insert(s("units"), 1000);
        const auto service = TestServer::post(*m_admin, s("services"), body);
        [&] { QVERIFY2(service.status == 201, service.raw.constData()); }();
        const qint64 id = service.body[s("id")].toInteger();
        const auto scope = TestServer::post(*m_admin, s("service-scopes"), j({{s("serviceId"), id}, {s("effectiveFrom"), s("2024-01-01T00:00:00")}}));
        const auto put = TestServer::put(*m_admin, s("service-scopes/%1/tree").arg(scope.body[s("id")].toInteger()), tree.body());
        [&] { QVERIFY2(put.status == 200, put.raw.constData()); }();
        return id;
    }

    TestServer::Answer enable(qint64 service, const QDateTime &from, const QString &billing = {})
    {
        QJsonObject body = j({{s("agreementId"), m_agreement}, {s("serviceId"), service},
                              {s("effectiveFrom"), from.toString(Qt::ISODate)}, {s("effectiveFromZone"), s("UTC")}});
        if (!billing.isEmpty())
            body.insert(s("billing"), billing);
        return TestServer::post(*m_admin, s("enabled-services"), body);
    }

    qint64 packCharges(qint64 enabledId) const
    {
        return m_server->count(s("charges"), s("source = 'packPurchase' AND enabled_service_id = %1").arg(enabledId));
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_admin = m_server->signIn(s("admin"));
        QVERIFY(m_admin);
        const qint64 company = first(s("companies"), s("name=Kiwi Lab"));
        const qint64 own = first(s("own-legal-entities"), s("name=Nordwave Iberia S.L."));
        const auto agreement = TestServer::post(
            *m_admin, s("agreements"),
            j({{s("companyId"), company}, {s("legalEntityId"), first(s("legal-entities"), s("companyId=%1").arg(company))},
               {s("ownLegalEntityId"), own}, {s("ownBankAccountId"), first(s("own-bank-accounts"), s("ownLegalEntityId=%1").arg(own))},
               {s("code"), s("PACK-1")}, {s("agreementDate"), s("2024-01-01")}, {s("currency"), s("EUR")},
               {s("effectiveFrom"), s("2024-01-01T00:00:00")}, {s("effectiveFromZone"), s("UTC")},
               {s("billingTimeZone"), s("Europe/Madrid")}, {s("daysForPayment"), 10}, {s("billingPeriod"), s("monthly")},
               {s("billingDay"), 1}}));
        QVERIFY2(agreement.status == 201, agreement.raw.constData());
        m_agreement = agreement.body[s("id")].toInteger();

        // §7.3.6: the pay-as-you-go service prices the pack's purchase, flat 100.
        RateTreeBuilder payg;
        const qint64 purchase = payg.depends(0, s("service-purchase"), s("resource"));
        const qint64 unitPack = payg.depends(purchase, s("unit-pack"), s("pack"));
        payg.flat(unitPack, s("USA SMS&WA Pack"), s("100"));
        const qint64 sms = payg.depends(0, s("sms"), s("resource"));
        payg.flat(sms, s("sms-message"), s("0.3"));
        QVERIFY(enable(newService(s("Pack prices"), s("payg"), payg), QDateTime::fromString(s("2024-01-01T00:00:00Z"), Qt::ISODate)).status == 201);

        RateTreeBuilder packTree;
        const qint64 packSms = packTree.depends(0, s("sms"), s("resource"));
        packTree.flat(packSms, s("sms-message"), s("1"));
        m_pack = newService(s("USA SMS&WA Pack"), s("unitPack"), packTree);
        m_unpricedPack = newService(s("Unlisted pack"), s("unitPack"), packTree);
        QVERIFY(m_pack > 0 && m_unpricedPack > 0);
    }

    void priceIsShownBeforeSaving()
    {
        auto answer = TestServer::post(*m_admin, s("enabled-services/pack-price"), j({{s("agreementId"), m_agreement}, {s("serviceId"), m_pack}}));
        QVERIFY2(answer.status == 200, answer.raw.constData());
        QCOMPARE(answer.body[s("price")].toString(), s("100.00"));
        QCOMPARE(answer.body[s("currency")].toString(), s("EUR"));
        answer = TestServer::post(*m_admin, s("enabled-services/pack-price"), j({{s("agreementId"), m_agreement}, {s("serviceId"), m_unpricedPack}}));
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.body[s("price")].isNull());
        QVERIFY2(answer.body[s("message")].toString().startsWith(s("Rate not found")), answer.raw.constData());
        // Before the pay-as-you-go service is effective there is no price either.
        answer = TestServer::post(*m_admin, s("enabled-services/pack-price"),
                                  j({{s("agreementId"), m_agreement}, {s("serviceId"), m_pack}, {s("effectiveFrom"), s("2023-06-01T00:00:00Z")}}));
        QVERIFY(answer.body[s("price")].isNull());
        QCOMPARE(TestServer::post(*m_admin, s("enabled-services/pack-price"), j({{s("agreementId"), m_agreement}, {s("serviceId"), 999999}})).status, 404);
    }

    void chargedPackIsWrittenOffOnce()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto enabled = enable(m_pack, now.addSecs(-60), s("charge"));
        QVERIFY2(enabled.status == 201, enabled.raw.constData());
        const qint64 id = enabled.body[s("id")].toInteger();
        const auto free = enable(m_pack, now.addSecs(-30), s("free"));
        QVERIFY2(free.status == 201, free.raw.constData());
        const auto unpriced = enable(m_unpricedPack, now.addSecs(-30), s("charge"));
        QCOMPARE(unpriced.status, 201);
        // Not yet effective: nothing to write off.
        const auto later = enable(m_pack, now.addDays(3), s("charge"));
        QCOMPARE(later.status, 201);

        m_server->instance().runBillingJobs(now);
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(packCharges(id), 1);
        QCOMPARE(m_server->scalar(s("SELECT amount FROM charges WHERE source = 'packPurchase' AND enabled_service_id = %1").arg(id)).toLongLong(),
                 100'000'000);
        QCOMPARE(packCharges(free.body[s("id")].toInteger()), 0);
        QCOMPARE(packCharges(unpriced.body[s("id")].toInteger()), 0);
        QCOMPARE(packCharges(later.body[s("id")].toInteger()), 0);
        const auto balance = TestServer::get(*m_admin, s("agreements/%1/balance").arg(m_agreement));
        QCOMPARE(money(balance.body[s("balance")]), -Amount::fromMicros(100'000'000));

        // Again: still one charge, the balance unmoved.
        m_server->instance().runBillingJobs(now.addSecs(60));
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(packCharges(id), 1);
        QCOMPARE(money(TestServer::get(*m_admin, s("agreements/%1/balance").arg(m_agreement)).body[s("balance")]),
                 -Amount::fromMicros(100'000'000));

        // In the running period's invoice, with the entity's IVA on top.
        QUrlQuery byAgreement;
        byAgreement.addQueryItem(s("agreementId"), QString::number(m_agreement));
        const QJsonObject invoice = TestServer::get(*m_admin, s("invoices"), byAgreement).body[s("items")].toArray().first().toObject();
        QVERIFY(!invoice.isEmpty());
        QCOMPARE(TestServer::post(*m_admin, s("invoices/%1/recalculate").arg(invoice[s("id")].toInteger()), {}).status, 200);
        QUrlQuery byInvoice;
        byInvoice.addQueryItem(s("invoiceId"), QString::number(invoice[s("id")].toInteger()));
        const QJsonArray lines = TestServer::get(*m_admin, s("invoice-lines"), byInvoice).body[s("items")].toArray();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first()[s("source")].toString(), s("packPurchase"));
        QCOMPARE(money(lines.first()[s("net")]), Amount::fromMicros(100'000'000));
        QCOMPARE(money(lines.first()[s("tax")]), Amount::fromMicros(21'000'000)); // Nordwave Iberia: IVA 21 %
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstApiPackPurchases)
#include "tst_api_pack_purchases.moc"
