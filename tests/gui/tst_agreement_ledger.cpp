// The balance ledger under an agreement (GET agreements/{id}/ledger): after two payments made through
// the API (one in EUR, one in USD replenishing 90 EUR) the agreement's form lists them newest first
// with the amounts and running balance exactly as the server sent them, and the opening and closing
// balance above; another range asks again; an unknown agreement shows the server's message, a user
// who may not see agreements gets no panel, and a new agreement has none either.
#include "AgreementBalanceLine.h"
#include "AgreementForm.h"
#include "AgreementLedgerModel.h"
#include "AgreementLedgerPanel.h"
#include "Amount.h"
#include "BillingEntities.h"
#include "EntityCatalogue.h"
#include "FormFactory.h"
#include "Session.h"
#include "TestServer.h"
#include "ValueFormat.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
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

QJsonObject line(const char *kind, const char *amount, const char *balanceAfter, qint64 paymentId = 0,
                 const char *source = nullptr)
{
    QJsonObject json {{s("at"), s("2026-03-10T12:30:00.000Z")},
                      {s("kind"), s(kind)},
                      {s("description"), s("a line")},
                      {s("amount"), s(amount)},
                      {s("balanceAfter"), s(balanceAfter)}};
    if (paymentId)
        json.insert(s("paymentId"), paymentId);
    if (source) {
        json.insert(s("source"), s(source));
        json.insert(s("count"), 3);
    }
    return json;
}

} // namespace

class TestAgreementLedger final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modelShowsALine_data();
    void modelShowsALine();
    void formShowsTheLedgerNewestFirst();
    void aLineWithAPaymentAsksToOpenIt();
    void anotherRangeAsksAgain();
    void unknownAgreementShowsTheServersMessage();
    void userWhoMayNotSeeAgreementsGetsNoPanel();
    void newAgreementHasNoLedger();

private:
    qint64 createPayment(const QJsonObject &fields);
    QJsonObject serverLedger(const QJsonObject &range);
    // Waits for the panel's next answer (a spy on its loaded signal); returns whether it was a ledger.
    static bool waitForLoad(QSignalSpy &spy);

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<EntityForm> m_form;
    qint64 m_agreementId = -1;
    qint64 m_euroPaymentId = -1;
    qint64 m_dollarPaymentId = -1;
};

void TestAgreementLedger::initTestCase()
{
    QCoreApplication::setOrganizationName(s("BackOffice"));
    QCoreApplication::setApplicationName(s("BackOffice GUI tests"));
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QJsonObject answer;
    m_admin = m_server.signInAdmin(&answer);
    QVERIFY(m_admin);
    m_session = std::make_unique<Session>(m_admin.get());
    m_session->setIdentity(answer);

    QUrlQuery byCode;
    byCode.addQueryItem(s("code"), s("NW-2025-1002"));
    ApiReply *found = m_admin->get(entities::agreements, byCode);
    QVERIFY2(found->waitForFinished(), qPrintable(found->error().message));
    const QJsonObject agreement = found->object().value(s("items")).toArray().first().toObject();
    m_agreementId = agreement.value(s("id")).toInteger();
    QVERIFY(m_agreementId > 0);
    QCOMPARE(agreement.value(s("currency")).toString(), s("EUR"));
    // "Today" for a payment date is the agreement's billing day, which may differ from the UTC one.
    const QTimeZone zone(agreement.value(s("billingTimeZone")).toString().toUtf8());
    QVERIFY(zone.isValid());
    const QString today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date().toString(Qt::ISODate);

    m_euroPaymentId = createPayment({{s("paymentDate"), today},
                                     {s("referenceCode"), s("LEDGER-EUR-1")},
                                     {s("amount"), s("100.00")},
                                     {s("currency"), s("EUR")}});
    QVERIFY(m_euroPaymentId > 0);
    m_dollarPaymentId = createPayment({{s("paymentDate"), today},
                                       {s("referenceCode"), s("LEDGER-USD-1")},
                                       {s("amount"), s("100.00")},
                                       {s("currency"), s("USD")},
                                       {s("replenishmentAmount"), s("90.00")},
                                       {s("exchangeRateDate"), today}});
    QVERIFY(m_dollarPaymentId > 0);
}

