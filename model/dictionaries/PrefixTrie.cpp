#include "PrefixTrie.h"

namespace backoffice {

void PrefixTrie::insert(Entry entry)
{
    if (entry.prefix.isEmpty())
        return;
    for (QChar c : std::as_const(entry.prefix)) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return;
    }
    qsizetype node = 0;
    for (QChar c : std::as_const(entry.prefix)) {
        const int digit = c.unicode() - '0';
        qint32 next = m_nodes.at(node).children[digit];
        if (next < 0) {
            next = qint32(m_nodes.size());
            m_nodes[node].children[digit] = next;
            m_nodes.append(Node {});
        }
        node = next;
    }
    if (m_nodes.at(node).entry >= 0) {
        m_entries[m_nodes.at(node).entry] = std::move(entry);
    } else {
        m_nodes[node].entry = qint32(m_entries.size());
        m_entries.append(std::move(entry));
    }
}

const PrefixTrie::Entry *PrefixTrie::longestMatch(const QString &digits) const
{
    const Entry *best = nullptr;
    qsizetype node = 0;
    for (QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            break;
        const qint32 next = m_nodes.at(node).children[c.unicode() - '0'];
        if (next < 0)
            break;
        node = next;
        if (m_nodes.at(node).entry >= 0)
            best = &m_entries.at(m_nodes.at(node).entry);
    }
    return best;
}

} // namespace backoffice
