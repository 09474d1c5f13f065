// VendorEmulator's behaviours as a client sees them: a receipt per part, the fixed outcomes of the
// rules, registered_delivery, the deterministic delivered share, delays and MO messages.
#include "Concatenation.h"
#include "DeliveryReceipt.h"
#include "EsmeSession.h"
#include "Reassembler.h"
#include "SmppTestClient.h"
#include "TextCoding.h"
#include "VendorEmulator.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace backoffice::smpp;

namespace {

SubmitSm base(const QByteArray &destination, quint8 registeredDelivery = 1)
{
    SubmitSm pdu;
    pdu.source = {1, 1, QByteArrayLiteral("447700900001")};
    pdu.destination = {1, 1, destination};
    pdu.registeredDelivery = registeredDelivery;
    return pdu;
}

SubmitSm text(const QByteArray &destination, const QString &body, quint8 registeredDelivery = 1)
{
    return buildSubmits(base(destination, registeredDelivery), body, chooseEncoding(body),
                        ConcatenationMethod::Udh8BitReference, 1)
        .first();
}

struct Receipt {
    DeliverSm pdu;
    DeliveryReceipt receipt;
};

Receipt receiptOf(const QVariant &argument)
{
    Receipt result;
    result.pdu = argument.value<DeliverSm>();
    const auto parsed
        = parseReceiptText(decodeText(result.pdu.shortMessage, result.pdu.dataCoding).value_or(QString()));
    if (parsed)
        result.receipt = *parsed;
    return result;
}

} // namespace

class TestVendorEmulator final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void everyPartGetsItsOwnIdAndReceipt();
    void fixedOutcomes_data();
    void fixedOutcomes();
    void registeredDeliveryHonoured();
    void deliveredShareIsDeterministic();
    void deliveredPercentExtremes();
    void delayRuleAnswersLater();
    void credentialsChecked();
    void longMoMessageArrivesInParts();
    void moHeldUntilAReceiverBinds();
    void receiptsGoOnlyToTheirAccount();

private:
    void startEmulator(VendorEmulatorConfig config);
    std::unique_ptr<EsmeSession> bound(const QByteArray &systemId = QByteArrayLiteral("esme"),
                                       EsmeConfig::BindMode mode = EsmeConfig::BindMode::Transceiver);

    std::unique_ptr<VendorEmulator> m_emulator;
};

void TestVendorEmulator::cleanup()
{
    m_emulator.reset();
}

void TestVendorEmulator::startEmulator(VendorEmulatorConfig config)
{
    m_emulator = std::make_unique<VendorEmulator>(config);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
}

std::unique_ptr<EsmeSession> TestVendorEmulator::bound(const QByteArray &systemId, EsmeConfig::BindMode mode)
{
    EsmeConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = m_emulator->port();
    config.systemId = systemId;
    config.password = QByteArrayLiteral("pw");
    config.bindMode = mode;
    config.reconnectMinMs = 20;
    auto session = std::make_unique<EsmeSession>(config);
    session->start();
    if (!QTest::qWaitFor([&] { return session->state() == EsmeState::Bound; }, 5000))
        return nullptr;
    return session;
}