qint64 TestAgreementLedger::createPayment(const QJsonObject &fields)
{
    QJsonObject body = fields;
    body.insert(s("agreementId"), m_agreementId);
    body.insert(s("confirmed"), true);
    ApiReply *reply = m_admin->post(entities::payments, body);
    if (!reply->waitForFinished()) {
        qWarning() << "payment refused:" << reply->body();
        return -1;
    }
    return reply->object().value(s("id")).toInteger();
}

QJsonObject TestAgreementLedger::serverLedger(const QJsonObject &range)
{
    QUrlQuery query;
    query.addQueryItem(s("from"), range.value(s("from")).toString());
    query.addQueryItem(s("till"), range.value(s("till")).toString());
    ApiReply *reply = m_admin->get(s("agreements/%1/ledger").arg(m_agreementId), query);
    reply->waitForFinished();
    reply->deleteLater();
    return reply->object();
}

bool TestAgreementLedger::waitForLoad(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(10000))
        return false;
    return spy.takeFirst().at(0).toBool();
}

void TestAgreementLedger::modelShowsALine_data()
{
    QTest::addColumn<QJsonObject>("line");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("balanceAfter");
    QTest::addColumn<QString>("payment");
    QTest::addColumn<bool>("red");

    QTest::newRow("payment added") << line("paymentAdded", "100.00", "250.00", 7) << s("Payment added") << s("100.00")
                                   << s("250.00") << s("7") << false;
    QTest::newRow("expired, six decimals")
        << line("paymentExpired", "-12.345678", "-0.000001", 8) << s("Unconfirmed payment expired") << s("-12.345678")
        << s("-0.000001") << s("8") << true;
    QTest::newRow("a day's traffic") << line("charges", "-0.0289", "99.9711", 0, "traffic") << s("Charges: Traffic")
                                     << s("-0.0289") << s("99.9711") << QString() << true;
    QTest::newRow("refund") << line("charges", "0.00421", "1.00", 0, "trafficRefund")
                            << s("Charges: Traffic refund (unsent)") << s("0.00421") << s("1.00") << QString() << false;
}

