#include "RateImporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace backoffice;
using namespace backoffice::server::rateimport;
using rating::RateNode;
using rating::RateTree;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// The tree in force: SMS → SMS message → MT by country: Spain by network (Vodafone 0.04, Others
// 0.08), United Kingdom flat 0.035. The import goes under MT (node 3).
RateTree baseTree()
{
    QString error;
    const auto tree = RateTree::fromJson(
        QJsonDocument::fromJson(R"([
        {"id":1,"parentId":null,"position":0,"match":"sms","priceType":"depends","dimension":"resource"},
        {"id":2,"parentId":1,"position":0,"match":"sms-message","priceType":"depends","dimension":"direction",
         "billingRule":"submitted","quantityRule":"segments"},
        {"id":3,"parentId":2,"position":0,"match":"mt","priceType":"depends","dimension":"country"},
        {"id":4,"parentId":3,"position":0,"match":"ES","priceType":"depends","dimension":"network"},
        {"id":5,"parentId":4,"position":0,"match":"Vodafone","priceType":"flat","price":"0.04"},
        {"id":6,"parentId":4,"position":1,"match":"*","priceType":"flat","price":"0.08"},
        {"id":7,"parentId":3,"position":1,"match":"GB","priceType":"flat","price":"0.035"}
    ])").array(),
        &error);
    Q_ASSERT(tree);
    return *tree;
}

QList<QStringList> table(std::initializer_list<std::initializer_list<const char *>> rows)
{
    QList<QStringList> out;
    for (const auto &row : rows) {
        QStringList cells;
        for (const char *cell : row)
            cells.append(QString::fromUtf8(cell));
        out.append(cells);
    }
    return out;
}

ImportSettings settings(const char *json, ImportFormat format = ImportFormat::Standard)
{
    QHash<QString, QString> errors;
    const ImportSettings parsed = ImportSettings::fromJson(QJsonDocument::fromJson(json).object(), format, errors);
    if (!errors.isEmpty())
        qWarning() << "settings errors" << errors;
    Q_ASSERT(errors.isEmpty());
    return parsed;
}

ImportAnalysis analyse(const QList<QStringList> &rows, const char *json, ImportFormat format = ImportFormat::Standard,
                       qint64 nodeId = 3)
{
    const RateTree tree = baseTree();
    return RateImporter(rows, format, settings(json, format), tree, nodeId).analyse();
}

// The imported branch as "path = price text" lines, for exact comparisons.
// The whole tree after apply: the branch put back into the tree in force.
std::optional<RateTree> importedTree(const ImportAnalysis &analysis, QString *error)
{
    QJsonArray json;
    for (const RateNode &node : RateImporter::mergedTree(baseTree(), analysis.nodeId, analysis.nodes))
        json.append(RateTree::nodeToJson(node));
    return RateTree::fromJson(json, error); // the codec checks parents and ids
}

QStringList leaves(const ImportAnalysis &analysis)
{
    QString error;
    const auto tree = importedTree(analysis, &error);
    if (!tree)
        return {s("bad tree: ") + error};
    QStringList lines;
    std::function<void(qint64, QString)> walk = [&](qint64 id, const QString &prefix) {
        for (const RateNode *child : tree->children(id)) {
            const QString path = prefix.isEmpty() ? child->match : prefix + s("/") + child->match;
            if (child->priceType == rating::PriceType::Depends)
                walk(child->id, path);
            else
                lines.append(path + s(" = ") + tree->priceText(child->id));
        }
    };
    walk(analysis.nodeId, {});
    return lines;
}

QStringList messages(const ImportAnalysis &analysis, bool blocking)
{
    QStringList list;
    for (const ImportProblem &problem : analysis.problems)
        if (problem.blocking == blocking)
            list.append(problem.message);
    return list;
}

const char *seedSettings = R"({"startRow":2,"columns":[
    {"column":1,"role":"attribute","dimension":"country","matchBy":"name","match":"best"},
    {"column":2,"role":"attribute","dimension":"network"},
    {"column":4,"role":"price"}]})";