void TestVendorEmulator::everyPartGetsItsOwnIdAndReceipt()
{
    VendorEmulatorConfig config;
    config.dlrDelayMs = 10;
    startEmulator(config);
    auto session = bound();
    QVERIFY(session);
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    QSignalSpy delivered(session.get(), &EsmeSession::deliverReceived);
    const QString longText = QString(QStringLiteral("0123456789")).repeated(20); // 200 GSM-7 characters: 2 parts
    const QList<SubmitSm> udhParts
        = buildSubmits(base("447900001001"), longText, TextEncoding::Gsm7, ConcatenationMethod::Udh8BitReference, 77);
    const QList<SubmitSm> sarParts = buildSubmits(base("447900001002"), longText.repeated(2), TextEncoding::Gsm7,
                                                  ConcatenationMethod::SarTlvs, 78);
    QCOMPARE(udhParts.size(), 2);
    QCOMPARE(sarParts.size(), 3);
    // What "text:" should quote for each part: its own first 20 characters, the header left out.
    QHash<quint64, QString> expectedText;
    for (const SubmitSm &part : udhParts + sarParts) {
        const auto received = receivedPart(part);
        QVERIFY(received);
        expectedText.insert(session->submit(part), decodeText(received->payload, TextEncoding::Gsm7).left(20));
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 5, 5000);
    QHash<QByteArray, QString> textById;
    for (const QList<QVariant> &arguments : std::as_const(answered)) {
        QCOMPARE(arguments.at(1).toUInt(), status::Ok);
        textById.insert(arguments.at(2).toByteArray(), expectedText.value(arguments.at(0).toULongLong()));
    }
    QCOMPARE(textById.size(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 5, 5000);
    QSet<QByteArray> receipted;
    for (const QList<QVariant> &arguments : std::as_const(delivered)) {
        const Receipt receipt = receiptOf(arguments.at(0));
        const QByteArray id = receipt.receipt.id.toLatin1();
        QVERIFY(textById.contains(id));
        QCOMPARE(receipt.receipt.text, textById.value(id));
        receipted.insert(id);
    }
    const QList<QByteArray> idList = textById.keys();
    const QSet<QByteArray> ids(idList.begin(), idList.end());
    QCOMPARE(receipted, ids);
}

void TestVendorEmulator::fixedOutcomes_data()
{
    QTest::addColumn<QByteArray>("destination");
    QTest::addColumn<QString>("stat");
    QTest::addColumn<QString>("error");
    QTest::addColumn<quint8>("messageState");
    QTest::newRow("deliver") << QByteArray("447900009990") << QStringLiteral("DELIVRD") << QStringLiteral("000")
                             << quint8(MessageState::Delivered);
    QTest::newRow("undelivered") << QByteArray("447900009996") << QStringLiteral("UNDELIV") << QStringLiteral("001")
                                 << quint8(MessageState::Undeliverable);
    QTest::newRow("rejected") << QByteArray("447900009997") << QStringLiteral("REJECTD") << QStringLiteral("002")
                              << quint8(MessageState::Rejected);
    QTest::newRow("expired") << QByteArray("447900009998") << QStringLiteral("EXPIRED") << QStringLiteral("003")
                             << quint8(MessageState::Expired);
}

void TestVendorEmulator::fixedOutcomes()
{
    QFETCH(QByteArray, destination);
    QFETCH(QString, stat);
    QFETCH(QString, error);
    QFETCH(quint8, messageState);
    VendorEmulatorConfig config;
    config.dlrDelayMs = 10;
    config.deliveredPercent = 50;
    startEmulator(config);
    auto session = bound();
    QVERIFY(session);
    QSignalSpy delivered(session.get(), &EsmeSession::deliverReceived);
    for (int i = 0; i < 4; ++i)
        session->submit(text(destination, QStringLiteral("fixed outcome")));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 4, 5000);
    for (const QList<QVariant> &arguments : std::as_const(delivered)) {
        const Receipt receipt = receiptOf(arguments.at(0));
        QCOMPARE(receipt.receipt.statText, stat);
        QCOMPARE(receipt.receipt.error, error);
        QCOMPARE(receipt.receipt.delivered, stat == u"DELIVRD" ? 1 : 0);
        QCOMPARE(receipt.pdu.tlvs.messageState(), std::optional(messageState));
        QCOMPARE(receipt.pdu.tlvs.networkErrorCode().has_value(), stat != u"DELIVRD");
        QCOMPARE(receipt.pdu.source.value, destination); // from the recipient back to the sender
        QCOMPARE(receipt.pdu.destination.value, QByteArrayLiteral("447700900001"));
    }
}

