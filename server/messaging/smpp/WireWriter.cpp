#include "WireWriter.h"

#include <QtEndian>

namespace backoffice::smpp {

void WireWriter::fail(const QString &problem)
{
    if (m_problem.isEmpty())
        m_problem = problem;
}

void WireWriter::u8(quint8 value)
{
    if (ok())
        m_out->append(char(value));
}

void WireWriter::u16(quint16 value)
{
    if (!ok())
        return;
    char bytes[2];
    qToBigEndian(value, bytes);
    m_out->append(bytes, 2);
}

void WireWriter::u32(quint32 value)
{
    if (!ok())
        return;
    char bytes[4];
    qToBigEndian(value, bytes);
    m_out->append(bytes, 4);
}

void WireWriter::cString(const QByteArray &value, int maxSize, quint32 status, const char *field)
{
    Q_UNUSED(status)
    if (!ok())
        return;
    if (value.size() > maxSize - 1)
        return fail(QStringLiteral("%1 is longer than %2 characters").arg(QLatin1String(field)).arg(maxSize - 1));
    if (value.contains('\0'))
        return fail(QStringLiteral("%1 holds a NUL character").arg(QLatin1String(field)));
    m_out->append(value);
    m_out->append('\0');
}

void WireWriter::timeString(const QByteArray &value, quint32 status, const char *field)
{
    if (!value.isEmpty() && value.size() != 16)
        return fail(QStringLiteral("%1 must be empty or 16 characters").arg(QLatin1String(field)));
    cString(value, 17, status, field);
}

void WireWriter::address(const Address &address, int maxSize, quint32 status, const char *field)
{
    u8(address.ton);
    u8(address.npi);
    cString(address.value, maxSize, status, field);
}

void WireWriter::shortMessage(const QByteArray &message)
{
    if (message.size() > MaxShortMessageLength)
        return fail(QStringLiteral("short_message is longer than %1 octets").arg(MaxShortMessageLength));
    u8(quint8(message.size()));
    if (ok())
        m_out->append(message);
}

void WireWriter::tlvs(const TlvList &tlvs)
{
    for (const Tlv &tlv : tlvs.items()) {
        if (tlv.value.size() > 0xFFFF)
            return fail(QStringLiteral("TLV 0x%1 is longer than 65535 octets").arg(tlv.tag, 4, 16, QLatin1Char('0')));
        u16(tlv.tag);
        u16(quint16(tlv.value.size()));
        if (ok())
            m_out->append(tlv.value);
    }
}

} // namespace backoffice::smpp
