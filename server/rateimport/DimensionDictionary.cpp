#include "DimensionDictionary.h"

#include "CodeTables.h"
#include "Dictionaries.h"
#include "MobileNetworks.h"
#include "RatingCatalogue.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>
#include <array>
#include <mutex>

namespace backoffice::server::rateimport {

using rating::Dimension;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DimensionDictionary", text);
}

MatchByOption option(const char *key, const char *label)
{
    return {QString::fromLatin1(key), tr(label)};
}

QList<DictionaryEntry> catalogueEntries(Dimension dimension)
{
    QList<DictionaryEntry> entries;
    for (const rating::DimensionValueInfo &value : rating::RatingCatalogue::dimensionValues(dimension))
        entries.append({value.key, value.label, {value.key, value.label}, {}});
    return entries;
}

QList<DictionaryEntry> countryEntries()
{
    QList<DictionaryEntry> entries;
    for (const Dictionaries::Country &c : Dictionaries::instance().countries()) {
        DictionaryEntry entry {c.alpha2, c.name, {c.alpha2, c.alpha3, c.numeric, c.name, c.nameFr}, {}};
        // Vendor sheets write "Bolivia", "Iran", "Vietnam" or the official name more often than
        // the ISO short name ("Bolivia, Plurinational State of"), so those spell the name too.
        for (const QString &alias : {c.commonName, c.officialName})
            if (!alias.isEmpty())
                entry.aliases.append(alias);
        entries.append(entry);
    }
    return entries;
}

// The country an MCC stands for: the one with most networks under it (310 is the United States,
// not Guam), so a sheet keyed by MCC can still build a country level.
QString mainCountryOf(const MobileNetworks::CountryCode &code)
{
    QHash<QString, int> counts;
    for (const MobileNetworks::Network &network : MobileNetworks::instance().networksOf(code.mcc))
        if (Dictionaries::instance().isCountry(network.country))
            ++counts[network.country];
    QString best;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (best.isEmpty() || it.value() > counts.value(best) || (it.value() == counts.value(best) && it.key() < best))
            best = it.key();
    return best;
}

QList<DictionaryEntry> mccEntries()
{
    QList<DictionaryEntry> entries;
    for (const MobileNetworks::CountryCode &code : MobileNetworks::instance().countryCodes()) {
        const QString country = mainCountryOf(code);
        const QString name = Dictionaries::instance().countryName(country);
        entries.append({code.mcc, name.isEmpty() ? code.mcc : name, {code.mcc, country, name}, {}});
    }
    return entries;
}

QList<DictionaryEntry> mccMncEntries()
{
    QList<DictionaryEntry> entries;
    for (const MobileNetworks::Network &network : MobileNetworks::instance().networks())
        entries.append({network.mccMnc(), network.name(), {network.mccMnc()}, {}});
    return entries;
}

QList<DictionaryEntry> networkEntries()
{
    QList<DictionaryEntry> entries;
    for (const MobileNetworks::Network &network : MobileNetworks::instance().networks()) {
        if (!network.name().isEmpty())
            entries.append({network.name(), network.name(), {network.name(), network.operatorName, network.mccMnc()}, {}});
    }
    return entries;
}

QList<DictionaryEntry> whatsAppRegionEntries()
{
    QList<DictionaryEntry> entries;
    for (const CodeEntry &entry : codetables::get(codetables::whatsAppRegions).entries)
        entries.append({entry.key, entry.label, {entry.key, entry.label}, {}});
    return entries;
}

const QList<MatchByOption> &keyAndLabel()
{
    static const QList<MatchByOption> options {option("key", "Key"), option("label", "Name")};
    return options;
}

DimensionDictionary *build(Dimension dimension);

} // namespace

DimensionDictionary::DimensionDictionary(Dimension dimension, bool open, QList<MatchByOption> matchBy,
                                         QList<DictionaryEntry> entries, int aliasOption)
    : m_dimension(dimension), m_open(open), m_matchBy(std::move(matchBy)), m_entries(std::move(entries)), m_aliasOption(aliasOption)
{
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const DictionaryEntry &a, const DictionaryEntry &b) { return a.key < b.key; });
    buildIndexes();
}