void TestVendorEmulator::registeredDeliveryHonoured()
{
    VendorEmulatorConfig config;
    config.dlrDelayMs = 0;
    startEmulator(config);
    auto session = bound();
    QVERIFY(session);
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    QSignalSpy delivered(session.get(), &EsmeSession::deliverReceived);
    session->submit(text("447900009990", QStringLiteral("no receipt asked"), 0));
    session->submit(text("447900009990", QStringLiteral("failures only, delivered"), 2));
    session->submit(text("447900009996", QStringLiteral("failures only, failed"), 2));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
    QCOMPARE(receiptOf(delivered.at(0).at(0)).receipt.stat, ReceiptStat::Undeliverable);
    QTRY_COMPARE(m_emulator->stats().dlrsAnswered, quint64(1));
    QCOMPARE(m_emulator->stats().dlrsSent, quint64(1));
    QCOMPARE(m_emulator->stats().dlrsScheduled, quint64(0));
}

void TestVendorEmulator::deliveredShareIsDeterministic()
{
    int delivered = 0;
    for (int i = 0; i < 10000; ++i)
        delivered += VendorEmulator::deliveredByDefault(QByteArray::number(0x65F0000000ULL + i, 16).toUpper(), 90);
    QVERIFY2(delivered > 8700 && delivered < 9300, qPrintable(QString::number(delivered)));
    QCOMPARE(VendorEmulator::deliveredByDefault("ABC123", 90), VendorEmulator::deliveredByDefault("ABC123", 90));

    VendorEmulatorConfig config;
    config.dlrDelayMs = 0;
    config.deliveredPercent = 60;
    startEmulator(config);
    auto session = bound();
    QVERIFY(session);
    QSignalSpy delivers(session.get(), &EsmeSession::deliverReceived);
    for (int i = 0; i < 50; ++i)
        session->submit(text("4479000" + QByteArray::number(10000 + i), QStringLiteral("share")));
    QTRY_COMPARE_WITH_TIMEOUT(delivers.size(), 50, 5000);
    int deliveredCount = 0;
    for (const QList<QVariant> &arguments : std::as_const(delivers)) {
        const Receipt receipt = receiptOf(arguments.at(0));
        const bool expected = VendorEmulator::deliveredByDefault(receipt.receipt.id.toLatin1(), 60);
        QCOMPARE(receipt.receipt.stat, expected ? ReceiptStat::Delivered : ReceiptStat::Undeliverable);
        deliveredCount += expected;
    }
    QCOMPARE(m_emulator->stats().dlrsDelivered, quint64(deliveredCount));
    QCOMPARE(m_emulator->stats().dlrsUndelivered, quint64(50 - deliveredCount));
}

void TestVendorEmulator::deliveredPercentExtremes()
{
    for (int percent : {0, 100}) {
        VendorEmulatorConfig config;
        config.dlrDelayMs = 0;
        config.deliveredPercent = percent;
        startEmulator(config);
        auto session = bound();
        QVERIFY(session);
        QSignalSpy delivers(session.get(), &EsmeSession::deliverReceived);
        for (int i = 0; i < 20; ++i)
            session->submit(text("4479000" + QByteArray::number(20000 + i), QStringLiteral("x")));
        QTRY_COMPARE_WITH_TIMEOUT(delivers.size(), 20, 5000);
        for (const QList<QVariant> &arguments : std::as_const(delivers))
            QCOMPARE(receiptOf(arguments.at(0)).receipt.stat,
                     percent == 100 ? ReceiptStat::Delivered : ReceiptStat::Undeliverable);
        session.reset();
        m_emulator.reset();
    }
}

void TestVendorEmulator::delayRuleAnswersLater()
{
    VendorEmulatorConfig config;
    config.defaultRules = false;
    config.rules = {*EmulatorRule::parse(u"5555=delay:150")};
    startEmulator(config);
    QCOMPARE(m_emulator->rules().size(), 1);
    auto session = bound();
    QVERIFY(session);
    QSignalSpy answered(session.get(), &EsmeSession::submitAnswered);
    QElapsedTimer clock;
    clock.start();
    session->submit(text("447900005555", QStringLiteral("slow")));
    session->submit(text("447900009994", QStringLiteral("no default rules: accepted")));
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 2, 3000);
    QCOMPARE(answered.at(1).at(1).toUInt(), status::Ok);
    QVERIFY(clock.elapsed() >= 150);
    QCOMPARE(m_emulator->stats().delayed, quint64(1));
}

