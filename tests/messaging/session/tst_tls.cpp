// SMPP over TLS: EsmeSession (QSslSocket) against the vendor emulator on QSslServer (Qt 6.4), with a
// self-signed certificate made by the openssl command at test time.
#include "EsmeSession.h"
#include "SmppTestClient.h"
#include "SmscServer.h"
#include "SmscSession.h"
#include "TextCoding.h"
#include "VendorEmulator.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace backoffice::smpp;

class TestTls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void bindSubmitAndReceiptOverTls();
    void verifiedPeerWithTrustedCertificate();
    void untrustedCertificateRefused();
    void plainClientGetsNothing();

private:
    EsmeConfig tlsConfig() const;

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    std::unique_ptr<VendorEmulator> m_emulator;
};

void TestTls::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (the openssl plugin of libqt6network6)");
    QVERIFY(m_dir.isValid());
    QProcess openssl;
    openssl.setWorkingDirectory(m_dir.path());
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   QStringLiteral("key.pem"), QStringLiteral("-out"), QStringLiteral("cert.pem"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    QVERIFY2(openssl.waitForStarted(10000),
             "the openssl command is needed to make a test certificate (apt-get install openssl)");
    QVERIFY(openssl.waitForFinished(60000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    QFile certFile(m_dir.filePath(QStringLiteral("cert.pem")));
    QFile keyFile(m_dir.filePath(QStringLiteral("key.pem")));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    m_certificate = QSslCertificate(certFile.readAll(), QSsl::Pem);
    m_key = QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    QVERIFY(!m_certificate.isNull());
    QVERIFY(!m_key.isNull());
}

void TestTls::init()
{
    VendorEmulatorConfig config;
    config.dlrDelayMs = 10;
    config.server.tlsHandshakeTimeoutMs = 1000;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(m_certificate);
    tls.setPrivateKey(m_key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.server.tls = tls;
    m_emulator = std::make_unique<VendorEmulator>(config);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
}

void TestTls::cleanup()
{
    m_emulator.reset();
}

EsmeConfig TestTls::tlsConfig() const
{
    EsmeConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = m_emulator->port();
    config.systemId = "tls";
    config.password = "pw";
    config.tls = true;
    config.reconnectMinMs = 50;
    config.responseTimeoutMs = 3000;
    return config;
}

void TestTls::bindSubmitAndReceiptOverTls()
{
    EsmeSession session(tlsConfig());
    QSignalSpy answered(&session, &EsmeSession::submitAnswered);
    QSignalSpy delivered(&session, &EsmeSession::deliverReceived);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), EsmeState::Bound, 5000);
    QCOMPARE(m_emulator->server().sessions().size(), 1);
    QVERIFY(m_emulator->server().sessions().first()->isTls());
    SubmitSm pdu;
    pdu.destination = {1, 1, "447900001234"};
    pdu.registeredDelivery = 1;
    pdu.shortMessage = encodeText(u"over TLS", TextEncoding::Gsm7).value();
    session.submit(pdu);
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 5000);
    QCOMPARE(answered.at(0).at(1).toUInt(), status::Ok);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
    QCOMPARE(delivered.at(0).at(0).value<DeliverSm>().tlvs.receiptedMessageId(),
             std::optional(answered.at(0).at(2).toByteArray()));
    session.stop();
    QTRY_COMPARE(session.state(), EsmeState::Stopped);
}

void TestTls::verifiedPeerWithTrustedCertificate()
{
    EsmeConfig config = tlsConfig();
    config.tlsVerifyPeer = true;
    config.tlsConfiguration.setCaCertificates({m_certificate});
    EsmeSession session(config);
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), EsmeState::Bound, 5000);
    session.stop();
}

void TestTls::untrustedCertificateRefused()
{
    EsmeConfig config = tlsConfig();
    config.tlsVerifyPeer = true; // the system's CAs do not know our self-signed certificate
    EsmeSession session(config);
    QSignalSpy states(&session, &EsmeSession::stateChanged);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(!session.lastError().isEmpty(), 5000);
    QVERIFY2(session.lastError().contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
             qPrintable(session.lastError()));
    QVERIFY(std::any_of(states.begin(), states.end(), [](const QList<QVariant> &arguments) {
        return arguments.at(0).value<EsmeState>() == EsmeState::Disconnected;
    }));
    for (const QList<QVariant> &arguments : std::as_const(states))
        QVERIFY(arguments.at(0).value<EsmeState>() != EsmeState::Bound);
    QCOMPARE(m_emulator->stats().binds, quint64(0));
    session.stop();
}

void TestTls::plainClientGetsNothing()
{
    SmppTestClient client;
    QVERIFY(client.connectTo(m_emulator->port()));
    BindFields fields;
    fields.systemId = "plain";
    client.send(1, BindTransceiver {fields});
    QVERIFY(client.waitClosed(5000)); // the handshake fails or times out; no SMPP answer
    QCOMPARE(client.received(), 0);
    QCOMPARE(m_emulator->stats().binds, quint64(0));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
