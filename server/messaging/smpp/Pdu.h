#pragma once

#include "SmppConstants.h"
#include "Tlv.h"

#include <QByteArray>

#include <variant>

// One struct per SMPP 3.4 PDU (section 4), holding its mandatory fields in wire order with their
// SMPP types: C-Octet strings as QByteArray without the NUL (their maximum sizes, NUL included, are
// in the comments and enforced by the codec), Integer 1/2/4 as quint8/16/32, and short_message as
// bytes whose size is sm_length. The command id follows from the struct (its Id); command_status
// and sequence_number live in Pdu.
namespace backoffice::smpp {

// An SME address: type of number, numbering plan indicator, address digits.
struct Address {
    quint8 ton = 0;
    quint8 npi = 0;
    QByteArray value;

    bool operator==(const Address &) const = default;
};

struct BindFields {
    QByteArray systemId; // C-Octet, max 16
    QByteArray password; // C-Octet, max 9
    QByteArray systemType; // C-Octet, max 13
    quint8 interfaceVersion = InterfaceVersion34;
    Address addressRange; // address_range C-Octet max 41; its ton and npi are addr_ton, addr_npi

    bool operator==(const BindFields &) const = default;
};

// bind_*_resp: system_id C-Octet max 16, then TLVs (sc_interface_version).
struct BindRespFields {
    QByteArray systemId;
    TlvList tlvs;

    bool operator==(const BindRespFields &) const = default;
};

struct BindTransmitter : BindFields {
    static constexpr CommandId Id = CommandId::BindTransmitter;
    bool operator==(const BindTransmitter &) const = default;
};
struct BindReceiver : BindFields {
    static constexpr CommandId Id = CommandId::BindReceiver;
    bool operator==(const BindReceiver &) const = default;
};
struct BindTransceiver : BindFields {
    static constexpr CommandId Id = CommandId::BindTransceiver;
    bool operator==(const BindTransceiver &) const = default;
};
struct BindTransmitterResp : BindRespFields {
    static constexpr CommandId Id = CommandId::BindTransmitterResp;
    bool operator==(const BindTransmitterResp &) const = default;
};
struct BindReceiverResp : BindRespFields {
    static constexpr CommandId Id = CommandId::BindReceiverResp;
    bool operator==(const BindReceiverResp &) const = default;
};
struct BindTransceiverResp : BindRespFields {
    static constexpr CommandId Id = CommandId::BindTransceiverResp;
    bool operator==(const BindTransceiverResp &) const = default;
};

struct Outbind {
    static constexpr CommandId Id = CommandId::Outbind;
    QByteArray systemId; // C-Octet, max 16
    QByteArray password; // C-Octet, max 9
    bool operator==(const Outbind &) const = default;
};

// PDUs that are a header only.
struct Unbind {
    static constexpr CommandId Id = CommandId::Unbind;
    bool operator==(const Unbind &) const = default;
};
struct UnbindResp {
    static constexpr CommandId Id = CommandId::UnbindResp;
    bool operator==(const UnbindResp &) const = default;
};
struct EnquireLink {
    static constexpr CommandId Id = CommandId::EnquireLink;
    bool operator==(const EnquireLink &) const = default;
};
struct EnquireLinkResp {
    static constexpr CommandId Id = CommandId::EnquireLinkResp;
    bool operator==(const EnquireLinkResp &) const = default;
};
struct GenericNack {
    static constexpr CommandId Id = CommandId::GenericNack;
    bool operator==(const GenericNack &) const = default;
};

// submit_sm and deliver_sm share one layout (sections 4.4.1 and 4.6.1); in a deliver_sm the
// schedule, validity, replace flag and default message id are unused and NULL.
struct ShortMessageFields {
    QByteArray serviceType; // C-Octet, max 6
    Address source; // source_addr C-Octet max 21
    Address destination; // destination_addr C-Octet max 21
    quint8 esmClass = 0;
    quint8 protocolId = 0;
    quint8 priorityFlag = 0;
    QByteArray scheduleDeliveryTime; // C-Octet, empty or 16 characters
    QByteArray validityPeriod; // C-Octet, empty or 16 characters
    quint8 registeredDelivery = 0;
    quint8 replaceIfPresentFlag = 0;
    quint8 dataCoding = 0;
    quint8 smDefaultMsgId = 0;
    QByteArray shortMessage; // sm_length octets, 0-254
    TlvList tlvs;

