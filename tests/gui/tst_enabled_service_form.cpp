// The enabled-service form (BO §6.4) shows what a pack billed "charge" will cost before it is
// saved: the price under Service purchase of the agreement's pay-as-you-go service, or "Rate not
// found" in red; nothing for a pack free of charge or for a pay-as-you-go service.
#include "EnabledServiceForm.h"
#include "EntityCatalogue.h"
#include "ListContext.h"
#include "ServiceEntities.h"
#include "Session.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QLabel>
#include <QTest>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::views;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestEnabledServiceForm final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QJsonObject answer;
        m_admin = m_server.signInAdmin(&answer);
        QVERIFY(m_admin);
        m_session = std::make_unique<Session>(m_admin.get());
        m_session->setIdentity(answer);
        m_bundleAgreement = idOf(s("agreements"), s("code=NW-2025-1003")); // the demo's §7.3.7 bundle
        m_plainAgreement = idOf(s("agreements"), s("code=NW-2025-1002"));
        m_bundlePack = idOf(s("services"), s("name=Bundle_2_pack"));
        m_payg = idOf(s("services"), s("name=SMS Global"));
        QVERIFY(m_bundleAgreement > 0 && m_plainAgreement > 0 && m_bundlePack > 0 && m_payg > 0);
    }

    void chargedPackShowsItsPrice()
    {
        EnabledServiceForm form(m_session.get(), ListContext::forEntity(entities::enabledServices));
        form.startCreate({{s("agreementId"), m_bundleAgreement}, {s("serviceId"), m_bundlePack}, {s("billing"), s("charge")}});
        QTRY_VERIFY_WITH_TIMEOUT(!form.priceLabel()->isHidden(), 10000);
        QVERIFY2(form.priceLabel()->text().contains(s("100.00 EUR")), qPrintable(form.priceLabel()->text()));
        QVERIFY(form.priceLabel()->text().contains(s("Bundle_price")));
    }

    void unpricedPackSaysRateNotFound()
    {
        // The plain agreement's pay-as-you-go services have no Service purchase node.
        EnabledServiceForm form(m_session.get(), ListContext::forEntity(entities::enabledServices));
        form.startCreate({{s("agreementId"), m_plainAgreement}, {s("serviceId"), m_bundlePack}, {s("billing"), s("charge")}});
        QTRY_VERIFY_WITH_TIMEOUT(!form.priceLabel()->isHidden(), 10000);
        QVERIFY2(form.priceLabel()->text().contains(s("Rate not found")), qPrintable(form.priceLabel()->text()));
        QVERIFY(form.priceLabel()->text().contains(s("#c62828")));
    }

    void freePackAndPayAsYouGoShowNothing()
    {
        EnabledServiceForm form(m_session.get(), ListContext::forEntity(entities::enabledServices));
        form.startCreate({{s("agreementId"), m_bundleAgreement}, {s("serviceId"), m_bundlePack}, {s("billing"), s("free")}});
        QTest::qWait(600); // the form waits 250 ms for more changes before it asks
        QVERIFY(form.priceLabel()->isHidden());
        EnabledServiceForm payg(m_session.get(), ListContext::forEntity(entities::enabledServices));
        payg.startCreate({{s("agreementId"), m_bundleAgreement}, {s("serviceId"), m_payg}, {s("billing"), s("charge")}});
        QTest::qWait(1500); // asked, and the server refused: not a pack
        QVERIFY(payg.priceLabel()->isHidden());
    }

private:
    qint64 idOf(const QString &path, const QString &query)
    {
        ApiReply *reply = m_admin->get(path, QUrlQuery(query));
        reply->waitForFinished();
        reply->deleteLater();
        return reply->object().value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
    }

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    qint64 m_bundleAgreement = 0;
    qint64 m_plainAgreement = 0;
    qint64 m_bundlePack = 0;
    qint64 m_payg = 0;
};

QTEST_MAIN(TestEnabledServiceForm)
#include "tst_enabled_service_form.moc"
