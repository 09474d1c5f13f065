// The charge tab (BO §7.2 "Double-click on a charge to open it in a separate tab") against the real
// server: real traffic sent and charged, the billing job's draft for its period. The tab must show
// the charge's ID, the invoice it is on (found by agreement and period, as the server sums lines)
// with that invoice's period read in its billing zone, the amounts exactly as the charge's JSON has
// them, every catalogue field in the details, and the server's words when the charge cannot be
// read. The invoice link and the charges window's double click open tabs through the main window,
// which brings an open record forward instead of opening it twice.
#include "Amount.h"
#include "BillingEntities.h"
#include "ChargeDetailsView.h"
#include "ChargeForm.h"
#include "ChargeInvoice.h"
#include "ChargeSummaryPanel.h"
#include "Database.h"
#include "EntityCatalogue.h"
#include "EntityListView.h"
#include "FormFactory.h"
#include "InvoiceChargesDialog.h"
#include "InvoiceForm.h"
#include "InvoiceLinesModel.h"
#include "InvoiceLinesPanel.h"
#include "LineChargesModel.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "MessagingEntities.h"
#include "RemoteTableModel.h"
#include "ServerInstance.h"
#include "Session.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
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

Amount money(const QJsonValue &value)
{
    return Amount::parse(value.toString()).value_or(Amount::fromMicros(-1));
}

QJsonObject at(const char *chargedAt, qint64 agreementId = 3)
{
    return {{s("agreementId"), agreementId}, {s("chargedAt"), s(chargedAt)}};
}

QJsonObject period(qint64 id, const char *start, const char *end, qint64 agreementId = 3)
{
    return {{s("id"), id}, {s("agreementId"), agreementId}, {s("periodStart"), s(start)}, {s("periodEnd"), s(end)}};
}

// The emulator delivers numbers ending in 9990.
const QStringList Delivered {s("34622129990"), s("34622139990")};

} // namespace

class TestChargeForm final : public QObject
{
    Q_OBJECT

public:
    TestChargeForm()
        : m_server([](server::ServerOptions &options) { options.emulateVendorPort = 0; })
    { }

private slots:
    void initTestCase();
    void invoiceIsTheOneWhosePeriodHoldsTheCharge_data();
    void invoiceIsTheOneWhosePeriodHoldsTheCharge();
    void summaryShowsMoneyExactly_data();
    void summaryShowsMoneyExactly();
    void tabShowsTheChargeAndItsInvoice();
    void detailsShowEveryCatalogueField();
    void chargeOutsideAnyInvoiceSaysSo();
    void invoiceLinkOpensTheInvoiceTab();
    void doubleClickInChargesWindowOpensTheChargeTab();
    void chargesListOpensTheChargeTab();
    void missingChargeShowsTheServersText();
    void forbiddenChargeShowsTheServersText();

private:
    QJsonObject get(const QString &path, const QUrlQuery &query = {});
    std::unique_ptr<ChargeForm> openForm(Session *session, qint64 chargeId);
    static QString inZone(const QString &instant, const QString &zone);

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    QJsonObject m_charge; // one charge of the real traffic, as GET charges/{id} answers
    QJsonObject m_invoice; // the draft of its period, as GET invoices/{id} answers
};

