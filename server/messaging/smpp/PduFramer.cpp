#include "PduFramer.h"

#include <QtEndian>

namespace backoffice::smpp {

PduFramer::PduFramer(quint32 maxCommandLength)
    : m_maxCommandLength(maxCommandLength)
{ }

void PduFramer::feed(QByteArrayView bytes)
{
    if (m_failure)
        return;
    if (m_start > 0 && m_start >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_start);
        m_start = 0;
    }
    m_buffer.append(bytes.data(), bytes.size());
}

FramerOutput PduFramer::next()
{
    if (m_failure)
        return *m_failure;
    // command_length is the first word; until it is in there is nothing to check.
    if (bufferedBytes() < 4)
        return NeedMoreData {};
    const char *start = m_buffer.constData() + m_start;
    const quint32 commandLength = qFromBigEndian<quint32>(start);
    if (auto error = checkCommandLength(commandLength, m_maxCommandLength)) {
        m_failure = error;
        m_buffer.clear();
        m_start = 0;
        return *m_failure;
    }
    if (bufferedBytes() < qsizetype(commandLength))
        return NeedMoreData {};
    DecodeResult result = decode(QByteArrayView(start, commandLength), m_maxCommandLength);
    m_start += commandLength;
    if (m_start == m_buffer.size()) {
        m_buffer.resize(0); // keeps the allocation for the next chunk
        m_start = 0;
    }
    if (auto *pdu = std::get_if<Pdu>(&result))
        return std::move(*pdu);
    return std::get<DecodeError>(std::move(result));
}

} // namespace backoffice::smpp
