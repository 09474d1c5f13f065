// The rating engine through POST /api/v1/rating/quote: the worked examples of the staff manual
// (§7.3.3 SMS, §7.3.4 WhatsApp, §7.3.5 RCS) built through the API and quoted to the exact amount,
// tier against back-to-first, packs before pay-as-you-go, and the rules of enabled services.
#include "RateTreeBuilder.h"
#include "TestServer.h"

#include <QtTest>

using namespace backoffice;
using namespace backoffice::test;

class ApiRatingQuoteTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void smsExample_data();
    void smsExample();
    void whatsappExample_data();
    void whatsappExample();
    void rcsExample_data();
    void rcsExample();
    void explainTraceNamesServiceScopeAndPath();
    void tierAgainstBackToFirstOn1050Messages();
    void packsComeBeforePayAsYouGoEarliestFirst();
    void enabledDatesAreReadInTheirZone();
    void overlappingPayAsYouGoOnOneChannelIsRefused();
    void enablingChecksCurrencyArchiveAndPackBilling();
    void archivedServiceStopsTraffic();
    void withoutServiceTheReasonIsGiven();
    void badRequestsAreRefused_data();
    void badRequestsAreRefused();
    void quotesNeedServicesViewAndWriteNothing();

private:
    qint64 newAgreement(const QString &code, const QString &currency);
    qint64 newService(const QString &name, const QString &type, const QString &currency, const RateTreeBuilder &tree,
                      qint64 *scopeId = nullptr);
    TestServer::Answer enable(qint64 agreement, qint64 service, const QString &from, const QJsonObject &extra = {});
    TestServer::Answer quote(QJsonObject body);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    qint64 m_company = 0, m_legalEntity = 0, m_ownLegalEntity = 0, m_ownBankAccount = 0;
    qint64 m_euro = 0, m_dollar = 0; // agreements
    qint64 m_sms = 0, m_smsScope = 0, m_whatsapp = 0, m_rcs = 0;
    RateTreeBuilder m_smsTree;
    qint64 m_digi = 0;
};