void TestChargeForm::initTestCase()
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

    ApiClient sender;
    sender.setBaseUrl(m_server.baseUrl());
    sender.setToken(s("bo_demo_send_api_key_2026"));
    QVERIFY2(m_server.sendAndSettle(sender, s("PizzaPlanet"), Delivered, &error), qPrintable(error));
    const QJsonArray traffic
        = get(entities::charges, QUrlQuery(s("source=traffic&sort=id"))).value(s("items")).toArray();
    QCOMPARE(traffic.size(), Delivered.size());
    m_charge = get(s("charges/%1").arg(traffic.first().toObject().value(s("id")).toInteger()));
    QVERIFY(m_charge.value(s("id")).toInteger() > 0);
    QVERIFY(money(m_charge.value(s("amount"))).micros() > 0);

    // The billing run makes the running period's draft (the demo's start made it already, and summed
    // it before the traffic: Recalculate sums the charges into it now, as staff would).
    m_server.instance()->runBillingJobs(QDateTime::currentDateTimeUtc());
    QUrlQuery byAgreement;
    byAgreement.addQueryItem(s("agreementId"), QString::number(m_charge.value(s("agreementId")).toInteger()));
    byAgreement.addQueryItem(s("sort"), s("-periodStart"));
    const QJsonArray invoices = get(entities::invoices, byAgreement).value(s("items")).toArray();
    QVERIFY(!invoices.isEmpty());
    const qint64 invoiceId = invoices.first().toObject().value(s("id")).toInteger();
    ApiReply *recalculated = m_admin->post(s("invoices/%1/recalculate").arg(invoiceId));
    QVERIFY2(recalculated->waitForFinished(), qPrintable(recalculated->error().message));
    recalculated->deleteLater();
    m_invoice = get(s("invoices/%1").arg(invoiceId));
    const QDateTime charged = QDateTime::fromString(m_charge.value(s("chargedAt")).toString(), Qt::ISODateWithMs);
    QVERIFY(QDateTime::fromString(m_invoice.value(s("periodStart")).toString(), Qt::ISODateWithMs) <= charged);
    QVERIFY(charged < QDateTime::fromString(m_invoice.value(s("periodEnd")).toString(), Qt::ISODateWithMs));
    QCOMPARE(m_invoice.value(s("chargeCount")).toInteger(), qint64(Delivered.size()));
    // The period must read differently in its zone than in UTC, or the zone check below proves nothing.
    const QTimeZone zone(m_invoice.value(s("timeZone")).toString().toUtf8());
    QVERIFY(zone.isValid());
    QVERIFY2(zone.offsetFromUtc(charged) != 0, "the demo agreement's billing zone is UTC in December");
}

QJsonObject TestChargeForm::get(const QString &path, const QUrlQuery &query)
{
    ApiReply *reply = m_admin->get(path, query);
    reply->waitForFinished();
    reply->deleteLater();
    return reply->object();
}

QString TestChargeForm::inZone(const QString &instant, const QString &zone)
{
    const QDateTime utc = QDateTime::fromString(instant, Qt::ISODateWithMs);
    return utc.toTimeZone(QTimeZone(zone.toUtf8())).toString(s("dd.MM.yyyy HH:mm")) + s(" ") + zone;
}

std::unique_ptr<ChargeForm> TestChargeForm::openForm(Session *session, qint64 chargeId)
{
    std::unique_ptr<EntityForm> form(createForm(session, ListContext::forEntity(entities::charges)));
    auto *chargeForm = qobject_cast<ChargeForm *>(form.get());
    if (!chargeForm)
        return nullptr;
    form.release();
    std::unique_ptr<ChargeForm> result(chargeForm);
    result->resize(1400, 1000);
    result->show();
    result->openRecord(chargeId);
    return result;
}

void TestChargeForm::invoiceIsTheOneWhosePeriodHoldsTheCharge_data()
{
    QTest::addColumn<QJsonObject>("charge");
    QTest::addColumn<qint64>("expected"); // 0: none of the candidates

    // Candidates (see the test): #7 for the week from 30.11.2026 in Rome, #8 for the week after.
    QTest::newRow("inside") << at("2026-12-03T18:12:38.810Z") << qint64(7);
    QTest::newRow("at the first instant") << at("2026-11-29T23:00:00.000Z") << qint64(7);
    // The end is the next period's start: a charge there is on the next invoice.
    QTest::newRow("at the end") << at("2026-12-06T23:00:00.000Z") << qint64(8);
    QTest::newRow("a millisecond before the end") << at("2026-12-06T22:59:59.999Z") << qint64(7);
    QTest::newRow("after every period") << at("2026-12-13T23:00:00.000Z") << qint64(0);
    QTest::newRow("another agreement") << at("2026-12-03T18:12:38.810Z", 4) << qint64(0);
    QTest::newRow("no time") << QJsonObject {{s("agreementId"), 3}} << qint64(0);
}

void TestChargeForm::invoiceIsTheOneWhosePeriodHoldsTheCharge()
{
    QFETCH(QJsonObject, charge);
    QFETCH(qint64, expected);
    // As the server answers the candidates query: ending at or after the charge, earliest first.
    const QJsonArray candidates {period(7, "2026-11-29T23:00:00.000Z", "2026-12-06T23:00:00.000Z"),
                                 period(8, "2026-12-06T23:00:00.000Z", "2026-12-13T23:00:00.000Z")};
    QCOMPARE(chargeinvoice::pick(candidates, charge).value(s("id")).toInteger(), expected);

    const QUrlQuery query = chargeinvoice::candidatesQuery(charge);
    QCOMPARE(query.queryItemValue(s("agreementId")), QString::number(charge.value(s("agreementId")).toInteger()));
    QCOMPARE(query.queryItemValue(s("periodEnd.from"), QUrl::FullyDecoded), charge.value(s("chargedAt")).toString());
    QCOMPARE(query.queryItemValue(s("sort")), s("periodEnd"));
}

