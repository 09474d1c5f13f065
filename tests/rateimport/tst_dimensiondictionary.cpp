#include "DimensionDictionary.h"

#include <QTest>

using namespace backoffice::server::rateimport;
using backoffice::rating::Dimension;

class TestDimensionDictionary : public QObject
{
    Q_OBJECT
private slots:
    void countryByKeyIsFullOnly();
    void countryByNameBestMatch();
    void mccMncAndNetworks();
    void search();
    void othersTexts();
};

void TestDimensionDictionary::countryByKeyIsFullOnly()
{
    const DimensionDictionary &countries = DimensionDictionary::of(Dimension::Country);
    QCOMPARE(countries.match(QStringLiteral("es"), 0, MatchKind::Best)->entry->key, QStringLiteral("ES"));
    QVERIFY(!countries.match(QStringLiteral("ESP"), 0, MatchKind::Best)); // keys never best-match
    const int alpha3 = countries.matchByIndex(QStringLiteral("alpha3"));
    QCOMPARE(countries.match(QStringLiteral("ESP"), alpha3, MatchKind::Full)->entry->key, QStringLiteral("ES"));
    QCOMPARE(countries.labelOf(QStringLiteral("*")), QStringLiteral("Others"));
    QCOMPARE(countries.labelOf(QStringLiteral("NL")), QStringLiteral("Netherlands"));
}

void TestDimensionDictionary::countryByNameBestMatch()
{
    const DimensionDictionary &countries = DimensionDictionary::of(Dimension::Country);
    const int name = countries.matchByIndex(QStringLiteral("name"));
    QVERIFY(name > 0);
    QVERIFY(!countries.match(QStringLiteral("Viet-Nam"), name, MatchKind::Full)); // iso-codes says "Viet Nam"
    const auto vietnam = countries.match(QStringLiteral("Viet-Nam"), name, MatchKind::Best);
    QVERIFY(vietnam);
    QCOMPARE(vietnam->entry->key, QStringLiteral("VN"));
    QVERIFY(vietnam->best);
    // Common and official names spell the name too: "Bolivia, Plurinational State of" is "Bolivia".
    QCOMPARE(countries.match(QStringLiteral("Bolivia"), name, MatchKind::Full)->entry->key, QStringLiteral("BO"));
    QCOMPARE(countries.match(QStringLiteral("South Korea"), name, MatchKind::Full)->entry->key, QStringLiteral("KR"));
    QCOMPARE(countries.match(QStringLiteral("United Kingdom of Great Britain and Northern Ireland"), name, MatchKind::Full)
                 ->entry->key,
             QStringLiteral("GB"));
    QCOMPARE(countries.match(QStringLiteral("Moldova"), name, MatchKind::Best)->entry->key, QStringLiteral("MD"));
    const auto ivory = countries.match(QStringLiteral("cote d'ivoire"), name, MatchKind::Best);
    QVERIFY(ivory);
    QCOMPARE(ivory->entry->key, QStringLiteral("CI"));
    QVERIFY(!countries.match(QStringLiteral("Atlantis"), name, MatchKind::Best)); // nothing similar enough
    const auto spain = countries.match(QStringLiteral("SPAIN"), name, MatchKind::Full);
    QVERIFY(spain);
    QVERIFY(!spain->best);
}

void TestDimensionDictionary::mccMncAndNetworks()
{
    const DimensionDictionary &mccMnc = DimensionDictionary::of(Dimension::MccMnc);
    QCOMPARE(mccMnc.match(QStringLiteral("21401"), 0, MatchKind::Full)->entry->key, QStringLiteral("21401"));
    QVERIFY(!mccMnc.matchBy().isEmpty());
    QCOMPARE(mccMnc.matchBy().size(), 1); // keys only, as the manual says
    const DimensionDictionary &networks = DimensionDictionary::of(Dimension::Network);
    QVERIFY(networks.isOpen());
    const int byMccMnc = networks.matchByIndex(QStringLiteral("mccmnc"));
    QCOMPARE(networks.match(QStringLiteral("21401"), byMccMnc, MatchKind::Full)->entry->key, QStringLiteral("Vodafone"));
    const DimensionDictionary &mcc = DimensionDictionary::of(Dimension::Mcc);
    QCOMPARE(mcc.findKey(QStringLiteral("310"))->values.value(1), QStringLiteral("US"));
    QCOMPARE(mcc.findKey(QStringLiteral("214"))->label, QStringLiteral("Spain"));
}

void TestDimensionDictionary::search()
{
    const DimensionDictionary &countries = DimensionDictionary::of(Dimension::Country);
    const auto found = countries.search(QStringLiteral("neth"), 10);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.first()->key, QStringLiteral("NL"));
    const auto networks = DimensionDictionary::of(Dimension::Network).search(QStringLiteral("vodafone"), 50);
    QVERIFY(!networks.isEmpty());
    QVERIFY(networks.first()->key.startsWith(QStringLiteral("Vodafone"), Qt::CaseInsensitive));
    QStringList keys;
    for (const DictionaryEntry *entry : networks)
        keys.append(entry->key);
    QCOMPARE(keys.count(QStringLiteral("Vodafone")), 1); // one per name, whatever the countries
    QVERIFY(countries.search(QStringLiteral("zzzz"), 10).isEmpty());
}

void TestDimensionDictionary::othersTexts()
{
    QVERIFY(isOthersText(QStringLiteral("All networks")));
    QVERIFY(isOthersText(QStringLiteral("  ALL NETWORKS ")));
    QVERIFY(isOthersText(QStringLiteral("*")));
    QVERIFY(isOthersText(QStringLiteral("Rest of world")));
    QVERIFY(!isOthersText(QStringLiteral("Allnet")));
    QVERIFY(!isOthersText(QString()));
}

QTEST_GUILESS_MAIN(TestDimensionDictionary)
#include "tst_dimensiondictionary.moc"
