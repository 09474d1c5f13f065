#include "SmppConstants.h"

namespace backoffice::smpp {

const char *commandName(quint32 commandId)
{
    switch (CommandId(commandId)) {
    case CommandId::GenericNack: return "generic_nack";
    case CommandId::BindReceiver: return "bind_receiver";
    case CommandId::BindReceiverResp: return "bind_receiver_resp";
    case CommandId::BindTransmitter: return "bind_transmitter";
    case CommandId::BindTransmitterResp: return "bind_transmitter_resp";
    case CommandId::QuerySm: return "query_sm";
    case CommandId::QuerySmResp: return "query_sm_resp";
    case CommandId::SubmitSm: return "submit_sm";
    case CommandId::SubmitSmResp: return "submit_sm_resp";
    case CommandId::DeliverSm: return "deliver_sm";
    case CommandId::DeliverSmResp: return "deliver_sm_resp";
    case CommandId::Unbind: return "unbind";
    case CommandId::UnbindResp: return "unbind_resp";
    case CommandId::BindTransceiver: return "bind_transceiver";
    case CommandId::BindTransceiverResp: return "bind_transceiver_resp";
    case CommandId::Outbind: return "outbind";
    case CommandId::EnquireLink: return "enquire_link";
    case CommandId::EnquireLinkResp: return "enquire_link_resp";
    case CommandId::AlertNotification: return "alert_notification";
    case CommandId::DataSm: return "data_sm";
    case CommandId::DataSmResp: return "data_sm_resp";
    }
    return "unknown command";
}

} // namespace backoffice::smpp
