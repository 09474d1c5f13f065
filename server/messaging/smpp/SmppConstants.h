#pragma once

#include <QtGlobal>

// Numbers of the SMPP 3.4 wire protocol (section 5 of the specification): command ids, command
// status codes and the limits the codec enforces.
namespace backoffice::smpp {

enum class CommandId : quint32 {
    GenericNack = 0x80000000,
    BindReceiver = 0x00000001,
    BindReceiverResp = 0x80000001,
    BindTransmitter = 0x00000002,
    BindTransmitterResp = 0x80000002,
    QuerySm = 0x00000003,
    QuerySmResp = 0x80000003,
    SubmitSm = 0x00000004,
    SubmitSmResp = 0x80000004,
    DeliverSm = 0x00000005,
    DeliverSmResp = 0x80000005,
    Unbind = 0x00000006,
    UnbindResp = 0x80000006,
    BindTransceiver = 0x00000009,
    BindTransceiverResp = 0x80000009,
    Outbind = 0x0000000B,
    EnquireLink = 0x00000015,
    EnquireLinkResp = 0x80000015,
    AlertNotification = 0x00000102,
    DataSm = 0x00000103,
    DataSmResp = 0x80000103,
};

// The high bit of a command id marks a response (generic_nack included).
constexpr quint32 ResponseBit = 0x80000000;

// The spec's name of a command id ("submit_sm"), or "unknown command": for logs.
const char *commandName(quint32 commandId);

// command_status values (SMPP 3.4 section 5.1.3). Plain constants rather than an enum class:
// vendors send codes outside this list (0x400 and up are vendor-specific) and the codec keeps them.
namespace status {
constexpr quint32 Ok = 0x00; // ESME_ROK
constexpr quint32 InvalidMessageLength = 0x01; // ESME_RINVMSGLEN
constexpr quint32 InvalidCommandLength = 0x02; // ESME_RINVCMDLEN
constexpr quint32 InvalidCommandId = 0x03; // ESME_RINVCMDID
constexpr quint32 IncorrectBindStatus = 0x04; // ESME_RINVBNDSTS
constexpr quint32 AlreadyBound = 0x05; // ESME_RALYBND
constexpr quint32 InvalidPriorityFlag = 0x06; // ESME_RINVPRTFLG
constexpr quint32 InvalidRegisteredDelivery = 0x07; // ESME_RINVREGDLVFLG
constexpr quint32 SystemError = 0x08; // ESME_RSYSERR
constexpr quint32 InvalidSourceAddress = 0x0A; // ESME_RINVSRCADR
constexpr quint32 InvalidDestinationAddress = 0x0B; // ESME_RINVDSTADR
constexpr quint32 InvalidMessageId = 0x0C; // ESME_RINVMSGID
constexpr quint32 BindFailed = 0x0D; // ESME_RBINDFAIL
constexpr quint32 InvalidPassword = 0x0E; // ESME_RINVPASWD
constexpr quint32 InvalidSystemId = 0x0F; // ESME_RINVSYSID
constexpr quint32 MessageQueueFull = 0x14; // ESME_RMSGQFUL
constexpr quint32 InvalidServiceType = 0x15; // ESME_RINVSERTYP
constexpr quint32 InvalidEsmClass = 0x43; // ESME_RINVESMCLASS
constexpr quint32 SubmitFailed = 0x45; // ESME_RSUBMITFAIL
constexpr quint32 InvalidSystemType = 0x53; // ESME_RINVSYSTYP
constexpr quint32 Throttled = 0x58; // ESME_RTHROTTLED
constexpr quint32 InvalidScheduledDeliveryTime = 0x61; // ESME_RINVSCHED
constexpr quint32 InvalidValidityPeriod = 0x62; // ESME_RINVEXPIRY
constexpr quint32 QueryFailed = 0x67; // ESME_RQUERYFAIL
constexpr quint32 InvalidOptionalPartStream = 0xC0; // ESME_RINVOPTPARSTREAM
constexpr quint32 OptionalParameterNotAllowed = 0xC1; // ESME_ROPTPARNOTALLWD
constexpr quint32 InvalidParameterLength = 0xC2; // ESME_RINVPARLEN
constexpr quint32 MissingOptionalParameter = 0xC3; // ESME_RMISSINGOPTPARAM
constexpr quint32 InvalidOptionalParameterValue = 0xC4; // ESME_RINVOPTPARAMVAL
constexpr quint32 DeliveryFailure = 0xFE; // ESME_RDELIVERYFAILURE
constexpr quint32 UnknownError = 0xFF; // ESME_RUNKNOWNERR
} // namespace status

constexpr quint32 HeaderLength = 16;
// Longest PDU the codec accepts by default. SMPP sets no limit, but a short message is at most 254
// octets and a message_payload rarely exceeds a few kilobytes: a larger command_length is a broken
// or hostile peer, and buffering it would let one connection hold memory hostage.
constexpr quint32 DefaultMaxCommandLength = 64 * 1024;
// short_message is "0-254 octets" (section 5.2.22); 255 is reserved.
constexpr int MaxShortMessageLength = 254;
// SMPP interface version 3.4 as sent in bind requests (interface_version) and sc_interface_version.
constexpr quint8 InterfaceVersion34 = 0x34;

// message_state values (section 5.2.28), shared by query_sm_resp and the message_state TLV.
enum class MessageState : quint8 {
    Enroute = 1,
    Delivered = 2,
    Expired = 3,
    Deleted = 4,
    Undeliverable = 5,
    Accepted = 6,
    Unknown = 7,
    Rejected = 8,
};

// esm_class bit that says short_message starts with a user data header (section 5.2.12).
constexpr quint8 EsmClassUdhIndicator = 0x40;
// esm_class message type bits of a deliver_sm that carries an SMSC delivery receipt.
constexpr quint8 EsmClassDeliveryReceipt = 0x04;

} // namespace backoffice::smpp
