// The rating engine against the staff manual's worked examples, with exact amounts, and the
// statuses a walk can end in.

#include "RatingFixtures.h"
#include "RatingIndex.h"

#include <QTest>

using namespace backoffice;
using namespace backoffice::rating;
using namespace backoffice::rating::fixtures;

namespace {

Amount money(const QString &text)
{
    const std::optional<Amount> amount = Amount::parse(text);
    if (!amount)
        qFatal("bad test amount %s", qPrintable(text));
    return *amount;
}

Amount money(const char *text)
{
    return money(QString::fromUtf8(text));
}

// "direction=mt;country=ES" -> attributes
QuoteRequest request(const char *domain, const char *resource, const char *attributes)
{
    QuoteRequest r;
    r.domain = QLatin1StringView(domain);
    r.resource = QLatin1StringView(resource);
    QHash<QString, QString> map;
    for (const QString &pair : QString::fromUtf8(attributes).split(u';', Qt::SkipEmptyParts))
        map.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    QString unknown;
    if (!r.setAttributes(map, &unknown))
        qFatal("unknown attribute %s", qPrintable(unknown));
    return r;
}

class FixedVolume final : public ScaleVolumeSource
{
public:
    qint64 periodVolume(qint64 scaleNodeId, CounterGroup group) const override
    {
        m_askedNode = scaleNodeId;
        m_askedGroup = group;
        return m_volume;
    }
    qint64 m_volume = 0;
    mutable qint64 m_askedNode = 0;
    mutable CounterGroup m_askedGroup = CounterGroup::Agreement;
};

} // namespace

class TestRatingIndex final : public QObject
{
    Q_OBJECT

private:
    void addColumns()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("attributes");
        QTest::addColumn<qint64>("messages");
        QTest::addColumn<qint64>("segments");
        QTest::addColumn<qint64>("volume");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("amount");
        QTest::addColumn<QString>("unitPrice");
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<QString>("band");
        QTest::addColumn<QString>("explain"); // checked when not empty
    }

    void check(const RatingIndex &index, const char *domain)
    {
        QFETCH(QString, resource);
        QFETCH(QString, attributes);
        QFETCH(qint64, messages);
        QFETCH(qint64, segments);
        QFETCH(qint64, volume);
        QuoteRequest r = request(domain, qPrintable(resource), qPrintable(attributes));
        r.messages = messages;
        r.segments = segments;
        r.periodVolume = volume;
        const QuoteResult result = index.quote(r);
        QTEST(quoteStatusKey(result.status), "status");
        QFETCH(QString, amount);
        QFETCH(QString, unitPrice);
        QCOMPARE(result.amount, money(amount));
        QCOMPARE(result.unitPrice, money(unitPrice));
        QTEST(result.quantity, "quantity");
        QTEST(result.bandText, "band");
        QFETCH(QString, explain);
        if (!explain.isEmpty())
            QCOMPARE(result.explain, explain);
        // The hot path agrees with the described result.
        const RateDecision decision = index.rate(r);
        QCOMPARE(decision.amount, result.amount);
        QCOMPARE(decision.status, result.status);
    }

private slots:
    void smsSpain_data();
    void smsSpain();
    void whatsappArgentina_data();
    void whatsappArgentina();
    void rcsByMessageType_data();
    void rcsByMessageType();
    void rulesAndPath();
    void backToFirstThroughTheIndex();
    void volumeSourceIsAskedForTheScaleNode();
    void statuses();
    void attributeMap();
    void rebuiltIndexSeesChanges();
};

namespace {

void row(const char *tag, const char *resource, const char *attributes, qint64 messages, qint64 segments, qint64 volume,
         const char *status, const char *amount, const char *unitPrice, qint64 quantity, const char *band = "",
         const char *explain = "")
{
    QTest::newRow(tag) << s(resource) << s(attributes) << messages << segments << volume << s(status) << s(amount)
                       << s(unitPrice) << quantity << s(band) << s(explain);
}

} // namespace

