#include "Dictionaries.h"

#include <QFile>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <algorithm>

using backoffice::Dictionaries;

class DictionariesTest final : public QObject
{
    Q_OBJECT

private slots:
    void resourcesAreReachable();
    void countries_data();
    void countries();
    void countryRecord();
    void countryListIsSortedAndComplete();
    void currencies_data();
    void currencies();
    void currencyRecord();
    void timeZones_data();
    void timeZones();
    void timeZoneListIsSortedAndUsable();
    void sameInstanceFromAnotherThread();
};

void DictionariesTest::resourcesAreReachable()
{
    // The data sits in a static library; the first use must register it whatever executable runs.
    Dictionaries::instance();
    QVERIFY(QFile::exists(QStringLiteral(":/dictionaries/iso_3166-1.json")));
    QVERIFY(QFile::exists(QStringLiteral(":/dictionaries/iso_4217.json")));
}

void DictionariesTest::countries_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("name");

    QTest::newRow("ES") << QStringLiteral("ES") << true << QStringLiteral("Spain");
    QTest::newRow("DE") << QStringLiteral("DE") << true << QStringLiteral("Germany");
    QTest::newRow("KI") << QStringLiteral("KI") << true << QStringLiteral("Kiribati");
    QTest::newRow("lower case") << QStringLiteral("es") << false << QString();
    QTest::newRow("alpha-3") << QStringLiteral("ESP") << false << QString();
    QTest::newRow("unassigned") << QStringLiteral("XX") << false << QString();
    QTest::newRow("empty") << QString() << false << QString();
}

void DictionariesTest::countries()
{
    QFETCH(QString, code);
    QFETCH(bool, known);
    QFETCH(QString, name);
    const Dictionaries &d = Dictionaries::instance();
    QCOMPARE(d.isCountry(code), known);
    QCOMPARE(d.countryName(code), name);
}

void DictionariesTest::countryRecord()
{
    const auto &list = Dictionaries::instance().countries();
    const auto it = std::find_if(list.begin(), list.end(),
                                 [](const Dictionaries::Country &c) { return c.alpha2 == QLatin1String("ES"); });
    QVERIFY(it != list.end());
    QCOMPARE(it->alpha3, QStringLiteral("ESP"));
    QCOMPARE(it->numeric, QStringLiteral("724"));
    QCOMPARE(it->name, QStringLiteral("Spain"));
}

void DictionariesTest::countryListIsSortedAndComplete()
{
    const auto &list = Dictionaries::instance().countries();
    QVERIFY2(list.size() >= 240, "ISO 3166-1 has about 249 entries");
    QVERIFY(std::is_sorted(list.begin(), list.end(),
                           [](const Dictionaries::Country &a, const Dictionaries::Country &b) { return a.alpha2 < b.alpha2; }));
    for (const auto &country : list) {
        QCOMPARE(country.alpha2.size(), 2);
        QCOMPARE(country.alpha3.size(), 3);
        QVERIFY2(!country.name.isEmpty(), qPrintable(country.alpha2));
    }
}

void DictionariesTest::currencies_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("name");

    QTest::newRow("EUR") << QStringLiteral("EUR") << true << QStringLiteral("Euro");
    QTest::newRow("USD") << QStringLiteral("USD") << true << QStringLiteral("US Dollar");
    QTest::newRow("lower case") << QStringLiteral("eur") << false << QString();
    QTest::newRow("unassigned") << QStringLiteral("ABC") << false << QString();
    QTest::newRow("country code") << QStringLiteral("ES") << false << QString();
    QTest::newRow("empty") << QString() << false << QString();
}

void DictionariesTest::currencies()
{
    QFETCH(QString, code);
    QFETCH(bool, known);
    QFETCH(QString, name);
    const Dictionaries &d = Dictionaries::instance();
    QCOMPARE(d.isCurrency(code), known);
    QCOMPARE(d.currencyName(code), name);
}

void DictionariesTest::currencyRecord()
{
    const auto &list = Dictionaries::instance().currencies();
    QVERIFY(list.size() >= 150);
    const auto it = std::find_if(list.begin(), list.end(),
                                 [](const Dictionaries::Currency &c) { return c.code == QLatin1String("EUR"); });
    QVERIFY(it != list.end());
    QCOMPARE(it->numeric, QStringLiteral("978"));
    QVERIFY(std::is_sorted(list.begin(), list.end(),
                           [](const Dictionaries::Currency &a, const Dictionaries::Currency &b) { return a.code < b.code; }));
}

void DictionariesTest::timeZones_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("known");

    QTest::newRow("Madrid") << QStringLiteral("Europe/Madrid") << true;
    QTest::newRow("New York") << QStringLiteral("America/New_York") << true;
    QTest::newRow("Kiritimati") << QStringLiteral("Pacific/Kiritimati") << true;
    QTest::newRow("Pago Pago") << QStringLiteral("Pacific/Pago_Pago") << true;
    QTest::newRow("UTC") << QStringLiteral("UTC") << true;
    QTest::newRow("fixed offset pseudo id") << QStringLiteral("UTC+03:00") << false;
    QTest::newRow("wrong case") << QStringLiteral("europe/madrid") << false;
    QTest::newRow("made up") << QStringLiteral("Mars/Olympus_Mons") << false;
    QTest::newRow("empty") << QString() << false;
}

void DictionariesTest::timeZones()
{
    QFETCH(QString, id);
    QFETCH(bool, known);
    QCOMPARE(Dictionaries::instance().isTimeZone(id), known);
}

void DictionariesTest::timeZoneListIsSortedAndUsable()
{
    const QStringList zones = Dictionaries::instance().timeZones();
    QVERIFY(zones.size() > 300);
    QVERIFY(std::is_sorted(zones.begin(), zones.end()));
    QVERIFY(zones.contains(QStringLiteral("Europe/Madrid")));
    for (const QString &id : zones)
        QVERIFY2(QTimeZone(id.toLatin1()).isValid(), qPrintable(id));
}

void DictionariesTest::sameInstanceFromAnotherThread()
{
    const Dictionaries *fromThread = nullptr;
    bool spainKnown = false;
    QThread *thread = QThread::create([&] {
        fromThread = &Dictionaries::instance();
        spainKnown = fromThread->isCountry(QStringLiteral("ES"));
    });
    thread->start();
    QVERIFY(thread->wait(10000));
    delete thread;
    QCOMPARE(fromThread, &Dictionaries::instance());
    QVERIFY(spainKnown);
}

QTEST_GUILESS_MAIN(DictionariesTest)
#include "tst_dictionaries.moc"
