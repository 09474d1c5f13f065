#include "TokenBucket.h"

#include <algorithm>

namespace backoffice::smpp {

TokenBucket::TokenBucket(int ratePerSecond, int burst)
{
    configure(ratePerSecond, burst);
}

void TokenBucket::configure(int ratePerSecond, int burst)
{
    m_rate = std::max(0, ratePerSecond);
    m_costNs = m_rate > 0 ? std::max<qint64>(1, 1'000'000'000LL / m_rate) : 0;
    m_maxCreditNs = m_costNs * std::max(1, burst);
    m_creditNs = m_maxCreditNs;
    m_lastNs = -1;
}

void TokenBucket::refill(qint64 nowNs)
{
    if (m_lastNs < 0 || nowNs < m_lastNs) {
        m_lastNs = nowNs;
        return;
    }
    m_creditNs = std::min(m_maxCreditNs, m_creditNs + (nowNs - m_lastNs));
    m_lastNs = nowNs;
}

bool TokenBucket::tryTake(qint64 nowNs)
{
    if (isUnlimited())
        return true;
    refill(nowNs);
    if (m_creditNs < m_costNs)
        return false;
    m_creditNs -= m_costNs;
    return true;
}

qint64 TokenBucket::nanosUntilNext(qint64 nowNs)
{
    if (isUnlimited())
        return 0;
    refill(nowNs);
    return std::max<qint64>(0, m_costNs - m_creditNs);
}

int TokenBucket::smoothBurst(int ratePerSecond)
{
    return std::max(1, ratePerSecond / 50);
}

} // namespace backoffice::smpp