namespace {

QJsonObject withAll(QJsonObject body, const QJsonObject &more)
{
    for (auto it = more.begin(); it != more.end(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

} // namespace

void ApiRatingQuoteTest::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    m_admin = m_server->signIn(s("admin"));
    QVERIFY(m_admin);
    auto first = [this](const QString &path, const QString &query) {
        return TestServer::get(*m_admin, path, QUrlQuery(query)).body.value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
    };
    m_company = first(s("companies"), s("name=Kiwi Lab"));
    m_legalEntity = first(s("legal-entities"), QStringLiteral("companyId=%1").arg(m_company));
    m_ownLegalEntity = first(s("own-legal-entities"), s("name=Nordwave Iberia S.L."));
    m_ownBankAccount = first(s("own-bank-accounts"), QStringLiteral("ownLegalEntityId=%1").arg(m_ownLegalEntity));
    m_euro = newAgreement(s("Q-EUR"), s("EUR"));
    m_dollar = newAgreement(s("Q-USD"), s("USD"));
    QVERIFY(m_euro > 0 && m_dollar > 0);

    // §7.3.3: MO free; Vodafone Spain flat 0.04; DIGI mobil a tier scale per sender ID; rest of Spain
    // 0.08; rest of the world three tiers; sender ID setup and usage fees by MNO.
    RateTreeBuilder &t = m_smsTree;
    const qint64 sms = t.depends(0, s("sms"), s("resource"));
    const qint64 message = t.depends(sms, s("sms-message"), s("direction"));
    t.rules(message, s("submitted"), s("segments"));
    t.plain(message, s("mo"), s("free"));
    const qint64 mt = t.depends(message, s("mt"), s("country"));
    const qint64 spain = t.depends(mt, s("ES"), s("network"));
    t.flat(spain, s("Vodafone"), s("0.04"));
    m_digi = t.scale(spain, s("DIGI mobil"), {{0, s("0.005")}, {1000, s("0.004")}}, s("tier"), s("senderId"));
    t.flat(spain, s("*"), s("0.08"));
    t.scale(mt, s("*"), {{0, s("0.05")}, {10000, s("0.04")}, {50000, s("0.03")}});
    const qint64 setup = t.depends(sms, s("sender-id-setup-fee"), s("mno"));
    t.flat(setup, s("Vodafone"), s("50"));
    const qint64 usage = t.depends(sms, s("sender-id-usage-fee"), s("mno"));
    t.rules(usage, QString(), s("fullPeriod"));
    t.flat(usage, s("Vodafone"), s("10"));
    t.flat(usage, s("DIGI mobil"), s("15"));
    m_sms = newService(s("SMS service"), s("payg"), s("EUR"), t, &m_smsScope);

    // §7.3.4: Argentina by pricing category, then pricing type; tiers for authentication and utility.
    RateTreeBuilder w;
    const qint64 wa = w.depends(0, s("whatsapp"), s("resource"));
    const qint64 waMessage = w.depends(wa, s("whatsapp-message"), s("whatsappRegion"));
    w.rules(waMessage, s("submitted"), s("messages"));
    const qint64 argentina = w.depends(waMessage, s("AR"), s("pricingCategory"));
    const qint64 auth = w.depends(argentina, s("authentication"), s("pricingType"));
    w.scale(auth, s("regular"), {{0, s("0.0289")}, {120000, s("0.0275")}, {400000, s("0.0260")}, {1000000, s("0.0246")},
                                 {5000000, s("0.0231")}, {10000000, s("0.0217")}});
    const qint64 utility = w.depends(argentina, s("utility"), s("pricingType"));
    w.scale(utility, s("regular"), {{0, s("0.0289")}, {100000, s("0.0275")}, {1000000, s("0.0260")},
                                    {4500000, s("0.0246")}, {15000000, s("0.0231")}, {30000000, s("0.0217")}});
    const qint64 international = w.depends(argentina, s("authentication-international"), s("pricingType"));
    w.flat(international, s("regular"), s("0.0280"));
    const qint64 marketing = w.depends(argentina, s("marketing"), s("pricingType"));
    w.flat(marketing, s("regular"), s("0.0618"));
    w.plain(argentina, s("service"), s("free"));
    w.plain(argentina, s("*"), s("free"));
    m_whatsapp = newService(s("WhatsApp service"), s("payg"), s("USD"), w);

    // §7.3.5: RCS by message type, then country; charged on delivery.
    RateTreeBuilder r;
    const qint64 rcs = r.depends(0, s("rcs"), s("resource"));
    const qint64 rcsMessage = r.depends(rcs, s("rcs-message"), s("messageType"));
    r.rules(rcsMessage, s("delivered"), s("messages"));
    const QList<QPair<const char *, QStringList>> prices{{"basic", {s("0.04"), s("0.05"), s("0.034")}},
                                                         {"conversation", {s("0.08"), s("0.088"), s("0.09")}},
                                                         {"single", {s("0.93"), s("0.089"), s("1")}}};
    for (const auto &[type, byCountry] : prices) {
        const qint64 node = r.depends(rcsMessage, s(type), s("country"));
        r.flat(node, s("ES"), byCountry[0]);
        r.flat(node, s("IT"), byCountry[1]);
        r.flat(node, s("FR"), byCountry[2]);
    }
    m_rcs = newService(s("RCS service"), s("payg"), s("EUR"), r);
    QVERIFY(m_sms > 0 && m_whatsapp > 0 && m_rcs > 0);

    QCOMPARE(enable(m_euro, m_sms, s("2024-01-01T00:00:00")).status, 201);
    QCOMPARE(enable(m_euro, m_rcs, s("2024-01-01T00:00:00")).status, 201);
    QCOMPARE(enable(m_dollar, m_whatsapp, s("2024-01-01T00:00:00")).status, 201);
}

qint64 ApiRatingQuoteTest::newAgreement(const QString &code, const QString &currency)
{
    const auto created = TestServer::post(
        *m_admin, s("agreements"),
        j({{s("companyId"), m_company}, {s("legalEntityId"), m_legalEntity}, {s("ownLegalEntityId"), m_ownLegalEntity},
           {s("ownBankAccountId"), m_ownBankAccount}, {s("code"), code}, {s("agreementDate"), s("2023-12-01")},
           {s("currency"), currency}, {s("effectiveFrom"), s("2024-01-01T00:00:00")},
           {s("effectiveFromZone"), s("Europe/Madrid")}, {s("billingTimeZone"), s("Europe/Madrid")},
           {s("daysForPayment"), 15}, {s("billingPeriod"), s("monthly")}, {s("billingDay"), 1}}));
    return created.status == 201 ? created.body.value(s("id")).toInteger() : 0;
}

qint64 ApiRatingQuoteTest::newService(const QString &name, const QString &type, const QString &currency,
                                      const RateTreeBuilder &tree, qint64 *scopeId)
{
    QJsonObject body{{s("name"), name}, {s("type"), type}, {s("timeZone"), s("Europe/Madrid")}};
    if (currency.isEmpty())
        body.insert(s("units"), 1000);
    else
        body.insert(s("currency"), currency);
    const auto service = TestServer::post(*m_admin, s("services"), body);
    if (service.status != 201)
        return 0;
    const qint64 id = service.body.value(s("id")).toInteger();
    const auto scope = TestServer::post(*m_admin, s("service-scopes"),
                                        j({{s("serviceId"), id}, {s("effectiveFrom"), s("2024-01-01T00:00:00")}}));
    const qint64 scope_ = scope.body.value(s("id")).toInteger();
    const auto put = TestServer::put(*m_admin, QStringLiteral("service-scopes/%1/tree").arg(scope_), tree.body());
    if (scope.status != 201 || put.status != 200) {
        qWarning() << name << scope.raw << put.raw;
        return 0;
    }
    if (scopeId)
        *scopeId = scope_;
    return id;
}

TestServer::Answer ApiRatingQuoteTest::enable(qint64 agreement, qint64 service, const QString &from,
                                              const QJsonObject &extra)
{
    return TestServer::post(*m_admin, s("enabled-services"),
                            withAll(j({{s("agreementId"), agreement}, {s("serviceId"), service}, {s("effectiveFrom"), from},
                                       {s("effectiveFromZone"), s("Europe/Madrid")}}),
                                    extra));
}

TestServer::Answer ApiRatingQuoteTest::quote(QJsonObject body)
{
    if (!body.contains(s("at")))
        body.insert(s("at"), s("2026-03-10T12:00:00Z"));
    return TestServer::post(*m_admin, s("rating/quote"), body);
}

void ApiRatingQuoteTest::smsExample_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<QString>("quantityRule");
    const QJsonObject sms{{s("agreementId"), 0}, {s("channel"), s("sms")}, {s("resource"), s("sms-message")}};
    auto row = [&](const char *name, const QJsonObject &more, const char *status, const char *amount, qint64 quantity,
                   const char *rule = "segments") {
        QTest::newRow(name) << withAll(sms, more) << s(status) << s(amount) << quantity << s(rule);
    };
    row("Vodafone Spain, 2 segments", {{s("number"), s("+34600123456")}, {s("segments"), 2}}, "ok", "0.08", 2);
    row("MO is free", {{s("number"), s("+34600123456")}, {s("attributes"), j({{s("direction"), s("mo")}})}}, "free", "0.00", 1);
    row("rest of Spain (Orange)", {{s("number"), s("+34605123456")}}, "ok", "0.08", 1);
    row("DIGI first tier", {{s("number"), s("+34622123456")}, {s("attributes"), j({{s("network"), s("DIGI mobil")}})},
                            {s("senderId"), s("ACME")}}, "ok", "0.005", 1);
    row("DIGI across the threshold",
        {{s("number"), s("+34622123456")}, {s("attributes"), j({{s("network"), s("DIGI mobil")}})},
         {s("periodVolume"), 999}, {s("segments"), 2}}, "ok", "0.009", 2);
    row("rest of world, first tier", {{s("number"), s("+4915112345678")}}, "ok", "0.05", 1);
    row("rest of world, second tier", {{s("number"), s("+4915112345678")}, {s("periodVolume"), 10000}}, "ok", "0.04", 1);
    row("rest of world, third tier", {{s("number"), s("+4915112345678")}, {s("periodVolume"), 50000}, {s("segments"), 3}},
        "ok", "0.09", 3);
    row("sender ID setup fee", {{s("resource"), s("sender-id-setup-fee")}, {s("attributes"), j({{s("mno"), s("Vodafone")}})},
                                {s("segments"), 4}}, "ok", "50.00", 1, "fullPeriod");
    row("sender ID usage fee (DIGI)", {{s("resource"), s("sender-id-usage-fee")}, {s("attributes"), j({{s("mno"), s("DIGI mobil")}})}},
        "ok", "15.00", 1, "fullPeriod");
    row("usage fee for an MNO without one", {{s("resource"), s("sender-id-usage-fee")}, {s("attributes"), j({{s("mno"), s("Movistar")}})}},
        "noRate", "0.00", 0, "fullPeriod");
}

void ApiRatingQuoteTest::smsExample()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, status);
    QFETCH(QString, amount);
    QFETCH(qint64, quantity);
    QFETCH(QString, quantityRule);
    request.insert(s("agreementId"), m_euro);
    const auto answer = quote(request);
    QVERIFY2(answer.status == 200, answer.raw.constData());
    QCOMPARE(answer.body.value(s("status")).toString(), status);
    QCOMPARE(answer.body.value(s("serviceId")).toInteger(), m_sms);
    QCOMPARE(answer.body.value(s("amount")).toString(), amount);
    QCOMPARE(answer.body.value(s("quantity")).toInteger(), quantity);
    QCOMPARE(answer.body.value(s("quantityRule")).toString(), quantityRule);
    QCOMPARE(answer.body.value(s("billingRule")).toString(), s("submitted"));
    QCOMPARE(answer.body.value(s("currency")).toString(), s("EUR"));
}

