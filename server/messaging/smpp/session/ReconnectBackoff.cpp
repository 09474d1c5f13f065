#include "ReconnectBackoff.h"

#include <algorithm>

namespace backoffice::smpp {

ReconnectBackoff::ReconnectBackoff(int minMs, int maxMs, quint32 seed)
    : m_minMs(std::max(1, minMs))
    , m_maxMs(std::max(m_minMs, maxMs))
    , m_random(seed)
{ }

int ReconnectBackoff::nextDelayMs()
{
    // 2^attempts saturates long before it could overflow: past 30 doublings every delay is maxMs.
    const int shift = std::min(m_attempts, 30);
    const qint64 base = std::min<qint64>(m_maxMs, qint64(m_minMs) << shift);
    ++m_attempts;
    const qint64 jitter = base / 2 > 0 ? qint64(m_random.bounded(quint32(base / 2) + 1)) : 0;
    return int(std::min<qint64>(m_maxMs, base + jitter));
}

} // namespace backoffice::smpp