// The layout of the staff manual's sample (§7.3.2): "All networks" rows, rows without MCC/MNC and
// without price.
QList<QStringList> seedSheet()
{
    return table({{"Country", "Network", "MCCMNC", "Price"},
                  {"Netherlands", "All networks"},
                  {"Netherlands", "Telfort"},
                  {"Norway", "All networks"},
                  {"Poland", "T-Mobile", "260002", "0.013"},
                  {"Poland", "Orange", "260003", "0.013"},
                  {"Portugal", "All networks", "268", "0.0095"},
                  {"Portugal", "Vodafone Portugal", "268001", "0.0095"},
                  {"Sweden", "All networks", "240", "0.042"},
                  {"Sweden", "Sweden 3g", "240005", "0.037"},
                  {"Sweden", "Spring Mobil AB", "240010", "0.025"}});
}

} // namespace

class TestRateImporter : public QObject
{
    Q_OBJECT
private slots:
    void seedLayout();
    void headerRowNeedsStartRow();
    void missingColumnsBlock();
    void duplicates_data();
    void duplicates();
    void unmatchedAndManual();
    void emptyAttributeMappedToOthers();
    void pricesAndRules();
    void derivedLevels();
    void mccMncNormalized();
    void whatsappBasic();
    void whatsappTier();
    void tiersMustStartAtOne();
    void mergeKeepsWhatTheSheetDoesNotMention();
    void mergeNeedsTheSameFirstLevel();
    void diffKinds();
    void settingsErrors();
    void depthLimit();
};

void TestRateImporter::seedLayout()
{
    const ImportAnalysis a = analyse(seedSheet(), seedSettings);
    QVERIFY2(a.ready(), qPrintable(messages(a, true).join(u'\n')));
    QCOMPARE(a.records, 7);
    QCOMPARE(a.skippedRows, 3); // the Netherlands and Norway rows have no price
    QCOMPARE(leaves(a),
             QStringList({s("PL/T-Mobile = Flat rate: 0.013"), s("PL/Orange = Flat rate: 0.013"),
                          s("PT/Vodafone Portugal = Flat rate: 0.0095"), s("PT/* = Flat rate: 0.0095"),
                          s("SE/Sweden 3G = Flat rate: 0.037"), s("SE/Spring Mobil AB = Flat rate: 0.025"),
                          s("SE/* = Flat rate: 0.042")}));
    QCOMPARE(messages(a, false).count(s("No price: the row is not imported")), 3);
    QCOMPARE(a.structure, QList<rating::Dimension>({rating::Dimension::Country, rating::Dimension::Network}));
    // The node keeps its place and rules and now depends on the first level.
    const QJsonObject top = a.nodesJson().first().toObject();
    QCOMPARE(top.value(s("id")).toInteger(), 3);
    QCOMPARE(top.value(s("dimension")).toString(), s("country"));
    QCOMPARE(top.value(s("match")).toString(), s("mt"));
}

void TestRateImporter::headerRowNeedsStartRow()
{
    QByteArray json = QByteArray(seedSettings).replace("\"startRow\":2", "\"startRow\":1");
    const ImportAnalysis a = analyse(seedSheet(), json.constData());
    QVERIFY(!a.ready());
    QVERIFY(messages(a, true).join(u'\n').contains(s("no match for \"Country\"")));
    QVERIFY(a.nodes.isEmpty());
}

void TestRateImporter::missingColumnsBlock()
{
    const ImportAnalysis a = analyse(seedSheet(), R"({"columns":[]})");
    QVERIFY(!a.ready());
    QVERIFY(messages(a, true).contains(s("No attribute column is set, you need to set at least one")));
    QVERIFY(messages(a, true).contains(s("No Price column is set")));
    const ImportAnalysis late = analyse(seedSheet(), R"({"startRow":40,"columns":[
        {"column":1,"role":"attribute","dimension":"country","matchBy":"name"},{"column":4,"role":"price"}]})");
    QVERIFY(messages(late, true).join(u'\n').contains(s("Start row 40 is past the last row of the sheet (11)")));
}

