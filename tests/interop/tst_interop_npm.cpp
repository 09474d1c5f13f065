// Our SMPP sessions against the npm package `smpp`, an implementation written without our code:
// its ESME (esme_peer.js) against our SMSC side (the vendor emulator on SmscServer), and our
// EsmeSession against its SMSC (smsc_peer.js). Checks ids, texts as the other side decoded them,
// and delivery receipts. Needs node and tests/interop/node_modules (scripts/lib/setup.sh installs
// both); without them it fails rather than skips, so a CI run without them cannot pass silently.
#include "Concatenation.h"
#include "DeliveryReceipt.h"
#include "EsmeSession.h"
#include "TextCoding.h"
#include "VendorEmulator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <map>

using namespace backoffice::smpp;

namespace {

const QString InteropDir = QStringLiteral(BACKOFFICE_INTEROP_DIR);
const QString InstallHint
    = QStringLiteral("scripts/test installs it (scripts/lib/setup.sh: Debian packages nodejs and npm, then "
                     "npm ci --prefix tests/interop)");

QJsonObject lastJsonLine(const QByteArray &output)
{
    const QList<QByteArray> lines = output.trimmed().split('\n');
    return lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(lines.last()).object();
}

SubmitSm submitBase(const QByteArray &destination)
{
    SubmitSm pdu;
    pdu.source = {5, 0, QByteArrayLiteral("BackOffice")};
    pdu.destination = {1, 1, destination};
    pdu.registeredDelivery = 1;
    return pdu;
}

// The text of a message as the emulator received it, its parts joined in UDH order.
QString joinedText(QList<SubmitSm> parts)
{
    if (parts.size() == 1 && !(parts.first().esmClass & EsmClassUdhIndicator))
        return decodeText(parts.first().shortMessage, parts.first().dataCoding).value_or(QStringLiteral("<binary>"));
    std::map<int, QByteArray> payloads;
    quint8 dataCoding = 0;
    for (const SubmitSm &part : parts) {
        const auto received = receivedPart(part);
        if (!received || received->info.total != parts.size())
            return QStringLiteral("<bad part>");
        payloads[received->info.sequence] = received->payload;
        dataCoding = part.dataCoding;
    }
    QByteArray payload;
    for (const auto &[sequence, bytes] : payloads)
        payload += bytes;
    return decodeText(payload, dataCoding).value_or(QStringLiteral("<binary>"));
}

} // namespace

class TestInteropNpm final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void npmEsmeAgainstOurSmsc();
    void ourEsmeAgainstNpmSmsc();

private:
    QString m_node;
};

