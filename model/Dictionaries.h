#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace backoffice {

// Reference data every part of the product validates against: ISO 3166-1 countries and ISO 4217
// currencies (from Debian's iso-codes, compiled into backoffice_resources) and the IANA time zones
// the Qt time zone backend knows. Loaded once, read-only afterwards, so it is safe to share between
// threads.
class Dictionaries final
{
public:
    struct Country {
        QString alpha2;   // "ES"
        QString alpha3;   // "ESP"
        QString numeric;  // "724"
        QString name;     // "Spain"
        QString nameFr;   // "Espagne" (iso-codes' French catalogue; the English name when it has none)
        QString commonName;   // "Bolivia" for "Bolivia, Plurinational State of"; empty when iso-codes has none
        QString officialName; // "Plurinational State of Bolivia"; empty when iso-codes has none
    };
    struct Currency {
        QString code;     // "EUR"
        QString numeric;  // "978"
        QString name;     // "Euro"
    };

    static const Dictionaries &instance();

    // Codes are matched exactly: upper-case, as the API carries them.
    bool isCountry(const QString &alpha2) const;
    QString countryName(const QString &alpha2) const;   // empty when unknown
    QString countryNameFr(const QString &alpha2) const; // empty when unknown
    const QList<Country> &countries() const { return m_countries; } // sorted by alpha-2 code

    bool isCurrency(const QString &code) const;
    QString currencyName(const QString &code) const;    // empty when unknown
    const QList<Currency> &currencies() const { return m_currencies; } // sorted by code

    // IANA ids ("Europe/Madrid", "UTC"); Qt's fixed-offset pseudo ids such as "UTC+03:00" are not
    // offered, because an agreement's billing zone must follow its region's daylight saving rules.
    bool isTimeZone(const QString &ianaId) const;
    QStringList timeZones() const { return m_timeZones; } // sorted

private:
    Dictionaries();
    void loadCountries();
    void loadCurrencies();
    void loadTimeZones();

    QList<Country> m_countries;
    QHash<QString, qsizetype> m_countryIndex;
    QList<Currency> m_currencies;
    QHash<QString, qsizetype> m_currencyIndex;
    QStringList m_timeZones;
    QSet<QString> m_timeZoneSet;
};

} // namespace backoffice
