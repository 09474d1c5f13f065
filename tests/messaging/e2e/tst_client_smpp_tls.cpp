// Client SMPP over TLS through the real server: the TLS listener from PEM files, a connection set to
// TLS that binds there and never in clear text, and clear errors for bad certificate files.
#include "DemoMessaging.h"
#include "EsmeSession.h"
#include "TestServer.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace backoffice;
using namespace backoffice::test;

class TstClientSmppTls final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    qint64 m_clientConnectionId = 0;

    QString file(const char *name) const { return m_dir.filePath(s(name)); }

    smpp::EsmeConfig clientConfig(bool tls, quint16 port) const
    {
        smpp::EsmeConfig config;
        config.host = s("127.0.0.1");
        config.port = port;
        config.systemId = server::demomessaging::clientLogin;
        config.password = server::demomessaging::clientPassword;
        config.tls = tls;
        config.reconnectMinMs = 60000; // one attempt is what the test looks at
        config.responseTimeoutMs = 3000;
        return config;
    }

    void setTlsMode(const QString &mode)
    {
        const auto answer = TestServer::patch(*m_admin, s("client-smpp-connections/%1").arg(m_clientConnectionId),
                                              j({{s("tlsMode"), mode}}));
        QCOMPARE(answer.status, 200);
    }

    static std::unique_ptr<TestServer> serverWith(const QString &certificate, const QString &key)
    {
        return std::make_unique<TestServer>(true, [&](server::ServerOptions &options) {
            options.smppTlsPort = 0;
            options.smppTlsCertificatePath = certificate;
            options.smppTlsKeyPath = key;
        });
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (the openssl plugin of libqt6network6)");
        QVERIFY(m_dir.isValid());
        QProcess openssl;
        openssl.setWorkingDirectory(m_dir.path());
        openssl.start(s("openssl"), {s("req"), s("-x509"), s("-newkey"), s("ec"), s("-pkeyopt"),
                                     s("ec_paramgen_curve:prime256v1"), s("-nodes"), s("-keyout"), s("key.pem"),
                                     s("-out"), s("cert.pem"), s("-days"), s("2"), s("-subj"), s("/CN=localhost")});
        QVERIFY2(openssl.waitForStarted(10000), "the openssl command makes the test certificate");
        QVERIFY(openssl.waitForFinished(60000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());

        m_server = serverWith(file("cert.pem"), file("key.pem"));
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        QVERIFY(m_server->instance().smppTlsPort() != 0);
        QVERIFY(m_server->instance().smppTlsPort() != m_server->instance().smppPort());
        m_admin = m_server->signIn(server::ServerInstance::demoAdminLogin());
        QVERIFY(m_admin);
        QUrlQuery byLogin;
        byLogin.addQueryItem(s("login"), s(server::demomessaging::clientLogin));
        m_clientConnectionId = TestServer::get(*m_admin, s("client-smpp-connections"), byLogin)
                                   .body[s("items")].toArray().first()[s("id")].toInteger();
        QVERIFY(m_clientConnectionId > 0);
    }

    void plainConnectionBindsOverBothListeners()
    {
        setTlsMode(s("none"));
        for (const bool tls : {false, true}) {
            const quint16 port = tls ? m_server->instance().smppTlsPort() : m_server->instance().smppPort();
            smpp::EsmeSession client(clientConfig(tls, port));
            client.start();
            QTRY_COMPARE_WITH_TIMEOUT(client.state(), smpp::EsmeState::Bound, 10000);
            client.stop();
            QTRY_COMPARE_WITH_TIMEOUT(client.state(), smpp::EsmeState::Stopped, 10000);
        }
    }

    void tlsConnectionBindsOnlyOverTls()
    {
        setTlsMode(s("tls"));
        QTest::qWait(300); // the engine reloads its configuration after the commit

        smpp::EsmeSession clear(clientConfig(false, m_server->instance().smppPort()));
        clear.start();
        QTRY_VERIFY_WITH_TIMEOUT(clear.lastError().contains(s("0x0000000d")) || clear.lastError().contains(s("RBINDFAIL")),
                                 10000);
        QVERIFY(clear.state() != smpp::EsmeState::Bound);
        clear.stop();

        smpp::EsmeSession secure(clientConfig(true, m_server->instance().smppTlsPort()));
        secure.start();
        QTRY_COMPARE_WITH_TIMEOUT(secure.state(), smpp::EsmeState::Bound, 10000);
        // The status document is republished on a timer, so it is polled.
        const auto clientBinds = [&] {
            return TestServer::get(*m_admin, s("messaging/status")).body[s("clientBinds")].toArray();
        };
        QTRY_COMPARE_WITH_TIMEOUT(clientBinds().size(), 1, 10000);
        QCOMPARE(clientBinds().first()[s("tls")].toBool(), true);

        // Turning TLS on while a clear-text bind is up closes that bind.
        setTlsMode(s("none"));
        QTest::qWait(300);
        smpp::EsmeSession clearAgain(clientConfig(false, m_server->instance().smppPort()));
        clearAgain.start();
        QTRY_COMPARE_WITH_TIMEOUT(clearAgain.state(), smpp::EsmeState::Bound, 10000);
        setTlsMode(s("tls"));
        QTRY_VERIFY_WITH_TIMEOUT(clearAgain.state() != smpp::EsmeState::Bound, 10000);
        QCOMPARE(secure.state(), smpp::EsmeState::Bound);
        clearAgain.stop();
        secure.stop();
        QTRY_COMPARE_WITH_TIMEOUT(secure.state(), smpp::EsmeState::Stopped, 10000);
    }

    void badCertificateFilesStopTheStart()
    {
        QFile junk(file("junk.pem"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a certificate\n");
        junk.close();

        auto missing = serverWith(file("absent.pem"), file("key.pem"));
        QVERIFY(!missing->isRunning());
        QVERIFY2(missing->error().contains(s("Cannot read the TLS certificate")), qPrintable(missing->error()));

        auto notPem = serverWith(file("junk.pem"), file("key.pem"));
        QVERIFY(!notPem->isRunning());
        QVERIFY2(notPem->error().contains(s("holds no PEM certificate")), qPrintable(notPem->error()));

        auto keyless = serverWith(file("cert.pem"), file("junk.pem"));
        QVERIFY(!keyless->isRunning());
        QVERIFY2(keyless->error().contains(s("holds no unencrypted PEM")), qPrintable(keyless->error()));
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstClientSmppTls)
#include "tst_client_smpp_tls.moc"
