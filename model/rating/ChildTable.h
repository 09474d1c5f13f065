#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace backoffice::rating {

// The children of every "depends" node of a RatingIndex in one open-addressing table:
// (node, match value) -> child. A quote does one lookup per tree level; with a QHash per node a
// lookup in a 100,000-network level touched the bucket, the node and the key's string data, three
// cache misses. Here a slot holds the key itself when it is short ASCII (MCC/MNC, country codes,
// direction, message types: nearly every key a quote meets), so a lookup is usually one miss. Longer
// keys (network names) are compared against their stored string. Built once, read-only afterwards.
class ChildTable final
{
public:
    // Room for `count` children in all; call before the inserts.
    void reserve(qsizetype count);
    // A later insert of the same (node, match) replaces the earlier one, as QHash::insert does.
    void insert(qint32 node, const QString &match, qint32 child);
    // The child of node for match, or -1.
    qint32 find(qint32 node, QStringView match) const;

private:
    struct Slot {
        quint64 hash = 0;
        quint64 packed = 0; // the key's bytes when inline
        qint32 node = -1;
        qint32 child = -1; // -1: empty slot
        qint32 longKey = -1; // index into m_longKeys when the key is not inline
        qint32 length = 0;
    };
    static quint64 hashOf(qint32 node, QStringView key);
    // Up to 8 ASCII characters as the bytes of one integer; false for anything else.
    static bool pack(QStringView key, quint64 *packed);
    bool matches(const Slot &slot, qint32 node, QStringView key, quint64 hash, bool inlineKey, quint64 packed) const;

    QList<Slot> m_slots; // size a power of two, at most half full
    quint64 m_mask = 0;
    QList<QString> m_longKeys;
};

} // namespace backoffice::rating
