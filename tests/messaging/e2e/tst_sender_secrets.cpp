// Sender ID credentials: channel credentials inside properties are masked in answers and the audit
// log, kept by the database, and not overwritten when a form sends the mask back; HTTP senders of
// vendors that log in per sender need a login and password; a Viber sender is its service ID.
#include "TestServer.h"

#include <QTest>

using namespace backoffice;
using namespace backoffice::test;

class TstSenderSecrets final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    qint64 m_senderId = 0;
    qint64 m_agreementId = 0;

    qint64 storedWith(const QString &text) const
    {
        return m_server->count(s("sender_ids"), s("id = %1 AND properties LIKE '%%2%'").arg(m_senderId).arg(text));
    }

    qint64 auditedWith(const QString &text) const
    {
        return m_server->count(s("audit_log"), s("table_name = 'sender_ids' AND (coalesce(old_value, '') LIKE '%%1%'"
                                                 " OR coalesce(new_value, '') LIKE '%%1%')").arg(text));
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_admin = m_server->signIn(server::ServerInstance::demoAdminLogin());
        QVERIFY(m_admin);
        m_agreementId = TestServer::get(*m_admin, s("agreements")).body[s("items")].toArray().first()[s("id")].toInteger();
        const qint64 agreementId = m_agreementId;
        // Push senders carry their Firebase key themselves; no HTTP connection is involved.
        const auto created = TestServer::post(*m_admin, s("sender-ids"),
                                              j({{s("channel"), s("push")}, {s("senderId"), s("PizzaPush")},
                                                 {s("name"), s("Pizza push")}, {s("agreementId"), agreementId},
                                                 {s("status"), s("active")}, {s("vendorType"), s("http")},
                                                 {s("properties"), j({{s("provider"), s("firebase")},
                                                                      {s("apiKey"), s("first-key-a1b2")}})}}));
        QVERIFY2(created.status == 201, created.raw.constData());
        m_senderId = created.body[s("id")].toInteger();
        QCOMPARE(created.body[s("properties")][s("apiKey")].toString(), s("(secret)"));
        QCOMPARE(created.body[s("properties")][s("provider")].toString(), s("firebase"));
    }

    void readsShowTheMask()
    {
        const auto one = TestServer::get(*m_admin, s("sender-ids/%1").arg(m_senderId));
        QCOMPARE(one.body[s("properties")][s("apiKey")].toString(), s("(secret)"));
        QVERIFY(!one.raw.contains("first-key-a1b2"));
        QUrlQuery query;
        query.addQueryItem(s("senderId"), s("PizzaPush"));
        const auto list = TestServer::get(*m_admin, s("sender-ids"), query);
        QVERIFY(!list.raw.contains("first-key-a1b2"));
        QCOMPARE(list.body[s("items")].toArray().first()[s("properties")][s("apiKey")].toString(), s("(secret)"));
        QCOMPARE(storedWith(s("first-key-a1b2")), 1);
        QCOMPARE(auditedWith(s("first-key-a1b2")), 0);
    }

    void sendingTheMaskBackKeepsTheKey()
    {
        const QJsonObject shown = TestServer::get(*m_admin, s("sender-ids/%1").arg(m_senderId)).body;
        auto answer = TestServer::patch(*m_admin, s("sender-ids/%1").arg(m_senderId),
                                        j({{s("name"), s("Pizza push (renamed)")}, {s("properties"), shown[s("properties")]}}));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body[s("name")].toString(), s("Pizza push (renamed)"));
        QCOMPARE(storedWith(s("first-key-a1b2")), 1);

        // Leaving the key out of the object keeps it too.
        answer = TestServer::patch(*m_admin, s("sender-ids/%1").arg(m_senderId),
                                   j({{s("properties"), j({{s("provider"), s("firebase")}})}}));
        QCOMPARE(answer.status, 200);
        QCOMPARE(storedWith(s("first-key-a1b2")), 1);
    }

    void aNewKeyReplacesTheOldOne()
    {
        const auto answer = TestServer::patch(*m_admin, s("sender-ids/%1").arg(m_senderId),
                                              j({{s("properties"), j({{s("provider"), s("firebase")},
                                                                      {s("apiKey"), s("second-key-c3d4")}})}}));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body[s("properties")][s("apiKey")].toString(), s("(secret)"));
        QCOMPARE(storedWith(s("second-key-c3d4")), 1);
        QCOMPARE(storedWith(s("first-key-a1b2")), 0);
        QCOMPARE(auditedWith(s("second-key-c3d4")), 0);
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'sender_ids' AND object_id = %1 AND operation = 'update'").arg(m_senderId)), 2);
    }

    void httpSenderNeedsItsLoginAndPassword()
    {
        const qint64 connectionId = TestServer::get(*m_admin, s("http-connections")).body[s("items")].toArray().first()[s("id")].toInteger();
        QJsonObject body = j({{s("channel"), s("sms")}, {s("senderId"), s("PizzaWeb")}, {s("name"), s("Pizza web")},
                              {s("agreementId"), m_agreementId}, {s("status"), s("active")}, {s("vendorType"), s("http")},
                              {s("httpConnectionId"), connectionId}});
        auto answer = TestServer::post(*m_admin, s("sender-ids"), body);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.fields()[s("httpLogin")].toString(), s("is required"));
        QCOMPARE(answer.fields()[s("httpPassword")].toString(), s("is required"));
        QCOMPARE(m_server->count(s("sender_ids"), s("sender_id = 'PizzaWeb'")), 0);

        body.insert(s("httpLogin"), s("pizza-web"));
        body.insert(s("httpPassword"), s("Web-pass-1"));
        answer = TestServer::post(*m_admin, s("sender-ids"), body);
        QVERIFY2(answer.status == 201, answer.raw.constData());
        QVERIFY(!answer.body.contains(s("httpPassword")));
        const qint64 id = answer.body[s("id")].toInteger();
        // An update without the password keeps the stored one.
        QCOMPARE(TestServer::patch(*m_admin, s("sender-ids/%1").arg(id), j({{s("name"), s("Pizza web 2")}})).status, 200);
        QCOMPARE(m_server->count(s("sender_ids"), s("id = %1 AND http_password = 'Web-pass-1'").arg(id)), 1);
        answer = TestServer::patch(*m_admin, s("sender-ids/%1").arg(id), j({{s("httpLogin"), s("")}}));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.fields()[s("httpLogin")].toString(), s("is required"));
    }

    void viberSenderIsTheConnectionsServiceId()
    {
        const auto connection = TestServer::post(*m_admin, s("http-connections"),
                                                 j({{s("name"), s("Viber direct")}, {s("vendorType"), s("viber")},
                                                    {s("vendorUrl"), s("https://viber.example/api")},
                                                    {s("serviceId"), s("PizzaViber")}, {s("apiToken"), s("viber-token")}}));
        QVERIFY2(connection.status == 201, connection.raw.constData());
        QJsonObject body = j({{s("channel"), s("viber")}, {s("senderId"), s("PizzaOther")}, {s("name"), s("Pizza Planet")},
                              {s("agreementId"), m_agreementId}, {s("status"), s("active")}, {s("vendorType"), s("http")},
                              {s("httpConnectionId"), connection.body[s("id")].toInteger()}});
        auto answer = TestServer::post(*m_admin, s("sender-ids"), body);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.fields()[s("senderId")].toString(), s("must be the connection's service ID (PizzaViber)"));
        body.insert(s("senderId"), s("PizzaViber"));
        answer = TestServer::post(*m_admin, s("sender-ids"), body);
        QVERIFY2(answer.status == 201, answer.raw.constData());
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstSenderSecrets)
#include "tst_sender_secrets.moc"