void TestRateImporter::duplicates_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("ready");
    QTest::addColumn<QString>("price");
    QTest::newRow("first") << s("first") << true << s("Flat rate: 0.01");
    QTest::newRow("last") << s("last") << true << s("Flat rate: 0.03");
    QTest::newRow("error") << s("error") << false << QString();
}

void TestRateImporter::duplicates()
{
    QFETCH(QString, rule);
    QFETCH(bool, ready);
    QFETCH(QString, price);
    const auto rows = table({{"ES", "Vodafone", "0.01"}, {"ES", "Orange", "0.02"}, {"es", "vodafone", "0.03"}});
    const QByteArray json = R"({"duplicates":")" + rule.toUtf8() + R"(","columns":[
        {"column":1,"role":"attribute","dimension":"country"},{"column":2,"role":"attribute","dimension":"network"},
        {"column":3,"role":"price"}]})";
    const ImportAnalysis a = analyse(rows, json.constData());
    QCOMPARE(a.ready(), ready);
    if (ready) {
        QCOMPARE(leaves(a).first(), s("ES/Vodafone = ") + price);
        QCOMPARE(a.records, 2);
        QCOMPARE(messages(a, false).size(), 1); // the duplicate ("es"/"vodafone" match keys, letter case ignored)
    } else {
        QVERIFY(messages(a, true).first().contains(s("Same rate as row 1")));
        QCOMPARE(a.problems.first().row, 3);
    }
}

void TestRateImporter::unmatchedAndManual()
{
    const auto rows = table({{"Spain", "0.08"}, {"Holand", "0.07"}, {"Holand", "0.07"}, {"Germany", "0.075"}});
    const ImportAnalysis a = analyse(rows, R"({"columns":[
        {"column":1,"role":"attribute","dimension":"country","matchBy":"name"},{"column":2,"role":"price"}]})");
    QVERIFY(!a.ready());
    QCOMPARE(a.blockingCount, 1);
    QCOMPARE(a.problems.first().message, s("Column A (Country): no match for \"Holand\" (2 rows); map it by hand"));
    QCOMPARE(a.problems.first().row, 2);
    QCOMPARE(a.columns.first().unmatched, 1);

    const ImportAnalysis mapped = analyse(rows, R"({"columns":[
        {"column":1,"role":"attribute","dimension":"country","matchBy":"name","manual":{"Holand":"nl"}},
        {"column":2,"role":"price"}]})");
    QVERIFY(mapped.ready());
    QCOMPARE(leaves(mapped), QStringList({s("ES = Flat rate: 0.08"), s("NL = Flat rate: 0.07"), s("DE = Flat rate: 0.075")}));
    const auto &values = mapped.columns.first().values;
    QCOMPARE(values[1].first, s("Holand"));
    QCOMPARE(values[1].second.how, MatchHow::Manual);
    QCOMPARE(values[1].second.value, s("NL"));

    const ImportAnalysis refused = analyse(rows, R"({"columns":[
        {"column":1,"role":"attribute","dimension":"country","matchBy":"name","manual":{"Holand":"Hollandia"}},
        {"column":2,"role":"price"}]})");
    QVERIFY(!refused.ready());
    QVERIFY(refused.problems.first().message.contains(s("\"Hollandia\" is not a value of Country")));
}