void TestVendorEmulator::credentialsChecked()
{
    VendorEmulatorConfig config;
    config.systemId = "vendor";
    config.password = "pw";
    startEmulator(config);
    SmppTestClient client;
    QVERIFY(client.connectTo(m_emulator->port()));
    quint32 bindStatus = 0;
    QVERIFY(!client.bind(CommandId::BindTransceiver, "other", "pw", &bindStatus));
    QCOMPARE(bindStatus, status::InvalidSystemId);
    SmppTestClient second;
    QVERIFY(second.connectTo(m_emulator->port()));
    QVERIFY(second.bind(CommandId::BindTransceiver, "vendor", "pw"));
    QCOMPARE(m_emulator->stats().binds, quint64(1));
    QCOMPARE(m_emulator->stats().bindsRefused, quint64(1));
}

void TestVendorEmulator::longMoMessageArrivesInParts()
{
    startEmulator({});
    auto session = bound();
    QVERIFY(session);
    QSignalSpy delivered(session.get(), &EsmeSession::deliverReceived);
    const QString body = QString(QStringLiteral("Ünïcödé ✓ ")).repeated(12); // UCS-2, 120 units: 2 parts
    QCOMPARE(m_emulator->sendMo(QStringLiteral("447700900555"), QStringLiteral("12345"), body), 2);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, 3000);
    Reassembler reassembler(10000);
    Reassembler::Message message;
    int completed = 0;
    for (const QList<QVariant> &arguments : std::as_const(delivered)) {
        const DeliverSm pdu = arguments.at(0).value<DeliverSm>();
        QVERIFY(pdu.esmClass & EsmClassUdhIndicator);
        QCOMPARE(pdu.dataCoding, dataCoding::Ucs2);
        const auto part = receivedPart(pdu);
        QVERIFY(part);
        if (reassembler.add(pdu.source.value, part->info, part->payload, 0, &message)
            == Reassembler::AddResult::Completed)
            ++completed;
    }
    QCOMPARE(completed, 1);
    QCOMPARE(decodeText(message.payload, TextEncoding::Ucs2), body);
}

void TestVendorEmulator::moHeldUntilAReceiverBinds()
{
    startEmulator({});
    QCOMPARE(m_emulator->sendMo(QStringLiteral("447700900556"), QStringLiteral("12345"), QStringLiteral("early"),
                                QByteArrayLiteral("esme")),
             1);
    // A transmitter cannot take it.
    auto transmitter = bound("esme", EsmeConfig::BindMode::Transmitter);
    QVERIFY(transmitter);
    QSignalSpy early(transmitter.get(), &EsmeSession::deliverReceived);
    QVERIFY(!QTest::qWaitFor([&] { return early.size() > 0; }, 100));
    EsmeConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = m_emulator->port();
    config.systemId = "esme";
    EsmeSession receiver(config);
    QSignalSpy delivered(&receiver, &EsmeSession::deliverReceived); // before the bind: it comes right after
    receiver.start();
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 3000);
    QCOMPARE(delivered.at(0).at(0).value<DeliverSm>().shortMessage, encodeText(u"early", TextEncoding::Gsm7).value());
}

void TestVendorEmulator::receiptsGoOnlyToTheirAccount()
{
    VendorEmulatorConfig config;
    config.dlrDelayMs = 0;
    startEmulator(config);
    auto alice = bound("alice");
    auto bob = bound("bob");
    QVERIFY(alice && bob);
    QSignalSpy aliceReceipts(alice.get(), &EsmeSession::deliverReceived);
    QSignalSpy bobReceipts(bob.get(), &EsmeSession::deliverReceived);
    for (int i = 0; i < 3; ++i)
        alice->submit(text("447900009990", QStringLiteral("for alice")));
    QTRY_COMPARE_WITH_TIMEOUT(aliceReceipts.size(), 3, 3000);
    QVERIFY(!QTest::qWaitFor([&] { return bobReceipts.size() > 0; }, 100));
}

QTEST_GUILESS_MAIN(TestVendorEmulator)
#include "tst_vendoremulator.moc"
