#pragma once

#include "PduDecoder.h"

#include <QByteArray>
#include <QByteArrayView>

// Cuts a TCP byte stream into PDUs by their command_length and decodes them. Bytes arrive in any
// chunking; a PDU comes out once all its octets are in. A PDU that decodes with an error is
// reported and the stream goes on (the session answers generic_nack or an error response); a
// command_length that cannot delimit a PDU stops the framer for good, since nothing after it can
// be trusted, and the session must close the connection.
namespace backoffice::smpp {

// next() has nothing yet: feed more bytes.
struct NeedMoreData {
    bool operator==(const NeedMoreData &) const = default;
};

using FramerOutput = std::variant<NeedMoreData, Pdu, DecodeError>;

class PduFramer final
{
public:
    explicit PduFramer(quint32 maxCommandLength = DefaultMaxCommandLength);

    void feed(QByteArrayView bytes);
    // The next PDU or decode error, or NeedMoreData. After a CloseConnection error it returns that
    // error again on every call and ignores what is fed.
    FramerOutput next();

    bool hasFailed() const { return m_failure.has_value(); }
    // Octets received but not yet returned as a PDU.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_start; }

private:
    quint32 m_maxCommandLength;
    QByteArray m_buffer;
    // Where the next PDU starts in m_buffer: consumed bytes are dropped in batches, not per PDU,
    // so a chunk holding many small PDUs is not copied once per PDU.
    qsizetype m_start = 0;
    std::optional<DecodeError> m_failure;
};

} // namespace backoffice::smpp
