#include "PduDecoder.h"
#include "PduEncoder.h"
#include "PduSamples.h"

#include <QSet>
#include <QTest>

using namespace backoffice::smpp;

class PduRoundTripTest final : public QObject
{
    Q_OBJECT

private slots:
    void everyPduTypeRoundTrips_data();
    void everyPduTypeRoundTrips();
    void samplesCoverEveryCommand();
    void commandNames();
};

void PduRoundTripTest::everyPduTypeRoundTrips_data()
{
    QTest::addColumn<Pdu>("pdu");
    for (const auto &[name, pdu] : smpp_samples::samplePdus())
        QTest::newRow(name) << pdu;
}

void PduRoundTripTest::everyPduTypeRoundTrips()
{
    QFETCH(Pdu, pdu);
    const QByteArray bytes = encode(pdu);
    QVERIFY2(!bytes.isEmpty(), qPrintable(encodeProblem(pdu)));
    QCOMPARE(qFromBigEndian<quint32>(bytes.constData()), quint32(bytes.size()));
    QCOMPARE(qFromBigEndian<quint32>(bytes.constData() + 4), quint32(pdu.commandId()));

    const DecodeResult result = decode(bytes);
    const auto *decoded = std::get_if<Pdu>(&result);
    if (!decoded)
        QFAIL(qPrintable(std::get<DecodeError>(result).reason));
    QVERIFY(*decoded == pdu);
    QCOMPARE(encode(*decoded), bytes);
}

void PduRoundTripTest::samplesCoverEveryCommand()
{
    // A new PduBody alternative without a sample would escape the round trip above.
    QSet<quint32> ids;
    for (const auto &[name, pdu] : smpp_samples::samplePdus())
        ids.insert(quint32(pdu.commandId()));
    QCOMPARE(ids.size(), qsizetype(std::variant_size_v<PduBody>));
}

void PduRoundTripTest::commandNames()
{
    QCOMPARE(QByteArray(commandName(quint32(CommandId::SubmitSm))), QByteArray("submit_sm"));
    QCOMPARE(QByteArray(commandName(quint32(CommandId::GenericNack))), QByteArray("generic_nack"));
    QCOMPARE(QByteArray(commandName(0x21)), QByteArray("unknown command"));
}

QTEST_GUILESS_MAIN(PduRoundTripTest)
#include "tst_pduroundtrip.moc"