    bool operator==(const ShortMessageFields &) const = default;
};

struct SubmitSm : ShortMessageFields {
    static constexpr CommandId Id = CommandId::SubmitSm;
    bool operator==(const SubmitSm &) const = default;
};
struct DeliverSm : ShortMessageFields {
    static constexpr CommandId Id = CommandId::DeliverSm;
    bool operator==(const DeliverSm &) const = default;
};

// submit_sm_resp, deliver_sm_resp, data_sm_resp: message_id C-Octet max 65, then TLVs. SMPP 3.4
// gives TLVs only to data_sm_resp; SMPP 5.0 peers also send them in the other two, and we keep them.
struct MessageIdRespFields {
    QByteArray messageId;
    TlvList tlvs;

    bool operator==(const MessageIdRespFields &) const = default;
};
struct SubmitSmResp : MessageIdRespFields {
    static constexpr CommandId Id = CommandId::SubmitSmResp;
    bool operator==(const SubmitSmResp &) const = default;
};
struct DeliverSmResp : MessageIdRespFields {
    static constexpr CommandId Id = CommandId::DeliverSmResp;
    bool operator==(const DeliverSmResp &) const = default;
};
struct DataSmResp : MessageIdRespFields {
    static constexpr CommandId Id = CommandId::DataSmResp;
    bool operator==(const DataSmResp &) const = default;
};

// data_sm (section 4.7.1): addresses up to 65 octets, the message itself in message_payload.
struct DataSm {
    static constexpr CommandId Id = CommandId::DataSm;
    QByteArray serviceType; // C-Octet, max 6
    Address source; // C-Octet, max 65
    Address destination; // C-Octet, max 65
    quint8 esmClass = 0;
    quint8 registeredDelivery = 0;
    quint8 dataCoding = 0;
    TlvList tlvs;
    bool operator==(const DataSm &) const = default;
};

struct QuerySm {
    static constexpr CommandId Id = CommandId::QuerySm;
    QByteArray messageId; // C-Octet, max 65
    Address source; // C-Octet, max 21
    bool operator==(const QuerySm &) const = default;
};

struct QuerySmResp {
    static constexpr CommandId Id = CommandId::QuerySmResp;
    QByteArray messageId; // C-Octet, max 65
    QByteArray finalDate; // C-Octet, empty or 16 characters
    quint8 messageState = 0; // a MessageState
    quint8 errorCode = 0; // network error code
    bool operator==(const QuerySmResp &) const = default;
};

struct AlertNotification {
    static constexpr CommandId Id = CommandId::AlertNotification;
    Address source; // C-Octet, max 65
    Address esme; // C-Octet, max 65
    TlvList tlvs; // ms_availability_status
    bool operator==(const AlertNotification &) const = default;
};

using PduBody
    = std::variant<GenericNack, BindReceiver, BindReceiverResp, BindTransmitter, BindTransmitterResp, QuerySm,
                   QuerySmResp, SubmitSm, SubmitSmResp, DeliverSm, DeliverSmResp, Unbind, UnbindResp, BindTransceiver,
                   BindTransceiverResp, Outbind, EnquireLink, EnquireLinkResp, AlertNotification, DataSm, DataSmResp>;

struct Pdu {
    quint32 commandStatus = status::Ok;
    quint32 sequenceNumber = 0;
    PduBody body;

    CommandId commandId() const;
    bool isResponse() const { return quint32(commandId()) & ResponseBit; }

    bool operator==(const Pdu &) const = default;
};

// A PDU with the given body, status OK.
template<class Body> Pdu makePdu(quint32 sequenceNumber, Body body, quint32 commandStatus = status::Ok)
{
    return Pdu {commandStatus, sequenceNumber, PduBody(std::move(body))};
}

} // namespace backoffice::smpp
