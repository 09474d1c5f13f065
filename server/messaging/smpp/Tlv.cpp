#include "Tlv.h"

#include <QtEndian>

namespace backoffice::smpp {

namespace {

QByteArray bigEndian16(quint16 value)
{
    QByteArray bytes(2, Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

} // namespace

void TlvList::append(quint16 tag, const QByteArray &value)
{
    m_items.append(Tlv {tag, value});
}

void TlvList::set(quint16 tag, const QByteArray &value)
{
    for (Tlv &tlv : m_items) {
        if (tlv.tag == tag) {
            tlv.value = value;
            return;
        }
    }
    append(tag, value);
}

void TlvList::remove(quint16 tag)
{
    m_items.removeIf([tag](const Tlv &tlv) { return tlv.tag == tag; });
}

bool TlvList::contains(quint16 tag) const
{
    return value(tag).has_value();
}

std::optional<QByteArray> TlvList::value(quint16 tag) const
{
    for (const Tlv &tlv : m_items) {
        if (tlv.tag == tag)
            return tlv.value;
    }
    return std::nullopt;
}

std::optional<quint8> TlvList::uint8(quint16 tag) const
{
    const auto bytes = value(tag);
    if (!bytes || bytes->size() != 1)
        return std::nullopt;
    return quint8(bytes->at(0));
}

std::optional<quint16> TlvList::uint16(quint16 tag) const
{
    const auto bytes = value(tag);
    if (!bytes || bytes->size() != 2)
        return std::nullopt;
    return qFromBigEndian<quint16>(bytes->constData());
}

std::optional<QByteArray> TlvList::messagePayload() const
{
    return value(tag::MessagePayload);
}

void TlvList::setMessagePayload(const QByteArray &payload)
{
    set(tag::MessagePayload, payload);
}

std::optional<quint16> TlvList::sarMsgRefNum() const
{
    return uint16(tag::SarMsgRefNum);
}

void TlvList::setSarMsgRefNum(quint16 reference)
{
    set(tag::SarMsgRefNum, bigEndian16(reference));
}

std::optional<quint8> TlvList::sarTotalSegments() const
{
    return uint8(tag::SarTotalSegments);
}

void TlvList::setSarTotalSegments(quint8 total)
{
    set(tag::SarTotalSegments, QByteArray(1, char(total)));
}

std::optional<quint8> TlvList::sarSegmentSeqnum() const
{
    return uint8(tag::SarSegmentSeqnum);
}

void TlvList::setSarSegmentSeqnum(quint8 sequence)
{
    set(tag::SarSegmentSeqnum, QByteArray(1, char(sequence)));
}

std::optional<QByteArray> TlvList::receiptedMessageId() const
{
    auto bytes = value(tag::ReceiptedMessageId);
    if (!bytes || bytes->size() > MaxReceiptedMessageIdSize)
        return std::nullopt;
    const qsizetype nul = bytes->indexOf('\0');
    if (nul >= 0)
        bytes->truncate(nul);
    return bytes;
}

void TlvList::setReceiptedMessageId(const QByteArray &messageId)
{
    QByteArray cString = messageId;
    cString.append('\0');
    set(tag::ReceiptedMessageId, cString);
}

std::optional<quint8> TlvList::messageState() const
{
    return uint8(tag::MessageState);
}

void TlvList::setMessageState(quint8 state)
{
    set(tag::MessageState, QByteArray(1, char(state)));
}

std::optional<quint16> TlvList::userMessageReference() const
{
    return uint16(tag::UserMessageReference);
}

void TlvList::setUserMessageReference(quint16 reference)
{
    set(tag::UserMessageReference, bigEndian16(reference));
}

std::optional<NetworkErrorCode> TlvList::networkErrorCode() const
{
    const auto bytes = value(tag::NetworkErrorCode);
    if (!bytes || bytes->size() != 3)
        return std::nullopt;
    return NetworkErrorCode {quint8(bytes->at(0)), qFromBigEndian<quint16>(bytes->constData() + 1)};
}

void TlvList::setNetworkErrorCode(NetworkErrorCode code)
{
    set(tag::NetworkErrorCode, QByteArray(1, char(code.networkType)) + bigEndian16(code.errorCode));
}

} // namespace backoffice::smpp