void DimensionDictionary::buildIndexes()
{
    const qsizetype options = m_matchBy.size();
    m_exact.resize(options);
    m_normalized.resize(options);
    m_profiles.resize(options);
    // Entries are sorted by key, so the first one stored for a value has the smallest key.
    const auto index = [this](qsizetype option, const QString &value, int entry) {
        if (value.isEmpty())
            return;
        const QString normalized = normalizedForMatch(value);
        m_profiles[option].append({BigramProfile(normalized), entry});
        if (!m_exact[option].contains(value.toCaseFolded()))
            m_exact[option].insert(value.toCaseFolded(), entry);
        if (!m_normalized[option].contains(normalized))
            m_normalized[option].insert(normalized, entry);
    };
    for (qsizetype o = 0; o < options; ++o) {
        for (int i = 0; i < m_entries.size(); ++i) {
            index(o, m_entries[i].values.value(o), i);
            if (o == m_aliasOption)
                for (const QString &alias : std::as_const(m_entries[i].aliases))
                    index(o, alias, i);
        }
    }
}

const DimensionDictionary &DimensionDictionary::of(Dimension dimension)
{
    static std::array<DimensionDictionary *, rating::DimensionCount> all {};
    static std::once_flag once;
    std::call_once(once, [] {
        for (int d = 0; d < rating::DimensionCount; ++d)
            all[std::size_t(d)] = build(Dimension(d));
    });
    return *all[std::size_t(dimension)];
}

namespace {

DimensionDictionary *build(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Country:
        return new DimensionDictionary(dimension, false,
                                       {option("key", "ISO 3166-1 alpha-2 code"), option("alpha3", "ISO 3166-1 alpha-3 code"),
                                        option("numeric", "ISO 3166-1 numeric code"),
                                        option("name", "Country name (English)"), option("nameFr", "Country name (French)")},
                                       countryEntries(), 3);
    case Dimension::Mcc:
        return new DimensionDictionary(dimension, false,
                                       {option("key", "MCC"), option("country", "ISO 3166-1 alpha-2 code"),
                                        option("countryName", "Country name (English)")},
                                       mccEntries());
    case Dimension::MccMnc:
        return new DimensionDictionary(dimension, false, {option("key", "MCCMNC")}, mccMncEntries());
    case Dimension::Network:
    case Dimension::Mno:
        return new DimensionDictionary(dimension, true,
                                       {option("key", "Network name"), option("operator", "Operator name"),
                                        option("mccmnc", "MCCMNC")},
                                       networkEntries());
    case Dimension::Direction: {
        QList<DictionaryEntry> entries = catalogueEntries(dimension);
        for (DictionaryEntry &entry : entries)
            entry.values.append(entry.key.toUpper()); // sheets write "MT" / "MO"
        return new DimensionDictionary(dimension, false,
                                       {option("key", "Key"), option("label", "Name"), option("code", "MT / MO")}, entries);
    }
    case Dimension::WhatsappRegion:
        return new DimensionDictionary(dimension, false, keyAndLabel(), whatsAppRegionEntries());
    case Dimension::Pack:
    case Dimension::AdditionalService:
    case Dimension::Resource:
        return new DimensionDictionary(dimension, dimension != Dimension::Resource, {option("key", "Key")}, {});
    case Dimension::SenderIdType:
    case Dimension::Periodicity:
    case Dimension::PricingCategory:
    case Dimension::PricingType:
    case Dimension::MessageType:
        return new DimensionDictionary(dimension, false, keyAndLabel(), catalogueEntries(dimension));
    }
    return new DimensionDictionary(dimension, false, {option("key", "Key")}, {});
}

} // namespace

int DimensionDictionary::matchByIndex(const QString &key) const
{
    for (int i = 0; i < m_matchBy.size(); ++i)
        if (m_matchBy[i].key == key)
            return i;
    return -1;
}