void TestAgreementLedger::modelShowsALine()
{
    QFETCH(QJsonObject, line);
    QFETCH(QString, kind);
    QFETCH(QString, amount);
    QFETCH(QString, balanceAfter);
    QFETCH(QString, payment);
    QFETCH(bool, red);

    AgreementLedgerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLedger({{s("lines"), QJsonArray {line}}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(AgreementLedgerModel::ColumnCount));
    auto cell = [&model](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
    QCOMPARE(cell(AgreementLedgerModel::Time).toString(), valueformat::displayInstant(s("2026-03-10T12:30:00.000Z")));
    QCOMPARE(cell(AgreementLedgerModel::Kind).toString(), kind);
    QCOMPARE(cell(AgreementLedgerModel::Description).toString(), s("a line"));
    QCOMPARE(cell(AgreementLedgerModel::Amount).toString(), amount);
    QCOMPARE(cell(AgreementLedgerModel::BalanceAfter).toString(), balanceAfter);
    QCOMPARE(cell(AgreementLedgerModel::Payment).toString(), payment);
    QCOMPARE(cell(AgreementLedgerModel::Amount, Qt::ForegroundRole).isValid(), red);
    if (red)
        QCOMPARE(cell(AgreementLedgerModel::Amount, Qt::ForegroundRole).value<QBrush>().color(),
                 QColor(0xc6, 0x28, 0x28));
    for (int column : {int(AgreementLedgerModel::Amount), int(AgreementLedgerModel::BalanceAfter)})
        QCOMPARE(cell(column, Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(model.lineAt(0), line);
    QVERIFY(model.lineAt(1).isEmpty());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestAgreementLedger::formShowsTheLedgerNewestFirst()
{
    m_form.reset(createForm(m_session.get(), ListContext::forEntity(entities::agreements)));
    QVERIFY(qobject_cast<AgreementForm *>(m_form.get()));
    m_form->resize(1200, 900);
    m_form->show();
    m_form->openRecord(m_agreementId);
    auto *panel = qobject_cast<AgreementForm *>(m_form.get())->ledgerPanel();
    QVERIFY(panel);
    // Watches the model from before its first reset.
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(panel, &AgreementLedgerPanel::loaded);
    QVERIFY(waitForLoad(loaded));
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->title(), s("Balance ledger"));
    QCOMPARE(panel->rangeBox()->currentText(), s("Last 31 days"));
    QCOMPARE(panel->rangeDays(), 31);

    // What the server answers for the same range, asked independently of the panel.
    const QJsonObject expected = serverLedger(panel->ledger());
    const QJsonArray lines = expected.value(s("lines")).toArray();
    AgreementLedgerModel *model = panel->model();
    QVERIFY(lines.size() >= 2);
    QCOMPARE(model->rowCount(), int(lines.size()));

    // Newest first: the dollar payment was made last.
    QCOMPARE(model->lineAt(0).value(s("paymentId")).toInteger(), m_dollarPaymentId);
    QCOMPARE(model->lineAt(1).value(s("paymentId")).toInteger(), m_euroPaymentId);
    auto shown = [model](int row, int column) { return model->index(row, column).data().toString(); };
    QCOMPARE(shown(0, AgreementLedgerModel::Kind), s("Payment added"));
    QCOMPARE(shown(0, AgreementLedgerModel::Amount), s("90.00"));
    QCOMPARE(shown(1, AgreementLedgerModel::Amount), s("100.00"));
    QCOMPARE(shown(0, AgreementLedgerModel::Payment), QString::number(m_dollarPaymentId));
    QCOMPARE(shown(0, AgreementLedgerModel::BalanceAfter), expected.value(s("closingBalance")).toString());
    const Amount afterDollars = Amount::parse(shown(0, AgreementLedgerModel::BalanceAfter)).value_or(Amount());
    const Amount afterEuros = Amount::parse(shown(1, AgreementLedgerModel::BalanceAfter)).value_or(Amount());
    QCOMPARE(afterDollars - afterEuros, Amount::fromMicros(90 * Amount::Scale));
    for (int row = 1; row < model->rowCount(); ++row) {
        QVERIFY2(model->lineAt(row - 1).value(s("at")).toString() >= model->lineAt(row).value(s("at")).toString(),
                 qPrintable(model->lineAt(row).value(s("at")).toString()));
    }
    for (int row = 0; row < model->rowCount(); ++row) {
        const QJsonObject sent = lines.at(row).toObject();
        QCOMPARE(model->lineAt(row), sent);
        QCOMPARE(shown(row, AgreementLedgerModel::Amount), sent.value(s("amount")).toString());
        QCOMPARE(shown(row, AgreementLedgerModel::BalanceAfter), sent.value(s("balanceAfter")).toString());
        QCOMPARE(shown(row, AgreementLedgerModel::Time), valueformat::displayInstant(sent.value(s("at")).toString()));
        QCOMPARE(shown(row, AgreementLedgerModel::Description), sent.value(s("description")).toString());
    }
    QCOMPARE(panel->summaryLabel()->text(),
             s("Opening balance %1 EUR · Closing balance %2 EUR · %3 lines")
                 .arg(expected.value(s("openingBalance")).toString(), expected.value(s("closingBalance")).toString())
                 .arg(lines.size()));
}

void TestAgreementLedger::aLineWithAPaymentAsksToOpenIt()
{
    QVERIFY(m_form);
    auto *panel = qobject_cast<AgreementForm *>(m_form.get())->ledgerPanel();
    QVERIFY(panel && panel->model()->rowCount() >= 1);
    QSignalSpy requested(panel, &AgreementLedgerPanel::paymentRequested);
    QTableView *table = panel->table();
    const QRect cell = table->visualRect(panel->model()->index(0, AgreementLedgerModel::Kind));
    QVERIFY(cell.isValid());
    // A double click is a click followed by a double-click event, as a window system delivers it.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toLongLong(), m_dollarPaymentId);
}

void TestAgreementLedger::anotherRangeAsksAgain()
{
    QVERIFY(m_form);
    auto *panel = qobject_cast<AgreementForm *>(m_form.get())->ledgerPanel();
    QVERIFY(panel);
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString firstFrom = panel->ledger().value(s("from")).toString();
    QSignalSpy loaded(panel, &AgreementLedgerPanel::loaded);

    auto spanDays = [panel] {
        const QDateTime from = valueformat::parseInstant(panel->ledger().value(s("from")).toString());
        const QDateTime till = valueformat::parseInstant(panel->ledger().value(s("till")).toString());
        return from.msecsTo(till) / (24 * 3600 * 1000.0);
    };
    panel->rangeBox()->setCurrentIndex(0);
    QVERIFY(waitForLoad(loaded));
    QCOMPARE(panel->rangeDays(), 7);
    QVERIFY(panel->ledger().value(s("from")).toString() != firstFrom);
    QCOMPARE(spanDays(), 7.0);
    QVERIFY(panel->model()->rowCount() >= 2); // today's payments are within a week

    panel->rangeBox()->setCurrentIndex(3);
    QVERIFY(waitForLoad(loaded));
    QCOMPARE(spanDays(), 366.0); // the longest range the server gives

    // Refresh asks again over the same span, ending now, and reads the balance above it again.
    const QString before = panel->ledger().value(s("till")).toString();
    QSignalSpy balanceLoaded(qobject_cast<AgreementForm *>(m_form.get())->balanceLine(), &AgreementBalanceLine::loaded);
    QTest::mouseClick(panel->refreshButton(), Qt::LeftButton);
    QVERIFY(waitForLoad(loaded));
    QVERIFY(balanceLoaded.size() == 1 || balanceLoaded.wait(10000));
    // F5 inside the panel does the same.
    m_form->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
    panel->table()->setFocus();
    QTest::keyClick(panel->table(), Qt::Key_F5);
    QVERIFY(waitForLoad(loaded));
    QVERIFY(balanceLoaded.size() == 2 || balanceLoaded.wait(10000));
    QVERIFY(panel->ledger().value(s("till")).toString() >= before);
    QCOMPARE(spanDays(), 366.0);
    QCOMPARE(panel->rangeBox()->currentText(), s("Last 366 days"));
}

void TestAgreementLedger::unknownAgreementShowsTheServersMessage()
{
    const qint64 unknown = 987654321;
    ApiReply *direct = m_admin->get(s("agreements/%1/ledger").arg(unknown));
    QVERIFY(!direct->waitForFinished());
    const QString message = direct->error().message;
    QVERIFY(!message.isEmpty());

    AgreementLedgerPanel panel(m_admin.get());
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.show();
    QSignalSpy loaded(&panel, &AgreementLedgerPanel::loaded);
    panel.load(unknown);
    QVERIFY(!waitForLoad(loaded));
    QVERIFY(panel.isVisible()); // the error is shown, not hidden away
    QVERIFY2(panel.summaryLabel()->text().contains(message), qPrintable(panel.summaryLabel()->text()));
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY(panel.ledger().isEmpty());

    // A later answer for a real agreement replaces the error.
    panel.load(m_agreementId);
    QVERIFY(waitForLoad(loaded));
    QVERIFY(panel.summaryLabel()->text().startsWith(s("Opening balance ")));

    // A later call wins over an answer still on its way: the refusal, asked for first and answered
    // first, is dropped, so the first answer the panel reports is the ledger.
    panel.load(unknown);
    panel.load(m_agreementId);
    QVERIFY(waitForLoad(loaded));
    QVERIFY(panel.model()->rowCount() >= 2);
}

void TestAgreementLedger::userWhoMayNotSeeAgreementsGetsNoPanel()
{
    // A staff user whose role sees companies only: the ledger answers 403.
    QString error;
    std::unique_ptr<ApiClient> viewer = m_server.signInWithRole(*m_admin, s("ledger.viewer"),
                                                                {{s("companies"), s("view")}}, nullptr, &error);
    QVERIFY2(viewer, qPrintable(error));

    AgreementLedgerPanel panel(viewer.get());
    panel.show();
    QSignalSpy loaded(&panel, &AgreementLedgerPanel::loaded);
    panel.load(m_agreementId);
    QVERIFY(!waitForLoad(loaded));
    QVERIFY(!panel.isVisible());
    QCOMPARE(panel.model()->rowCount(), 0);
}

void TestAgreementLedger::newAgreementHasNoLedger()
{
    std::unique_ptr<EntityForm> form(createForm(m_session.get(), ListContext::forEntity(entities::agreements)));
    form->show();
    form->startCreate();
    QCOMPARE(form->mode(), FormMode::Create);
    auto *panel = qobject_cast<AgreementForm *>(form.get())->ledgerPanel();
    QVERIFY(!panel || !panel->isVisible());
    // And a form that showed an agreement forgets its ledger when it turns to a new one.
    QVERIFY(m_form);
    auto *shown = qobject_cast<AgreementForm *>(m_form.get())->ledgerPanel();
    QVERIFY(shown && shown->isVisible());
    m_form->startCreate();
    QVERIFY(!shown->isVisible());
    QCOMPARE(shown->model()->rowCount(), 0);
}

QTEST_MAIN(TestAgreementLedger)
#include "tst_agreement_ledger.moc"
