#include "CodeTables.h"
#include "Dictionaries.h"
#include "GettextCatalog.h"
#include "MobileNetworks.h"
#include "PrefixTrie.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QtEndian>

using namespace backoffice;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// A minimal little- or big-endian .mo image with the given pairs (sorted by msgid as gettext does).
QByteArray moImage(const QList<QPair<QByteArray, QByteArray>> &pairs, bool bigEndian)
{
    const quint32 count = quint32(pairs.size());
    const quint32 originals = 28;
    const quint32 translations = originals + 8 * count;
    quint32 dataOffset = translations + 8 * count;
    QByteArray header(28, '\0');
    QByteArray tables(16 * qsizetype(count), '\0');
    QByteArray strings;
    auto put = [bigEndian](QByteArray &target, qsizetype at, quint32 value) {
        if (bigEndian)
            qToBigEndian(value, target.data() + at);
        else
            qToLittleEndian(value, target.data() + at);
    };
    put(header, 0, 0x950412de);
    put(header, 8, count);
    put(header, 12, originals);
    put(header, 16, translations);
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        put(tables, 8 * i, quint32(pairs.at(i).first.size()));
        put(tables, 8 * i + 4, dataOffset + quint32(strings.size()));
        strings += pairs.at(i).first + '\0';
    }
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        put(tables, 8 * (count + i), quint32(pairs.at(i).second.size()));
        put(tables, 8 * (count + i) + 4, dataOffset + quint32(strings.size()));
        strings += pairs.at(i).second + '\0';
    }
    return header + tables + strings;
}
} // namespace

class DictionaryDataTest final : public QObject
{
    Q_OBJECT
private slots:
    void countryAttributes_data();
    void countryAttributes();
    void gettextCatalogBothByteOrders();
    void gettextCatalogRejectsGarbage();
    void mccMncLookups();
    void mccIndexGroupsCountries();
    void dataVersionsRecorded();
    void codeTables();
    void prefixTrieLongestPrefixWins();
};

void DictionaryDataTest::countryAttributes_data()
{
    QTest::addColumn<QString>("alpha2");
    QTest::addColumn<QString>("alpha3");
    QTest::addColumn<QString>("numeric");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("nameFr");
    QTest::newRow("DE") << s("DE") << s("DEU") << s("276") << s("Germany") << s("Allemagne");
    QTest::newRow("ES") << s("ES") << s("ESP") << s("724") << s("Spain") << s("Espagne");
    QTest::newRow("GB") << s("GB") << s("GBR") << s("826") << s("United Kingdom") << s("Royaume-Uni");
    QTest::newRow("AR") << s("AR") << s("ARG") << s("032") << s("Argentina") << s("Argentine");
    QTest::newRow("US") << s("US") << s("USA") << s("840") << s("United States") << s("États-Unis");
}

void DictionaryDataTest::countryAttributes()
{
    QFETCH(QString, alpha2);
    const Dictionaries &dictionaries = Dictionaries::instance();
    QVERIFY(dictionaries.isCountry(alpha2));
    const auto &countries = dictionaries.countries();
    const auto it = std::find_if(countries.cbegin(), countries.cend(),
                                 [&alpha2](const Dictionaries::Country &c) { return c.alpha2 == alpha2; });
    QVERIFY(it != countries.cend());
    QTEST(it->alpha3, "alpha3");
    QTEST(it->numeric, "numeric");
    QTEST(it->name, "name");
    QTEST(it->nameFr, "nameFr");
    QTEST(dictionaries.countryNameFr(alpha2), "nameFr");
    // Every country has a French name (the English one at worst), and most are translated.
    int translated = 0;
    for (const Dictionaries::Country &country : countries) {
        QVERIFY(!country.nameFr.isEmpty());
        translated += country.nameFr != country.name;
    }
    QVERIFY2(translated > 150, qPrintable(QString::number(translated)));
}

void DictionaryDataTest::gettextCatalogBothByteOrders()
{
    const QList<QPair<QByteArray, QByteArray>> pairs {{QByteArray(), "Content-Type: text/plain; charset=UTF-8\n"},
                                                      {"Germany", "Allemagne"},
                                                      {"Peru", "P\xC3\xA9rou"}};
    for (bool bigEndian : {false, true}) {
        GettextCatalog catalog;
        QVERIFY(catalog.load(moImage(pairs, bigEndian)));
        QCOMPARE(catalog.size(), 2); // the header entry is not a message
        QCOMPARE(catalog.translate(s("Germany")), s("Allemagne"));
        QCOMPARE(catalog.translate(s("Peru")), s("Pérou"));
        QCOMPARE(catalog.translate(s("Spain")), QString());
    }
}

void DictionaryDataTest::gettextCatalogRejectsGarbage()
{
    GettextCatalog catalog;
    QVERIFY(!catalog.load(QByteArray("not a catalogue at all, just text")));
    QVERIFY(!catalog.load(QByteArray()));
    QByteArray truncated = moImage({{"Germany", "Allemagne"}}, false);
    truncated.chop(12);
    QVERIFY(!catalog.load(truncated));
    QCOMPARE(catalog.size(), 0);
}

