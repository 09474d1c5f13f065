#include "Dictionaries.h"

#include "GettextCatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimeZone>
#include <algorithm>

// The resource file lives in the static library backoffice_resources. Qt links its registration
// into every consumer as an object file, but a linker is free to drop a static initializer nobody
// references; naming the registration function here keeps it (and registering twice is harmless).
static void initDictionaryResources()
{
    Q_INIT_RESOURCE(dictionaries);
    Q_INIT_RESOURCE(dictionary_extras); // French names, MCC/MNC list, data versions
}

namespace backoffice {

Q_LOGGING_CATEGORY(lcDictionaries, "backoffice.model.dictionaries", QtWarningMsg)

namespace {

QJsonArray readArray(const QString &resource, const QString &key)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcDictionaries) << "cannot open" << resource << file.errorString();
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qCCritical(lcDictionaries) << "cannot parse" << resource << error.errorString();
    return document.object().value(key).toArray();
}

QString field(const QJsonValue &entry, const char *key)
{
    return entry.toObject().value(QLatin1String(key)).toString();
}

} // namespace

const Dictionaries &Dictionaries::instance()
{
    // A function-local static: constructed once, thread-safe, and only when first needed.
    static const Dictionaries dictionaries;
    return dictionaries;
}

Dictionaries::Dictionaries()
{
    initDictionaryResources();
    loadCountries();
    loadCurrencies();
    loadTimeZones();
}

void Dictionaries::loadCountries()
{
    const QJsonArray entries = readArray(QStringLiteral(":/dictionaries/iso_3166-1.json"), QStringLiteral("3166-1"));
    GettextCatalog french;
    if (!french.loadFile(QStringLiteral(":/dictionaries/iso_3166-1.fr.mo")))
        qCWarning(lcDictionaries) << "no French country names in the resources";
    for (const QJsonValue &entry : entries) {
        Country country{field(entry, "alpha_2"), field(entry, "alpha_3"), field(entry, "numeric"),
                        field(entry, "name"), {}, field(entry, "common_name"), field(entry, "official_name")};
        country.nameFr = french.translate(country.name);
        if (country.nameFr.isEmpty())
            country.nameFr = country.name;
        if (country.alpha2.size() == 2)
            m_countries.append(std::move(country));
    }
    std::sort(m_countries.begin(), m_countries.end(),
              [](const Country &a, const Country &b) { return a.alpha2 < b.alpha2; });
    for (qsizetype i = 0; i < m_countries.size(); ++i)
        m_countryIndex.insert(m_countries.at(i).alpha2, i);
}

void Dictionaries::loadCurrencies()
{
    const QJsonArray entries = readArray(QStringLiteral(":/dictionaries/iso_4217.json"), QStringLiteral("4217"));
    for (const QJsonValue &entry : entries) {
        Currency currency{field(entry, "alpha_3"), field(entry, "numeric"), field(entry, "name")};
        if (currency.code.size() == 3)
            m_currencies.append(std::move(currency));
    }
    std::sort(m_currencies.begin(), m_currencies.end(),
              [](const Currency &a, const Currency &b) { return a.code < b.code; });
    for (qsizetype i = 0; i < m_currencies.size(); ++i)
        m_currencyIndex.insert(m_currencies.at(i).code, i);
}

void Dictionaries::loadTimeZones()
{
    const QList<QByteArray> ids = QTimeZone::availableTimeZoneIds();
    for (const QByteArray &id : ids) {
        // Qt adds fixed offsets ("UTC+03:00") to the backend's list; they are not IANA names.
        if (id.startsWith("UTC+") || id.startsWith("UTC-"))
            continue;
        m_timeZones.append(QString::fromLatin1(id));
    }
    m_timeZones.sort();
    m_timeZones.removeDuplicates();
    m_timeZoneSet = QSet<QString>(m_timeZones.cbegin(), m_timeZones.cend());
    if (m_timeZones.isEmpty())
        qCWarning(lcDictionaries) << "no time zones available: is tzdata installed?";
}

bool Dictionaries::isCountry(const QString &alpha2) const
{
    return m_countryIndex.contains(alpha2);
}

QString Dictionaries::countryName(const QString &alpha2) const
{
    const auto it = m_countryIndex.constFind(alpha2);
    return it == m_countryIndex.cend() ? QString() : m_countries.at(it.value()).name;
}

QString Dictionaries::countryNameFr(const QString &alpha2) const
{
    const auto it = m_countryIndex.constFind(alpha2);
    return it == m_countryIndex.cend() ? QString() : m_countries.at(it.value()).nameFr;
}

bool Dictionaries::isCurrency(const QString &code) const
{
    return m_currencyIndex.contains(code);
}

QString Dictionaries::currencyName(const QString &code) const
{
    const auto it = m_currencyIndex.constFind(code);
    return it == m_currencyIndex.cend() ? QString() : m_currencies.at(it.value()).name;
}

bool Dictionaries::isTimeZone(const QString &ianaId) const
{
    return m_timeZoneSet.contains(ianaId);
}

} // namespace backoffice
