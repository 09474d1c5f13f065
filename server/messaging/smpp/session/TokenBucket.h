#pragma once

#include <QtGlobal>

// A token bucket over a caller-supplied monotonic clock in nanoseconds (QElapsedTimer::nsecsElapsed),
// so tests drive time themselves. It holds "credit" in nanoseconds rather than fractional tokens:
// one token costs 1e9 / rate ns and the credit is capped at `burst` tokens, so a limit of 100/s
// lets PDUs out every 10 ms instead of 100 at the start of each second, which is what vendors
// measure and throttle on.
namespace backoffice::smpp {

class TokenBucket final
{
public:
    // ratePerSecond 0 means unlimited. burst is how many tokens may pile up while idle (at least 1).
    explicit TokenBucket(int ratePerSecond = 0, int burst = 1);

    // Resets the bucket to full.
    void configure(int ratePerSecond, int burst);
    bool isUnlimited() const { return m_costNs == 0; }
    int ratePerSecond() const { return m_rate; }

    // Takes one token when there is one.
    bool tryTake(qint64 nowNs);
    // Nanoseconds until tryTake() can succeed: 0 when it can now.
    qint64 nanosUntilNext(qint64 nowNs);

    // The burst a sender should use for a smooth rate: 20 ms worth of tokens, at least one.
    static int smoothBurst(int ratePerSecond);

private:
    void refill(qint64 nowNs);

    int m_rate = 0;
    qint64 m_costNs = 0;
    qint64 m_maxCreditNs = 0;
    qint64 m_creditNs = 0;
    // Unset until the first call: the bucket starts full whatever the clock reads then.
    qint64 m_lastNs = -1;
};

} // namespace backoffice::smpp
