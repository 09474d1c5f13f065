#include "PduEncoder.h"
#include "PduFramer.h"
#include "PduSamples.h"

#include <QTest>

using namespace backoffice::smpp;

namespace {

QList<FramerOutput> drain(PduFramer &framer)
{
    QList<FramerOutput> out;
    for (;;) {
        FramerOutput next = framer.next();
        if (std::holds_alternative<NeedMoreData>(next))
            return out;
        const bool failed = framer.hasFailed();
        out.append(std::move(next));
        if (failed)
            return out;
    }
}

QList<Pdu> streamPdus()
{
    return {makePdu(1, EnquireLink {}), makePdu(2, smpp_samples::sampleSubmit()),
            makePdu(3, smpp_samples::sampleReceipt())};
}

QByteArray streamBytes()
{
    QByteArray bytes;
    for (const Pdu &pdu : streamPdus())
        bytes += encode(pdu);
    return bytes;
}

QList<FramerOutput> expectedOutputs()
{
    QList<FramerOutput> out;
    for (const Pdu &pdu : streamPdus())
        out.append(pdu);
    return out;
}

} // namespace

class PduFramerTest final : public QObject
{
    Q_OBJECT

private slots:
    void splitAtEveryByteBoundary();
    void splitAtEveryPairOfBoundaries();
    void oneByteAtATime();
    void severalPdusInOneChunk();
    void decodeErrorDoesNotStopTheStream();
    void badLengthClosesForGood_data();
    void badLengthClosesForGood();
    void bufferedBytesCountsWhatIsPending();
};

void PduFramerTest::splitAtEveryByteBoundary()
{
    const QByteArray bytes = streamBytes();
    for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
        PduFramer framer;
        framer.feed(QByteArrayView(bytes).first(cut));
        QList<FramerOutput> out = drain(framer);
        framer.feed(QByteArrayView(bytes).sliced(cut));
        out += drain(framer);
        QVERIFY2(out == expectedOutputs(), qPrintable(QStringLiteral("cut at %1").arg(cut)));
        QCOMPARE(framer.bufferedBytes(), 0);
    }
}

void PduFramerTest::splitAtEveryPairOfBoundaries()
{
    const QByteArray bytes = streamBytes();
    const QList<FramerOutput> expected = expectedOutputs();
    for (qsizetype first = 0; first <= bytes.size(); first += 3) {
        for (qsizetype second = first; second <= bytes.size(); ++second) {
            PduFramer framer;
            framer.feed(QByteArrayView(bytes).sliced(0, first));
            QList<FramerOutput> out = drain(framer);
            framer.feed(QByteArrayView(bytes).sliced(first, second - first));
            out += drain(framer);
            framer.feed(QByteArrayView(bytes).sliced(second));
            out += drain(framer);
            QVERIFY2(out == expected, qPrintable(QStringLiteral("cuts at %1 and %2").arg(first).arg(second)));
        }
    }
}

void PduFramerTest::oneByteAtATime()
{
    const QByteArray bytes = streamBytes();
    PduFramer framer;
    QList<FramerOutput> out;
    for (char byte : bytes) {
        framer.feed(QByteArrayView(&byte, 1));
        out += drain(framer);
    }
    QVERIFY(out == expectedOutputs());
}

void PduFramerTest::severalPdusInOneChunk()
{
    PduFramer framer;
    QByteArray chunk;
    for (int i = 0; i < 200; ++i)
        chunk += streamBytes();
    framer.feed(chunk);
    const QList<FramerOutput> out = drain(framer);
    QCOMPARE(out.size(), 600);
    QVERIFY(out.last() == expectedOutputs().last());
}

void PduFramerTest::decodeErrorDoesNotStopTheStream()
{
    // replace_sm is not supported: the session answers generic_nack and reads on.
    PduFramer framer;
    framer.feed(
        QByteArray(QByteArray::fromHex("00000010 00000007 00000000 00000004") + encode(makePdu(5, EnquireLink {}))));
    const QList<FramerOutput> out = drain(framer);
    QCOMPARE(out.size(), 2);
    const auto &error = std::get<DecodeError>(out[0]);
    QCOMPARE(error.action, DecodeAction::GenericNack);
    QCOMPARE(error.commandStatus, status::InvalidCommandId);
    QCOMPARE(error.sequenceNumber, 4u);
    QVERIFY(std::get<Pdu>(out[1]) == makePdu(5, EnquireLink {}));
    QVERIFY(!framer.hasFailed());
}

void PduFramerTest::badLengthClosesForGood_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::newRow("command_length 0") << QByteArray::fromHex("00000000");
    QTest::newRow("command_length 15") << QByteArray::fromHex("0000000F");
    QTest::newRow("over 64 KiB") << QByteArray::fromHex("00010001");
    // An HTTP client on the SMPP port: "GET " read as a length is far over the limit.
    QTest::newRow("HTTP request") << QByteArray("GET / HTTP/1.1\r\n");
}

void PduFramerTest::badLengthClosesForGood()
{
    QFETCH(QByteArray, prefix);
    PduFramer framer;
    framer.feed(QByteArray(encode(makePdu(1, EnquireLink {})) + prefix));
    QList<FramerOutput> out = drain(framer);
    QCOMPARE(out.size(), 2);
    QVERIFY(std::holds_alternative<Pdu>(out[0]));
    QCOMPARE(std::get<DecodeError>(out[1]).action, DecodeAction::CloseConnection);
    QVERIFY(framer.hasFailed());

    // Whatever comes next is ignored: the stream has lost its framing.
    framer.feed(encode(makePdu(2, EnquireLink {})));
    QCOMPARE(std::get<DecodeError>(framer.next()).action, DecodeAction::CloseConnection);
    QCOMPARE(framer.bufferedBytes(), 0);
}

void PduFramerTest::bufferedBytesCountsWhatIsPending()
{
    PduFramer framer;
    const QByteArray pdu = encode(makePdu(1, smpp_samples::sampleSubmit()));
    framer.feed(QByteArray(pdu + pdu.first(10)));
    QVERIFY(std::holds_alternative<Pdu>(framer.next()));
    QCOMPARE(framer.bufferedBytes(), 10);
    QVERIFY(std::holds_alternative<NeedMoreData>(framer.next()));
    framer.feed(pdu.sliced(10));
    QVERIFY(std::holds_alternative<Pdu>(framer.next()));
    QCOMPARE(framer.bufferedBytes(), 0);
}

QTEST_GUILESS_MAIN(PduFramerTest)
#include "tst_pduframer.moc"