void TestChargeForm::summaryShowsMoneyExactly_data()
{
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("taxRate");
    QTest::addColumn<QString>("net");
    QTest::addColumn<QString>("tax");
    QTest::addColumn<QString>("total");

    const QString onLine = s("on the invoice line");
    QTest::newRow("five-decimal rate, taxed")
        << s("0.00421") << s("21.5") << s("0.00421 EUR") << s("IVA 21.5 % on the invoice line") << onLine;
    // 2^53 + 1 micro-units: through a double it would read ...992.
    QTest::newRow("beyond double precision") << s("9007199254.740993") << s("20") << s("9007199254.740993 EUR")
                                             << s("IVA 20 % on the invoice line") << onLine;
    // Without tax the line adds nothing to the net: the total is the charge's amount.
    QTest::newRow("untaxed") << s("0.045") << s("0") << s("0.045 EUR") << s("0.00 EUR") << s("0.045 EUR");
    QTest::newRow("refund, untaxed") << s("-0.08") << s("0.00") << s("-0.08 EUR") << s("0.00 EUR") << s("-0.08 EUR");
}

void TestChargeForm::summaryShowsMoneyExactly()
{
    QFETCH(QString, amount);
    QFETCH(QString, taxRate);
    QFETCH(QString, net);
    QFETCH(QString, tax);
    QFETCH(QString, total);

    ChargeSummaryPanel panel;
    QJsonObject charge = m_charge;
    charge.insert(s("amount"), amount);
    panel.showCharge(charge);
    QCOMPARE(panel.valueText(s("net")), net);
    QCOMPARE(panel.valueText(s("invoice")), s("looking up…"));
    QJsonObject invoice = m_invoice;
    invoice.insert(s("taxRate"), taxRate);
    invoice.insert(s("taxLabel"), s("IVA"));
    invoice.insert(s("referenceNumber"), s("INV-42"));
    panel.showInvoice(invoice);
    QCOMPARE(panel.valueText(s("invoice")), s("INV-42"));
    QCOMPARE(panel.valueText(s("net")), net);
    QCOMPARE(panel.valueText(s("tax")), tax);
    QCOMPARE(panel.valueText(s("total")), total);
}