const DictionaryEntry *DimensionDictionary::findKey(const QString &key) const
{
    if (m_exact.isEmpty())
        return nullptr;
    const auto it = m_exact[0].constFind(key.trimmed().toCaseFolded());
    return it == m_exact[0].cend() ? nullptr : &m_entries[*it];
}

QString DimensionDictionary::labelOf(const QString &key) const
{
    if (key == rating::RateNode::othersMatch())
        return rating::RatingCatalogue::othersLabel();
    const DictionaryEntry *entry = findKey(key);
    return entry ? entry->label : key;
}

std::optional<DimensionDictionary::Match> DimensionDictionary::match(const QString &text, int matchByIndex,
                                                                     MatchKind kind) const
{
    if (matchByIndex < 0 || matchByIndex >= m_matchBy.size() || text.trimmed().isEmpty())
        return std::nullopt;
    const auto exact = m_exact[matchByIndex].constFind(text.trimmed().toCaseFolded());
    if (exact != m_exact[matchByIndex].cend())
        return Match {&m_entries[*exact], false};
    if (kind == MatchKind::Full || matchByIndex == 0)
        return std::nullopt;
    const QString normalized = normalizedForMatch(text);
    const auto loose = m_normalized[matchByIndex].constFind(normalized);
    if (loose != m_normalized[matchByIndex].cend())
        return Match {&m_entries[*loose], true};
    // Below this the "most similar" value is usually a different thing (Niger for Nigeria is
    // above it; Chad for Chile is not), and an unmatched value the user maps beats a wrong one.
    constexpr double threshold = 0.6;
    const BigramProfile profile(normalized);
    double bestScore = threshold;
    int bestIndex = -1;
    for (const auto &[candidate, entry] : m_profiles[matchByIndex]) {
        const double score = candidate.similarity(profile);
        // Strictly greater, or equal with a smaller key: on a tie the smallest key wins.
        if (score > bestScore || (score == bestScore && bestIndex >= 0 && entry < bestIndex)) {
            bestScore = score;
            bestIndex = entry;
        }
    }
    if (bestIndex < 0)
        return std::nullopt;
    return Match {&m_entries[bestIndex], true};
}

QList<const DictionaryEntry *> DimensionDictionary::search(const QString &text, int limit) const
{
    // Ranked: the key starts with the text, then an attribute does, then any of them contains it.
    const QString needle = normalizedForMatch(text);
    QList<const DictionaryEntry *> ranked[3];
    for (const DictionaryEntry &entry : m_entries) {
        int rank = 3;
        for (qsizetype v = 0; v < entry.values.size() && rank > 0; ++v) {
            const QString normalized = normalizedForMatch(entry.values[v]);
            if (normalized.startsWith(needle))
                rank = std::min(rank, v == 0 ? 0 : 1);
            else if (normalized.contains(needle))
                rank = std::min(rank, 2);
        }
        if (rank < 3)
            ranked[rank].append(&entry);
    }
    // Each key once (networks repeat their name in many countries).
    QList<const DictionaryEntry *> unique;
    QSet<QString> seen;
    for (const auto &list : ranked) {
        for (const DictionaryEntry *entry : list) {
            if (unique.size() >= limit)
                return unique;
            if (!seen.contains(entry->key)) {
                seen.insert(entry->key);
                unique.append(entry);
            }
        }
    }
    return unique;
}

bool isOthersText(const QString &text)
{
    static const QSet<QString> others {
        QStringLiteral("*"),           QStringLiteral("others"),         QStringLiteral("other"),
        QStringLiteral("all"),         QStringLiteral("all networks"),   QStringLiteral("all operators"),
        QStringLiteral("all other"),   QStringLiteral("all others"),     QStringLiteral("rest of world"),
        QStringLiteral("rest of the world"), QStringLiteral("default"),  QStringLiteral("other networks"),
    };
    const QString trimmed = text.trimmed();
    return trimmed == QLatin1String("*") || others.contains(normalizedForMatch(trimmed));
}

} // namespace backoffice::server::rateimport
