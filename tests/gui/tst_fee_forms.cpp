// The fee screens (BO §6.5, §7.4) against the demo server: a sender ID's form shows its setup and
// usage fee for the MNO typed, green when the service tree has them and red with the reason when
// not, and writes the setup fee off once after a confirmation; a new additional fee by tariff shows
// "✓ 15.00 EUR" for 3 × 5 before it is saved; a periodic fee rule shows the usage fee it charges.
#include "EntityCatalogue.h"
#include "FeeEntities.h"
#include "FeePreviewLabel.h"
#include "FeeRuleForms.h"
#include "MessageBanner.h"
#include "MessagingEntities.h"
#include "SenderIdForm.h"
#include "Session.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
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

class TestFeeForms final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void senderIdFormWritesTheSetupFeeOffOnce();
    void additionalFeeShowsItsRateBeforeSaving();
    void feeRuleShowsItsUsageFee();

private:
    QJsonObject firstItem(const QString &entity, const QString &query);

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    QJsonObject m_sender;
};

QJsonObject TestFeeForms::firstItem(const QString &entity, const QString &query)
{
    ApiReply *reply = m_api->get(entity, QUrlQuery(query));
    if (!reply->waitForFinished())
        return {};
    const QJsonArray items = reply->object().value(QLatin1String("items")).toArray();
    return items.isEmpty() ? QJsonObject() : items.first().toObject();
}

void TestFeeForms::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QJsonObject answer;
    m_api = m_server.signInAdmin(&answer);
    QVERIFY(m_api);
    m_session = std::make_unique<Session>(m_api.get());
    m_session->setIdentity(answer);
    m_sender = firstItem(entities::senderIds, s("companyName=Cyber Shop&channel=sms"));
    QVERIFY(!m_sender.isEmpty());
}

void TestFeeForms::senderIdFormWritesTheSetupFeeOffOnce()
{
    SenderIdForm form(m_session.get(), ListContext::forEntity(entities::senderIds));
    QSignalSpy loaded(&form, &SenderIdForm::feesLoaded);
    form.openRecord(m_sender.value(QLatin1String("id")).toInteger());
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 10000);
    // No MNO: the demo tree prices the setup fee for Vodafone only.
    QVERIFY(!form.setupFeeLabel()->found());
    QVERIFY2(form.setupFeeLabel()->text().contains(s("Rate not found")), qPrintable(form.setupFeeLabel()->text()));
    QVERIFY(!form.writeOffButton()->isEnabled());

    form.mnoEdit()->setText(s("Vodafone"));
    QTest::keyClick(form.mnoEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 10000);
    QVERIFY(form.setupFeeLabel()->found());
    QVERIFY2(form.setupFeeLabel()->text().contains(s("50.00 EUR")), qPrintable(form.setupFeeLabel()->text()));
    QVERIFY(form.setupFeeLabel()->text().contains(s("#2e7d32"))); // green
    QVERIFY(form.usageFeeLabel()->text().contains(s("10.00 EUR")));
    QVERIFY(form.writeOffButton()->isEnabled());

    form.writeOffButton()->click();
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = form.findChild<QMessageBox *>(s("writeOffConfirmation"))) != nullptr);
    confirm->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 3, 10000);
    QVERIFY2(form.banner()->text().contains(s("Setup fee written off: 50.00 EUR")), qPrintable(form.banner()->text()));
    QVERIFY(!form.writeOffButton()->isEnabled()); // once only

    // The server has it once.
    ApiReply *reply = m_api->get(s("sender-ids/%1/fees").arg(m_sender.value(QLatin1String("id")).toInteger()));
    QVERIFY(reply->waitForFinished());
    QCOMPARE(
        reply->object().value(QLatin1String("setupFeeWrittenOff")).toObject().value(QLatin1String("amount")).toString(),
        s("50.00"));
}

void TestFeeForms::additionalFeeShowsItsRateBeforeSaving()
{
    AdditionalFeeForm form(m_session.get(), ListContext::forEntity(entities::additionalFees));
    QSignalSpy shown(&form, &FeePreviewForm::previewShown);
    form.startCreate({{s("companyId"), m_sender.value(QLatin1String("companyId"))},
                      {s("agreementId"), m_sender.value(QLatin1String("agreementId"))},
                      {s("feeType"), s("byTariff")},
                      {s("additionalService"), s("Dedicated support hour")},
                      {s("volume"), 3}});
    QTRY_VERIFY_WITH_TIMEOUT(form.preview()->found(), 10000);
    QVERIFY2(form.preview()->text().contains(s("15.00 EUR")), qPrintable(form.preview()->text()));
    QVERIFY(form.preview()->text().contains(s("3 × 5.00")));

    // A name the tree does not know: red, with the reason.
    const int before = shown.count();
    form.startCreate({{s("companyId"), m_sender.value(QLatin1String("companyId"))},
                      {s("agreementId"), m_sender.value(QLatin1String("agreementId"))},
                      {s("feeType"), s("byTariff")},
                      {s("additionalService"), s("Unicorn grooming")},
                      {s("volume"), 1}});
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() > before && form.preview()->text().contains(s("Rate not found")), 10000);
    QVERIFY(!form.preview()->found());
}

void TestFeeForms::feeRuleShowsItsUsageFee()
{
    ApiReply *created = m_api->post(entities::senderIdFeeRules,
                                    {{s("senderRecordId"), m_sender.value(QLatin1String("id"))},
                                     {s("effectiveFrom"), s("2030-01-01T00:00:00")},
                                     {s("period"), s("monthly")},
                                     {s("startDay"), 1},
                                     {s("mno"), s("DIGI mobil")}});
    QVERIFY(created->waitForFinished());
    const qint64 id = created->object().value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    SenderIdFeeRuleForm form(m_session.get(), ListContext::forEntity(entities::senderIdFeeRules));
    form.openRecord(id);
    QTRY_VERIFY_WITH_TIMEOUT(form.preview()->found(), 10000);
    QVERIFY2(form.preview()->text().contains(s("15.00 EUR")), qPrintable(form.preview()->text()));
}

QTEST_MAIN(TestFeeForms)
#include "tst_fee_forms.moc"