void ApiRatingQuoteTest::whatsappExample_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<qint64>("volume");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("unitPrice");
    QTest::newRow("utility, first tier") << s("utility") << qint64(0) << s("ok") << s("0.0289");
    QTest::newRow("utility, last unit of tier 1") << s("utility") << qint64(99999) << s("ok") << s("0.0289");
    QTest::newRow("utility, tier 2") << s("utility") << qint64(100000) << s("ok") << s("0.0275");
    QTest::newRow("utility, tier 6") << s("utility") << qint64(30000000) << s("ok") << s("0.0217");
    QTest::newRow("authentication, tier 2") << s("authentication") << qint64(120000) << s("ok") << s("0.0275");
    QTest::newRow("authentication, tier 4") << s("authentication") << qint64(1000000) << s("ok") << s("0.0246");
    QTest::newRow("authentication international") << s("authentication-international") << qint64(0) << s("ok") << s("0.028");
    QTest::newRow("marketing") << s("marketing") << qint64(0) << s("ok") << s("0.0618");
    QTest::newRow("service is free") << s("service") << qint64(0) << s("free") << s("0.00");
    QTest::newRow("unknown category goes to Others") << s("referral-conversion") << qint64(0) << s("free") << s("0.00");
}

void ApiRatingQuoteTest::whatsappExample()
{
    QFETCH(QString, category);
    QFETCH(qint64, volume);
    QFETCH(QString, status);
    QFETCH(QString, unitPrice);
    const auto answer = quote(j({{s("agreementId"), m_dollar}, {s("channel"), s("whatsapp")}, {s("resource"), s("whatsapp-message")},
                                 {s("number"), s("+5491123456789")}, {s("periodVolume"), volume}, {s("segments"), 3},
                                 {s("attributes"), j({{s("whatsappRegion"), s("AR")}, {s("pricingCategory"), category},
                                                      {s("pricingType"), s("regular")}})}}));
    QVERIFY2(answer.status == 200, answer.raw.constData());
    QCOMPARE(answer.body.value(s("status")).toString(), status);
    QCOMPARE(answer.body.value(s("unitPrice")).toString(), unitPrice);
    // Quantity rule "messages": three segments are still one WhatsApp message.
    QCOMPARE(answer.body.value(s("quantity")).toInteger(), qint64(1));
    QCOMPARE(answer.body.value(s("amount")).toString(), unitPrice);
    QCOMPARE(answer.body.value(s("currency")).toString(), s("USD"));
}

