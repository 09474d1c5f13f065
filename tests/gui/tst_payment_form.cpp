// The payment form (BO §7.1): a new payment does not ask for the company (the agreement decides
// it), and asks for "confirm before" only while the payment is not confirmed; a saved payment shows
// its company.
#include "BillingEntities.h"
#include "FieldCell.h"
#include "ListContext.h"
#include "PaymentForm.h"
#include "Session.h"
#include "TestServer.h"
#include "editors/BoolFieldEditor.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QSignalSpy>
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

class TestPaymentForm final : public QObject
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
    }

    void newPaymentAsksWhatItNeeds()
    {
        PaymentForm form(m_session.get(), ListContext::forEntity(entities::payments));
        form.show();
        form.startCreate();
        QVERIFY(form.cell(s("companyId"))->isHidden());
        QVERIFY(!form.cell(s("agreementId"))->isHidden());
        auto *confirmed = qobject_cast<BoolFieldEditor *>(form.editor(s("confirmed")));
        QVERIFY(confirmed);
        QVERIFY(!confirmed->checkBox()->isChecked());
        QVERIFY(!form.cell(s("confirmBefore"))->isHidden());
        confirmed->checkBox()->click();
        QVERIFY(form.cell(s("confirmBefore"))->isHidden());
        confirmed->checkBox()->click();
        QVERIFY(!form.cell(s("confirmBefore"))->isHidden());
    }

    void savedPaymentShowsItsCompany()
    {
        QUrlQuery byCode;
        byCode.addQueryItem(s("code"), s("NW-2025-1002"));
        ApiReply *found = m_admin->get(s("agreements"), byCode);
        QVERIFY(found->waitForFinished());
        const QJsonObject agreement = found->object().value(s("items")).toArray().first().toObject();
        const QTimeZone zone(agreement.value(s("billingTimeZone")).toString().toUtf8());
        ApiReply *paid = m_admin->post(s("payments"), {{s("agreementId"), agreement.value(s("id"))},
                                                        {s("paymentDate"), QDateTime::currentDateTimeUtc().toTimeZone(zone).date().toString(Qt::ISODate)},
                                                        {s("referenceCode"), s("FORM-1")}, {s("amount"), s("10")},
                                                        {s("currency"), s("EUR")}, {s("confirmed"), true}});
        QVERIFY2(paid->waitForFinished(), paid->body().constData());
        PaymentForm form(m_session.get(), ListContext::forEntity(entities::payments));
        form.show();
        QSignalSpy loaded(&form, &EntityForm::recordLoaded);
        form.openRecord(paid->object().value(s("id")).toInteger());
        QVERIFY(loaded.wait(10000));
        QVERIFY(!form.cell(s("companyId"))->isHidden());
        form.edit();
        QVERIFY(form.cell(s("confirmBefore"))->isHidden()); // confirmed: nothing to confirm before
    }

private:
    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(TestPaymentForm)
#include "tst_payment_form.moc"
