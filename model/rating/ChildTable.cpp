#include "ChildTable.h"

namespace backoffice::rating {

quint64 ChildTable::hashOf(qint32 node, QStringView key)
{
    // FNV-1a over the UTF-16 units, then the node, then a final mix so that nearby keys of one
    // node ("21401", "21403") spread over the table.
    quint64 h = 14695981039346656037ULL;
    for (const QChar c : key) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    h ^= quint64(quint32(node)) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

bool ChildTable::pack(QStringView key, quint64 *packed)
{
    if (key.size() > 8)
        return false;
    quint64 value = 0;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const char16_t c = key[i].unicode();
        if (c == 0 || c >= 0x80)
            return false;
        value |= quint64(c) << (8 * i);
    }
    *packed = value;
    return true;
}

void ChildTable::reserve(qsizetype count)
{
    qsizetype size = 16;
    while (size < 2 * count)
        size *= 2;
    m_slots = QList<Slot>(size);
    m_mask = quint64(size - 1);
    m_longKeys.clear();
}

bool ChildTable::matches(const Slot &slot, qint32 node, QStringView key, quint64 hash, bool inlineKey, quint64 packed) const
{
    if (slot.hash != hash || slot.node != node || slot.length != key.size())
        return false;
    if (inlineKey)
        return slot.longKey < 0 && slot.packed == packed;
    return slot.longKey >= 0 && m_longKeys[slot.longKey] == key;
}

void ChildTable::insert(qint32 node, const QString &match, qint32 child)
{
    if (m_slots.isEmpty())
        reserve(8);
    const quint64 hash = hashOf(node, match);
    quint64 packed = 0;
    const bool inlineKey = pack(match, &packed);
    for (quint64 i = hash & m_mask;; i = (i + 1) & m_mask) {
        Slot &slot = m_slots[qsizetype(i)];
        if (slot.child >= 0 && !matches(slot, node, match, hash, inlineKey, packed))
            continue;
        if (slot.child < 0) {
            slot.hash = hash;
            slot.node = node;
            slot.length = qint32(match.size());
            slot.packed = packed;
            if (!inlineKey) {
                slot.longKey = qint32(m_longKeys.size());
                m_longKeys.append(match);
            }
        }
        slot.child = child;
        return;
    }
}

qint32 ChildTable::find(qint32 node, QStringView match) const
{
    if (m_slots.isEmpty())
        return -1;
    const quint64 hash = hashOf(node, match);
    quint64 packed = 0;
    const bool inlineKey = pack(match, &packed);
    for (quint64 i = hash & m_mask;; i = (i + 1) & m_mask) {
        const Slot &slot = m_slots[qsizetype(i)];
        if (slot.child < 0)
            return -1;
        if (matches(slot, node, match, hash, inlineKey, packed))
            return slot.child;
    }
}

} // namespace backoffice::rating