void ApiRatingQuoteTest::rcsExample_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("amount");
    QTest::newRow("basic Spain") << s("basic") << s("+34600123456") << s("0.04");
    QTest::newRow("basic Italy") << s("basic") << s("+393301234567") << s("0.05");
    QTest::newRow("basic France") << s("basic") << s("+33607123456") << s("0.034");
    QTest::newRow("conversation Italy") << s("conversation") << s("+393301234567") << s("0.088");
    QTest::newRow("conversation France") << s("conversation") << s("+33607123456") << s("0.09");
    QTest::newRow("single Spain") << s("single") << s("+34600123456") << s("0.93");
    QTest::newRow("single Italy") << s("single") << s("+393301234567") << s("0.089");
    QTest::newRow("single France") << s("single") << s("+33607123456") << s("1.00");
}

void ApiRatingQuoteTest::rcsExample()
{
    QFETCH(QString, type);
    QFETCH(QString, number);
    QFETCH(QString, amount);
    const auto answer = quote(j({{s("agreementId"), m_euro}, {s("channel"), s("rcs")}, {s("resource"), s("rcs-message")},
                                 {s("number"), number}, {s("attributes"), j({{s("messageType"), type}})}}));
    QVERIFY2(answer.status == 200, answer.raw.constData());
    QCOMPARE(answer.body.value(s("serviceId")).toInteger(), m_rcs);
    QCOMPARE(answer.body.value(s("amount")).toString(), amount);
    QCOMPARE(answer.body.value(s("billingRule")).toString(), s("delivered"));
    QCOMPARE(answer.body.value(s("quantityRule")).toString(), s("messages"));
}