void TestRateImporter::emptyAttributeMappedToOthers()
{
    const auto rows = table({{"ES", "21401", "0.04"}, {"ES", "", "0.08"}});
    const char *plain = R"({"columns":[{"column":1,"role":"attribute","dimension":"country"},
        {"column":2,"role":"attribute","dimension":"mccmnc"},{"column":3,"role":"price"}]})";
    const ImportAnalysis a = analyse(rows, plain);
    QVERIFY(!a.ready());
    QVERIFY(a.problems.first().message.contains(s("1 row has no value")));
    const ImportAnalysis mapped = analyse(rows, R"({"columns":[{"column":1,"role":"attribute","dimension":"country"},
        {"column":2,"role":"attribute","dimension":"mccmnc","manual":{"":"*"}},{"column":3,"role":"price"}]})");
    QVERIFY(mapped.ready());
    QCOMPARE(leaves(mapped), QStringList({s("ES/21401 = Flat rate: 0.04"), s("ES/* = Flat rate: 0.08")}));
}

void TestRateImporter::pricesAndRules()
{
    const auto rows = table({{"ES", "0,04", "Flat rate", "Delivered", "Messages"},
                             {"DE", "-0.07", "", "", ""},
                             {"GB", "", "Free", "submited", ""},
                             {"FR", "n/a", "", "", ""},
                             {"IT", "0.05", "Blocked", "", ""}});
    const char *json = R"({"columns":[{"column":1,"role":"attribute","dimension":"country"},
        {"column":2,"role":"price"},{"column":3,"role":"priceType"},{"column":4,"role":"billingRule"},
        {"column":5,"role":"quantityRule"}]})";
    const ImportAnalysis a = analyse(rows, json);
    QVERIFY(!a.ready()); // "n/a" is not a price
    QVERIFY(messages(a, true).join(u'\n').contains(s("Column B (Price): no match for \"n/a\"")));
    QVERIFY(messages(a, false).join(u'\n').contains(s("1 negative price is taken as positive")));
    // Only the texts that are not prices are offered for mapping.
    QCOMPARE(a.columns[1].values.size(), 2); // "" and "n/a"

    const ImportAnalysis mapped = analyse(rows, R"({"columns":[{"column":1,"role":"attribute","dimension":"country"},
        {"column":2,"role":"price","manual":{"n/a":"blocked"}},{"column":3,"role":"priceType"},
        {"column":4,"role":"billingRule"},{"column":5,"role":"quantityRule"}]})");
    QVERIFY2(mapped.ready(), qPrintable(messages(mapped, true).join(u'\n')));
    QCOMPARE(leaves(mapped), QStringList({s("ES = Flat rate: 0.04"), s("DE = Flat rate: 0.07"), s("GB = Free"),
                                          s("FR = Blocked"), s("IT = Blocked")}));
    QString error;
    const auto tree = importedTree(mapped, &error);
    QVERIFY2(tree, qPrintable(error));
    const RateNode *spain = tree->children(3).at(0);
    QCOMPARE(spain->billingRule, rating::BillingRule::Delivered);
    QCOMPARE(spain->quantityRule, rating::QuantityRule::Messages);
    const RateNode *britain = tree->children(3).at(2);
    QCOMPARE(britain->billingRule, rating::BillingRule::Submitted); // "submited" by best match
    QCOMPARE(tree->children(3).at(1)->billingRule, rating::BillingRule::Inherit);
}

void TestRateImporter::derivedLevels()
{
    const auto rows = table({{"21401", "0.04"}, {"21403", "0.05"}, {"26202", "0.07"}});
    const ImportAnalysis a = analyse(rows, R"({"columns":[{"column":1,"role":"attribute","dimension":"mccmnc"},
        {"column":2,"role":"price"}],"structure":["country","network","mccmnc"]})");
    QVERIFY2(a.ready(), qPrintable(messages(a, true).join(u'\n')));
    QCOMPARE(leaves(a), QStringList({s("ES/Vodafone/21401 = Flat rate: 0.04"), s("ES/Orange/21403 = Flat rate: 0.05"),
                                     s("DE/Vodafone/26202 = Flat rate: 0.07")}));
    const ImportAnalysis offer = analyse(rows, R"({"columns":[{"column":1,"role":"attribute","dimension":"mccmnc"},
        {"column":2,"role":"price"}]})");
    QCOMPARE(offer.derivable, QList<rating::Dimension>({rating::Dimension::Country, rating::Dimension::Mcc,
                                                         rating::Dimension::Network}));
    const ImportAnalysis impossible = analyse(rows, R"({"columns":[{"column":1,"role":"attribute","dimension":"mccmnc"},
        {"column":2,"role":"price"}],"structure":["pricingCategory","mccmnc"]})");
    QVERIFY(!impossible.ready());
    QVERIFY(messages(impossible, true).join(u'\n').contains(s("cannot be derived from the declared ones")));
}