void DictionaryDataTest::mccMncLookups()
{
    const MobileNetworks &networks = MobileNetworks::instance();
    QVERIFY(networks.networks().size() > 1500);
    const MobileNetworks::Network *vodafoneSpain = networks.find(s("214"), s("01"));
    QVERIFY(vodafoneSpain);
    QCOMPARE(vodafoneSpain->country, s("ES"));
    QCOMPARE(vodafoneSpain->name(), s("Vodafone"));
    QCOMPARE(vodafoneSpain->operatorName, s("Vodafone Spain"));
    QCOMPARE(vodafoneSpain->mccMnc(), s("21401"));
    const MobileNetworks::Network *telekom = networks.find(s("262"), s("01"));
    QVERIFY(telekom);
    QCOMPARE(telekom->country, s("DE"));
    QCOMPARE(telekom->name(), s("Telekom"));
    // Three-digit MNCs are distinct from two-digit ones.
    const MobileNetworks::Network *claro = networks.find(s("722"), s("310"));
    QVERIFY(claro);
    QCOMPARE(claro->country, s("AR"));
    QVERIFY(!networks.find(s("214"), s("999")));
    QVERIFY(!networks.find(s("999"), s("01")));
    const auto spanish = networks.networksOf(s("214"));
    QVERIFY(spanish.size() > 10);
    for (const auto &network : spanish)
        QCOMPARE(network.mcc, s("214"));
    // Sorted by MCC then MNC.
    const auto &all = networks.networks();
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).mcc < all.at(i).mcc
                || (all.at(i - 1).mcc == all.at(i).mcc && all.at(i - 1).mnc < all.at(i).mnc));
}

void DictionaryDataTest::mccIndexGroupsCountries()
{
    const MobileNetworks &networks = MobileNetworks::instance();
    QVERIFY(networks.isMcc(s("214")));
    QVERIFY(!networks.isMcc(s("000")));
    const auto &codes = networks.countryCodes();
    const auto uk
        = std::find_if(codes.cbegin(), codes.cend(), [](const auto &code) { return code.mcc == QLatin1String("234"); });
    QVERIFY(uk != codes.cend());
    QVERIFY(uk->countries.contains(s("GB")));
    QVERIFY(uk->countries.contains(s("GG"))); // Guernsey shares MCC 234
}

void DictionaryDataTest::dataVersionsRecorded()
{
    const QJsonObject versions = MobileNetworks::instance().dataVersions();
    const QRegularExpression semver(s("^\\d+\\.\\d+(\\.\\d+)?$"));
    QVERIFY2(semver.match(versions.value(QLatin1String("mcc-mnc-list")).toString()).hasMatch(),
             qPrintable(versions.value(QLatin1String("mcc-mnc-list")).toString()));
    QVERIFY2(semver.match(versions.value(QLatin1String("iso-codes")).toString()).hasMatch(),
             qPrintable(versions.value(QLatin1String("iso-codes")).toString()));
}

void DictionaryDataTest::codeTables()
{
    QCOMPARE(codetables::all().size(), 6);
    const CodeTable &senders = codetables::get(codetables::senderIdTypes);
    QCOMPARE(senders.entries.size(), 3);
    QCOMPARE(senders.label(s("alphanumeric")), s("Alphanumeric"));
    QVERIFY(senders.contains(s("short-code")) && senders.contains(s("long-code")));
    const CodeTable &periodicity = codetables::get(codetables::periodicities);
    QCOMPARE(periodicity.entries.size(), 2);
    QVERIFY(periodicity.contains(s("monthly")) && periodicity.contains(s("weekly")));
    const CodeTable &categories = codetables::get(codetables::whatsAppPricingCategories);
    for (const char *key : {"marketing", "utility", "authentication", "service"})
        QVERIFY2(categories.contains(s(key)), key);
    QVERIFY(codetables::get(codetables::whatsAppRegions).contains(s("rest-of-latin-america")));
    QVERIFY(codetables::get(codetables::rcsMessageTypes).contains(s("basic")));
    QVERIFY(codetables::get(codetables::whatsAppPricingTypes).contains(s("regular")));
    // Keys are unique and labelled in every table.
    for (const CodeTable &table : codetables::all()) {
        QSet<QString> keys;
        for (const CodeEntry &entry : table.entries) {
            QVERIFY(!entry.label.isEmpty());
            QVERIFY2(!keys.contains(entry.key), qPrintable(entry.key));
            keys.insert(entry.key);
        }
    }
}

void DictionaryDataTest::prefixTrieLongestPrefixWins()
{
    PrefixTrie trie;
    QVERIFY(!trie.longestMatch(s("34609123456")));
    trie.insert({s("346"), s("ES"), s("214"), {}, {}});
    trie.insert({s("34609"), s("ES"), s("214"), s("07"), s("Movistar")});
    trie.insert({s("346091"), s("ES"), s("214"), s("01"), s("Vodafone")});
    trie.insert({s("34x"), s("ES"), {}, {}, {}}); // not digits: ignored
    QCOMPARE(trie.size(), 3);
    QCOMPARE(trie.longestMatch(s("34609123456"))->mnc, s("01"));
    QCOMPARE(trie.longestMatch(s("34609223456"))->mnc, s("07"));
    QCOMPARE(trie.longestMatch(s("34612345678"))->prefix, s("346"));
    QVERIFY(!trie.longestMatch(s("4915112345678")));
    QVERIFY(!trie.longestMatch(s("34")));
    // Replacing a prefix keeps one entry.
    trie.insert({s("34609"), s("ES"), s("214"), s("03"), s("Orange")});
    QCOMPARE(trie.size(), 3);
    QCOMPARE(trie.longestMatch(s("34609223456"))->network, s("Orange"));
}

QTEST_GUILESS_MAIN(DictionaryDataTest)
#include "tst_dictionary_data.moc"
