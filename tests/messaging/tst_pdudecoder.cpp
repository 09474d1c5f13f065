#include "PduDecoder.h"
#include "PduEncoder.h"

#include <QTest>
#include <QtEndian>

using namespace backoffice::smpp;

namespace {

// A PDU from hex, with command_length set to the real size unless the row is about a wrong one.
QByteArray pduHex(const QByteArray &hex)
{
    QByteArray bytes = QByteArray::fromHex(hex);
    if (bytes.size() >= 4)
        qToBigEndian(quint32(bytes.size()), bytes.data());
    return bytes;
}

// submit_sm up to the short message, with source and destination filled in.
constexpr const char *SubmitHead = "00000000 00000004 00000000 00000005"
                                   "00 01 01 34343700 01 01 34343800 00 00 00 00 00 01 00 00 00";

QByteArray submitWith(const QByteArray &tail)
{
    return pduHex(QByteArray(SubmitHead) + tail);
}

} // namespace

class PduDecoderTest final : public QObject
{
    Q_OBJECT

private slots:
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void keepsUnknownTlvsInOrder();
    void acceptsErrorResponseWithoutBody_data();
    void acceptsErrorResponseWithoutBody();
    void keepsVendorStatusAndSequence();
    void neverReadsPastTheView();
};

void PduDecoderTest::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("action");
    QTest::addColumn<quint32>("commandStatus");
    QTest::addColumn<quint32>("commandId");
    QTest::addColumn<quint32>("sequenceNumber");

    const int close = int(DecodeAction::CloseConnection);
    const int nack = int(DecodeAction::GenericNack);
    const int respond = int(DecodeAction::RespondWithError);
    const int drop = int(DecodeAction::Drop);
    const quint32 submitSm = quint32(CommandId::SubmitSm);

    QTest::newRow("empty") << QByteArray() << close << status::InvalidCommandLength << 0u << 0u;
    QTest::newRow("truncated header") << QByteArray::fromHex("00000010 00000015 0000") << close
                                      << status::InvalidCommandLength << 0u << 0u;
    QTest::newRow("zero command_length") << QByteArray::fromHex("00000000 00000015 00000000 00000001") << close
                                         << status::InvalidCommandLength << 0u << 0u;
    QTest::newRow("command_length 15") << QByteArray::fromHex("0000000F 00000015 00000000 00000001") << close
                                       << status::InvalidCommandLength << 0u << 0u;
    QTest::newRow("huge command_length") << QByteArray::fromHex("7FFFFFFF 00000004 00000000 00000001") << close
                                         << status::InvalidCommandLength << 0u << 0u;
    QTest::newRow("command_length one over 64 KiB") << QByteArray::fromHex("00010001 00000004 00000000 00000001")
                                                    << close << status::InvalidCommandLength << 0u << 0u;

    QByteArray shortBody = submitWith("05 48656C6C6F");
    shortBody.chop(1);
    qToBigEndian(quint32(shortBody.size() + 1), shortBody.data());
    QTest::newRow("length mismatch: fewer octets than command_length")
        << shortBody << nack << status::InvalidCommandLength << submitSm << 5u;
    QByteArray longBody = QByteArray::fromHex("00000010 00000015 00000000 00000009 00");
    QTest::newRow("length mismatch: more octets than command_length")
        << longBody << nack << status::InvalidCommandLength << quint32(CommandId::EnquireLink) << 9u;
    QTest::newRow("enquire_link with a body") << pduHex("00000000 00000015 00000000 00000009 00") << nack
                                              << status::InvalidCommandLength << quint32(CommandId::EnquireLink) << 9u;

    QTest::newRow("unknown command_id (replace_sm)")
        << pduHex("00000000 00000007 00000000 00000003") << nack << status::InvalidCommandId << 0x00000007u << 3u;
    QTest::newRow("unknown response id") << pduHex("00000000 80000107 00000000 00000003") << nack
                                         << status::InvalidCommandId << 0x80000107u << 3u;

    QTest::newRow("missing NUL: system_id runs to the end")
        << pduHex("00000000 00000002 00000000 00000004 616263") << nack << status::InvalidCommandLength
        << quint32(CommandId::BindTransmitter) << 4u;
    QTest::newRow("missing NUL: short_message field absent")
        << pduHex("00000000 00000004 00000000 00000005 00 01 01 343437") << nack << status::InvalidCommandLength
        << submitSm << 5u;
    QTest::newRow("overlong C-string: system_id of 16")
        << pduHex("00000000 00000002 00000000 00000004 31323334353637383930313233343536 00 00 00 34 00 00 00")
        << respond << status::InvalidSystemId << quint32(CommandId::BindTransmitter) << 4u;
    QTest::newRow("overlong C-string: source_addr of 21")
        << pduHex("00000000 00000004 00000000 00000005 00 01 01 313233343536373839303132333435363738393031 00"
                  "01 01 34343800 00 00 00 00 00 01 00 00 00 00")
        << respond << status::InvalidSourceAddress << submitSm << 5u;
    QTest::newRow("overlong C-string in a response: message_id of 65")
        << pduHex(("00000000 80000004 00000000 00000006 " + QByteArray(65, 'a').toHex() + "00")) << nack
        << status::InvalidMessageId << quint32(CommandId::SubmitSmResp) << 6u;
    QTest::newRow("schedule_delivery_time not 16 characters")
        << pduHex("00000000 00000004 00000000 00000005 00 01 01 34343700 01 01 34343800 00 00 00"
                  "323430333135313233300000 01 00 00 00 00")
        << respond << status::InvalidScheduledDeliveryTime << submitSm << 5u;

    QTest::newRow("sm_length beyond body")
        << submitWith("06 48656C6C6F") << respond << status::InvalidMessageLength << submitSm << 5u;
    QTest::newRow("sm_length 255") << submitWith(("FF" + QByteArray(255, 'x').toHex())) << respond
                                   << status::InvalidMessageLength << submitSm << 5u;
    QTest::newRow("TLV length beyond body")
        << submitWith("00 0424 0010 4142") << respond << status::InvalidOptionalPartStream << submitSm << 5u;
    QTest::newRow("TLV header cut short")
        << submitWith("00 0424 00") << respond << status::InvalidOptionalPartStream << submitSm << 5u;
    QTest::newRow("known TLV of the wrong size")
        << submitWith("00 020C 0001 01") << respond << status::InvalidParameterLength << submitSm << 5u;
    QTest::newRow("receipted_message_id over 65")
        << pduHex(("00000000 00000005 00000000 00000008 00 01 01 343400 00 00 3100 04 00 00 00 00 00 00 00 00 00"
                   "001E 0042 "
                   + QByteArray(66, 'a').toHex()))
        << respond << status::InvalidParameterLength << quint32(CommandId::DeliverSm) << 8u;
    QTest::newRow("TLV after a PDU that has none")
        << pduHex("00000000 80000003 00000000 00000002 3100 00 02 00 0427 0001 02") << nack
        << status::InvalidCommandLength << quint32(CommandId::QuerySmResp) << 2u;
    QTest::newRow("broken generic_nack is dropped")
        << pduHex("00000000 80000000 00000003 00000002 00") << drop << status::InvalidCommandLength
        << quint32(CommandId::GenericNack) << 2u;
    QTest::newRow("OK response without its body")
        << pduHex("00000000 80000004 00000000 00000002") << nack << status::InvalidCommandLength
        << quint32(CommandId::SubmitSmResp) << 2u;
}

