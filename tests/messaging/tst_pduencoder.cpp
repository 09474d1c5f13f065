#include "PduEncoder.h"

#include <QTest>

using namespace backoffice::smpp;

// Byte-exact encodings, written by hand from the field tables of SMPP 3.4 section 4 (header:
// command_length, command_id, command_status, sequence_number; then the body in table order).
class PduEncoderTest final : public QObject
{
    Q_OBJECT

private slots:
    void matchesSpecLayout_data();
    void matchesSpecLayout();
    void refusesWhatAStrictPeerWouldReject_data();
    void refusesWhatAStrictPeerWouldReject();
    void errorResponseKeepsABodyThatSaysSomething();
};

void PduEncoderTest::matchesSpecLayout_data()
{
    QTest::addColumn<Pdu>("pdu");
    QTest::addColumn<QByteArray>("hex");

    QTest::newRow("enquire_link") << makePdu(1, EnquireLink {}) << QByteArray("00000010 00000015 00000000 00000001");
    QTest::newRow("enquire_link_resp") << makePdu(1, EnquireLinkResp {})
                                       << QByteArray("00000010 80000015 00000000 00000001");
    QTest::newRow("unbind") << makePdu(2, Unbind {}) << QByteArray("00000010 00000006 00000000 00000002");
    QTest::newRow("unbind_resp") << makePdu(2, UnbindResp {}) << QByteArray("00000010 80000006 00000000 00000002");
    QTest::newRow("generic_nack") << makePdu(7, GenericNack {}, status::InvalidCommandId)
                                  << QByteArray("00000010 80000000 00000003 00000007");

    BindTransmitter bind;
    bind.systemId = "smppclient1";
    bind.password = "password";
    QTest::newRow("bind_transmitter") << makePdu(1, bind)
                                      << QByteArray("0000002A 00000002 00000000 00000001"
                                                    "736D7070636C69656E743100" // system_id "smppclient1"
                                                    "70617373776F726400" // password "password"
                                                    "00" // system_type NULL
                                                    "34" // interface_version 3.4
                                                    "00 00" // addr_ton, addr_npi
                                                    "00"); // address_range NULL

    BindReceiver bindRx;
    bindRx.systemId = "rx";
    bindRx.password = "pw";
    bindRx.systemType = "VMA";
    bindRx.addressRange = Address {1, 1, "^44"};
    QTest::newRow("bind_receiver") << makePdu(9, bindRx)
                                   << QByteArray("00000021 00000001 00000000 00000009"
                                                 "727800 707700 564D4100 34 01 01 5E343400");

    BindTransceiver bindTrx;
    bindTrx.systemId = "trx";
    QTest::newRow("bind_transceiver") << makePdu(3, bindTrx)
                                      << QByteArray("0000001A 00000009 00000000 00000003"
                                                    "74727800 00 00 34 00 00 00");

    BindTransmitterResp bindResp;
    bindResp.systemId = "SMSC";
    bindResp.tlvs.append(0x0210, QByteArray(1, 0x34));
    QTest::newRow("bind_transmitter_resp with sc_interface_version")
        << makePdu(1, bindResp) << QByteArray("0000001A 80000002 00000000 00000001 534D534300 0210 0001 34");
    QTest::newRow("bind_transmitter_resp error, no body") << makePdu(1, BindTransmitterResp {}, status::InvalidPassword)
                                                          << QByteArray("00000010 80000002 0000000E 00000001");

    BindReceiverResp bindRxResp;
    bindRxResp.systemId = "SMSC";
    QTest::newRow("bind_receiver_resp") << makePdu(9, bindRxResp)
                                        << QByteArray("00000015 80000001 00000000 00000009 534D534300");

    Outbind outbind;
    outbind.systemId = "SMSC";
    outbind.password = "pw";
    QTest::newRow("outbind") << makePdu(4, outbind)
                             << QByteArray("00000018 0000000B 00000000 00000004 534D534300 707700");

    SubmitSm submit;
    submit.source = Address {1, 1, "447700900123"};
    submit.destination = Address {1, 1, "447700900456"};
    submit.registeredDelivery = 1;
    submit.shortMessage = "Hello";
    QTest::newRow("submit_sm")
        << makePdu(5, submit)
        << QByteArray("0000003E 00000004 00000000 00000005"
                      "00" // service_type NULL
                      "01 01 34343737303039303031323300" // source
                      "01 01 34343737303039303034353600" // destination
                      "00 00 00" // esm_class, protocol_id, priority_flag
                      "00 00" // schedule_delivery_time, validity_period NULL
                      "01 00 00 00" // registered_delivery, replace_if_present, data_coding, sm_default_msg_id
                      "05 48656C6C6F"); // sm_length, short_message

    SubmitSm withTlv = submit;
    withTlv.shortMessage.clear();
    withTlv.tlvs.setMessagePayload("Hi");
    withTlv.tlvs.setSarMsgRefNum(0x0102);
    QTest::newRow("submit_sm with message_payload and sar_msg_ref_num")
        << makePdu(5, withTlv)
        << QByteArray("00000045 00000004 00000000 00000005"
                      "00 01 01 34343737303039303031323300 01 01 34343737303039303034353600"
                      "00 00 00 00 00 01 00 00 00"
                      "00" // sm_length 0
                      "0424 0002 4869" // message_payload "Hi"
                      "020C 0002 0102"); // sar_msg_ref_num

    SubmitSmResp submitResp;
    submitResp.messageId = "f1e2d3c4";
    QTest::newRow("submit_sm_resp") << makePdu(5, submitResp)
                                    << QByteArray("00000019 80000004 00000000 00000005 663165326433633400");
    QTest::newRow("submit_sm_resp error, no body")
        << makePdu(5, SubmitSmResp {}, status::Throttled) << QByteArray("00000010 80000004 00000058 00000005");

    DeliverSm deliver;
    deliver.source = Address {1, 1, "4477"};
    deliver.destination = Address {0, 0, "123"};
    deliver.esmClass = 0x04;
    deliver.tlvs.setReceiptedMessageId("f1e2");
    deliver.tlvs.setMessageState(2);
    QTest::newRow("deliver_sm receipt TLVs") << makePdu(6, deliver)
                                             << QByteArray("00000036 00000005 00000000 00000006"
                                                           "00 01 01 3434373700 00 00 31323300"
                                                           "04 00 00 00 00 00 00 00 00 00"
                                                           "001E 0005 6631653200" // receipted_message_id "f1e2"
                                                           "0427 0001 02"); // message_state DELIVERED
    QTest::newRow("deliver_sm_resp") << makePdu(6, DeliverSmResp {})
                                     << QByteArray("00000011 80000005 00000000 00000006 00");

    DataSm data;
    data.source = Address {1, 1, "4477"};
    data.destination = Address {1, 1, "4478"};
    data.dataCoding = 8;
    data.tlvs.setMessagePayload(QByteArray::fromHex("0041"));
    QTest::newRow("data_sm") << makePdu(8, data)
                             << QByteArray("00000028 00000103 00000000 00000008"
                                           "00 01 01 3434373700 01 01 3434373800 00 00 08"
                                           "0424 0002 0041");
    DataSmResp dataResp;
    dataResp.messageId = "m1";
    dataResp.tlvs.append(0x0425, QByteArray(1, 1)); // delivery_failure_reason
    QTest::newRow("data_sm_resp") << makePdu(8, dataResp)
                                  << QByteArray("00000018 80000103 00000000 00000008 6D3100 0425 0001 01");

    QuerySm query;
    query.messageId = "12345";
    query.source = Address {1, 1, "447700900123"};
    QTest::newRow("query_sm") << makePdu(10, query)
                              << QByteArray("00000025 00000003 00000000 0000000A"
                                            "313233343500 01 01 34343737303039303031323300");
    QuerySmResp queryResp;
    queryResp.messageId = "12345";
    queryResp.messageState = 2;
    QTest::newRow("query_sm_resp") << makePdu(10, queryResp)
                                   << QByteArray("00000019 80000003 00000000 0000000A 313233343500 00 02 00");

    AlertNotification alert;
    alert.source = Address {1, 1, "447700900123"};
    alert.tlvs.append(0x0422, QByteArray(1, 0));
    QTest::newRow("alert_notification") << makePdu(11, alert)
                                        << QByteArray("00000027 00000102 00000000 0000000B"
                                                      "01 01 34343737303039303031323300 00 00 00"
                                                      "0422 0001 00");
}

