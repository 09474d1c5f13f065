#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace backoffice {

// Mobile country and network codes (ITU E.212 MCC/MNC) with their network names, from the npm
// package mcc-mnc-list compiled into backoffice_resources. Loaded once, read-only afterwards.
class MobileNetworks final
{
public:
    struct Network {
        QString mcc; // "214"
        QString mnc; // "01"
        QString country; // ISO 3166-1 alpha-2 as the list gives it ("ES"; a few are "GE-AB" or empty)
        QString countryName; // as the list spells it
        QString brand; // "Vodafone"
        QString operatorName; // "Vodafone Spain"
        QString status; // "Operational", "Not operational", ...
        QString type; // "National", "International", "Test"

        QString mccMnc() const { return mcc + mnc; }
        // The name people know the network by: the brand, or the operator when there is none.
        QString name() const { return brand.isEmpty() ? operatorName : brand; }
    };
    struct CountryCode {
        QString mcc;
        QStringList countries; // alpha-2 codes using this MCC, sorted ("234": GB, GG, IM, JE)
        QStringList countryNames;
    };

    static const MobileNetworks &instance();

    const QList<Network> &networks() const { return m_networks; } // sorted by MCC, then MNC
    const QList<CountryCode> &countryCodes() const { return m_mccs; } // sorted by MCC
    const Network *find(const QString &mcc, const QString &mnc) const; // nullptr when unknown
    QList<Network> networksOf(const QString &mcc) const;
    bool isMcc(const QString &mcc) const { return m_mccIndex.contains(mcc); }

    // Versions of the shipped reference data: {"iso-codes": "4.15.0", "mcc-mnc-list": "1.1.11"}.
    const QJsonObject &dataVersions() const { return m_versions; }

private:
    MobileNetworks();
    void loadNetworks();
    void indexCountryCodes();

    QList<Network> m_networks;
    QHash<QString, qsizetype> m_networkIndex; // mcc + "/" + mnc -> index
    QList<CountryCode> m_mccs;
    QHash<QString, qsizetype> m_mccIndex;
    QJsonObject m_versions;
};

} // namespace backoffice
