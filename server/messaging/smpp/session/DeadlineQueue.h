#pragma once

#include <QtGlobal>

#include <deque>
#include <functional>

// Deadlines of outstanding requests, in the order they were sent. A session gives every request of a
// kind the same timeout, so deadlines come in increasing order and a FIFO does what a priority queue
// would at O(1) per request, with one timer armed at the front instead of a QTimer per PDU. Entries
// are never removed when a response comes: the owner's `isPending` check skips them when their time
// comes (lazy deletion), so answering a request costs nothing here.
namespace backoffice::smpp {

class DeadlineQueue final
{
public:
    void push(quint32 sequence, qint64 deadlineMs) { m_entries.push_back({deadlineMs, sequence}); }
    void clear() { m_entries.clear(); }
    bool isEmpty() const { return m_entries.empty(); }
    qsizetype size() const { return qsizetype(m_entries.size()); }

    // Calls `expired(sequence, deadlineMs)` for every entry due at nowMs, in order, and drops it. The
    // callback decides whether that request is still pending (its deadline tells a resent sequence
    // number from the old one).
    void takeExpired(qint64 nowMs, const std::function<void(quint32, qint64)> &expired);
    // Drops entries from the front while `answered(sequence, deadlineMs)` says they are no longer
    // pending. Responses mostly come in the order of the requests, so calling this after answers
    // keeps the queue about as long as the window instead of a whole timeout's worth of requests.
    void dropAnswered(const std::function<bool(quint32, qint64)> &answered);
    // Milliseconds until the front entry is due, or -1 when there is none.
    qint64 msUntilNext(qint64 nowMs) const;

private:
    struct Entry {
        qint64 deadlineMs;
        quint32 sequence;
    };
    std::deque<Entry> m_entries;
};

} // namespace backoffice::smpp