void TestRateImporter::mccMncNormalized()
{
    const auto rows = table({{"214-01", "0.04"}, {"214 03", "0.05"}});
    const ImportAnalysis a = analyse(rows, R"({"columns":[{"column":1,"role":"attribute","dimension":"mccmnc"},
        {"column":2,"role":"price"}]})");
    QVERIFY(a.ready());
    QCOMPARE(leaves(a), QStringList({s("21401 = Flat rate: 0.04"), s("21403 = Flat rate: 0.05")}));
}

void TestRateImporter::whatsappBasic()
{
    const auto rows = table({{"Market", "Marketing", "Utility", "Authentication", "Service"},
                             {"Argentina", "0.0618", "0.026", "0.026", "0"},
                             {"Brazil", "0.0625", "0.008", "0.0315", ""}});
    const ImportAnalysis a = analyse(rows, R"({"startRow":2,"columns":[
        {"column":1,"role":"attribute","dimension":"country","matchBy":"name"},
        {"column":2,"role":"price","pricingCategory":"marketing"},{"column":3,"role":"price","pricingCategory":"utility"},
        {"column":4,"role":"price","pricingCategory":"authentication"},{"column":5,"role":"price","pricingCategory":"service"}]})",
                                     ImportFormat::WhatsappBasic);
    QVERIFY2(a.ready(), qPrintable(messages(a, true).join(u'\n')));
    QCOMPARE(a.records, 7);
    QCOMPARE(leaves(a), QStringList({s("AR/marketing = Flat rate: 0.0618"), s("AR/utility = Flat rate: 0.026"),
                                     s("AR/authentication = Flat rate: 0.026"), s("AR/service = Flat rate: 0"),
                                     s("BR/marketing = Flat rate: 0.0625"), s("BR/utility = Flat rate: 0.008"),
                                     s("BR/authentication = Flat rate: 0.0315")}));
}

void TestRateImporter::whatsappTier()
{
    const auto rows = table({{"Argentina", "Utility", "1 - 250,000", "0.026"},
                             {"Argentina", "Utility", "250,001 - 2,000,000", "0.025"},
                             {"Argentina", "Utility", "2,000,001+", "0.024"},
                             {"Argentina", "Authentication", "1 - 250,000", "0.026"},
                             {"Argentina", "Authentication", "> 250000", "0.0245"}});
    const ImportAnalysis a = analyse(rows, R"({"columns":[
        {"column":1,"role":"attribute","dimension":"country","matchBy":"name"},
        {"column":2,"role":"attribute","dimension":"pricingCategory","matchBy":"label"},
        {"column":3,"role":"tier"},{"column":4,"role":"price"}]})",
                                     ImportFormat::WhatsappTier);
    QVERIFY2(a.ready(), qPrintable(messages(a, true).join(u'\n')));
    QCOMPARE(a.records, 5);
    QCOMPARE(leaves(a), QStringList({s("AR/utility = Tier: 0.026 (250000), 0.025 (2000000), 0.024 (∞)"),
                                     s("AR/authentication = Tier: 0.026 (250000), 0.0245 (∞)")}));
}

void TestRateImporter::tiersMustStartAtOne()
{
    const auto rows = table({{"AR", "1001 - 5000", "0.02"}, {"AR", "5001+", "0.01"}});
    const ImportAnalysis a = analyse(rows, R"({"columns":[{"column":1,"role":"attribute","dimension":"country"},
        {"column":2,"role":"tier"},{"column":3,"role":"price"}]})",
                                     ImportFormat::WhatsappTier);
    QVERIFY(!a.ready());
    QVERIFY(messages(a, true).join(u'\n').contains(s("start at unit 1001; the first tier must start at 1")));
}

