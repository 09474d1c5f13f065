#include "DeadlineQueue.h"

#include <algorithm>

namespace backoffice::smpp {

void DeadlineQueue::takeExpired(qint64 nowMs, const std::function<void(quint32, qint64)> &expired)
{
    while (!m_entries.empty() && m_entries.front().deadlineMs <= nowMs) {
        const Entry entry = m_entries.front();
        m_entries.pop_front();
        expired(entry.sequence, entry.deadlineMs);
    }
}

void DeadlineQueue::dropAnswered(const std::function<bool(quint32, qint64)> &answered)
{
    while (!m_entries.empty() && answered(m_entries.front().sequence, m_entries.front().deadlineMs))
        m_entries.pop_front();
}

qint64 DeadlineQueue::msUntilNext(qint64 nowMs) const
{
    if (m_entries.empty())
        return -1;
    return std::max<qint64>(0, m_entries.front().deadlineMs - nowMs);
}

} // namespace backoffice::smpp