void TestInteropNpm::initTestCase()
{
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (m_node.isEmpty())
        QFAIL(qPrintable(QStringLiteral("node (Node.js) is not on PATH; ") + InstallHint));
    QFile installed(InteropDir + QStringLiteral("/node_modules/smpp/package.json"));
    if (!installed.open(QIODevice::ReadOnly))
        QFAIL(qPrintable(QStringLiteral("the npm package smpp is not installed in %1/node_modules; ").arg(InteropDir)
                         + InstallHint));
    // The installed version must be the locked one, or the test would vouch for another implementation.
    QFile manifest(InteropDir + QStringLiteral("/package.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QString pinned = QJsonDocument::fromJson(manifest.readAll())
                               .object()
                               .value(QStringLiteral("dependencies"))
                               .toObject()
                               .value(QStringLiteral("smpp"))
                               .toString();
    const QString version
        = QJsonDocument::fromJson(installed.readAll()).object().value(QStringLiteral("version")).toString();
    QVERIFY2(version == pinned,
             qPrintable(QStringLiteral("node_modules has smpp %1, package.json pins %2; run npm ci "
                                       "--prefix tests/interop")
                            .arg(version, pinned)));
    qInfo("interop peer: npm smpp %s, %s", qPrintable(version), qPrintable(m_node));
}

void TestInteropNpm::npmEsmeAgainstOurSmsc()
{
    VendorEmulatorConfig config;
    config.systemId = "npm";
    config.password = "npmpw";
    config.dlrDelayMs = 50;
    VendorEmulator emulator(config);
    QString error;
    QVERIFY2(emulator.start(&error), qPrintable(error));
    QHash<QByteArray, SubmitSm> accepted;
    connect(&emulator, &VendorEmulator::messageAccepted, this,
            [&](const QByteArray &id, const QByteArray &, const SubmitSm &pdu) { accepted.insert(id, pdu); });

    QProcess node;
    node.setWorkingDirectory(InteropDir);
    node.start(m_node,
               {QStringLiteral("esme_peer.js"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--port"), QString::number(emulator.port()), QStringLiteral("--system-id"),
                QStringLiteral("npm"), QStringLiteral("--password"), QStringLiteral("npmpw"), QStringLiteral("--count"),
                QStringLiteral("5"), QStringLiteral("--timeout-ms"), QStringLiteral("20000")});
    QVERIFY2(node.waitForStarted(10000), qPrintable(node.errorString()));
    // The event loop must run meanwhile: the SMSC it talks to lives on this thread.
    QVERIFY(QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 30000));
    const QByteArray output = node.readAllStandardOutput();
    const QByteArray errors = node.readAllStandardError();
    QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0,
             QByteArray(output + errors).constData());
    const QJsonObject summary = lastJsonLine(output);
    QVERIFY2(summary.value(QStringLiteral("ok")).toBool(), output.constData());

    // Every id the npm ESME got is one the emulator handed out.
    const QJsonArray responses = summary.value(QStringLiteral("responses")).toArray();
    QCOMPARE(responses.size(), 8); // 5 GSM-7, 1 UCS-2, 2 parts of the long one
    QCOMPARE(accepted.size(), 8);
    for (const QJsonValue &value : responses) {
        const QJsonObject response = value.toObject();
        QCOMPARE(response.value(QStringLiteral("status")).toInt(), 0);
        QVERIFY(accepted.contains(response.value(QStringLiteral("messageId")).toString().toLatin1()));
    }

    // The texts as our side decoded them are the texts node sent.
    const QJsonArray sent = summary.value(QStringLiteral("sent")).toArray();
    QCOMPARE(sent.size(), 7);
    for (const QJsonValue &value : sent) {
        const QJsonObject message = value.toObject();
        const QByteArray destination = message.value(QStringLiteral("destination")).toString().toLatin1();
        QList<SubmitSm> parts;
        for (const SubmitSm &pdu : std::as_const(accepted)) {
            if (pdu.destination.value == destination)
                parts.append(pdu);
        }
        QCOMPARE(parts.size(), message.value(QStringLiteral("parts")).toInt());
        QCOMPARE(parts.first().source.value, QByteArrayLiteral("NpmPeer"));
        QCOMPARE(int(parts.first().dataCoding), message.value(QStringLiteral("dataCoding")).toInt());
        QCOMPARE(joinedText(parts), message.value(QStringLiteral("text")).toString());
    }

    // Node read our receipts: its own TLV parser found receipted_message_id and message_state, and
    // the text carries the same id and the stat the emulator promises for that id.
    const QJsonArray receipts = summary.value(QStringLiteral("receipts")).toArray();
    QCOMPARE(receipts.size(), 8);
    for (const QJsonValue &value : receipts) {
        const QJsonObject receipt = value.toObject();
        const QByteArray id = receipt.value(QStringLiteral("id")).toString().toLatin1();
        QVERIFY(accepted.contains(id));
        QCOMPARE(receipt.value(QStringLiteral("textId")).toString().toLatin1(), id);
        const bool delivered = VendorEmulator::deliveredByDefault(id, config.deliveredPercent);
        QCOMPARE(receipt.value(QStringLiteral("stat")).toString(),
                 delivered ? QStringLiteral("DELIVRD") : QStringLiteral("UNDELIV"));
        QCOMPARE(receipt.value(QStringLiteral("messageState")).toInt(),
                 int(delivered ? MessageState::Delivered : MessageState::Undeliverable));
        QCOMPARE(receipt.value(QStringLiteral("destination")).toString(), QStringLiteral("NpmPeer"));
        QCOMPARE(receipt.value(QStringLiteral("source")).toString().toLatin1(), accepted.value(id).destination.value);
    }
    QTRY_COMPARE(emulator.stats().dlrsAnswered, quint64(8));
    QCOMPARE(emulator.stats().binds, quint64(1));
}

void TestInteropNpm::ourEsmeAgainstNpmSmsc()
{
    QProcess node;
    node.setWorkingDirectory(InteropDir);
    QList<QJsonObject> events;
    QByteArray partial;
    connect(&node, &QProcess::readyReadStandardOutput, this, [&] {
        partial += node.readAllStandardOutput();
        qsizetype newline;
        while ((newline = partial.indexOf('\n')) >= 0) {
            events.append(QJsonDocument::fromJson(partial.first(newline)).object());
            partial.remove(0, newline + 1);
        }
    });
    auto eventsOf = [&](const QString &kind) {
        QList<QJsonObject> matching;
        for (const QJsonObject &event : std::as_const(events)) {
            if (event.value(QStringLiteral("event")).toString() == kind)
                matching.append(event);
        }
        return matching;
    };
    node.start(m_node,
               {QStringLiteral("smsc_peer.js"), QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--system-id"), QStringLiteral("ours"), QStringLiteral("--password"),
                QStringLiteral("pw"), QStringLiteral("--dlr-delay-ms"), QStringLiteral("50")});
    QVERIFY2(node.waitForStarted(10000), qPrintable(node.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(!eventsOf(QStringLiteral("listening")).isEmpty() || node.state() == QProcess::NotRunning,
                             15000);
    QVERIFY2(!eventsOf(QStringLiteral("listening")).isEmpty(), node.readAllStandardError().constData());
    const int port = eventsOf(QStringLiteral("listening")).first().value(QStringLiteral("port")).toInt();

    EsmeConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = quint16(port);
    config.systemId = "ours";
    config.password = "pw";
    config.enquireLinkIntervalMs = 200;
    EsmeSession esme(config);
    QSignalSpy answered(&esme, &EsmeSession::submitAnswered);
    QSignalSpy delivered(&esme, &EsmeSession::deliverReceived);
    QSignalSpy states(&esme, &EsmeSession::stateChanged);
    esme.start();
    QTRY_COMPARE_WITH_TIMEOUT(esme.state(), EsmeState::Bound, 10000);
    QCOMPARE(esme.smscSystemId(), QByteArrayLiteral("npm-smsc"));

    struct Sent {
        QByteArray destination;
        QString text;
        quint8 dataCoding;
        ConcatenationMethod method;
        int parts;
    };
    const QString longText
        = QString(QStringLiteral("Our EsmeSession speaking to npm smpp, in parts. ")).repeated(5).left(200);
    const QList<Sent> messages = {
        {"447900000001", QStringLiteral("Hello npm {€} @£ ÄÖ ~"), dataCoding::SmscDefault,
         ConcatenationMethod::Udh8BitReference, 1},
        {"447900000002", QStringLiteral("Здравствуй, 世界 ✓"), dataCoding::Ucs2, ConcatenationMethod::Udh8BitReference,
         1},
        {"447900000003", QStringLiteral("café déjà vu"), dataCoding::Latin1, ConcatenationMethod::Udh8BitReference, 1},
        {"447900000004", longText, dataCoding::SmscDefault, ConcatenationMethod::Udh8BitReference, 2},
        {"447900000005", longText, dataCoding::SmscDefault, ConcatenationMethod::SarTlvs, 2},
    };
    int expectedParts = 0;
    for (const Sent &message : messages) {
        const TextEncoding encoding = message.dataCoding == dataCoding::Ucs2 ? TextEncoding::Ucs2
            : message.dataCoding == dataCoding::Latin1                       ? TextEncoding::Latin1
                                                                             : TextEncoding::Gsm7;
        const QList<SubmitSm> parts
            = buildSubmits(submitBase(message.destination), message.text, encoding, message.method, 0x1234);
        QCOMPARE(parts.size(), message.parts);
        for (const SubmitSm &part : parts)
            QVERIFY(esme.submit(part) > 0);
        expectedParts += message.parts;
    }

    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), expectedParts, 10000);
    QSet<QByteArray> ids;
    const QRegularExpression npmId(QStringLiteral("^NPM[0-9A-F]{6}$"));
    for (const QList<QVariant> &arguments : std::as_const(answered)) {
        QCOMPARE(arguments.at(1).toUInt(), status::Ok);
        const QByteArray id = arguments.at(2).toByteArray();
        QVERIFY2(npmId.match(QString::fromLatin1(id)).hasMatch(), id.constData());
        ids.insert(id);
    }
    QCOMPARE(ids.size(), expectedParts);

    // Node's receipts, read by our parser.
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), expectedParts, 10000);
    QSet<QByteArray> receipted;
    for (const QList<QVariant> &arguments : std::as_const(delivered)) {
        const DeliverSm pdu = arguments.at(0).value<DeliverSm>();
        QCOMPARE(pdu.esmClass, EsmClassDeliveryReceipt);
        const auto receipt = parseReceiptText(decodeText(pdu.shortMessage, pdu.dataCoding).value_or(QString()));
        QVERIFY(receipt);
        QCOMPARE(receipt->stat, ReceiptStat::Delivered);
        QVERIFY(receipt->submitDate.isValid() && receipt->doneDate.isValid());
        QCOMPARE(pdu.tlvs.receiptedMessageId(), std::optional(receipt->id.toLatin1()));
        QCOMPARE(pdu.tlvs.messageState(), std::optional(quint8(MessageState::Delivered)));
        receipted.insert(receipt->id.toLatin1());
    }
    QCOMPARE(receipted, ids);

    // What node decoded is what we meant: texts, data_coding, UDH and SAR.
    QTRY_COMPARE(eventsOf(QStringLiteral("submit")).size(), expectedParts);
    for (const Sent &message : messages) {
        std::map<int, QString> parts;
        for (const QJsonObject &event : eventsOf(QStringLiteral("submit"))) {
            if (event.value(QStringLiteral("destination")).toString().toLatin1() != message.destination)
                continue;
            QCOMPARE(event.value(QStringLiteral("dataCoding")).toInt(), int(message.dataCoding));
            QCOMPARE(event.value(QStringLiteral("registeredDelivery")).toInt(), 1);
            int sequence = 1;
            const QJsonArray udh = event.value(QStringLiteral("udh")).toArray();
            if (message.method == ConcatenationMethod::SarTlvs && message.parts > 1) {
                const QJsonObject sar = event.value(QStringLiteral("sar")).toObject();
                QCOMPARE(sar.value(QStringLiteral("reference")).toInt(), 0x1234);
                QCOMPARE(sar.value(QStringLiteral("total")).toInt(), message.parts);
                sequence = sar.value(QStringLiteral("sequence")).toInt();
                QVERIFY(udh.isEmpty());
            } else if (message.parts > 1) {
                QCOMPARE(udh.size(), 1); // one IE: 00 03 ref total seq
                const QByteArray element = QByteArray::fromHex(udh.first().toString().toLatin1());
                QCOMPARE(element.size(), 5);
                QCOMPARE(quint8(element.at(0)), quint8(0x00));
                QCOMPARE(quint8(element.at(2)), quint8(0x34)); // the 8-bit reference keeps the low byte
                QCOMPARE(int(element.at(3)), message.parts);
                sequence = element.at(4);
                QVERIFY(event.value(QStringLiteral("esmClass")).toInt() & EsmClassUdhIndicator);
            }
            parts[sequence] = event.value(QStringLiteral("text")).toString();
        }
        QCOMPARE(int(parts.size()), message.parts);
        QString joined;
        for (const auto &[sequence, text] : parts)
            joined += text;
        QCOMPARE(joined, message.text);
    }
    QCOMPARE(eventsOf(QStringLiteral("bind")).size(), 1);
    QCOMPARE(eventsOf(QStringLiteral("bind")).first().value(QStringLiteral("interfaceVersion")).toInt(), 0x34);
    QTRY_COMPARE(eventsOf(QStringLiteral("deliver_sm_resp")).size(), expectedParts);
    for (const QJsonObject &event : eventsOf(QStringLiteral("deliver_sm_resp")))
        QCOMPARE(event.value(QStringLiteral("status")).toInt(), 0);

    // Keep-alive answered by node, and a clean unbind.
    QTRY_VERIFY_WITH_TIMEOUT(!eventsOf(QStringLiteral("enquire_link")).isEmpty(), 5000);
    QCOMPARE(esme.state(), EsmeState::Bound);
    esme.stop();
    QTRY_COMPARE_WITH_TIMEOUT(esme.state(), EsmeState::Stopped, 5000);
    QCOMPARE(states.last().at(1).toString(), QStringLiteral("unbound"));
    QTRY_COMPARE(eventsOf(QStringLiteral("unbind")).size(), 1);
    QVERIFY(eventsOf(QStringLiteral("error")).isEmpty());

    node.terminate();
    QVERIFY(node.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(TestInteropNpm)
#include "tst_interop_npm.moc"