void PduDecoderTest::rejectsMalformedInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, action);
    QFETCH(quint32, commandStatus);
    QFETCH(quint32, commandId);
    QFETCH(quint32, sequenceNumber);

    const DecodeResult result = decode(bytes);
    const auto *error = std::get_if<DecodeError>(&result);
    QVERIFY2(error, "decoded a malformed PDU");
    QCOMPARE(int(error->action), action);
    QCOMPARE(error->commandStatus, commandStatus);
    QCOMPARE(error->commandId, commandId);
    QCOMPARE(error->sequenceNumber, sequenceNumber);
    QVERIFY(!error->reason.isEmpty());
    if (error->action == DecodeAction::RespondWithError)
        QCOMPARE(error->responseCommandId(), commandId | ResponseBit);
}

void PduDecoderTest::keepsUnknownTlvsInOrder()
{
    const DecodeResult result = decode(submitWith("00 1401 0003 414243 0424 0002 4869 1401 0000"));
    const auto *pdu = std::get_if<Pdu>(&result);
    QVERIFY(pdu);
    const auto &submit = std::get<SubmitSm>(pdu->body);
    QCOMPARE(submit.tlvs.size(), 3);
    QCOMPARE(submit.tlvs.items().at(0), (Tlv {0x1401, "ABC"}));
    QCOMPARE(submit.tlvs.items().at(2), (Tlv {0x1401, QByteArray()}));
    QCOMPARE(submit.tlvs.messagePayload(), QByteArray("Hi"));
    QCOMPARE(encode(*pdu), submitWith("00 1401 0003 414243 0424 0002 4869 1401 0000"));
}

void PduDecoderTest::acceptsErrorResponseWithoutBody_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("bind_transmitter_resp") << QByteArray::fromHex("00000010 80000002 0000000E 00000001");
    QTest::newRow("bind_transceiver_resp") << QByteArray::fromHex("00000010 80000009 0000000D 00000001");
    QTest::newRow("submit_sm_resp") << QByteArray::fromHex("00000010 80000004 00000058 00000001");
    QTest::newRow("deliver_sm_resp") << QByteArray::fromHex("00000010 80000005 00000008 00000001");
    QTest::newRow("data_sm_resp") << QByteArray::fromHex("00000010 80000103 000000FE 00000001");
    QTest::newRow("query_sm_resp") << QByteArray::fromHex("00000010 80000003 00000067 00000001");
}

void PduDecoderTest::acceptsErrorResponseWithoutBody()
{
    QFETCH(QByteArray, bytes);
    const DecodeResult result = decode(bytes);
    const auto *pdu = std::get_if<Pdu>(&result);
    QVERIFY(pdu);
    QVERIFY(pdu->commandStatus != status::Ok);
    QCOMPARE(encode(*pdu), bytes);
}

void PduDecoderTest::keepsVendorStatusAndSequence()
{
    const DecodeResult result = decode(QByteArray::fromHex("00000011 80000004 00000400 FFFFFFFF 00"));
    const auto *pdu = std::get_if<Pdu>(&result);
    QVERIFY(pdu);
    QCOMPARE(pdu->commandStatus, 0x400u);
    QCOMPARE(pdu->sequenceNumber, 0xFFFFFFFFu);
    QCOMPARE(pdu->commandId(), CommandId::SubmitSmResp);
}

void PduDecoderTest::neverReadsPastTheView()
{
    // The view is a prefix of a valid PDU: decode must look only at the prefix, and a C-string
    // whose NUL lies just outside it is not terminated.
    const QByteArray whole = QByteArray::fromHex("00000015 80000001 00000000 00000009 534D534300");
    for (qsizetype size = 0; size < whole.size(); ++size) {
        const DecodeResult result = decode(QByteArrayView(whole.constData(), size));
        QVERIFY(std::holds_alternative<DecodeError>(result));
    }
    QVERIFY(std::holds_alternative<Pdu>(decode(whole)));
}

QTEST_GUILESS_MAIN(PduDecoderTest)
#include "tst_pdudecoder.moc"