void TestChargeForm::tabShowsTheChargeAndItsInvoice()
{
    const qint64 id = m_charge.value(s("id")).toInteger();
    std::unique_ptr<ChargeForm> form = openForm(m_session.get(), id);
    QVERIFY(form);
    QSignalSpy looked(form.get(), &ChargeForm::invoiceLookedUp);
    QVERIFY(looked.wait(10000));
    QVERIFY(looked.first().at(0).toBool());
    QCOMPARE(form->record(), m_charge);
    QCOMPARE(form->invoice(), m_invoice); // the collection's row is the record GET invoices/{id} answers
    QCOMPARE(form->title(), s("Charge #%1").arg(id));
    QCOMPARE(form->banner()->text(), QString());

    ChargeSummaryPanel *summary = form->summary();
    auto shown = [summary](const char *key) { return summary->valueText(s(key)); };
    QCOMPARE(shown("id"), QString::number(id));
    const qint64 invoiceId = m_invoice.value(s("id")).toInteger();
    QVERIFY(m_invoice.value(s("referenceNumber")).isNull());
    QCOMPARE(shown("invoice"), s("#%1 (draft)").arg(invoiceId));
    QVERIFY(summary->invoiceButton()->isVisible());
    QCOMPARE(shown("direction"), s("Receivable"));
    QCOMPARE(shown("invoiceStatus"), s("Draft"));
    QCOMPARE(shown("source"), s("Traffic"));
    QCOMPARE(shown("service"), m_charge.value(s("serviceName")).toString());
    QCOMPARE(shown("agreement"), m_charge.value(s("agreementName")).toString());
    QCOMPARE(shown("company"), m_charge.value(s("companyName")).toString());
    // The period of the invoice in its billing zone, named, not in the viewer's.
    const QString zone = m_invoice.value(s("timeZone")).toString();
    QCOMPARE(shown("periodStart"), inZone(m_invoice.value(s("periodStart")).toString(), zone));
    QCOMPARE(shown("periodEnd"), inZone(m_invoice.value(s("periodEnd")).toString(), zone));
    QVERIFY2(shown("periodStart").contains(s(" 00:00 ")), qPrintable(shown("periodStart")));

    // Amounts exactly as the charge's JSON has them.
    const QString currency = m_charge.value(s("currency")).toString();
    QCOMPARE(shown("count"), s("1"));
    QCOMPARE(shown("volume"), QString::number(m_charge.value(s("units")).toInteger()));
    QCOMPARE(shown("net"), money(m_charge.value(s("amount"))).toString(2) + s(" ") + currency);
    QVERIFY(shown("net").endsWith(s(" ") + currency));
    QCOMPARE(money(shown("net").chopped(currency.size() + 1)), money(m_charge.value(s("amount"))));
    // Tax is the invoice line's; the demo agreement is taxed, so the charge says where.
    const Amount rate = money(m_invoice.value(s("taxRate")));
    QVERIFY(rate.micros() > 0);
    QCOMPARE(shown("tax"),
             s("%1 %2 % on the invoice line").arg(m_invoice.value(s("taxLabel")).toString(), rate.toString(0)));
    QCOMPARE(shown("total"), s("on the invoice line"));

    // The details below: the same charge, times in the invoice's zone, naming the invoice.
    ChargeDetailsView *details = form->details();
    QCOMPARE(details->charge(), m_charge);
    QCOMPARE(details->valueText(s("invoice")), s("#%1 (draft)").arg(invoiceId));
    QCOMPARE(details->valueText(s("amount")), money(m_charge.value(s("amount"))).toString(2) + s(" ") + currency);
    QCOMPARE(details->valueText(s("chargedAt")), inZone(m_charge.value(s("chargedAt")).toString(), zone));
    QCOMPARE(details->title(), s("Charge details"));

    // Read-only: nothing to type into, no Edit, no Delete.
    QVERIFY(form->findChildren<QLineEdit *>().isEmpty());
    QVERIFY(!form->editButton()->isVisible());
    QVERIFY(!form->deleteButton()->isVisible());
}

void TestChargeForm::detailsShowEveryCatalogueField()
{
    // Fields the server adds to charges (price type, scale tier…) come through the catalogue: each
    // field has its row, and each value the JSON carries is shown.
    std::unique_ptr<ChargeForm> form = openForm(m_session.get(), m_charge.value(s("id")).toInteger());
    QVERIFY(form);
    QSignalSpy looked(form.get(), &ChargeForm::invoiceLookedUp);
    QVERIFY(looked.wait(10000));
    int withValue = 0;
    for (const FieldDescriptor &field : EntityCatalogue::get(entities::charges).fields) {
        if (field.type == FieldType::TimeZone)
            continue;
        const QString text = form->details()->valueText(field.name);
        QVERIFY2(!text.isEmpty(), qPrintable(field.name));
        const QJsonValue value = m_charge.value(field.name);
        if (value.isNull() || value.isUndefined())
            continue;
        QVERIFY2(text != s("—"), qPrintable(field.name));
        ++withValue;
    }
    QVERIFY(withValue >= 10);
}

void TestChargeForm::chargeOutsideAnyInvoiceSaysSo()
{
    // A charge in a period no billing run has reached: no invoice holds it yet.
    const QString future = QDateTime::currentDateTimeUtc().addDays(400).toString(Qt::ISODateWithMs);
    QSqlQuery insert(m_server.instance()->database()->connection());
    insert.prepare(
        s("INSERT INTO charges (charged_at, transaction_id, company_id, agreement_id, source, units,"
          " unit_price, amount, currency, description, created_at, updated_at)"
          " VALUES (?, 'gui-charge-future', ?, ?, 'additionalFee', 1, 1250000, 1250000, ?, 'future fee', ?, ?)"));
    for (const QVariant &value :
         {QVariant(future), QVariant(m_charge.value(s("companyId")).toInteger()),
          QVariant(m_charge.value(s("agreementId")).toInteger()), QVariant(m_charge.value(s("currency")).toString()),
          QVariant(future), QVariant(future)})
        insert.addBindValue(value);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    const qint64 id = insert.lastInsertId().toLongLong();
    QVERIFY(id > 0);

    std::unique_ptr<ChargeForm> form = openForm(m_session.get(), id);
    QVERIFY(form);
    QSignalSpy looked(form.get(), &ChargeForm::invoiceLookedUp);
    QVERIFY(looked.wait(10000));
    QVERIFY(looked.first().at(0).toBool());
    QVERIFY(form->invoice().isEmpty());
    ChargeSummaryPanel *summary = form->summary();
    QCOMPARE(summary->valueText(s("invoice")), s("not invoiced yet"));
    QVERIFY(!summary->invoiceButton()->isVisible());
    QCOMPARE(summary->valueText(s("invoiceStatus")), s("—"));
    QCOMPARE(summary->valueText(s("periodStart")), s("—"));
    QCOMPARE(summary->valueText(s("net")), s("1.25 %1").arg(m_charge.value(s("currency")).toString()));
    QCOMPARE(summary->valueText(s("source")), s("Additional fee"));
    QCOMPARE(summary->valueText(s("service")), s("—"));
    QCOMPARE(form->details()->valueText(s("invoice")), s("not invoiced yet"));
    QCOMPARE(form->banner()->text(), QString());
}