void PduEncoderTest::matchesSpecLayout()
{
    QFETCH(Pdu, pdu);
    QFETCH(QByteArray, hex);
    QCOMPARE(encode(pdu).toHex(' ').toUpper(), QByteArray::fromHex(hex).toHex(' ').toUpper());
    QCOMPARE(encodeProblem(pdu), QString());
}

void PduEncoderTest::refusesWhatAStrictPeerWouldReject_data()
{
    QTest::addColumn<Pdu>("pdu");
    QTest::addColumn<QString>("problem");

    BindTransmitter bind;
    bind.systemId = "sixteen-chars-id"; // 16 characters: one more than system_id holds
    QTest::newRow("system_id over 15") << makePdu(1, bind) << QStringLiteral("system_id is longer than 15 characters");
    bind.systemId = QByteArray("a\0b", 3);
    QTest::newRow("NUL inside a C-string") << makePdu(1, bind) << QStringLiteral("system_id holds a NUL character");

    SubmitSm submit;
    submit.destination.value = QByteArray(21, '1');
    QTest::newRow("destination_addr over 20")
        << makePdu(1, submit) << QStringLiteral("destination_addr is longer than 20 characters");
    submit.destination.value = "1";
    submit.scheduleDeliveryTime = "2403151230";
    QTest::newRow("time not 16 characters")
        << makePdu(1, submit) << QStringLiteral("schedule_delivery_time must be empty or 16 characters");
    submit.scheduleDeliveryTime.clear();
    submit.shortMessage = QByteArray(255, 'x');
    QTest::newRow("short_message over 254")
        << makePdu(1, submit) << QStringLiteral("short_message is longer than 254 octets");
    submit.shortMessage.clear();
    submit.tlvs.setMessagePayload(QByteArray(65536, 'x'));
    QTest::newRow("TLV over 65535") << makePdu(1, submit) << QStringLiteral("TLV 0x0424 is longer than 65535 octets");
}

void PduEncoderTest::refusesWhatAStrictPeerWouldReject()
{
    QFETCH(Pdu, pdu);
    QFETCH(QString, problem);
    QVERIFY(encode(pdu).isEmpty());
    QCOMPARE(encodeProblem(pdu), problem);
}

void PduEncoderTest::errorResponseKeepsABodyThatSaysSomething()
{
    // A throttled submit_sm_resp that still names a message id (some SMSCs do) keeps it.
    SubmitSmResp resp;
    resp.messageId = "m1";
    QCOMPARE(encode(makePdu(3, resp, status::Throttled)).toHex(),
             QByteArray("00000013800000040000005800000003"
                        "6d3100"));
}

QTEST_GUILESS_MAIN(PduEncoderTest)
#include "tst_pduencoder.moc"