void TestRatingIndex::smsSpain_data()
{
    addColumns();
    const char *msg = "sms-message";
    // Vodafone: flat 0.04 per segment (the quantity rule is Segments).
    row("vodafone", msg, "direction=mt;country=ES;network=Vodafone Spain", 1, 1, 0, "ok", "0.04", "0.04", 1, "",
        "SMS → SMS message → A2P (MT) → ES → Vodafone Spain: flat 0.04");
    row("vodafone 3 segments", msg, "direction=mt;country=ES;network=Vodafone Spain", 1, 3, 0, "ok", "0.12", "0.04", 3);
    // DIGI: 0.005 for the first 1,000 in the period, 0.004 beyond.
    row("digi first", msg, "direction=mt;country=ES;network=DIGI mobil", 1, 1, 0, "ok", "0.005", "0.005", 1,
        "tier 1 of 2");
    row("digi 1000th", msg, "direction=mt;country=ES;network=DIGI mobil", 1, 1, 999, "ok", "0.005", "0.005", 1,
        "tier 1 of 2");
    row("digi 1001st", msg, "direction=mt;country=ES;network=DIGI mobil", 1, 1, 1000, "ok", "0.004", "0.004", 1,
        "tier 2 of 2", "SMS → SMS message → A2P (MT) → ES → DIGI mobil: tier 2 of 2, 0.004");
    row("digi crossing", msg, "direction=mt;country=ES;network=DIGI mobil", 1, 4, 998, "ok", "0.018", "0.004", 4,
        "tier 2 of 2");
    row("digi 1500 at once", msg, "direction=mt;country=ES;network=DIGI mobil", 1500, 1500, 0, "ok", "7", "0.004", 1500,
        "tier 2 of 2");
    // Rest of Spain: Others under Spain.
    row("rest of spain", msg, "direction=mt;country=ES;network=Orange", 1, 1, 0, "ok", "0.08", "0.08", 1, "",
        "SMS → SMS message → A2P (MT) → ES → Others: flat 0.08");
    row("spain no network", msg, "direction=mt;country=ES", 1, 2, 0, "ok", "0.16", "0.08", 2);
    // Rest of the world: 0.05 up to 10,000, 0.04 up to 50,000, 0.03 beyond.
    row("world band 1", msg, "direction=mt;country=FR", 1, 1, 0, "ok", "0.05", "0.05", 1, "tier 1 of 3",
        "SMS → SMS message → A2P (MT) → Others: tier 1 of 3, 0.05");
    row("world band 2", msg, "direction=mt;country=FR", 1, 1, 10000, "ok", "0.04", "0.04", 1, "tier 2 of 3");
    row("world band 3", msg, "direction=mt;country=DE", 1, 1, 50000, "ok", "0.03", "0.03", 1, "tier 3 of 3");
    row("world crossing 1-2", msg, "direction=mt;country=FR", 1, 2, 9999, "ok", "0.09", "0.04", 2, "tier 2 of 3");
    row("world 60000 at once", msg, "direction=mt;country=FR", 1, 60000, 0, "ok", "2400", "0.03", 60000, "tier 3 of 3");
    // MO is free, still counted per segment.
    row("mo free", msg, "direction=mo;country=ES", 1, 2, 0, "free", "0", "0", 2, "",
        "SMS → SMS message → P2A (MO): free");
    row("unknown direction", msg, "direction=xx", 1, 1, 0, "noRate", "0", "0", 0, "",
        "SMS → SMS message: no rate for this Direction (MT/MO) and no Others");
    // Sender ID fees: one charge for the period whatever the traffic.
    row("usage fee digi", "sender-id-usage-fee", "mno=DIGI mobil", 7, 9, 0, "ok", "15", "15", 1, "",
        "SMS → Sender ID usage fee → DIGI mobil: flat 15");
    row("usage fee vodafone", "sender-id-usage-fee", "mno=Vodafone Spain", 1, 1, 0, "ok", "10", "10", 1);
    row("setup fee digi", "sender-id-setup-fee", "mno=DIGI mobil", 1, 1, 0, "ok", "50", "50", 1);
    row("setup fee vodafone", "sender-id-setup-fee", "mno=Vodafone Spain", 1, 1, 0, "noRate", "0", "0", 0);
}

void TestRatingIndex::smsSpain()
{
    check(RatingIndex(fixtures::smsSpain().tree()), "sms");
}