void TestRateImporter::mergeKeepsWhatTheSheetDoesNotMention()
{
    const auto rows = table({{"ES", "Orange", "0.05"}, {"ES", "Vodafone", "0.045"}, {"PL", "*", "0.013"}});
    const ImportAnalysis a = analyse(rows, R"({"mode":"merge","columns":[
        {"column":1,"role":"attribute","dimension":"country"},{"column":2,"role":"attribute","dimension":"network"},
        {"column":3,"role":"price"}]})");
    QVERIFY2(a.ready(), qPrintable(messages(a, true).join(u'\n')));
    QCOMPARE(leaves(a), QStringList({s("ES/Vodafone = Flat rate: 0.045"), s("ES/Orange = Flat rate: 0.05"),
                                     s("ES/* = Flat rate: 0.08"), s("GB = Flat rate: 0.035"), s("PL/* = Flat rate: 0.013")}));
    QCOMPARE(a.diff.up, 1);
    QCOMPARE(a.diff.added, 2);
    QCOMPARE(a.diff.unchanged, 2);
    QCOMPARE(a.diff.removed, 0);
    // Spain (4), its Others (6) and Vodafone (5, with its new price) keep their ids; Orange is new.
    QStringList ids;
    for (const RateNode &node : a.nodes)
        ids.append(QString::number(node.id));
    QVERIFY(ids.contains(s("4")));
    QVERIFY(ids.contains(s("6")));
    QVERIFY(ids.contains(s("7")));
    QVERIFY(ids.contains(s("5")));
    QCOMPARE(std::count_if(a.nodes.cbegin(), a.nodes.cend(), [](const RateNode &n) { return n.id < 0; }), 3); // Orange, PL, PL/*

    // The merged branch goes into the whole tree and stays valid.
    QString error;
    const auto tree = importedTree(a, &error);
    QVERIFY2(tree, qPrintable(error));
    QCOMPARE(tree->nodes().size(), 3 + a.nodes.size() - 1);
}

void TestRateImporter::mergeNeedsTheSameFirstLevel()
{
    const auto rows = table({{"21401", "0.04"}});
    const ImportAnalysis a = analyse(rows, R"({"mode":"merge","columns":[
        {"column":1,"role":"attribute","dimension":"mccmnc"},{"column":2,"role":"price"}]})");
    QVERIFY(!a.ready());
    QVERIFY(messages(a, true).join(u'\n').contains(s("merging needs the same first level")));
}

void TestRateImporter::diffKinds()
{
    const auto rows = table({{"ES", "Vodafone", "0.03"}, {"ES", "*", "0.08"}, {"FR", "*", "0.06"}});
    const ImportAnalysis a = analyse(rows, R"({"columns":[
        {"column":1,"role":"attribute","dimension":"country"},{"column":2,"role":"attribute","dimension":"network"},
        {"column":3,"role":"price"}]})");
    QVERIFY(a.ready());
    QCOMPARE(a.diff.down, 1);
    QCOMPARE(a.diff.unchanged, 1);
    QCOMPARE(a.diff.added, 1);
    QCOMPARE(a.diff.removed, 1); // GB is not in the sheet
    QCOMPARE(a.diff.items.size(), 4);
    const DiffItem &vodafone = a.diff.items[0]; // tree order: the sheet's leaves, then the removed
    QCOMPARE(vodafone.path, QStringList({s("ES"), s("Vodafone")}));
    QCOMPARE(vodafone.labels, QStringList({s("Spain"), s("Vodafone")}));
    QCOMPARE(vodafone.kind, s("down"));
    QCOMPARE(vodafone.before, s("Flat rate: 0.04"));
    QCOMPARE(vodafone.after, s("Flat rate: 0.03"));
    QCOMPARE(a.diff.items[3].kind, s("removed"));
    QCOMPARE(a.diff.items[3].labels, QStringList({s("United Kingdom")}));
}

