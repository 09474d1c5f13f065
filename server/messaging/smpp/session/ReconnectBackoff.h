#pragma once

#include <QRandomGenerator>

// Delays between reconnection attempts: doubling from minMs up to maxMs, plus up to half of it
// again at random, so that the sessions of one server that lost a vendor at the same moment do not
// all knock on its door in the same millisecond when it comes back. Never below minMs nor above maxMs.
namespace backoffice::smpp {

class ReconnectBackoff final
{
public:
    ReconnectBackoff(int minMs, int maxMs, quint32 seed);

    // The delay before the next attempt; each call doubles the base.
    int nextDelayMs();
    // After a successful bind: the next failure waits minMs again.
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }

private:
    int m_minMs;
    int m_maxMs;
    int m_attempts = 0;
    QRandomGenerator m_random;
};

} // namespace backoffice::smpp