void TestRatingIndex::whatsappArgentina_data()
{
    addColumns();
    const char *msg = "whatsapp-message";
    row("utility first", msg, "whatsappRegion=AR;pricingCategory=utility;pricingType=regular", 1, 3, 0, "ok", "0.0289",
        "0.0289", 1, "tier 1 of 6", "WhatsApp → WhatsApp message → AR → Utility → Regular: tier 1 of 6, 0.0289");
    row("utility 100001st", msg, "whatsappRegion=AR;pricingCategory=utility;pricingType=regular", 1, 1, 100000, "ok",
        "0.0275", "0.0275", 1, "tier 2 of 6");
    row("utility crossing", msg, "whatsappRegion=AR;pricingCategory=utility;pricingType=regular", 2, 2, 99999, "ok",
        "0.0564", "0.0275", 2, "tier 2 of 6");
    row("utility 30000001 at once", msg, "whatsappRegion=AR;pricingCategory=utility;pricingType=regular", 30000001,
        30000001, 0, "ok", "723440.0217", "0.0217", 30000001, "tier 6 of 6");
    row("authentication 100001st", msg, "whatsappRegion=AR;pricingCategory=authentication;pricingType=regular", 1, 1,
        100000, "ok", "0.0289", "0.0289", 1, "tier 1 of 6");
    row("authentication 120001st", msg, "whatsappRegion=AR;pricingCategory=authentication;pricingType=regular", 1, 1,
        120000, "ok", "0.0275", "0.0275", 1, "tier 2 of 6");
    row("authentication last band", msg, "whatsappRegion=AR;pricingCategory=authentication;pricingType=regular", 1, 1,
        10000000, "ok", "0.0217", "0.0217", 1, "tier 6 of 6");
    row("authentication international", msg,
        "whatsappRegion=AR;pricingCategory=authentication-international;pricingType=regular", 1, 1, 0, "ok", "0.028",
        "0.028", 1);
    row("marketing", msg, "whatsappRegion=AR;pricingCategory=marketing;pricingType=regular", 10, 10, 0, "ok", "0.618",
        "0.0618", 10);
    row("marketing free entry point", msg, "whatsappRegion=AR;pricingCategory=marketing;pricingType=free-entry-point",
        1, 1, 0, "noRate", "0", "0", 0);
    row("service", msg, "whatsappRegion=AR;pricingCategory=service;pricingType=free-customer-service", 1, 1, 0, "free",
        "0", "0", 1);
    row("category not known yet", msg, "whatsappRegion=AR", 1, 1, 0, "free", "0", "0", 1, "",
        "WhatsApp → WhatsApp message → AR → Others: free");
    row("egypt 0.00421 band", msg, "whatsappRegion=EG;pricingCategory=utility", 3, 3, 40000000, "ok", "0.01263",
        "0.00421", 3, "tier 5 of 6");
    row("no region", msg, "whatsappRegion=BR;pricingCategory=utility", 1, 1, 0, "noRate", "0", "0", 0);
    row("conversation not in tree", "whatsapp-conversation", "", 1, 1, 0, "noRate", "0", "0", 0);
}

void TestRatingIndex::whatsappArgentina()
{
    check(RatingIndex(fixtures::whatsapp().tree()), "whatsapp");
}

void TestRatingIndex::rcsByMessageType_data()
{
    addColumns();
    const char *msg = "rcs-message";
    const struct {
        const char *type, *country, *price;
    } prices[] = {{"basic", "ES", "0.04"},        {"basic", "IT", "0.05"},         {"basic", "FR", "0.034"},
                  {"conversation", "ES", "0.08"}, {"conversation", "IT", "0.088"}, {"conversation", "FR", "0.09"},
                  {"single", "ES", "0.93"},       {"single", "IT", "0.089"},       {"single", "FR", "1"}};
    for (const auto &p : prices) {
        const QByteArray tag = QByteArray(p.type) + ' ' + p.country;
        const QByteArray attributes = QByteArray("messageType=") + p.type + ";country=" + p.country;
        row(tag.constData(), msg, attributes.constData(), 1, 2, 0, "ok", p.price, p.price, 1);
    }
    row("basic explained", msg, "messageType=basic;country=ES", 1, 1, 0, "ok", "0.04", "0.04", 1, "",
        "RCS → RCS message → Basic → ES: flat 0.04");
    row("other message type", msg, "messageType=carousel;country=ES", 2, 2, 0, "ok", "3", "1.5", 2, "",
        "RCS → RCS message → Others: flat 1.5");
    row("basic elsewhere", msg, "messageType=basic;country=DE", 1, 1, 0, "noRate", "0", "0", 0);
}

