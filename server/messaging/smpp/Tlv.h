#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

// Optional parameters of SMPP 3.4 (section 5.3): tag, length, value. A PDU keeps every TLV it
// received, known or not and in wire order, so that a message relayed to another SMSC carries the
// vendor's parameters unchanged. The typed accessors read the few tags the messaging engine uses.
namespace backoffice::smpp {

namespace tag {
constexpr quint16 ReceiptedMessageId = 0x001E;
constexpr quint16 UserMessageReference = 0x0204;
constexpr quint16 SourcePort = 0x020A;
constexpr quint16 DestinationPort = 0x020B;
constexpr quint16 SarMsgRefNum = 0x020C;
constexpr quint16 SarTotalSegments = 0x020E;
constexpr quint16 SarSegmentSeqnum = 0x020F;
constexpr quint16 ScInterfaceVersion = 0x0210;
constexpr quint16 MsAvailabilityStatus = 0x0422;
constexpr quint16 NetworkErrorCode = 0x0423;
constexpr quint16 MessagePayload = 0x0424;
constexpr quint16 DeliveryFailureReason = 0x0425;
constexpr quint16 MessageState = 0x0427;
} // namespace tag

// receipted_message_id is a C-Octet string of at most 65 octets, NUL included.
constexpr int MaxReceiptedMessageIdSize = 65;

struct Tlv {
    quint16 tag = 0;
    QByteArray value;

    bool operator==(const Tlv &) const = default;
};

// network_error_code (section 5.3.2.31): the network type (1 = ANSI-136, 2 = IS-95, 3 = GSM…)
// and that network's error code.
struct NetworkErrorCode {
    quint8 networkType = 0;
    quint16 errorCode = 0;

    bool operator==(const NetworkErrorCode &) const = default;
};

class TlvList final
{
public:
    const QList<Tlv> &items() const { return m_items; }
    bool isEmpty() const { return m_items.isEmpty(); }
    qsizetype size() const { return m_items.size(); }

    // Appends, even when the tag is already there: the wire may repeat a tag and we keep it.
    void append(quint16 tag, const QByteArray &value);
    // Replaces the value of the first TLV with this tag, or appends one.
    void set(quint16 tag, const QByteArray &value);
    void remove(quint16 tag);
    bool contains(quint16 tag) const;
    // The value of the first TLV with this tag.
    std::optional<QByteArray> value(quint16 tag) const;

    // Typed accessors: nullopt when the tag is absent or its value has the wrong size for its type.
    std::optional<QByteArray> messagePayload() const;
    void setMessagePayload(const QByteArray &payload);
    std::optional<quint16> sarMsgRefNum() const;
    void setSarMsgRefNum(quint16 reference);
    std::optional<quint8> sarTotalSegments() const;
    void setSarTotalSegments(quint8 total);
    std::optional<quint8> sarSegmentSeqnum() const;
    void setSarSegmentSeqnum(quint8 sequence);
    // Without the terminating NUL; a value sent without one (a common vendor slip) is accepted.
    std::optional<QByteArray> receiptedMessageId() const;
    void setReceiptedMessageId(const QByteArray &messageId);
    std::optional<quint8> messageState() const;
    void setMessageState(quint8 state);
    std::optional<quint16> userMessageReference() const;
    void setUserMessageReference(quint16 reference);
    std::optional<NetworkErrorCode> networkErrorCode() const;
    void setNetworkErrorCode(NetworkErrorCode code);

    bool operator==(const TlvList &) const = default;

private:
    std::optional<quint8> uint8(quint16 tag) const;
    std::optional<quint16> uint16(quint16 tag) const;

    QList<Tlv> m_items;
};

} // namespace backoffice::smpp
