#include "MobileNetworks.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <algorithm>

// See Dictionaries.cpp: naming the registration keeps the linker from dropping the resource.
static void initDictionaryExtraResources()
{
    Q_INIT_RESOURCE(dictionary_extras);
}

namespace backoffice {

Q_LOGGING_CATEGORY(lcMobileNetworks, "backoffice.model.dictionaries.mccmnc", QtWarningMsg)

namespace {

QJsonDocument readJson(const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcMobileNetworks) << "cannot open" << resource << file.errorString();
        return {};
    }
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qCCritical(lcMobileNetworks) << "cannot parse" << resource << error.errorString();
    return document;
}

QString text(const QJsonObject &entry, const char *key)
{
    return entry.value(QLatin1String(key)).toString().trimmed();
}

bool isDigits(const QString &value)
{
    return !value.isEmpty() && std::all_of(value.begin(), value.end(), [](QChar c) { return c.isDigit(); });
}

} // namespace

const MobileNetworks &MobileNetworks::instance()
{
    static const MobileNetworks networks;
    return networks;
}

MobileNetworks::MobileNetworks()
{
    initDictionaryExtraResources();
    loadNetworks();
    indexCountryCodes();
    m_versions = readJson(QStringLiteral(":/dictionaries/versions.json")).object();
}

void MobileNetworks::loadNetworks()
{
    const QJsonArray entries = readJson(QStringLiteral(":/dictionaries/mcc-mnc-list.json")).array();
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        Network network {text(entry, "mcc"),         text(entry, "mnc"),   text(entry, "countryCode"),
                         text(entry, "countryName"), text(entry, "brand"), text(entry, "operator"),
                         text(entry, "status"),      text(entry, "type")};
        // The list has a few placeholder rows (ranges such as "00-99"); only real codes are kept.
        if (network.mcc.size() != 3 || !isDigits(network.mcc) || !isDigits(network.mnc) || network.mnc.size() > 3)
            continue;
        const QString key = network.mcc + QLatin1Char('/') + network.mnc;
        if (m_networkIndex.contains(key))
            continue; // the first (the list's own order) wins
        m_networkIndex.insert(key, 0);
        m_networks.append(std::move(network));
    }
    std::stable_sort(m_networks.begin(), m_networks.end(),
                     [](const Network &a, const Network &b) { return a.mcc != b.mcc ? a.mcc < b.mcc : a.mnc < b.mnc; });
    for (qsizetype i = 0; i < m_networks.size(); ++i)
        m_networkIndex.insert(m_networks.at(i).mcc + QLatin1Char('/') + m_networks.at(i).mnc, i);
    if (m_networks.isEmpty())
        qCWarning(lcMobileNetworks) << "no MCC/MNC data in the resources";
}

void MobileNetworks::indexCountryCodes()
{
    for (const Network &network : std::as_const(m_networks)) {
        auto it = m_mccIndex.constFind(network.mcc);
        if (it == m_mccIndex.cend()) {
            it = m_mccIndex.insert(network.mcc, m_mccs.size());
            m_mccs.append({network.mcc, {}, {}});
        }
        CountryCode &code = m_mccs[it.value()];
        if (!network.country.isEmpty() && !code.countries.contains(network.country)) {
            code.countries.append(network.country);
            code.countryNames.append(network.countryName);
        }
    }
    // m_networks is sorted by MCC, so m_mccs already is.
}

const MobileNetworks::Network *MobileNetworks::find(const QString &mcc, const QString &mnc) const
{
    const auto it = m_networkIndex.constFind(mcc + QLatin1Char('/') + mnc);
    return it == m_networkIndex.cend() ? nullptr : &m_networks.at(it.value());
}

QList<MobileNetworks::Network> MobileNetworks::networksOf(const QString &mcc) const
{
    QList<Network> found;
    for (const Network &network : m_networks) {
        if (network.mcc == mcc)
            found.append(network);
    }
    return found;
}

} // namespace backoffice