void TestRateImporter::settingsErrors()
{
    QHash<QString, QString> errors;
    ImportSettings::fromJson(QJsonDocument::fromJson(R"({"startRow":0,"duplicates":"maybe","mode":"sideways","columns":[
        {"column":1,"role":"attribute","dimension":"resource"},
        {"column":2,"role":"tier"},
        {"column":3,"role":"price"},{"column":3,"role":"billingRule"},
        {"column":4,"role":"attribute","dimension":"country","matchBy":"capital"},
        {"column":5,"role":"price"},
        {"column":0,"role":"price"}],"structure":["country","country"]})")
                                 .object(),
                             ImportFormat::Standard, errors);
    QCOMPARE(errors.value(s("startRow")), s("must be a row number from 1"));
    QCOMPARE(errors.value(s("duplicates")), s("must be first, last or error"));
    QCOMPARE(errors.value(s("mode")), s("must be replace or merge"));
    QVERIFY(errors.contains(s("columns[0].dimension")));
    QCOMPARE(errors.value(s("columns[1].role")), s("a tier column belongs to the WhatsApp tier format"));
    QCOMPARE(errors.value(s("columns[3].column")), s("column 3 is declared twice"));
    QCOMPARE(errors.value(s("columns[4].matchBy")), s("\"capital\" is not an attribute of this dictionary"));
    QCOMPARE(errors.value(s("columns[5].role")), s("another column is already the price column"));
    QCOMPARE(errors.value(s("columns[6].column")), s("must be a column number from 1"));
    QCOMPARE(errors.value(s("structure[1]")), s("country is listed twice"));

    errors.clear();
    ImportSettings::fromJson(QJsonDocument::fromJson(R"({"columns":[{"column":2,"role":"price"}]})").object(),
                             ImportFormat::WhatsappBasic, errors);
    QVERIFY(errors.value(s("columns[0].pricingCategory")).contains(s("needs its pricing category")));
}

void TestRateImporter::depthLimit()
{
    // A chain 25 nodes deep: 8 more levels would pass RateTree::MaxDepth (32).
    QList<RateNode> chain;
    for (qint64 id = 1; id <= 25; ++id) {
        RateNode node;
        node.id = id;
        if (id > 1)
            node.parentId = id - 1;
        node.match = id == 1 ? s("sms") : id == 2 ? s("sms-message") : QString::number(id);
        node.dimension = id == 1 ? rating::Dimension::Resource : rating::Dimension::Country;
        chain.append(node);
    }
    const RateTree tree(chain);
    const char *dimensions[] = {"country", "network", "mcc", "mccmnc", "mno", "senderIdType", "periodicity", "whatsappRegion"};
    QByteArray columns;
    QStringList row;
    for (int c = 0; c < 8; ++c) {
        columns += "{\"column\":" + QByteArray::number(c + 1) + ",\"role\":\"attribute\",\"dimension\":\""
            + QByteArray(dimensions[c]) + "\",\"manual\":{\"x\":\"*\"}},";
        row.append(s("x"));
    }
    row.append(s("0.01"));
    const QByteArray deep = "{\"columns\":[" + columns + "{\"column\":9,\"role\":\"price\"}]}";
    const ImportAnalysis tooDeep = RateImporter({row}, ImportFormat::Standard, settings(deep.constData()), tree, 25).analyse();
    QVERIFY(!tooDeep.ready());
    QVERIFY(messages(tooDeep, true).join(u'\n').contains(s("The tree would be 33 levels deep; at most 32 are allowed")));
    const ImportAnalysis fits = RateImporter({row}, ImportFormat::Standard, settings(deep.constData()), tree, 24).analyse();
    QVERIFY2(fits.ready(), qPrintable(messages(fits, true).join(u'\n')));
}

QTEST_GUILESS_MAIN(TestRateImporter)
#include "tst_rateimporter.moc"
