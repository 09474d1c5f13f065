#pragma once

#include <QList>
#include <QString>
#include <array>

namespace backoffice {

// Longest-prefix lookup over dialled digits (country code included, no "+"). A digit trie: lookup
// costs one step per digit of the number, whatever the number of prefixes.
class PrefixTrie final
{
public:
    struct Entry {
        QString prefix; // "34609"
        QString country; // "ES"
        QString mcc; // "214", may be empty
        QString mnc; // "07", may be empty
        QString network; // "Movistar", may be empty
    };

    // Adds or replaces the entry of entry.prefix; prefixes that are not all digits are ignored.
    void insert(Entry entry);
    // The entry with the longest prefix of digits, or nullptr when none matches.
    const Entry *longestMatch(const QString &digits) const;
    qsizetype size() const { return m_entries.size(); }

private:
    struct Node {
        std::array<qint32, 10> children {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
        qint32 entry = -1;
    };
    QList<Node> m_nodes {Node {}};
    QList<Entry> m_entries;
};

} // namespace backoffice
