#include "Reassembler.h"

namespace backoffice::smpp {

Reassembler::Reassembler(qint64 timeoutMs, qsizetype maxOpenMessages)
    : m_timeoutMs(timeoutMs)
    , m_maxOpen(qMax<qsizetype>(1, maxOpenMessages))
{ }

void Reassembler::setIncompleteHandler(std::function<void(const Incomplete &)> handler)
{
    m_onIncomplete = std::move(handler);
}

void Reassembler::giveUp(const Key &key, const Open &open)
{
    if (!m_onIncomplete)
        return;
    Incomplete incomplete {key.first, key.second, open.total, {}};
    for (qsizetype i = 0; i < open.parts.size(); ++i) {
        if (open.parts[i])
            incomplete.parts.append({quint8(i + 1), *open.parts[i]});
    }
    m_onIncomplete(incomplete);
}

void Reassembler::evictOldest()
{
    auto oldest = m_open.begin();
    for (auto it = m_open.begin(); it != m_open.end(); ++it) {
        if (it->firstSeenMs < oldest->firstSeenMs)
            oldest = it;
    }
    const Key key = oldest.key();
    const Open open = oldest.value();
    m_open.erase(oldest);
    giveUp(key, open);
}

Reassembler::AddResult Reassembler::add(const QByteArray &source, const ConcatenationInfo &info,
                                        const QByteArray &payload, qint64 nowMs, Message *completed)
{
    if (!info.isValid())
        return AddResult::Invalid;
    const Key key {source, info.reference};
    if (info.total == 1) {
        if (completed)
            *completed = Message {source, info.reference, payload};
        return AddResult::Completed;
    }

    auto it = m_open.find(key);
    if (it != m_open.end() && it->total != info.total) {
        // Same sender, same reference, another part count: the reference was reused for a new
        // message and the old one will not be finished.
        const Open stale = it.value();
        m_open.erase(it);
        giveUp(key, stale);
        it = m_open.end();
    }
    if (it == m_open.end()) {
        if (m_open.size() >= m_maxOpen)
            evictOldest();
        Open open;
        open.total = info.total;
        open.firstSeenMs = nowMs;
        open.parts.resize(info.total);
        it = m_open.insert(key, open);
    }

    std::optional<QByteArray> &slot = it->parts[info.sequence - 1];
    if (slot)
        return AddResult::Duplicate;
    slot = payload;
    if (++it->received < it->total)
        return AddResult::Accepted;

    if (completed) {
        Message message {source, info.reference, {}};
        for (const auto &part : it->parts)
            message.payload.append(*part);
        *completed = message;
    }
    m_open.erase(it);
    return AddResult::Completed;
}

int Reassembler::expire(qint64 nowMs)
{
    QList<std::pair<Key, Open>> expired;
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (nowMs - it->firstSeenMs > m_timeoutMs) {
            expired.append({it.key(), it.value()});
            it = m_open.erase(it);
        } else {
            ++it;
        }
    }
    // The handler runs after the sweep, so it may add parts without invalidating the iteration.
    for (const auto &[key, open] : expired)
        giveUp(key, open);
    return int(expired.size());
}

} // namespace backoffice::smpp