void ApiRatingQuoteTest::explainTraceNamesServiceScopeAndPath()
{
    const auto answer = quote(j({{s("agreementId"), m_euro}, {s("channel"), s("sms")}, {s("resource"), s("sms-message")},
                                 {s("number"), s("+34622123456")}, {s("periodVolume"), 1500},
                                 {s("attributes"), j({{s("network"), s("DIGI mobil")}})}}));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(s("explain")).toString(),
             QStringLiteral("Service SMS service, scope %1, SMS → SMS message → A2P (MT) → ES → DIGI mobil: tier 2 of 2, 0.004")
                 .arg(m_smsScope));
    QCOMPARE(answer.body.value(s("bandText")).toString(), s("tier 2 of 2"));
    QCOMPARE(answer.body.value(s("counterGroup")).toString(), s("senderId"));
    QCOMPARE(answer.body.value(s("path")).toArray().size(), 5);
    QCOMPARE(answer.body.value(s("destination")).toObject().value(s("country")).toString(), s("ES"));
    // The billing period counted in is March 2026 in Madrid: 1 March 00:00 CET = 28 February 23:00 UTC.
    const QJsonObject period = answer.body.value(s("period")).toObject();
    QCOMPARE(period.value(s("start")).toString(), s("2026-02-28T23:00:00.000Z"));
    QCOMPARE(period.value(s("end")).toString(), s("2026-03-31T22:00:00.000Z"));
}

void ApiRatingQuoteTest::tierAgainstBackToFirstOn1050Messages()
{
    const QJsonObject digi{{s("agreementId"), m_euro}, {s("channel"), s("sms")}, {s("resource"), s("sms-message")},
                           {s("number"), s("+34622123456")}, {s("attributes"), j({{s("network"), s("DIGI mobil")}})},
                           {s("segments"), 1050}, {s("periodVolume"), 0}};
    // Tier: 1,000 × 0.005 + 50 × 0.004.
    auto tier = quote(digi);
    QCOMPARE(tier.body.value(s("amount")).toString(), s("5.20"));

    // Switch the DIGI scale to back-to-first; the engine must pick up the new tree at once.
    RateTreeBuilder tree = m_smsTree;
    QJsonObject body = tree.body();
    QJsonArray nodes = body.value(s("nodes")).toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QJsonObject node = nodes.at(i).toObject();
        if (node.value(s("id")).toInteger() != m_digi)
            continue;
        QJsonObject scale = node.value(s("scale")).toObject();
        scale.insert(s("mode"), s("backToFirst"));
        node.insert(s("scale"), scale);
        nodes.replace(i, node);
    }
    QCOMPARE(TestServer::put(*m_admin, QStringLiteral("service-scopes/%1/tree").arg(m_smsScope), j({{s("nodes"), nodes}})).status, 200);
    // Back-to-first: all 1,050 at the band reached.
    auto whole = quote(digi);
    QCOMPARE(whole.body.value(s("amount")).toString(), s("4.20"));
    QCOMPARE(whole.body.value(s("scaleMode")).toString(), s("backToFirst"));
    // The same volume in two steps: the first 1,000 at 0.005, then 50 more reach band 2, which
    // re-prices the earlier 1,000 by −0.001 each. The period total matches the single quote.
    QJsonObject first = digi;
    first.insert(s("segments"), 1000);
    QCOMPARE(quote(first).body.value(s("amount")).toString(), s("5.00"));
    QJsonObject second = digi;
    second.insert(s("segments"), 50);
    second.insert(s("periodVolume"), 1000);
    const auto step = quote(second);
    QCOMPARE(step.body.value(s("amount")).toString(), s("0.20"));
    QCOMPARE(step.body.value(s("periodAdjustment")).toString(), s("-1.00"));

    // Back to the tier tree for the other tests.
    QCOMPARE(TestServer::put(*m_admin, QStringLiteral("service-scopes/%1/tree").arg(m_smsScope), m_smsTree.body()).status, 200);
    QCOMPARE(quote(digi).body.value(s("amount")).toString(), s("5.20"));
}