void TestChargeForm::invoiceLinkOpensTheInvoiceTab()
{
    app::MainWindow window(m_session.get());
    const qint64 id = m_charge.value(s("id")).toInteger();
    auto *form = qobject_cast<ChargeForm *>(window.openRecord(ListContext::forEntity(entities::charges), id));
    QVERIFY(form);
    QTRY_VERIFY_WITH_TIMEOUT(!form->invoice().isEmpty(), 10000);
    QCOMPARE(window.tabs()->tabText(window.tabs()->indexOf(form)), s("Charge #%1").arg(id));
    const int tabs = window.tabs()->count();

    QSignalSpy requested(form, &ChargeForm::invoiceRequested);
    QTest::mouseClick(form->summary()->invoiceButton(), Qt::LeftButton);
    const qint64 invoiceId = m_invoice.value(s("id")).toInteger();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toLongLong(), invoiceId);
    auto *invoice = qobject_cast<InvoiceForm *>(window.tabs()->currentWidget());
    QVERIFY(invoice);
    QCOMPARE(invoice->recordId(), invoiceId);
    QCOMPARE(window.tabs()->count(), tabs + 1);
    QTRY_COMPARE_WITH_TIMEOUT(invoice->record().value(s("id")).toInteger(), invoiceId, 10000);

    // Both are open: asking again brings each forward, it does not open another.
    window.tabs()->setCurrentWidget(form);
    QTest::mouseClick(form->summary()->invoiceButton(), Qt::LeftButton);
    QCOMPARE(window.tabs()->currentWidget(), invoice);
    QCOMPARE(window.openRecord(ListContext::forEntity(entities::charges), id), form);
    QCOMPARE(window.tabs()->currentWidget(), form);
    QCOMPARE(window.tabs()->count(), tabs + 1);
}

void TestChargeForm::doubleClickInChargesWindowOpensTheChargeTab()
{
    app::MainWindow window(m_session.get());
    window.resize(1500, 1000);
    window.show();
    const qint64 invoiceId = m_invoice.value(s("id")).toInteger();
    auto *invoice
        = qobject_cast<InvoiceForm *>(window.openRecord(ListContext::forEntity(entities::invoices), invoiceId));
    QVERIFY(invoice);
    QSignalSpy linesLoaded(invoice->linesPanel(), &InvoiceLinesPanel::loaded);
    QVERIFY(linesLoaded.wait(10000));
    InvoiceLinesModel *lines = invoice->linesPanel()->model();
    QJsonObject traffic;
    for (int row = 0; row < lines->rowCount() && traffic.isEmpty(); ++row) {
        if (lines->lineAt(row).value(s("source")).toString() == s("traffic"))
            traffic = lines->lineAt(row);
    }
    QVERIFY(!traffic.isEmpty());
    const int tabs = window.tabs()->count();

    // Each charge of the line in turn, and the first once more: its tab comes forward again.
    const QList<int> rows {0, 1, 0};
    QList<qint64> opened;
    for (int row : rows) {
        invoice->showCharges(traffic);
        InvoiceChargesDialog *dialog = invoice->chargesDialog();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->model()->isLoading() && dialog->model()->rowCount() == Delivered.size(),
                                 10000);
        const qint64 chargeId = dialog->model()->chargeAt(row).value(s("id")).toInteger();
        QTableView *table = dialog->table();
        const QPoint point = table->visualRect(dialog->model()->index(row, LineChargesModel::Amount)).center();
        // A click shows the charge's details in the window, for browsing.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, point);
        QCOMPARE(dialog->details()->charge().value(s("id")).toInteger(), chargeId);
        QVERIFY(dialog->isVisible());
        // A double click opens its own tab and the window makes way for it.
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, point);
        auto *charge = qobject_cast<ChargeForm *>(window.tabs()->currentWidget());
        QVERIFY(charge);
        QCOMPARE(charge->recordId(), chargeId);
        QTRY_VERIFY(!invoice->chargesDialog());
        QTRY_VERIFY_WITH_TIMEOUT(!charge->invoice().isEmpty(), 10000);
        QCOMPARE(charge->invoice().value(s("id")).toInteger(), invoiceId);
        if (!opened.contains(chargeId))
            opened << chargeId;
        QCOMPARE(window.tabs()->count(), tabs + int(opened.size()));
    }
    QCOMPARE(opened.size(), 2);
}

