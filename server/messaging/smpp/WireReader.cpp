#include "WireReader.h"

#include <QtEndian>

#include <cstring>

namespace backoffice::smpp {

namespace {

QString fieldText(const char *field)
{
    return QLatin1String(field);
}

} // namespace

void WireReader::fail(Problem problem, quint32 status, const QString &reason)
{
    if (!ok())
        return;
    m_problem = problem;
    m_status = status;
    m_reason = reason;
}

bool WireReader::need(qsizetype count, const char *field)
{
    if (!ok())
        return false;
    if (remaining() < count) {
        fail(Problem::Structural, status::InvalidCommandLength,
             QStringLiteral("the PDU ends inside %1").arg(fieldText(field)));
        return false;
    }
    return true;
}

void WireReader::u8(quint8 &value)
{
    if (!need(1, "an integer field"))
        return;
    value = quint8(m_body[m_pos]);
    m_pos += 1;
}

void WireReader::u16(quint16 &value)
{
    if (!need(2, "an integer field"))
        return;
    value = qFromBigEndian<quint16>(m_body.data() + m_pos);
    m_pos += 2;
}

void WireReader::u32(quint32 &value)
{
    if (!need(4, "an integer field"))
        return;
    value = qFromBigEndian<quint32>(m_body.data() + m_pos);
    m_pos += 4;
}

void WireReader::cString(QByteArray &value, int maxSize, quint32 status, const char *field)
{
    if (!ok())
        return;
    // Look for the NUL only within the field's maximum size: a longer string is the field's fault
    // (its own status), a body that ends first is the length's fault (ESME_RINVCMDLEN).
    const qsizetype window = qMin<qsizetype>(maxSize, remaining());
    const char *start = m_body.data() + m_pos;
    const void *nul = window > 0 ? std::memchr(start, '\0', size_t(window)) : nullptr;
    if (!nul) {
        if (remaining() >= maxSize)
            fail(Problem::Field, status,
                 QStringLiteral("%1 is longer than %2 characters").arg(fieldText(field)).arg(maxSize - 1));
        else
            fail(Problem::Structural, status::InvalidCommandLength,
                 QStringLiteral("%1 has no terminating NUL before the end of the PDU").arg(fieldText(field)));
        return;
    }
    const qsizetype length = static_cast<const char *>(nul) - start;
    value = QByteArray(start, length);
    m_pos += length + 1;
}

void WireReader::timeString(QByteArray &value, quint32 status, const char *field)
{
    cString(value, 17, status, field);
    if (ok() && !value.isEmpty() && value.size() != 16)
        fail(Problem::Field, status, QStringLiteral("%1 must be empty or 16 characters").arg(fieldText(field)));
}

void WireReader::address(Address &address, int maxSize, quint32 status, const char *field)
{
    u8(address.ton);
    u8(address.npi);
    cString(address.value, maxSize, status, field);
}

void WireReader::shortMessage(QByteArray &message)
{
    quint8 length = 0;
    u8(length);
    if (!ok())
        return;
    if (length > MaxShortMessageLength) {
        fail(Problem::Field, status::InvalidMessageLength, QStringLiteral("sm_length is over 254"));
        return;
    }
    if (remaining() < length) {
        fail(Problem::Field, status::InvalidMessageLength,
             QStringLiteral("sm_length %1 goes past the end of the PDU").arg(length));
        return;
    }
    message = QByteArray(m_body.data() + m_pos, length);
    m_pos += length;
}

void WireReader::tlvs(TlvList &tlvs)
{
    while (ok() && remaining() > 0) {
        if (remaining() < 4) {
            fail(Problem::Field, status::InvalidOptionalPartStream,
                 QStringLiteral("%1 bytes after the last TLV are not a TLV header").arg(remaining()));
            return;
        }
        Tlv tlv;
        quint16 length = 0;
        u16(tlv.tag);
        u16(length);
        if (remaining() < length) {
            fail(Problem::Field, status::InvalidOptionalPartStream,
                 QStringLiteral("TLV 0x%1 length %2 goes past the end of the PDU")
                     .arg(tlv.tag, 4, 16, QLatin1Char('0'))
                     .arg(length));
            return;
        }
        tlv.value = QByteArray(m_body.data() + m_pos, length);
        m_pos += length;
        checkKnownTlv(tlv);
        if (ok())
            tlvs.append(tlv.tag, tlv.value);
    }
}

// The TLVs the engine reads must have their spec's size, so that a typed accessor returning nullopt
// means "absent" and never "garbled". Unknown tags are kept as they came.
void WireReader::checkKnownTlv(const Tlv &tlv)
{
    qsizetype expected = -1;
    switch (tlv.tag) {
    case tag::SarMsgRefNum:
    case tag::UserMessageReference: expected = 2; break;
    case tag::SarTotalSegments:
    case tag::SarSegmentSeqnum:
    case tag::MessageState: expected = 1; break;
    case tag::NetworkErrorCode: expected = 3; break;
    case tag::ReceiptedMessageId:
        if (tlv.value.size() > MaxReceiptedMessageIdSize)
            fail(Problem::Field, status::InvalidParameterLength,
                 QStringLiteral("receipted_message_id is longer than 65 octets"));
        return;
    default: return;
    }
    if (tlv.value.size() != expected)
        fail(Problem::Field, status::InvalidParameterLength,
             QStringLiteral("TLV 0x%1 has length %2, not %3")
                 .arg(tlv.tag, 4, 16, QLatin1Char('0'))
                 .arg(tlv.value.size())
                 .arg(expected));
}

void WireReader::end()
{
    if (ok() && remaining() > 0)
        fail(Problem::Structural, status::InvalidCommandLength,
             QStringLiteral("%1 bytes follow the last field").arg(remaining()));
}

} // namespace backoffice::smpp