void ApiRatingQuoteTest::packsComeBeforePayAsYouGoEarliestFirst()
{
    const qint64 agreement = newAgreement(s("Q-PACK"), s("EUR"));
    QCOMPARE(enable(agreement, m_sms, s("2024-01-01T00:00:00")).status, 201);
    RateTreeBuilder p;
    const qint64 sms = p.depends(0, s("sms"), s("resource"));
    const qint64 message = p.depends(sms, s("sms-message"), s("direction"));
    const qint64 mt = p.depends(message, s("mt"), s("country"));
    p.plain(mt, s("ES"), s("included"));
    p.plain(mt, s("*"), s("notIncluded"));
    const qint64 later = newService(s("Spain pack B"), s("unitPack"), QString(), p);
    const qint64 earlier = newService(s("Spain pack A"), s("unitPack"), QString(), p);
    QCOMPARE(enable(agreement, later, s("2026-02-01T00:00:00"), {{s("billing"), s("free")}}).status, 201);
    QCOMPARE(enable(agreement, earlier, s("2026-01-01T00:00:00"), {{s("billing"), s("charge")}}).status, 201);

    const QJsonObject spain{{s("agreementId"), agreement}, {s("channel"), s("sms")}, {s("resource"), s("sms-message")},
                            {s("number"), s("+34600123456")}};
    const auto inSpain = quote(spain);
    QCOMPARE(inSpain.body.value(s("status")).toString(), s("included"));
    QCOMPARE(inSpain.body.value(s("serviceId")).toInteger(), earlier);
    // Before either pack starts, the pay-as-you-go service prices the same message.
    QJsonObject december = spain;
    december.insert(s("at"), s("2025-12-15T10:00:00Z"));
    QCOMPARE(quote(december).body.value(s("serviceId")).toInteger(), m_sms);
    // Germany is not included in the packs: they hand over to pay-as-you-go.
    QJsonObject germany = spain;
    germany.insert(s("number"), s("+4915112345678"));
    const auto handed = quote(germany);
    QCOMPARE(handed.body.value(s("serviceId")).toInteger(), m_sms);
    const QJsonArray considered = handed.body.value(s("considered")).toArray();
    QCOMPARE(considered.size(), 3);
    QCOMPARE(considered.at(0).toObject().value(s("serviceId")).toInteger(), earlier);
    QCOMPARE(considered.at(0).toObject().value(s("outcome")).toString(), s("notIncluded"));
    QCOMPARE(considered.at(2).toObject().value(s("outcome")).toString(), s("used"));
}

void ApiRatingQuoteTest::enabledDatesAreReadInTheirZone()
{
    const qint64 agreement = newAgreement(s("Q-ZONE"), s("EUR"));
    const auto enabled = enable(agreement, m_rcs, s("2026-06-01T00:00:00"));
    QCOMPARE(enabled.status, 201);
    QCOMPARE(enabled.body.value(s("effectiveFrom")).toString(), s("2026-05-31T22:00:00.000Z"));
    const QJsonObject basic{{s("agreementId"), agreement}, {s("channel"), s("rcs")}, {s("resource"), s("rcs-message")},
                            {s("number"), s("+34600123456")}, {s("attributes"), j({{s("messageType"), s("basic")}})}};
    QJsonObject before = basic;
    before.insert(s("at"), s("2026-05-31T21:59:59Z"));
    QCOMPARE(quote(before).body.value(s("status")).toString(), s("noService"));
    QJsonObject local = basic; // the same instant as Madrid wall-clock time
    local.insert(s("at"), s("2026-06-01T00:00:00"));
    local.insert(s("atZone"), s("Europe/Madrid"));
    QCOMPARE(quote(local).body.value(s("status")).toString(), s("ok"));
}

