#pragma once

#include "Pdu.h"

#include <QList>
#include <QtEndian>

#include <utility>

// Realistic PDUs of every type the codec knows, as an ESME and an SMSC exchange them: shared by the
// round-trip, framer and corpus tests.
namespace smpp_samples {

using namespace backoffice::smpp;

inline Address msisdn(const char *digits)
{
    return Address {1, 1, QByteArray(digits)}; // international, ISDN (E.164)
}

inline SubmitSm sampleSubmit()
{
    SubmitSm submit;
    submit.serviceType = "CMT";
    submit.source = Address {5, 0, "BackOffice"}; // alphanumeric sender
    submit.destination = msisdn("447700900123");
    submit.registeredDelivery = 1;
    submit.validityPeriod = "000001000000000R"; // relative: one day
    submit.dataCoding = 0;
    submit.shortMessage = "Your code is 4711";
    submit.tlvs.setUserMessageReference(0x1234);
    return submit;
}

inline DeliverSm sampleReceipt()
{
    DeliverSm deliver;
    deliver.source = msisdn("447700900123");
    deliver.destination = Address {5, 0, "BackOffice"};
    deliver.esmClass = EsmClassDeliveryReceipt;
    deliver.shortMessage = "id:0A1B2C3D sub:001 dlvrd:001 submit date:2403151230 done date:2403151231 "
                           "stat:DELIVRD err:000 text:Your code is 4711";
    deliver.tlvs.setReceiptedMessageId("0A1B2C3D");
    deliver.tlvs.setMessageState(quint8(MessageState::Delivered));
    deliver.tlvs.setNetworkErrorCode({3, 0});
    deliver.tlvs.append(0x1401, "vendor"); // a vendor TLV the codec does not know
    return deliver;
}

inline QList<std::pair<const char *, Pdu>> samplePdus()
{
    BindTransmitter bindTx;
    bindTx.systemId = "smppclient1";
    bindTx.password = "password";
    bindTx.systemType = "VMA";
    BindReceiver bindRx;
    bindRx.systemId = "client-rx";
    bindRx.password = "s3cret";
    bindRx.addressRange = Address {1, 1, "^4477"};
    BindTransceiver bindTrx;
    bindTrx.systemId = "client-trx";
    bindTrx.password = "pa55";
    BindTransmitterResp bindTxResp;
    bindTxResp.systemId = "SMSC";
    bindTxResp.tlvs.append(tag::ScInterfaceVersion, QByteArray(1, char(InterfaceVersion34)));
    BindReceiverResp bindRxResp;
    bindRxResp.systemId = "SMSC";
    BindTransceiverResp bindTrxResp;
    bindTrxResp.systemId = "SMSC";

    SubmitSmResp submitResp;
    submitResp.messageId = "0A1B2C3D";
    DataSm data;
    data.serviceType = "WAP";
    data.source = msisdn("447700900456");
    data.destination = msisdn("447700900123");
    data.registeredDelivery = 1;
    data.dataCoding = 8;
    data.tlvs.setMessagePayload(QByteArray::fromHex("041F04400438043204350442")); // "Привет"
    DataSmResp dataResp;
    dataResp.messageId = "d-77";
    QuerySm query;
    query.messageId = "0A1B2C3D";
    query.source = Address {5, 0, "BackOffice"};
    QuerySmResp queryResp;
    queryResp.messageId = "0A1B2C3D";
    queryResp.finalDate = "240315123100004+";
    queryResp.messageState = quint8(MessageState::Delivered);
    Outbind outbind;
    outbind.systemId = "SMSC";
    outbind.password = "pw";
    AlertNotification alert;
    alert.source = msisdn("447700900123");
    alert.esme = Address {0, 0, "4477009"};
    alert.tlvs.append(tag::MsAvailabilityStatus, QByteArray(1, '\0'));

    SubmitSm longPart = sampleSubmit();
    longPart.esmClass = EsmClassUdhIndicator;
    longPart.shortMessage = QByteArray::fromHex("0500037F0201") + QByteArray(153, 'a');

    return {
        {"bind_transmitter", makePdu(1, bindTx)},
        {"bind_transmitter_resp", makePdu(1, bindTxResp)},
        {"bind_receiver", makePdu(2, bindRx)},
        {"bind_receiver_resp", makePdu(2, bindRxResp)},
        {"bind_transceiver", makePdu(3, bindTrx)},
        {"bind_transceiver_resp", makePdu(3, bindTrxResp)},
        {"bind_transceiver_resp_error", makePdu(4, BindTransceiverResp {}, status::InvalidPassword)},
        {"outbind", makePdu(5, outbind)},
        {"submit_sm", makePdu(6, sampleSubmit())},
        {"submit_sm_udh_part", makePdu(7, longPart)},
        {"submit_sm_resp", makePdu(6, submitResp)},
        {"submit_sm_resp_throttled", makePdu(8, SubmitSmResp {}, status::Throttled)},
        {"deliver_sm_receipt", makePdu(0x7FFFFFFF, sampleReceipt())},
        {"deliver_sm_resp", makePdu(0x7FFFFFFF, DeliverSmResp {})},
        {"data_sm", makePdu(9, data)},
        {"data_sm_resp", makePdu(9, dataResp)},
        {"query_sm", makePdu(10, query)},
        {"query_sm_resp", makePdu(10, queryResp)},
        {"alert_notification", makePdu(11, alert)},
        {"enquire_link", makePdu(12, EnquireLink {})},
        {"enquire_link_resp", makePdu(12, EnquireLinkResp {})},
        {"unbind", makePdu(13, Unbind {})},
        {"unbind_resp", makePdu(13, UnbindResp {})},
        {"generic_nack", makePdu(14, GenericNack {}, status::InvalidCommandId)},
    };
}

} // namespace smpp_samples
