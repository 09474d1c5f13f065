// The finance panel of a company's tab: every agreement of the company with the balance,
// reserved money, credit limit and available amount exactly as the server computes them, and the
// packs' sub-balances; a payment shows after Refresh; double-clicking asks to open the agreement.
#include "CompanyFinancePanel.h"
#include "CompanyForm.h"
#include "EntityCatalogue.h"
#include "ListContext.h"
#include "Session.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::views;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestCompanyFinance final : public QObject
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
        m_company = object(s("companies"), s("name=Cyber Shop")).value(s("id")).toInteger();
        m_agreement = object(s("agreements"), s("code=NW-2025-1003"));
        QVERIFY(m_company > 0 && m_agreement.value(s("id")).toInteger() > 0);
    }

    void panelShowsEachAgreementsBalance()
    {
        CompanyForm form(m_session.get(), ListContext::forEntity(entities::companies));
        form.show();
        QSignalSpy loaded(&form, &EntityForm::recordLoaded);
        form.openRecord(m_company);
        QVERIFY(loaded.wait(10000));
        CompanyFinancePanel *panel = form.financePanel();
        QSignalSpy balances(panel, &CompanyFinancePanel::loaded);
        QVERIFY(balances.wait(10000));
        QVERIFY(balances.first().first().toBool());
        QVERIFY(panel->isVisible());

        const qint64 total = get(s("agreements"), s("companyId=%1").arg(m_company)).value(s("total")).toInteger();
        QCOMPARE(panel->table()->rowCount(), int(total));
        const int row = rowOf(panel, m_agreement.value(s("code")).toString());
        QVERIFY(row >= 0);
        const QJsonObject balance = get(s("agreements/%1/balance").arg(m_agreement.value(s("id")).toInteger()), {});
        auto cell = [&](int column) { return panel->table()->item(row, column)->text(); };
        QCOMPARE(cell(CompanyFinancePanel::Balance), balance.value(s("balance")).toString());
        QCOMPARE(cell(CompanyFinancePanel::Reserved), balance.value(s("reserved")).toString());
        QCOMPARE(cell(CompanyFinancePanel::CreditLimit), balance.value(s("creditLimit")).toString());
        QCOMPARE(cell(CompanyFinancePanel::Available), balance.value(s("available")).toString());
        // The demo's bundle pack on this agreement, 100 members left of 100.
        QVERIFY2(cell(CompanyFinancePanel::Packs).contains(s("Bundle_2_pack: 100/100")), qPrintable(cell(CompanyFinancePanel::Packs)));

        // A payment, then Refresh: the new balance.
        const QTimeZone zone(m_agreement.value(s("billingTimeZone")).toString().toUtf8());
        ApiReply *paid = m_admin->post(s("payments"), {{s("agreementId"), m_agreement.value(s("id"))},
                                                        {s("paymentDate"), QDateTime::currentDateTimeUtc().toTimeZone(zone).date().toString(Qt::ISODate)},
                                                        {s("referenceCode"), s("FIN-PANEL-1")}, {s("amount"), s("250.50")},
                                                        {s("currency"), s("EUR")}, {s("confirmed"), true}});
        QVERIFY2(paid->waitForFinished(), paid->body().constData());
        paid->deleteLater();
        const QString after = get(s("agreements/%1/balance").arg(m_agreement.value(s("id")).toInteger()), {}).value(s("balance")).toString();
        QVERIFY(after != balance.value(s("balance")).toString());
        panel->refreshButton()->click();
        QVERIFY(balances.wait(10000));
        QCOMPARE(panel->table()->item(rowOf(panel, m_agreement.value(s("code")).toString()), CompanyFinancePanel::Balance)->text(), after);

        QSignalSpy open(&form, &CompanyForm::agreementRequested);
        emit panel->table()->cellDoubleClicked(rowOf(panel, m_agreement.value(s("code")).toString()), 0);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toLongLong(), m_agreement.value(s("id")).toInteger());
    }

    void newCompanyHasNoPanel()
    {
        CompanyForm form(m_session.get(), ListContext::forEntity(entities::companies));
        form.show();
        form.startCreate();
        QVERIFY(!form.financePanel()->isVisible());
    }

private:
    QJsonObject get(const QString &path, const QString &query)
    {
        ApiReply *reply = m_admin->get(path, QUrlQuery(query));
        reply->waitForFinished();
        reply->deleteLater();
        return reply->object();
    }
    QJsonObject object(const QString &path, const QString &query)
    {
        return get(path, query).value(s("items")).toArray().first().toObject();
    }
    static int rowOf(CompanyFinancePanel *panel, const QString &code)
    {
        for (int row = 0; row < panel->table()->rowCount(); ++row) {
            if (panel->table()->item(row, CompanyFinancePanel::Agreement)->text() == code)
                return row;
        }
        return -1;
    }

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    qint64 m_company = 0;
    QJsonObject m_agreement;
};

QTEST_MAIN(TestCompanyFinance)
#include "tst_company_finance.moc"