void ApiRatingQuoteTest::overlappingPayAsYouGoOnOneChannelIsRefused()
{
    RateTreeBuilder t;
    const qint64 sms = t.depends(0, s("sms"), s("resource"));
    t.flat(sms, s("sms-message"), s("0.01"));
    const qint64 other = newService(s("Cheap SMS"), s("payg"), s("EUR"), t);
    const qint64 before = m_server->count(s("enabled_services"));
    const auto refused = enable(m_euro, other, s("2026-01-01T00:00:00"));
    QCOMPARE(refused.status, 400);
    QVERIFY2(refused.fields().value(s("serviceId")).toString().contains(s("SMS service")), refused.raw.constData());
    QCOMPARE(m_server->count(s("enabled_services")), before);
    // Another channel (RCS is already enabled, WhatsApp is not) does not collide with SMS.
    const qint64 agreement = newAgreement(s("Q-OVERLAP"), s("EUR"));
    QCOMPARE(enable(agreement, m_sms, s("2024-01-01T00:00:00"), {{s("effectiveTill"), s("2025-01-01T00:00:00")}}).status, 201);
    // Starting when the first ends is no overlap; starting before it ends is.
    QCOMPARE(enable(agreement, other, s("2024-12-31T00:00:00")).status, 400);
    QCOMPARE(enable(agreement, other, s("2025-01-01T00:00:00")).status, 201);
}

void ApiRatingQuoteTest::enablingChecksCurrencyArchiveAndPackBilling()
{
    const qint64 agreement = newAgreement(s("Q-RULES"), s("EUR"));
    const auto currency = enable(agreement, m_whatsapp, s("2026-01-01T00:00:00"));
    QCOMPARE(currency.status, 400);
    QVERIFY(currency.fields().value(s("serviceId")).toString().contains(s("USD")));

    RateTreeBuilder p;
    p.plain(p.depends(0, s("sms"), s("resource")), s("sms-message"), s("included"));
    const qint64 pack = newService(s("Pack without billing"), s("unitPack"), QString(), p);
    QVERIFY(enable(agreement, pack, s("2026-01-01T00:00:00")).fields().contains(s("billing")));
    QVERIFY(enable(agreement, m_rcs, s("2026-01-01T00:00:00"), {{s("billing"), s("free")}}).fields().contains(s("billing")));
    QVERIFY(enable(agreement, m_rcs, s("2026-01-01T00:00:00"), {{s("effectiveTill"), s("2025-01-01T00:00:00")}})
                .fields().contains(s("effectiveTill")));

    RateTreeBuilder t;
    t.flat(t.depends(0, s("sms"), s("resource")), s("sms-message"), s("0.02"));
    const qint64 retired = newService(s("Retired SMS"), s("payg"), s("EUR"), t);
    QCOMPARE(TestServer::post(*m_admin, QStringLiteral("services/%1/archive").arg(retired), {}).status, 200);
    QVERIFY(enable(agreement, retired, s("2026-01-01T00:00:00")).fields().value(s("serviceId")).toString().contains(s("archived")));
}

void ApiRatingQuoteTest::archivedServiceStopsTraffic()
{
    RateTreeBuilder t;
    const qint64 sms = t.depends(0, s("sms"), s("resource"));
    t.flat(sms, s("sms-message"), s("0.03"));
    const qint64 service = newService(s("Soon archived"), s("payg"), s("EUR"), t);
    const qint64 agreement = newAgreement(s("Q-ARCHIVE"), s("EUR"));
    QCOMPARE(enable(agreement, service, s("2024-01-01T00:00:00")).status, 201);
    const QJsonObject body{{s("agreementId"), agreement}, {s("channel"), s("sms")}, {s("resource"), s("sms-message")}};
    QCOMPARE(quote(body).body.value(s("amount")).toString(), s("0.03"));
    QCOMPARE(TestServer::post(*m_admin, QStringLiteral("services/%1/archive").arg(service), {}).status, 200);
    const auto stopped = quote(body);
    QCOMPARE(stopped.body.value(s("status")).toString(), s("archived"));
    QCOMPARE(stopped.body.value(s("priced")).toBool(), false);
    QCOMPARE(TestServer::post(*m_admin, QStringLiteral("services/%1/restore").arg(service), {}).status, 200);
    QCOMPARE(quote(body).body.value(s("status")).toString(), s("ok"));
}

