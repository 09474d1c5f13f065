#include "PduLayout.h"

#include "WireReader.h"
#include "WireWriter.h"

#include <type_traits>

namespace backoffice::smpp {

namespace {

template<class T, class Base>
constexpr bool is = std::is_base_of_v<Base, std::remove_const_t<T>> || std::is_same_v<Base, std::remove_const_t<T>>;

// Responses whose body the spec leaves out when command_status is an error (bind_*_resp and
// submit_sm_resp say so; peers do it for the other message id responses too).
template<class T>
constexpr bool hasOptionalErrorBody = is<T, BindRespFields> || is<T, MessageIdRespFields> || is<T, QuerySmResp>;

// Field order and sizes of SMPP 3.4 section 4. Io is WireWriter (const bodies) or WireReader.
template<class Io, class T> void layout(Io &io, T &p)
{
    if constexpr (is<T, BindFields>) {
        io.cString(p.systemId, 16, status::InvalidSystemId, "system_id");
        io.cString(p.password, 9, status::InvalidPassword, "password");
        io.cString(p.systemType, 13, status::InvalidSystemType, "system_type");
        io.u8(p.interfaceVersion);
        io.address(p.addressRange, 41, status::BindFailed, "address_range");
        io.end();
    } else if constexpr (is<T, BindRespFields>) {
        io.cString(p.systemId, 16, status::InvalidSystemId, "system_id");
        io.tlvs(p.tlvs);
    } else if constexpr (is<T, Outbind>) {
        io.cString(p.systemId, 16, status::InvalidSystemId, "system_id");
        io.cString(p.password, 9, status::InvalidPassword, "password");
        io.end();
    } else if constexpr (is<T, ShortMessageFields>) {
        io.cString(p.serviceType, 6, status::InvalidServiceType, "service_type");
        io.address(p.source, 21, status::InvalidSourceAddress, "source_addr");
        io.address(p.destination, 21, status::InvalidDestinationAddress, "destination_addr");
        io.u8(p.esmClass);
        io.u8(p.protocolId);
        io.u8(p.priorityFlag);
        io.timeString(p.scheduleDeliveryTime, status::InvalidScheduledDeliveryTime, "schedule_delivery_time");
        io.timeString(p.validityPeriod, status::InvalidValidityPeriod, "validity_period");
        io.u8(p.registeredDelivery);
        io.u8(p.replaceIfPresentFlag);
        io.u8(p.dataCoding);
        io.u8(p.smDefaultMsgId);
        io.shortMessage(p.shortMessage);
        io.tlvs(p.tlvs);
    } else if constexpr (is<T, MessageIdRespFields>) {
        io.cString(p.messageId, 65, status::InvalidMessageId, "message_id");
        io.tlvs(p.tlvs);
    } else if constexpr (is<T, DataSm>) {
        io.cString(p.serviceType, 6, status::InvalidServiceType, "service_type");
        io.address(p.source, 65, status::InvalidSourceAddress, "source_addr");
        io.address(p.destination, 65, status::InvalidDestinationAddress, "destination_addr");
        io.u8(p.esmClass);
        io.u8(p.registeredDelivery);
        io.u8(p.dataCoding);
        io.tlvs(p.tlvs);
    } else if constexpr (is<T, QuerySm>) {
        io.cString(p.messageId, 65, status::InvalidMessageId, "message_id");
        io.address(p.source, 21, status::InvalidSourceAddress, "source_addr");
        io.end();
    } else if constexpr (is<T, QuerySmResp>) {
        io.cString(p.messageId, 65, status::InvalidMessageId, "message_id");
        io.timeString(p.finalDate, status::QueryFailed, "final_date");
        io.u8(p.messageState);
        io.u8(p.errorCode);
        io.end();
    } else if constexpr (is<T, AlertNotification>) {
        io.address(p.source, 65, status::InvalidSourceAddress, "source_addr");
        io.address(p.esme, 65, status::InvalidDestinationAddress, "esme_addr");
        io.tlvs(p.tlvs);
    } else {
        // unbind, enquire_link, generic_nack and their responses: a header and nothing else.
        static_assert(std::is_empty_v<std::remove_const_t<T>>, "every PDU with fields needs a layout");
        io.end();
    }
}

template<class Body> constexpr bool isEmptyErrorBody(const Body &body)
{
    if constexpr (hasOptionalErrorBody<Body>)
        return body == Body {};
    return false;
}

template<class Body> void addIfMatches(quint32 commandId, PduBody *body, bool *found)
{
    if (!*found && commandId == quint32(Body::Id)) {
        *body = Body {};
        *found = true;
    }
}

template<class... Bodies> bool emptyBodyIn(quint32 commandId, PduBody *body, std::variant<Bodies...> *)
{
    bool found = false;
    (addIfMatches<Bodies>(commandId, body, &found), ...);
    return found;
}

} // namespace

void writeBody(WireWriter &writer, const Pdu &pdu)
{
    std::visit(
        [&](const auto &body) {
            // An error response with nothing to say goes without a body, as the spec asks; one
            // that does carry a message id or TLVs keeps them.
            if (pdu.commandStatus != status::Ok && isEmptyErrorBody(body))
                return;
            layout(writer, body);
        },
        pdu.body);
}

void readBody(WireReader &reader, Pdu &pdu)
{
    std::visit(
        [&](auto &body) {
            using Body = std::decay_t<decltype(body)>;
            if constexpr (hasOptionalErrorBody<Body>) {
                if (pdu.commandStatus != status::Ok && reader.atEnd())
                    return;
            }
            layout(reader, body);
        },
        pdu.body);
}

bool emptyBodyFor(quint32 commandId, PduBody *body)
{
    return emptyBodyIn(commandId, body, static_cast<PduBody *>(nullptr));
}

} // namespace backoffice::smpp