void TestChargeForm::chargesListOpensTheChargeTab()
{
    app::MainWindow window(m_session.get());
    window.resize(1500, 1000);
    window.show();
    QVERIFY(window.openSection(entities::charges));
    EntityListView *list = window.listView(entities::charges);
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0 && list->model()->idAt(0) > 0, 10000);
    const qint64 id = list->model()->idAt(0);
    const QPoint point = list->table()->visualRect(list->model()->index(0, 0)).center();
    QTest::mouseClick(list->table()->viewport(), Qt::LeftButton, {}, point);
    QTest::mouseDClick(list->table()->viewport(), Qt::LeftButton, {}, point);
    auto *form = qobject_cast<ChargeForm *>(window.tabs()->currentWidget());
    QVERIFY2(form, "the charges list opened something else than the charge tab");
    QCOMPARE(form->recordId(), id);
    QTRY_COMPARE_WITH_TIMEOUT(form->summary()->valueText(s("id")), QString::number(id), 10000);
}

void TestChargeForm::missingChargeShowsTheServersText()
{
    const qint64 missing = 987'654;
    ApiReply *direct = m_admin->get(s("charges/%1").arg(missing));
    QVERIFY(!direct->waitForFinished());
    direct->deleteLater();
    QCOMPARE(direct->httpStatus(), 404);
    const QString message = direct->error().message; // what the server says, word for word
    QVERIFY(!message.isEmpty());

    std::unique_ptr<ChargeForm> form = openForm(m_session.get(), missing);
    QVERIFY(form);
    QTRY_VERIFY_WITH_TIMEOUT(!form->isBusy() && !form->banner()->text().isEmpty(), 10000);
    QCOMPARE(form->banner()->kind(), MessageBanner::Kind::Error);
    QCOMPARE(form->banner()->text(), message);
    QVERIFY(form->banner()->isVisible());
    QCOMPARE(form->summary()->valueText(s("id")), s("—"));
    QCOMPARE(form->summary()->valueText(s("net")), s("—"));
    QVERIFY(form->invoice().isEmpty());
}

void TestChargeForm::forbiddenChargeShowsTheServersText()
{
    QJsonObject answer;
    QString error;
    std::unique_ptr<ApiClient> reader = m_server.signInWithRole(*m_admin, s("company.reader"),
                                                                {{s("companies"), s("view")}}, &answer, &error);
    QVERIFY2(reader, qPrintable(error));
    Session session(reader.get());
    session.setIdentity(answer);

    const qint64 id = m_charge.value(s("id")).toInteger();
    ApiReply *direct = reader->get(s("charges/%1").arg(id));
    QVERIFY(!direct->waitForFinished());
    direct->deleteLater();
    QCOMPARE(direct->httpStatus(), 403);
    const QString message = direct->error().message;
    QVERIFY(!message.isEmpty());

    std::unique_ptr<ChargeForm> form = openForm(&session, id);
    QVERIFY(form);
    QTRY_VERIFY_WITH_TIMEOUT(!form->isBusy() && !form->banner()->text().isEmpty(), 10000);
    QCOMPARE(form->banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY2(form->banner()->text().contains(message), qPrintable(form->banner()->text()));
    QVERIFY(form->banner()->text().startsWith(s("You do not have permission")));
    // Nothing of the charge leaks into the tab.
    QCOMPARE(form->summary()->valueText(s("net")), s("—"));
    QVERIFY(form->details()->charge().isEmpty());
}

QTEST_MAIN(TestChargeForm)
#include "tst_charge_form.moc"
