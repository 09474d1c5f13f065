#include "SmppConstants.h"
#include "Tlv.h"

#include <QTest>

using namespace backoffice::smpp;

class TlvTest final : public QObject
{
    Q_OBJECT

private slots:
    void typedAccessorsWriteTheSpecEncoding();
    void wrongSizeReadsAsAbsent();
    void receiptedMessageIdWithOrWithoutNul();
    void repeatedTagsAreKept();
};

void TlvTest::typedAccessorsWriteTheSpecEncoding()
{
    TlvList tlvs;
    tlvs.setSarMsgRefNum(0xABCD);
    tlvs.setSarTotalSegments(3);
    tlvs.setSarSegmentSeqnum(2);
    tlvs.setUserMessageReference(0x0102);
    tlvs.setMessageState(quint8(MessageState::Undeliverable));
    tlvs.setNetworkErrorCode({3, 0x0122});
    tlvs.setMessagePayload("payload");

    QCOMPARE(tlvs.value(tag::SarMsgRefNum), QByteArray::fromHex("ABCD"));
    QCOMPARE(tlvs.value(tag::NetworkErrorCode), QByteArray::fromHex("030122"));
    QCOMPARE(tlvs.sarMsgRefNum(), quint16(0xABCD));
    QCOMPARE(tlvs.sarTotalSegments(), quint8(3));
    QCOMPARE(tlvs.sarSegmentSeqnum(), quint8(2));
    QCOMPARE(tlvs.userMessageReference(), quint16(0x0102));
    QCOMPARE(tlvs.messageState(), quint8(5));
    QCOMPARE(tlvs.networkErrorCode(), (NetworkErrorCode {3, 0x0122}));
    QCOMPARE(tlvs.messagePayload(), QByteArray("payload"));

    tlvs.setSarSegmentSeqnum(3); // replaces, does not append
    QCOMPARE(tlvs.size(), 7);
    QCOMPARE(tlvs.sarSegmentSeqnum(), quint8(3));
    tlvs.remove(tag::MessagePayload);
    QVERIFY(!tlvs.messagePayload());
    QVERIFY(!tlvs.contains(tag::MessagePayload));
}

void TlvTest::wrongSizeReadsAsAbsent()
{
    TlvList tlvs;
    tlvs.append(tag::SarMsgRefNum, QByteArray(1, 7));
    tlvs.append(tag::MessageState, QByteArray(2, 1));
    tlvs.append(tag::NetworkErrorCode, QByteArray(2, 1));
    QVERIFY(!tlvs.sarMsgRefNum());
    QVERIFY(!tlvs.messageState());
    QVERIFY(!tlvs.networkErrorCode());
    QVERIFY(!tlvs.sarTotalSegments());
}

void TlvTest::receiptedMessageIdWithOrWithoutNul()
{
    TlvList tlvs;
    tlvs.setReceiptedMessageId("0A1B");
    QCOMPARE(tlvs.value(tag::ReceiptedMessageId), QByteArray("0A1B", 5));
    QCOMPARE(tlvs.receiptedMessageId(), QByteArray("0A1B"));

    TlvList vendor;
    vendor.append(tag::ReceiptedMessageId, "0A1B");
    QCOMPARE(vendor.receiptedMessageId(), QByteArray("0A1B"));
    vendor.set(tag::ReceiptedMessageId, QByteArray(66, 'a'));
    QVERIFY(!vendor.receiptedMessageId());
}

void TlvTest::repeatedTagsAreKept()
{
    TlvList tlvs;
    tlvs.append(0x1400, "a");
    tlvs.append(0x1400, "b");
    QCOMPARE(tlvs.size(), 2);
    QCOMPARE(tlvs.value(0x1400), QByteArray("a"));
    TlvList other;
    other.append(0x1400, "b");
    other.append(0x1400, "a");
    QVERIFY(tlvs != other); // order is part of the value: it goes back on the wire as it came
}

QTEST_GUILESS_MAIN(TlvTest)
#include "tst_tlv.moc"