void TestRatingIndex::rcsByMessageType()
{
    check(RatingIndex(fixtures::rcs().tree()), "rcs");
}

void TestRatingIndex::rulesAndPath()
{
    const RatingIndex sms(fixtures::smsSpain().tree());
    QuoteResult result = sms.quote(request("sms", "sms-message", "direction=mt;country=ES;network=DIGI mobil"));
    QCOMPARE(result.billingRule, BillingRule::Submitted);
    QCOMPARE(result.quantityRule, QuantityRule::Segments);
    QCOMPARE(result.counterGroup, CounterGroup::SenderId);
    QCOMPARE(result.scaleMode, ScaleMode::Tier);
    QCOMPARE(result.pathIds.size(), 5);
    QCOMPARE(result.pathIds.last(), result.nodeId);
    QCOMPARE(result.pathLabels, (QStringList {s("SMS"), s("SMS message"), s("A2P (MT)"), s("ES"), s("DIGI mobil")}));

    result = sms.quote(request("sms", "sender-id-usage-fee", "mno=DIGI mobil"));
    QCOMPARE(result.quantityRule, QuantityRule::FullPeriod);
    QCOMPARE(result.billingRule, BillingRule::Submitted);

    const RatingIndex rcsIndex(fixtures::rcs().tree());
    result = rcsIndex.quote(request("rcs", "rcs-message", "messageType=single;country=FR"));
    QCOMPARE(result.billingRule, BillingRule::Delivered);
    QCOMPARE(result.quantityRule, QuantityRule::Messages);
}

void TestRatingIndex::backToFirstThroughTheIndex()
{
    // §7.3.1: threshold 1,000, price 1 then 2. 1,050 units priced back-to-first: 2,100 in all.
    TreeBuilder b;
    const qint64 message = b.depends(b.domain("sms"), s("sms-message"), "direction");
    b.scale(message, s("mt"), "backToFirst", "agreement", {{0, "1"}, {1000, "2"}});
    const RatingIndex index(b.tree());
    QuoteRequest r = request("sms", "sms-message", "direction=mt");
    r.segments = 1050;
    QuoteResult result = index.quote(r);
    QCOMPARE(result.amount, money("2100"));
    QCOMPARE(result.periodAdjustment, money("0"));
    QCOMPARE(result.bandText, s("tier 2 of 2"));

    // The same volume in two charges: 1,000 at 1, then 50 that move the period to band 2 and
    // re-price the first 1,000 (+1,000). Together: 2,100.
    r.segments = 1000;
    result = index.quote(r);
    QCOMPARE(result.amount, money("1000"));
    QCOMPARE(result.periodAdjustment, money("0"));
    r.segments = 50;
    r.periodVolume = 1000;
    result = index.quote(r);
    QCOMPARE(result.amount, money("100"));
    QCOMPARE(result.periodAdjustment, money("1000"));
    QCOMPARE(money("1000") + result.amount + result.periodAdjustment, money("2100"));
}

void TestRatingIndex::volumeSourceIsAskedForTheScaleNode()
{
    const RateTree tree = fixtures::smsSpain().tree();
    const RatingIndex index(tree);
    FixedVolume volumes;
    volumes.m_volume = 1000;
    QuoteRequest r = request("sms", "sms-message", "direction=mt;country=ES;network=DIGI mobil");
    r.periodVolume = 0; // ignored when a source is given
    r.volumeSource = &volumes;
    const QuoteResult result = index.quote(r);
    QCOMPARE(result.amount, money("0.004"));
    QCOMPARE(volumes.m_askedNode, result.nodeId);
    QCOMPARE(volumes.m_askedGroup, CounterGroup::SenderId);
    QCOMPARE(tree.node(result.nodeId)->match, s("DIGI mobil"));
}

