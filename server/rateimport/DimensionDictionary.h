#pragma once

#include "RatingTypes.h"
#include "TextSimilarity.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace backoffice::server::rateimport {

// One way of naming a dictionary's values in a sheet: by the key itself or by one of the
// dictionary attributes (a country by its alpha-3 code or English name, a network by its MCC/MNC).
struct MatchByOption {
    QString key; // "key", "alpha3", "name", …
    QString label; // "ISO 3166-1 alpha-3 code"
};

// A value a rate tree may hold under a dimension, with its dictionary attributes in the order of
// the dictionary's match-by options (index 0 is the key).
struct DictionaryEntry {
    QString key; // the match stored in the tree: "ES", "21401", "Vodafone", "mt"
    QString label; // for people: "Spain"
    QStringList values; // values[i] for matchBy()[i]; values[0] == key
    QStringList aliases; // other spellings of the dictionary's alias attribute (a country's common name)
};

enum class MatchKind : quint8 { Full, Best };

// The dictionary behind one dimension of the rate tree, as the import matches sheet text against
// it. Open dimensions (network, MNO, pack) accept text that no entry matches; closed ones do not.
class DimensionDictionary final
{
public:
    static const DimensionDictionary &of(rating::Dimension dimension);

    rating::Dimension dimension() const { return m_dimension; }
    bool isOpen() const { return m_open; }
    const QList<MatchByOption> &matchBy() const { return m_matchBy; }
    int matchByIndex(const QString &key) const; // -1 when the dimension has no such attribute
    const QList<DictionaryEntry> &entries() const { return m_entries; }

    // The entry with this key (letter case ignored), or nullptr.
    const DictionaryEntry *findKey(const QString &key) const;
    // The key's label, "Others" for "*", the text itself when unknown.
    QString labelOf(const QString &key) const;

    struct Match {
        const DictionaryEntry *entry = nullptr;
        bool best = false; // found by similarity, not by equality
    };
    // Keys always match in full. Attributes: equality (case-insensitive); with Best, then equality
    // once accents and punctuation are dropped, then the most similar value. Among equals the entry
    // with the smallest key wins.
    std::optional<Match> match(const QString &text, int matchByIndex, MatchKind kind) const;

    // Incomplete-match search over keys and every attribute, for manual mapping: entries whose key or
    // an attribute starts with, then contains, the text; each key once.
    QList<const DictionaryEntry *> search(const QString &text, int limit) const;

    // Built once per dimension by of(); public only so the builders in the .cpp can call it.
    // aliasOption: the match-by option whose values the entries' aliases also spell (-1: none).
    DimensionDictionary(rating::Dimension dimension, bool open, QList<MatchByOption> matchBy,
                        QList<DictionaryEntry> entries, int aliasOption = -1);

private:
    void buildIndexes();

    rating::Dimension m_dimension;
    bool m_open;
    QList<MatchByOption> m_matchBy;
    QList<DictionaryEntry> m_entries; // sorted by key
    // Per match-by option: case-folded value -> first entry (smallest key), and the same for
    // normalized values; profiles for similarity.
    QList<QHash<QString, int>> m_exact;
    QList<QHash<QString, int>> m_normalized;
    QList<QList<QPair<BigramProfile, int>>> m_profiles; // (profile, entry index), aliases included
    int m_aliasOption = -1;
};

// Sheet texts that mean "every other value" (the "All networks" rows of vendor sheets).
bool isOthersText(const QString &text);

} // namespace backoffice::server::rateimport
