// The rate tree as data: JSON codec, validation, inherited rules and the labels the editor shows.

#include "RateNodesText.h"
#include "RateTree.h"
#include "RatingFixtures.h"

#include <QJsonDocument>
#include <QTest>

using namespace backoffice;
using namespace backoffice::rating;
using namespace backoffice::rating::fixtures;

namespace {

QJsonArray parseArray(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (!document.isArray())
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.array();
}

// The SMS domain and its message resource (ids 1, 2); rows add nodes below id 2 (depends on country).
QByteArray withSmsMessage(const char *nodes)
{
    QByteArray json = R"([{"id":1,"parentId":null,"match":"sms","priceType":"depends","dimension":"resource"},
        {"id":2,"parentId":1,"match":"sms-message","priceType":"depends","dimension":"country"})";
    if (*nodes)
        json += ',' + QByteArray(nodes);
    return json + ']';
}

} // namespace

class TestRateTree final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        for (const TreeBuilder &builder : {smsSpain(), whatsapp(), rcs()}) {
            const RateTree tree = builder.tree();
            const QJsonArray json = tree.toJson();
            QCOMPARE(json.size(), builder.json().size());
            const std::optional<RateTree> again = RateTree::fromJson(json);
            QVERIFY(again);
            QCOMPARE(again->toJson(), json);
            // Same nodes, field by field.
            for (const RateNode &node : tree.nodes()) {
                const RateNode *copy = again->node(node.id);
                QVERIFY(copy);
                QCOMPARE(*copy, node);
            }
        }
    }

    // The fast text form reads back as the codec's JSON, quotes, controls and scales included.
    void nodesText()
    {
        QList<RateNode> nodes = smsSpain().tree().nodes();
        RateNode odd;
        odd.id = -7;
        odd.parentId = nodes.first().id;
        odd.match = QStringLiteral("Quote \" back\\slash tab\t Ünïcödé");
        odd.priceType = PriceType::Flat;
        odd.price = Amount::parse(u"0.000421");
        odd.billingRule = BillingRule::Delivered;
        nodes.append(odd);
        QJsonArray expected;
        for (const RateNode &node : nodes)
            expected.append(RateTree::nodeToJson(node));
        const QByteArray text = rateNodesJsonText(nodes);
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
        QVERIFY2(parsed.isArray(), qPrintable(error.errorString()));
        QCOMPARE(parsed.array(), expected);
        QCOMPARE(rateNodesJsonText({}), QByteArray("[]"));
    }

    void jsonShape()
    {
        const RateTree tree = smsSpain().tree();
        const QJsonArray json = tree.toJson();
        // Parents come before children, and null marks inherited rules and unused fields.
        QSet<qint64> seen;
        for (const QJsonValue &value : json) {
            const QJsonObject node = value.toObject();
            if (!node.value(QStringLiteral("parentId")).isNull())
                QVERIFY(seen.contains(node.value(QStringLiteral("parentId")).toInteger()));
            seen.insert(node.value(QStringLiteral("id")).toInteger());
        }
        const QJsonObject digi = RateTree::nodeToJson(*tree.node(7));
        QCOMPARE(digi.value(QStringLiteral("match")).toString(), s("DIGI mobil"));
        QCOMPARE(digi.value(QStringLiteral("priceType")).toString(), s("scale"));
        QVERIFY(digi.value(QStringLiteral("billingRule")).isNull());
        QVERIFY(digi.value(QStringLiteral("price")).isNull());
        const QJsonObject scale = digi.value(QStringLiteral("scale")).toObject();
        QCOMPARE(scale.value(QStringLiteral("counterGroup")).toString(), s("senderId"));
        QCOMPARE(scale.value(QStringLiteral("bands")).toArray().at(1).toObject().value(QStringLiteral("price")),
                 QJsonValue(s("0.004")));
        const QJsonObject vodafone = RateTree::nodeToJson(*tree.node(6));
        QCOMPARE(vodafone.value(QStringLiteral("price")), QJsonValue(s("0.04")));
    }

    void largeIdsTravelAsText()
    {
        // Ids beyond 2^53 do not survive a JSON double: they are written as strings and read back.
        const qint64 big = (qint64(1) << 60) + 1;
        RateNode root;
        root.id = big;
        root.match = s("sms");
        root.dimension = Dimension::Resource;
        RateNode child;
        child.id = big + 1;
        child.parentId = big;
        child.match = s("sms-message");
        child.priceType = PriceType::Flat;
        child.price = Amount::fromMicros(4210);
        const QJsonArray json = RateTree({root, child}).toJson();
        QCOMPARE(json.at(1).toObject().value(QStringLiteral("parentId")), QJsonValue(QString::number(big)));
        QCOMPARE(json.at(1).toObject().value(QStringLiteral("price")), QJsonValue(s("0.00421")));
        const std::optional<RateTree> again = RateTree::fromJson(json);
        QVERIFY(again);
        QCOMPARE(*again->node(big + 1), child);
    }

    void refusesMalformedJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("not an object") << QByteArray("[1]") << s("object");
        QTest::newRow("no id") << QByteArray(R"([{"priceType":"free"}])") << s("id");
        QTest::newRow("fractional id") << QByteArray(R"([{"id":1.5,"priceType":"free"}])") << s("id");
        QTest::newRow("duplicate id") << withSmsMessage(R"({"id":2,"parentId":1,"match":"x","priceType":"free"})")
                                      << s("twice");
        QTest::newRow("missing parent") << withSmsMessage(R"({"id":3,"parentId":99,"match":"ES","priceType":"free"})")
                                        << s("99");
        QTest::newRow("cycle") << QByteArray(R"([{"id":1,"parentId":2,"match":"a","priceType":"free"},
                                               {"id":2,"parentId":1,"match":"b","priceType":"free"}])")
                               << s("cycle");
        QTest::newRow("unknown price type")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"cheap"})") << s("priceType");
        QTest::newRow("no price type") << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES"})") << s("priceType");
        QTest::newRow("unknown dimension")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"depends","dimension":"planet"})")
            << s("dimension");
        QTest::newRow("numeric price") << withSmsMessage(
            R"({"id":3,"parentId":2,"match":"ES","priceType":"flat","price":0.04})")
                                       << s("price");
        QTest::newRow("seven decimals") << withSmsMessage(
            R"({"id":3,"parentId":2,"match":"ES","priceType":"flat","price":"0.0000001"})")
                                        << s("price");
        QTest::newRow("bad billing rule")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"free","billingRule":"read"})")
            << s("billingRule");
        QTest::newRow("bad scale mode") << withSmsMessage(
            R"({"id":3,"parentId":2,"match":"ES","priceType":"scale","scale":{"mode":"up"}})")
                                        << s("mode");
        QTest::newRow("band without from") << withSmsMessage(
            R"({"id":3,"parentId":2,"match":"ES","priceType":"scale","scale":{"bands":[{"price":"1"}]}})")
                                           << s("from");
    }

    void refusesMalformedJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, errorPart);
        QString error;
        QVERIFY(!RateTree::fromJson(parseArray(json.constData()), &error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("nodeId");
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("critical");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("flat without price")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"flat"})") << qint64(3) << s("price")
            << true << s("needs a price");
        QTest::newRow("negative price") << withSmsMessage(
            R"({"id":3,"parentId":2,"match":"ES","priceType":"flat","price":"-0.01"})")
                                        << qint64(3) << s("price") << true << s("negative");
        QTest::newRow("scale without bands")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"scale","scale":{"bands":[]}})")
            << qint64(3) << s("scale.bands") << true << s("at least one");
        QTest::newRow("scale missing") << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"scale"})")
                                       << qint64(3) << s("scale.bands") << true << s("at least one");
        QTest::newRow("first band not 0") << withSmsMessage(
            R"({"id":3,"parentId":2,"match":"ES","priceType":"scale","scale":{"bands":[{"from":10,"price":"1"}]}})")
                                          << qint64(3) << s("scale.bands") << true << s("start at 0");
        QTest::newRow("bands not increasing")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"scale","scale":{"bands":[
                   {"from":0,"price":"1"},{"from":100,"price":"2"},{"from":100,"price":"3"}]}})")
            << qint64(3) << s("scale.bands") << true << s("increase");
        QTest::newRow("negative band price")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"scale","scale":{"bands":[
                   {"from":0,"price":"-1"}]}})")
            << qint64(3) << s("scale.bands") << true << s("negative");
        QTest::newRow("depends without dimension")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"depends"},
                                 {"id":4,"parentId":3,"match":"x","priceType":"free"})")
            << qint64(3) << s("dimension") << true << s("needs a dimension");
        QTest::newRow("depends with no children")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"depends","dimension":"network"})")
            << qint64(3) << s("children") << false << s("No rates");
        QTest::newRow("dimension on a flat rate")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"flat","price":"1","dimension":"mno"})")
            << qint64(3) << s("dimension") << false << s("ignored");
        QTest::newRow("children under a flat rate")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"flat","price":"1"},
                                 {"id":4,"parentId":3,"match":"x","priceType":"free"})")
            << qint64(3) << s("children") << false << s("never reached");
        QTest::newRow("duplicate match") << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"free"},
                                                              {"id":4,"parentId":2,"match":"ES","priceType":"free"})")
                                         << qint64(4) << s("match") << true << s("twice");
        QTest::newRow("two others") << withSmsMessage(R"({"id":3,"parentId":2,"match":"*","priceType":"free"},
                                                         {"id":4,"parentId":2,"match":"*","priceType":"free"})")
                                    << qint64(3) << s("match") << true << s("Two \"Others\"");
        QTest::newRow("empty match") << withSmsMessage(R"({"id":3,"parentId":2,"match":"","priceType":"free"})")
                                     << qint64(3) << s("match") << true << s("missing");
        QTest::newRow("not a resource of the domain")
            << QByteArray(R"([{"id":1,"parentId":null,"match":"sms","priceType":"depends","dimension":"resource"},
                              {"id":2,"parentId":1,"match":"whatsapp-message","priceType":"free"}])")
            << qint64(2) << s("match") << true << s("not a resource");
        QTest::newRow("unknown domain") << QByteArray(
            R"([{"id":1,"parentId":null,"match":"pigeon","priceType":"depends","dimension":"resource"}])")
                                        << qint64(1) << s("match") << true << s("not a service domain");
        QTest::newRow("domain not by resource")
            << QByteArray(R"([{"id":1,"parentId":null,"match":"sms","priceType":"flat","price":"1"}])") << qint64(1)
            << s("priceType") << true << s("Resource");
        QTest::newRow("resource below the resource level")
            << withSmsMessage(R"({"id":3,"parentId":2,"match":"ES","priceType":"depends","dimension":"resource"},
                                 {"id":4,"parentId":3,"match":"x","priceType":"free"})")
            << qint64(3) << s("dimension") << true << s("Only a service domain");
        QTest::newRow("unknown direction")
            << QByteArray(R"([{"id":1,"parentId":null,"match":"sms","priceType":"depends","dimension":"resource"},
                {"id":2,"parentId":1,"match":"sms-message","priceType":"depends","dimension":"direction"},
                {"id":3,"parentId":2,"match":"sideways","priceType":"free"}])")
            << qint64(3) << s("match") << true << s("not a value of Direction");
    }

    void validation()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, nodeId);
        QFETCH(QString, field);
        QFETCH(bool, critical);
        QFETCH(QString, messagePart);
        const std::optional<RateTree> tree = RateTree::fromJson(parseArray(json.constData()));
        QVERIFY(tree);
        const QList<RateProblem> problems = tree->validate();
        bool found = false;
        for (const RateProblem &problem : problems) {
            if (problem.nodeId == nodeId && problem.field == field && problem.message.contains(messagePart)) {
                QCOMPARE(problem.critical, critical);
                found = true;
            }
        }
        QVERIFY2(found, qPrintable(s("no problem for node %1 field %2").arg(nodeId).arg(field)));
        QCOMPARE(RateTree::unusableNodeIds(problems).contains(nodeId), critical);
    }

    void workedExamplesAreValid()
    {
        for (const TreeBuilder &builder : {smsSpain(), whatsapp(), rcs()}) {
            const QList<RateProblem> problems = builder.tree().validate();
            for (const RateProblem &problem : problems)
                qWarning("node %lld %s: %s", problem.nodeId, qPrintable(problem.field), qPrintable(problem.message));
            QVERIFY(problems.isEmpty());
        }
    }

    void inheritedRules_data()
    {
        QTest::addColumn<qint64>("nodeId");
        QTest::addColumn<QString>("billing");
        QTest::addColumn<QString>("quantity");
        // Ids of the smsSpain() fixture: 1 sms, 2 sms-message, 3 mo, 4 mt, 5 ES, 6 Vodafone, 7 DIGI,
        // 8 rest of Spain, 9 rest of world, 10 setup fee, 11 DIGI setup, 12 usage fee, 13-14 usage.
        QTest::newRow("domain") << qint64(1) << s("Default (Submitted)") << s("Default (Segments)");
        QTest::newRow("message sets both") << qint64(2) << s("Submitted") << s("Segments");
        QTest::newRow("mo inherits") << qint64(3) << s("Default (Submitted)") << s("Default (Segments)");
        QTest::newRow("vodafone inherits") << qint64(6) << s("Default (Submitted)") << s("Default (Segments)");
        QTest::newRow("setup fee defaults") << qint64(10) << s("Default (Submitted)") << s("Default (Full period)");
        QTest::newRow("setup fee digi") << qint64(11) << s("Default (Submitted)") << s("Default (Full period)");
        QTest::newRow("usage fee sets full period") << qint64(12) << s("Default (Submitted)") << s("Full period");
        QTest::newRow("usage fee digi") << qint64(14) << s("Default (Submitted)") << s("Default (Full period)");
    }

    void inheritedRules()
    {
        QFETCH(qint64, nodeId);
        const RateTree tree = smsSpain().tree();
        QTEST(tree.billingRuleText(nodeId), "billing");
        QTEST(tree.quantityRuleText(nodeId), "quantity");
    }

    void overriddenRuleWins()
    {
        TreeBuilder b;
        const qint64 message = b.depends(b.domain("rcs"), s("rcs-message"), "country", "delivered", "messages");
        const qint64 spain = b.depends(message, s("ES"), "network", "submitted", nullptr);
        const qint64 movistar = b.flat(spain, s("Movistar"), "0.01");
        const RateTree tree = b.tree();
        QCOMPARE(tree.effectiveBillingRule(movistar), BillingRule::Submitted);
        QCOMPARE(tree.billingRuleText(movistar), s("Default (Submitted)"));
        QCOMPARE(tree.billingRuleText(spain), s("Submitted"));
        QCOMPARE(tree.effectiveQuantityRule(movistar), QuantityRule::Messages);
        QCOMPARE(tree.quantityRuleText(movistar), s("Default (Messages)"));
    }

    void labels()
    {
        const RateTree tree = smsSpain().tree();
        QCOMPARE(tree.nodeLabel(1), s("SMS messaging"));
        QCOMPARE(tree.traceLabel(1), s("SMS"));
        QCOMPARE(tree.nodeLabel(2), s("SMS message"));
        QCOMPARE(tree.nodeLabel(3), s("P2A (MO)"));
        QCOMPARE(tree.nodeLabel(4), s("A2P (MT)"));
        QCOMPARE(tree.nodeLabel(5), s("ES"));
        QCOMPARE(tree.nodeLabel(8), s("Others"));
        QCOMPARE(tree.nodeLabel(12), s("Sender ID usage fee"));
        QCOMPARE(tree.priceText(2), s("by Direction (MT/MO)"));
        QCOMPARE(tree.priceText(5), s("by Network name"));
        QCOMPARE(tree.priceText(6), s("Flat rate: 0.04"));
        QCOMPARE(tree.priceText(7), s("Tier: 0.005 (1000), 0.004 (∞)"));
        QCOMPARE(tree.priceText(3), s("Free"));
        QCOMPARE(tree.domainKeyOf(7), s("sms"));
        QCOMPARE(tree.resourceKeyOf(7), s("sms-message"));
        QCOMPARE(tree.pathTo(7).size(), 5);
        QCOMPARE(tree.children(5).size(), 3);
        QCOMPARE(tree.children(5).last()->match, s("*"));

        const RateTree wa = whatsapp().tree();
        QCOMPARE(wa.nodeLabel(4), s("Authentication"));
        QCOMPARE(wa.nodeLabel(5), s("Regular"));
    }

    void catalogue()
    {
        QCOMPARE(RatingCatalogue::domains().size(), 14);
        QVERIFY(RatingCatalogue::resource(u"whatsapp", u"whatsapp-conversation"));
        QVERIFY(RatingCatalogue::resource(u"service-purchase", u"bundle-pack"));
        QVERIFY(RatingCatalogue::resource(u"bundle-grouping", u"bundle-member"));
        QVERIFY(!RatingCatalogue::resource(u"sms", u"whatsapp-message"));
        QCOMPARE(RatingCatalogue::resource(u"sms", u"sender-id-usage-fee")->kind, ResourceKind::Fee);
        QCOMPARE(RatingCatalogue::dimensionLabel(Dimension::Direction), s("Direction (MT/MO)"));
        QCOMPARE(RatingCatalogue::valueLabel(Dimension::Direction, s("mt")), s("A2P (MT)"));
        QCOMPARE(RatingCatalogue::valueLabel(Dimension::Direction, s("mo")), s("P2A (MO)"));
        QCOMPARE(RatingCatalogue::valueLabel(Dimension::Network, s("*")), s("Others"));
        for (int i = 0; i < DimensionCount; ++i)
            QCOMPARE(dimensionFromKey(dimensionKey(Dimension(i))), std::optional<Dimension>(Dimension(i)));
        QCOMPARE(priceTypeFromKey(u"notIncluded"), std::optional<PriceType>(PriceType::NotIncluded));
        QVERIFY(!priceTypeFromKey(u""));
    }
};

QTEST_GUILESS_MAIN(TestRateTree)
#include "tst_ratetree.moc"