void TestRatingIndex::statuses()
{
    TreeBuilder b;
    const qint64 message = b.depends(b.domain("sms"), s("sms-message"), "country");
    b.node(message, s("US"), "included");
    b.node(message, s("KP"), "blocked");
    b.node(message, s("GB"), "notIncluded");
    b.node(message, s("FR"), "flat"); // no price: missing critical data
    const qint64 italy = b.depends(message, s("IT"), "network");
    b.flat(italy, s("TIM"), "0.03");
    b.flat(italy, s("TIM"), "0.02"); // twice: ambiguous
    b.flat(italy, s("Wind"), "-0.01");
    const RatingIndex index(b.tree());
    QVERIFY(!index.problems().isEmpty());

    auto status = [&](const char *domain, const char *resource, const char *attributes, qint64 segments = 1) {
        QuoteRequest r = request(domain, resource, attributes);
        r.segments = segments;
        return quoteStatusKey(index.rate(r).status);
    };
    QCOMPARE(status("sms", "sms-message", "country=US"), s("included"));
    QCOMPARE(status("sms", "sms-message", "country=KP"), s("blocked"));
    QCOMPARE(status("sms", "sms-message", "country=GB"), s("notIncluded"));
    QCOMPARE(status("sms", "sms-message", "country=FR"), s("unusable"));
    QCOMPARE(status("sms", "sms-message", "country=IT;network=TIM"), s("unusable"));
    QCOMPARE(status("sms", "sms-message", "country=IT;network=Wind"), s("unusable"));
    QCOMPARE(status("sms", "sms-message", "country=DE"), s("noRate"));
    QCOMPARE(status("viber", "viber-message", "country=US"), s("noRate"));
    QCOMPARE(status("sms", "sender-id-setup-fee", ""), s("noRate"));
    QCOMPARE(status("sms", "sms-message", "country=US", -1), s("invalidInput"));

    QCOMPARE(index.quote(request("sms", "sms-message", "country=FR")).explain,
             s("SMS → SMS message → FR: missing critical data, rate unusable"));
    QCOMPARE(index.quote(request("sms", "sms-message", "country=GB")).explain,
             s("SMS → SMS message → GB: not included, rate looked up elsewhere"));
    QCOMPARE(index.quote(request("viber", "viber-message", "")).explain, s("no service domain"));
    const QuoteResult included = index.quote(request("sms", "sms-message", "country=US"));
    QCOMPARE(included.amount, money("0"));
    QCOMPARE(included.quantity, qint64(1));
}

void TestRatingIndex::attributeMap()
{
    QuoteRequest r;
    QString unknown;
    QVERIFY(r.setAttributes({{s("direction"), s("mt")}, {s("mccmnc"), s("21407")}}, &unknown));
    QCOMPARE(r.attribute(Dimension::Direction), s("mt"));
    QCOMPARE(r.attribute(Dimension::MccMnc), s("21407"));
    QVERIFY(!r.setAttributes({{s("colour"), s("blue")}}, &unknown));
    QCOMPARE(unknown, s("colour"));
    QVERIFY(!r.setAttributes({{s("resource"), s("sms-message")}}, &unknown)); // the resource has its own field
}

void TestRatingIndex::rebuiltIndexSeesChanges()
{
    TreeBuilder b = fixtures::smsSpain();
    QJsonArray nodes = b.json();
    // Block Vodafone Spain and rebuild: the old index is untouched, the new one blocks.
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QJsonObject node = nodes[i].toObject();
        if (node.value(QStringLiteral("match")) == s("Vodafone Spain")
            && node.value(QStringLiteral("priceType")) == s("flat")
            && node.value(QStringLiteral("price")) == s("0.04")) {
            node.insert(QStringLiteral("priceType"), QStringLiteral("blocked"));
            node.remove(QStringLiteral("price"));
            nodes[i] = node;
        }
    }
    const RatingIndex before(b.tree());
    const RatingIndex after(RateTree::fromJson(nodes).value());
    const QuoteRequest r = request("sms", "sms-message", "direction=mt;country=ES;network=Vodafone Spain");
    QCOMPARE(before.rate(r).status, QuoteStatus::Ok);
    QCOMPARE(after.rate(r).status, QuoteStatus::Blocked);
}

QTEST_GUILESS_MAIN(TestRatingIndex)
#include "tst_ratingindex.moc"
