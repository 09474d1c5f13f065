#include "Concatenation.h"
#include "PduDecoder.h"
#include "PduEncoder.h"

#include <QTest>

using namespace backoffice::smpp;

class ConcatenationTest final : public QObject
{
    Q_OBJECT

private slots:
    void udhBytes();
    void findsTheConcatenationIe_data();
    void findsTheConcatenationIe();
    void sarTlvsRoundTrip();
    void buildsUdhParts();
    void buildsSarParts();
    void singleMessageHasNoConcatenation();
    void refusesMoreThan255Parts();
};

void ConcatenationTest::udhBytes()
{
    QCOMPARE(concatenationUdh({0x1234, 3, 1}, false).toHex(), QByteArray("050003340301"));
    QCOMPARE(concatenationUdh({0x1234, 3, 2}, true).toHex(), QByteArray("06080412340302"));
}

void ConcatenationTest::findsTheConcatenationIe_data()
{
    QTest::addColumn<QByteArray>("userData");
    QTest::addColumn<bool>("found");
    QTest::addColumn<quint16>("reference");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("sequence");
    QTest::addColumn<int>("udhOctets");

    QTest::newRow("8-bit reference") << QByteArray::fromHex("050003A70201 41") << true << quint16(0xA7) << 2 << 1 << 6;
    QTest::newRow("16-bit reference") << QByteArray::fromHex("06080412340303 41") << true << quint16(0x1234) << 3 << 3
                                      << 7;
    QTest::newRow("after a port IE") << QByteArray::fromHex("0B 0504 0B840000 0003 07 0201 41") << true << quint16(7)
                                     << 2 << 1 << 12;
    QTest::newRow("no concatenation IE") << QByteArray::fromHex("06 0504 0B840000 41") << false << quint16(0) << 0 << 0
                                         << 0;
    QTest::newRow("UDHL past the end") << QByteArray::fromHex("09 0003 07 0201") << false << quint16(0) << 0 << 0 << 0;
    QTest::newRow("IE past UDHL") << QByteArray::fromHex("04 0003 07 02 01") << false << quint16(0) << 0 << 0 << 0;
    QTest::newRow("sequence 0") << QByteArray::fromHex("050003070200") << false << quint16(0) << 0 << 0 << 0;
    QTest::newRow("sequence over total") << QByteArray::fromHex("050003070203") << false << quint16(0) << 0 << 0 << 0;
    QTest::newRow("empty") << QByteArray() << false << quint16(0) << 0 << 0 << 0;
}

void ConcatenationTest::findsTheConcatenationIe()
{
    QFETCH(QByteArray, userData);
    QFETCH(bool, found);
    QFETCH(quint16, reference);
    QFETCH(int, total);
    QFETCH(int, sequence);
    QFETCH(int, udhOctets);
    const auto udh = findUdhConcatenation(userData);
    QCOMPARE(udh.has_value(), found);
    if (!found)
        return;
    QCOMPARE(udh->info, (ConcatenationInfo {reference, quint8(total), quint8(sequence)}));
    QCOMPARE(udh->udhOctets, udhOctets);
}

void ConcatenationTest::sarTlvsRoundTrip()
{
    TlvList tlvs;
    setSarTlvs(tlvs, {0xBEEF, 4, 2});
    QCOMPARE(sarTlvs(tlvs), (ConcatenationInfo {0xBEEF, 4, 2}));
    tlvs.setSarSegmentSeqnum(5);
    QVERIFY(!sarTlvs(tlvs));
    tlvs.remove(tag::SarTotalSegments);
    QVERIFY(!sarTlvs(tlvs));
}

void ConcatenationTest::buildsUdhParts()
{
    SubmitSm base;
    base.destination = Address {1, 1, "447700900123"};
    const QString text = QString(200, u'x');
    const QList<SubmitSm> parts
        = buildSubmits(base, text, TextEncoding::Gsm7, ConcatenationMethod::Udh8BitReference, 0x42);
    QCOMPARE(parts.size(), 2);
    QByteArray joined;
    for (int i = 0; i < parts.size(); ++i) {
        const SubmitSm &part = parts[i];
        QVERIFY(part.esmClass & EsmClassUdhIndicator);
        QCOMPARE(part.dataCoding, quint8(0));
        QCOMPARE(part.destination, base.destination);
        const auto received = receivedPart(part);
        QVERIFY(received);
        QCOMPARE(received->info, (ConcatenationInfo {0x42, 2, quint8(i + 1)}));
        joined += received->payload;
        // Each part goes on the wire and back unchanged.
        const Pdu pdu = makePdu(quint32(i + 1), part);
        QVERIFY(std::get<Pdu>(decode(encode(pdu))) == pdu);
    }
    QCOMPARE(parts[0].shortMessage.size(), 6 + 153);
    QCOMPARE(joined, QByteArray(200, 'x'));
}

void ConcatenationTest::buildsSarParts()
{
    const QString text = QStringLiteral("Привет").repeated(20); // 120 units: 67 + 53
    const QList<SubmitSm> parts
        = buildSubmits(SubmitSm {}, text, TextEncoding::Ucs2, ConcatenationMethod::SarTlvs, 0x0102);
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts[0].esmClass & EsmClassUdhIndicator, 0);
    QCOMPARE(parts[0].dataCoding, quint8(8));
    QCOMPARE(parts[0].shortMessage.size(), 134);
    QCOMPARE(sarTlvs(parts[1].tlvs), (ConcatenationInfo {0x0102, 2, 2}));
    QCOMPARE(receivedPart(parts[1])->payload, parts[1].shortMessage);

    const QList<SubmitSm> wide
        = buildSubmits(SubmitSm {}, text, TextEncoding::Ucs2, ConcatenationMethod::Udh16BitReference, 0x0102);
    QCOMPARE(wide[0].shortMessage.size(), 7 + 132);
    QCOMPARE(findUdhConcatenation(wide[0].shortMessage)->info.reference, 0x0102);
}

void ConcatenationTest::singleMessageHasNoConcatenation()
{
    const QList<SubmitSm> parts
        = buildSubmits(SubmitSm {}, u"Hello", TextEncoding::Gsm7, ConcatenationMethod::SarTlvs, 1);
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts[0].shortMessage, QByteArray("Hello"));
    QVERIFY(parts[0].tlvs.isEmpty());
    QVERIFY(!receivedPart(parts[0]));
}

void ConcatenationTest::refusesMoreThan255Parts()
{
    QVERIFY(buildSubmits(SubmitSm {}, QString(153 * 256, u'a'), TextEncoding::Gsm7,
                         ConcatenationMethod::Udh8BitReference, 1)
                .isEmpty());
    QCOMPARE(buildSubmits(SubmitSm {}, QString(153 * 255, u'a'), TextEncoding::Gsm7,
                          ConcatenationMethod::Udh8BitReference, 1)
                 .size(),
             255);
}

QTEST_GUILESS_MAIN(ConcatenationTest)
#include "tst_concatenation.moc"