void ApiRatingQuoteTest::withoutServiceTheReasonIsGiven()
{
    const auto none = quote(j({{s("agreementId"), m_dollar}, {s("channel"), s("sms")}, {s("resource"), s("sms-message")},
                               {s("number"), s("+34600123456")}}));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.body.value(s("status")).toString(), s("noService"));
    QCOMPARE(none.body.value(s("priced")).toBool(), false);
    QVERIFY(!none.body.value(s("reason")).toString().isEmpty());
    // The WhatsApp tree covers Argentina only: Spain matches no region and there is no Others.
    const auto noRate = quote(j({{s("agreementId"), m_dollar}, {s("channel"), s("whatsapp")}, {s("resource"), s("whatsapp-message")},
                                 {s("attributes"), j({{s("whatsappRegion"), s("ES")}})}}));
    QCOMPARE(noRate.body.value(s("status")).toString(), s("noRate"));
    QVERIFY(noRate.body.value(s("reason")).toString().contains(s("whatsappRegion")));
}

void ApiRatingQuoteTest::badRequestsAreRefused_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const QJsonObject ok{{s("agreementId"), 1}, {s("channel"), s("sms")}, {s("resource"), s("sms-message")}};
    QTest::newRow("no agreement") << j({{s("channel"), s("sms")}, {s("resource"), s("sms-message")}}) << 400 << s("agreementId");
    QTest::newRow("unknown channel") << withAll(ok, {{s("channel"), s("pigeon")}}) << 400 << s("channel");
    QTest::newRow("resource of another channel") << withAll(ok, {{s("resource"), s("rcs-message")}}) << 400 << s("resource");
    QTest::newRow("zero segments") << withAll(ok, {{s("segments"), 0}}) << 400 << s("segments");
    QTest::newRow("fractional messages") << withAll(ok, {{s("messages"), 1.5}}) << 400 << s("messages");
    QTest::newRow("negative volume") << withAll(ok, {{s("periodVolume"), -1}}) << 400 << s("periodVolume");
    QTest::newRow("not a number") << withAll(ok, {{s("number"), s("call me")}}) << 400 << s("number");
    QTest::newRow("unknown attribute") << withAll(ok, {{s("attributes"), j({{s("colour"), s("red")}})}}) << 400 << s("attributes");
    QTest::newRow("bad time") << withAll(ok, {{s("at"), s("yesterday")}}) << 400 << s("at");
    QTest::newRow("bad zone") << withAll(ok, {{s("at"), s("2026-01-01T00:00:00")}, {s("atZone"), s("Mars/Olympus")}}) << 400 << s("atZone");
    QTest::newRow("unknown agreement") << withAll(ok, {{s("agreementId"), 987654}}) << 404 << QString();
}

void ApiRatingQuoteTest::badRequestsAreRefused()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    const auto answer = TestServer::post(*m_admin, s("rating/quote"), body);
    QCOMPARE(answer.status, status);
    if (!field.isEmpty())
        QVERIFY2(answer.fields().contains(field), answer.raw.constData());
}

void ApiRatingQuoteTest::quotesNeedServicesViewAndWriteNothing()
{
    const QJsonObject body{{s("agreementId"), m_euro}, {s("channel"), s("sms")}, {s("resource"), s("sms-message")},
                           {s("number"), s("+34600123456")}};
    auto noc = m_server->signIn(s("noc.engineer"));
    QVERIFY(noc);
    QCOMPARE(TestServer::post(*noc, s("rating/quote"), body).status, 403);
    auto rates = m_server->signIn(s("rate.manager"));
    QVERIFY(rates);
    const qint64 audit = m_server->count(s("audit_log"));
    const qint64 counters = m_server->count(s("rating_volume_counters"));
    QCOMPARE(TestServer::post(*rates, s("rating/quote"), body).status, 200);
    QCOMPARE(m_server->count(s("audit_log")), audit);
    QCOMPARE(m_server->count(s("rating_volume_counters")), counters);
}

QTEST_GUILESS_MAIN(ApiRatingQuoteTest)
#include "tst_api_rating_quote.moc"
