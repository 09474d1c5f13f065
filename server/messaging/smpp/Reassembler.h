#pragma once

#include "Concatenation.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>
#include <utility>

// Joins the parts of concatenated messages, in whatever order they arrive, keyed by the sender's
// address and the message reference. Time is passed in (a monotonic millisecond clock, such as
// QElapsedTimer's) rather than read, so that the owner decides when to expire and tests need no
// sleeping.
namespace backoffice::smpp {

class Reassembler final
{
public:
    struct Message {
        QByteArray source;
        quint16 reference = 0;
        // The parts' payloads joined in order (still encoded: UCS-2 pairs may straddle parts).
        QByteArray payload;
    };

    // A message that will never complete: its time ran out, a new message reused its reference
    // with another part count, or it was pushed out by the open-message limit.
    struct Incomplete {
        QByteArray source;
        quint16 reference = 0;
        quint8 total = 0;
        // The parts that did arrive, by sequence number (1-based), in order.
        QList<std::pair<quint8, QByteArray>> parts;
    };

    enum class AddResult { Accepted, Completed, Duplicate, Invalid };

    explicit Reassembler(qint64 timeoutMs, qsizetype maxOpenMessages = 10000);

    // Called with every Incomplete message the reassembler gives up on.
    void setIncompleteHandler(std::function<void(const Incomplete &)> handler);

    // Adds a part. Returns Completed (and the message in *completed) when it was the last one
    // missing; Duplicate when that part is already in (the first copy is kept); Invalid when info
    // is not a valid part. A message of one part completes at once.
    AddResult add(const QByteArray &source, const ConcatenationInfo &info, const QByteArray &payload, qint64 nowMs,
                  Message *completed);

    // The timeout hook: gives up on messages whose first part came more than timeoutMs before
    // nowMs, reporting each to the handler. Returns how many.
    int expire(qint64 nowMs);

    qsizetype openMessages() const { return m_open.size(); }

private:
    using Key = std::pair<QByteArray, quint16>;
    struct Open {
        quint8 total = 0;
        int received = 0;
        qint64 firstSeenMs = 0;
        QList<std::optional<QByteArray>> parts;
    };

    void giveUp(const Key &key, const Open &open);
    void evictOldest();

    qint64 m_timeoutMs;
    qsizetype m_maxOpen;
    QHash<Key, Open> m_open;
    std::function<void(const Incomplete &)> m_onIncomplete;
};

} // namespace backoffice::smpp
