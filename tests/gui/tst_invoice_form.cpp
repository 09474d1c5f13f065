// The invoice tab (BO §7.2) against the real server: real traffic charged in the running period,
// and charges of the previous period written the way the messaging writer writes them (two of them
// in tiers whose names differ only by a trailing digit, a fee without service or sender, and a rate
// with five decimals). The form must list exactly the server's lines, show each line's charges and
// only those, recalculate a draft, refuse to confirm a period that is not over with the server's
// words, confirm the past one after the question, save the PDF and the details archive to the path
// given, and offer a user who may only view invoices neither Recalculate, Confirm nor Edit.
#include "Amount.h"
#include "BillingEntities.h"
#include "ChargeDetailsView.h"
#include "Database.h"
#include "EntityCatalogue.h"
#include "FieldCell.h"
#include "FormFactory.h"
#include "InvoiceChargesDialog.h"
#include "InvoiceFiles.h"
#include "InvoiceForm.h"
#include "InvoiceLinesModel.h"
#include "InvoiceLinesPanel.h"
#include "LineChargesModel.h"
#include "MessageBanner.h"
#include "MessagingEntities.h"
#include "ServerInstance.h"
#include "Session.h"
#include "TestServer.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
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

// The emulator delivers numbers ending in 9990.
const QStringList Delivered {s("34622129990"), s("34622139990"), s("34622149990")};

} // namespace

class TestInvoiceForm final : public QObject
{
    Q_OBJECT

public:
    TestInvoiceForm()
        : m_server([](server::ServerOptions &options) { options.emulateVendorPort = 0; })
    { }

private slots:
    void initTestCase();
    void linesModelShowsMoneyExactly_data();
    void linesModelShowsMoneyExactly();
    void formListsTheServersLines();
    void eachLineShowsExactlyItsCharges();
    void recalculatePicksUpANewCharge();
    void confirmBeforeThePeriodIsOverShowsTheServersReason();
    void confirmFixesThePastInvoice();
    void downloadsGoWhereTheyAreAskedTo();
    void viewOnlyUserGetsNoActions();

private:
    QJsonObject invoice(qint64 id);
    QJsonArray serverLines(qint64 invoiceId);
    // A charge as the messaging writer stores it, at an instant of the previous period.
    void addCharge(int secondsBeforePeriod, const char *source, qint64 serviceId, qint64 senderId, qint64 unitPrice,
                   qint64 units, const char *band);
    std::unique_ptr<InvoiceForm> openForm(Session *session, qint64 invoiceId);
    static bool waitForLines(QSignalSpy &spy);

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    QJsonObject m_traffic; // one charge of the real traffic: its company, agreement, service and sender
    qint64 m_agreementId = -1;
    qint64 m_currentId = -1; // the running period's draft
    qint64 m_pastId = -1; // the previous period's draft
    QDateTime m_currentStart;
    int m_chargeSerial = 0;
};

void TestInvoiceForm::initTestCase()
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

    // Real traffic: three messages, charged to the sender's agreement in the running period.
    ApiClient sender;
    sender.setBaseUrl(m_server.baseUrl());
    sender.setToken(s("bo_demo_send_api_key_2026"));
    ApiReply *sent = sender.post(s("messages"),
                                 {{s("from"), s("PizzaPlanet")},
                                  {s("to"), QJsonArray::fromStringList(Delivered)},
                                  {s("message"), s("Your table is ready")}});
    QVERIFY2(sent->waitForFinished(), qPrintable(sent->error().message));
    QCOMPARE(sent->object().value(s("accepted")).toInt(), 3);
    auto charges = [this] {
        ApiReply *reply = m_admin->get(entities::charges, QUrlQuery(s("source=traffic&limit=10")));
        reply->waitForFinished();
        reply->deleteLater();
        return reply->object().value(s("items")).toArray();
    };
    QTRY_VERIFY_WITH_TIMEOUT(charges().size() >= 3, 30000);
    m_traffic = charges().first().toObject();
    m_agreementId = m_traffic.value(s("agreementId")).toInteger();
    QVERIFY(m_agreementId > 0);
    QVERIFY(m_traffic.value(s("serviceId")).toInteger() > 0);
    QVERIFY(m_traffic.value(s("senderRecordId")).toInteger() > 0);

    // The running period's draft exists from the first billing run; its start names the previous period.
    m_server.instance()->runBillingJobs(QDateTime::currentDateTimeUtc());
    QUrlQuery byAgreement;
    byAgreement.addQueryItem(s("agreementId"), QString::number(m_agreementId));
    byAgreement.addQueryItem(s("sort"), s("-periodStart"));
    ApiReply *invoices = m_admin->get(entities::invoices, byAgreement);
    QVERIFY(invoices->waitForFinished());
    const QJsonObject current = invoices->object().value(s("items")).toArray().first().toObject();
    m_currentId = current.value(s("id")).toInteger();
    m_currentStart = QDateTime::fromString(current.value(s("periodStart")).toString(), Qt::ISODateWithMs);
    QVERIFY(m_currentStart.isValid() && m_currentStart <= QDateTime::currentDateTimeUtc());
    if (m_currentStart.secsTo(QDateTime::currentDateTimeUtc()) < 6 * 60)
        QSKIP("The billing period began minutes ago: the previous one cannot be confirmed yet");

    const qint64 service = m_traffic.value(s("serviceId")).toInteger();
    const qint64 senderId = m_traffic.value(s("senderRecordId")).toInteger();
    // Three parts in tier 1 of 2, one in tier 1 of 20 (a substring match would take it too), two at
    // a five-decimal rate without a tier, and a sender ID fee without service or sender.
    for (int i = 0; i < 3; ++i)
        addCharge(3600 - i, "traffic", service, senderId, 45'000, 2, "tier 1 of 2");
    addCharge(3000, "traffic", service, senderId, 45'000, 1, "tier 1 of 20");
    addCharge(2500, "traffic", service, senderId, 4'210, 1, nullptr);
    addCharge(2400, "traffic", service, senderId, 4'210, 1, nullptr);
    addCharge(1800, "senderFee", 0, 0, 10'000'000, 1, nullptr);
    m_server.instance()->runBillingJobs(QDateTime::currentDateTimeUtc());

    ApiReply *again = m_admin->get(entities::invoices, byAgreement);
    QVERIFY(again->waitForFinished());
    const QJsonArray items = again->object().value(s("items")).toArray();
    QVERIFY(items.size() >= 2);
    QCOMPARE(items.at(0).toObject().value(s("id")).toInteger(), m_currentId);
    const QJsonObject past = items.at(1).toObject();
    QCOMPARE(QDateTime::fromString(past.value(s("periodEnd")).toString(), Qt::ISODateWithMs), m_currentStart);
    QCOMPARE(past.value(s("status")).toString(), s("DRAFT"));
    QCOMPARE(past.value(s("chargeCount")).toInteger(), qint64(7));
    m_pastId = past.value(s("id")).toInteger();
}

void TestInvoiceForm::addCharge(int secondsBeforePeriod, const char *source, qint64 serviceId, qint64 senderId,
                                qint64 unitPrice, qint64 units, const char *band)
{
    const QString at = m_currentStart.addSecs(-secondsBeforePeriod).toString(Qt::ISODateWithMs);
    QSqlQuery insert(m_server.instance()->database()->connection());
    insert.prepare(
        s("INSERT INTO charges (charged_at, transaction_id, company_id, agreement_id, source, service_id,"
          " sender_record_id, description, units, unit_price, amount, currency, band, created_at, updated_at)"
          " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    const QVariant nullId(QMetaType(QMetaType::LongLong));
    for (const QVariant &value :
         {QVariant(at), QVariant(s("gui-invoice-%1").arg(++m_chargeSerial)),
          QVariant(m_traffic.value(s("companyId")).toInteger()), QVariant(m_agreementId), QVariant(s(source)),
          serviceId ? QVariant(serviceId) : nullId, senderId ? QVariant(senderId) : nullId,
          QVariant(s("test charge %1").arg(m_chargeSerial)), QVariant(units), QVariant(unitPrice),
          QVariant(unitPrice * units), QVariant(m_traffic.value(s("currency")).toString()),
          band ? QVariant(s(band)) : QVariant(QMetaType(QMetaType::QString)), QVariant(at), QVariant(at)})
        insert.addBindValue(value);
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
}

QJsonObject TestInvoiceForm::invoice(qint64 id)
{
    ApiReply *reply = m_admin->get(s("invoices/%1").arg(id));
    reply->waitForFinished();
    reply->deleteLater();
    return reply->object();
}

QJsonArray TestInvoiceForm::serverLines(qint64 invoiceId)
{
    QUrlQuery query;
    query.addQueryItem(s("invoiceId"), QString::number(invoiceId));
    query.addQueryItem(s("sort"), s("id"));
    query.addQueryItem(s("limit"), s("1000"));
    ApiReply *reply = m_admin->get(entities::invoiceLines, query);
    reply->waitForFinished();
    reply->deleteLater();
    return reply->object().value(s("items")).toArray();
}

bool TestInvoiceForm::waitForLines(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(10000))
        return false;
    return spy.takeFirst().at(0).toBool();
}

std::unique_ptr<InvoiceForm> TestInvoiceForm::openForm(Session *session, qint64 invoiceId)
{
    std::unique_ptr<EntityForm> form(createForm(session, ListContext::forEntity(entities::invoices)));
    auto *invoiceForm = qobject_cast<InvoiceForm *>(form.get());
    if (!invoiceForm)
        return nullptr;
    form.release();
    std::unique_ptr<InvoiceForm> result(invoiceForm);
    result->resize(1400, 1000);
    result->show();
    result->openRecord(invoiceId);
    return result;
}

void TestInvoiceForm::linesModelShowsMoneyExactly_data()
{
    QTest::addColumn<QString>("unitPrice");
    QTest::addColumn<QString>("net");
    QTest::addColumn<QString>("shownRate");
    QTest::addColumn<QString>("shownNet");

    QTest::newRow("five-decimal rate") << s("0.00421") << s("0.01") << s("0.00421") << s("0.01");
    QTest::newRow("six decimals kept") << s("0.000001") << s("0") << s("0.000001") << s("0.00");
    QTest::newRow("whole units") << s("10") << s("1500.5") << s("10.00") << s("1500.50");
    // 2^53 + 1 micro-units: a double would show ...992.
    QTest::newRow("beyond double precision")
        << s("0.1") << s("9007199254.740993") << s("0.10") << s("9007199254.740993");
}

void TestInvoiceForm::linesModelShowsMoneyExactly()
{
    QFETCH(QString, unitPrice);
    QFETCH(QString, net);
    QFETCH(QString, shownRate);
    QFETCH(QString, shownNet);

    InvoiceLinesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QJsonObject line {{s("source"), s("traffic")}, {s("description"), s("SMS · sender ACME")},
                            {s("senderRecordId"), 4},    {s("senderRecordName"), s("ACME")},
                            {s("unitPrice"), unitPrice}, {s("band"), s("tier 2 of 3")},
                            {s("priceType"), s("scale")}, {s("scaleTier"), 2},
                            {s("chargeCount"), 12},      {s("volume"), 30},
                            {s("exactNet"), net},        {s("net"), net},
                            {s("tax"), s("0")},          {s("total"), net}};
    model.setCurrency(s("EUR"));
    model.setLines({line, line});
    QCOMPARE(model.rowCount(), 2);
    auto cell = [&model](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(cell(InvoiceLinesModel::Source), s("Traffic"));
    QCOMPARE(cell(InvoiceLinesModel::SenderId), s("ACME"));
    QCOMPARE(cell(InvoiceLinesModel::Rate), shownRate);
    QCOMPARE(cell(InvoiceLinesModel::Tier), s("tier 2 of 3"));
    QCOMPARE(cell(InvoiceLinesModel::PriceType), s("Scale"));
    QCOMPARE(cell(InvoiceLinesModel::Count), s("12"));
    QCOMPARE(cell(InvoiceLinesModel::Volume), s("30"));
    QCOMPARE(cell(InvoiceLinesModel::Net), shownNet);
    QCOMPARE(cell(InvoiceLinesModel::Tax), s("0.00"));
    QCOMPARE(model.headerData(InvoiceLinesModel::Total, Qt::Horizontal).toString(), s("Total, EUR"));
    QCOMPARE(model.index(0, InvoiceLinesModel::Net).data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(model.chargeCount(), qint64(24));
    const Amount one = Amount::parse(net).value();
    QCOMPARE(model.net(), one + one);
    QCOMPARE(model.lineAt(1), line);
    QVERIFY(model.lineAt(2).isEmpty());
}

void TestInvoiceForm::formListsTheServersLines()
{
    std::unique_ptr<InvoiceForm> form = openForm(m_session.get(), m_pastId);
    QVERIFY(form);
    InvoiceLinesPanel *panel = form->linesPanel();
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(panel, &InvoiceLinesPanel::loaded);
    QVERIFY(waitForLines(loaded));
    QVERIFY(panel->isVisible());

    const QJsonObject header = invoice(m_pastId);
    const QJsonArray lines = serverLines(m_pastId);
    InvoiceLinesModel *model = panel->model();
    QCOMPARE(lines.size(), 4); // tier 1 of 2, tier 1 of 20, the 0.00421 rate, the fee
    QCOMPARE(model->rowCount(), int(lines.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const QJsonObject sent = lines.at(row).toObject();
        QCOMPARE(model->lineAt(row), sent);
        auto shown = [model, row](int column) { return model->index(row, column).data().toString(); };
        QCOMPARE(shown(InvoiceLinesModel::Count), QString::number(sent.value(s("chargeCount")).toInteger()));
        QCOMPARE(shown(InvoiceLinesModel::Volume), QString::number(sent.value(s("volume")).toInteger()));
        QCOMPARE(shown(InvoiceLinesModel::Net), money(sent.value(s("net"))).toString(2));
        QCOMPARE(shown(InvoiceLinesModel::Tax), money(sent.value(s("tax"))).toString(2));
        QCOMPARE(shown(InvoiceLinesModel::Total), money(sent.value(s("total"))).toString(2));
        QCOMPARE(shown(InvoiceLinesModel::Rate), money(sent.value(s("unitPrice"))).toString(2));
    }
    // The exact figures the charges add up to, line by line.
    auto rowWith = [model](const char *band, qint64 unitPrice) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QJsonObject line = model->lineAt(row);
            if (line.value(s("band")).toString() == s(band) && money(line.value(s("unitPrice"))).micros() == unitPrice)
                return row;
        }
        return -1;
    };
    auto lineWith
        = [model, rowWith](const char *band, qint64 unitPrice) { return model->lineAt(rowWith(band, unitPrice)); };
    const QJsonObject tierOfTwo = lineWith("tier 1 of 2", 45'000);
    QCOMPARE(tierOfTwo.value(s("chargeCount")).toInteger(), qint64(3));
    QCOMPARE(tierOfTwo.value(s("volume")).toInteger(), qint64(6));
    QCOMPARE(money(tierOfTwo.value(s("exactNet"))), Amount::fromMicros(270'000));
    QCOMPARE(lineWith("tier 1 of 20", 45'000).value(s("chargeCount")).toInteger(), qint64(1));
    const QJsonObject fiveDecimals = lineWith("", 4'210);
    QCOMPARE(money(fiveDecimals.value(s("exactNet"))), Amount::fromMicros(8'420));
    QCOMPARE(money(fiveDecimals.value(s("net"))), Amount::fromMicros(10'000)); // rounded once, half up
    // Lines come in the server's order (by source key first): the fee before the traffic.
    QCOMPARE(model->lineAt(0).value(s("source")).toString(), s("senderFee"));
    QCOMPARE(model->index(0, InvoiceLinesModel::Source).data().toString(), s("Sender ID fee"));
    QCOMPARE(model->index(0, InvoiceLinesModel::SenderId).data().toString(), QString());
    QCOMPARE(model->index(0, InvoiceLinesModel::Rate).data().toString(), s("10.00"));
    const int fiveDecimalRow = rowWith("", 4'210);
    QCOMPARE(model->index(fiveDecimalRow, InvoiceLinesModel::Rate).data().toString(), s("0.00421"));
    QCOMPARE(model->index(fiveDecimalRow, InvoiceLinesModel::Net).data().toString(), s("0.01"));
    QCOMPARE(model->index(fiveDecimalRow, InvoiceLinesModel::Net).data(Qt::ToolTipRole).toString(),
             s("Exact net 0.00842 %1").arg(header.value(s("currency")).toString()));

    // The lines add up to the header, and the header says so in the invoice's currency.
    const QString currency = header.value(s("currency")).toString();
    QCOMPARE(model->chargeCount(), header.value(s("chargeCount")).toInteger());
    QCOMPARE(model->net(), money(header.value(s("net"))));
    QCOMPARE(model->tax(), money(header.value(s("tax"))));
    QCOMPARE(model->total(), money(header.value(s("total"))));
    QCOMPARE(form->cell(s("total"))->valueLabel()->text(),
             money(header.value(s("total"))).toString(2) + s(" ") + currency);
    QCOMPARE(model->headerData(InvoiceLinesModel::Net, Qt::Horizontal).toString(), s("Net, %1").arg(currency));
    QVERIFY2(panel->summaryLabel()->text().startsWith(s("4 lines · 7 charges")),
             qPrintable(panel->summaryLabel()->text()));

    // A draft, for the demo administrator: Recalculate and Confirm; Edit for the comment; never Delete.
    QVERIFY(form->recalculateButton()->isVisible());
    QVERIFY(form->confirmButton()->isVisible());
    QVERIFY(form->pdfButton()->isVisible());
    QVERIFY(form->editButton()->isVisible());
    QVERIFY(!form->deleteButton()->isVisible());
    QVERIFY(!form->cell(s("referenceNumber"))->valueLabel()->text().isEmpty());
}

void TestInvoiceForm::eachLineShowsExactlyItsCharges()
{
    std::unique_ptr<InvoiceForm> form = openForm(m_session.get(), m_pastId);
    QVERIFY(form);
    QSignalSpy loaded(form->linesPanel(), &InvoiceLinesPanel::loaded);
    QVERIFY(waitForLines(loaded));
    InvoiceLinesModel *lines = form->linesPanel()->model();
    QTableView *table = form->linesPanel()->table();
    QVERIFY(lines->rowCount() == 4);
    for (int row = 0; row < lines->rowCount(); ++row) {
        const QJsonObject line = lines->lineAt(row);
        // A double click opens the line's charges, as §7.2 has it.
        const QRect rect = table->visualRect(lines->index(row, InvoiceLinesModel::Description));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        InvoiceChargesDialog *dialog = form->chargesDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        LineChargesModel *charges = dialog->model();
        QAbstractItemModelTester tester(charges, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // One charge per page, so the line is read page by page as a view scrolling it would.
        charges->setPageSize(1);
        charges->load(invoice(m_pastId), line);
        QTRY_VERIFY_WITH_TIMEOUT(!charges->isLoading() && (charges->isComplete() || charges->canFetchMore({})), 10000);
        while (!charges->isComplete()) {
            if (charges->canFetchMore({}))
                charges->fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(!charges->isLoading(), 10000);
        }
        QCOMPARE(charges->rowCount(), int(line.value(s("chargeCount")).toInteger()));
        Amount sum;
        for (int i = 0; i < charges->rowCount(); ++i) {
            const QJsonObject charge = charges->chargeAt(i);
            QCOMPARE(charge.value(s("band")).toString(), line.value(s("band")).toString());
            QCOMPARE(charge.value(s("source")).toString(), line.value(s("source")).toString());
            QCOMPARE(money(charge.value(s("unitPrice"))), money(line.value(s("unitPrice"))));
            QCOMPARE(charges->index(i, LineChargesModel::Amount).data().toString(),
                     money(charge.value(s("amount"))).toString(2));
            sum += money(charge.value(s("amount")));
        }
        QCOMPARE(sum, money(line.value(s("exactNet"))));

        // The details of the selected charge, read-only, naming the invoice.
        dialog->table()->selectRow(0);
        const QJsonObject first = charges->chargeAt(0);
        ChargeDetailsView *details = dialog->details();
        QCOMPARE(details->charge(), first);
        QCOMPARE(details->valueText(s("id")), QString::number(first.value(s("id")).toInteger()));
        QCOMPARE(details->valueText(s("amount")),
                 money(first.value(s("amount"))).toString(2) + s(" ") + first.value(s("currency")).toString());
        QCOMPARE(details->valueText(s("unitPrice")),
                 money(first.value(s("unitPrice"))).toString(2) + s(" ") + first.value(s("currency")).toString());
        QCOMPARE(details->valueText(s("invoice")), s("#%1 (draft)").arg(m_pastId));
        QVERIFY(details->findChildren<QLineEdit *>().isEmpty()); // nothing to type into
        dialog->close();
        QTRY_VERIFY(!form->chargesDialog());
    }
}

void TestInvoiceForm::recalculatePicksUpANewCharge()
{
    std::unique_ptr<InvoiceForm> form = openForm(m_session.get(), m_pastId);
    QVERIFY(form);
    QSignalSpy loaded(form->linesPanel(), &InvoiceLinesPanel::loaded);
    QVERIFY(waitForLines(loaded));
    const Amount before = form->linesPanel()->model()->net();
    addCharge(600, "traffic", m_traffic.value(s("serviceId")).toInteger(),
              m_traffic.value(s("senderRecordId")).toInteger(), 45'000, 2, "tier 1 of 2");
    // Nothing changes until someone recalculates (the job's own pass comes later).
    QCOMPARE(invoice(m_pastId).value(s("chargeCount")).toInteger(), qint64(7));

    QTest::mouseClick(form->recalculateButton(), Qt::LeftButton);
    QVERIFY(form->isBusy());
    QVERIFY(waitForLines(loaded));
    QTRY_VERIFY(!form->isBusy());
    QCOMPARE(form->banner()->kind(), MessageBanner::Kind::Info);
    QCOMPARE(form->banner()->text(), s("Recalculated from the period's charges."));
    QCOMPARE(form->record().value(s("chargeCount")).toInteger(), qint64(8));
    QCOMPARE(form->linesPanel()->model()->chargeCount(), qint64(8));
    QCOMPARE(form->linesPanel()->model()->net(), before + Amount::fromMicros(90'000).rounded(2));
    const QJsonArray lines = serverLines(m_pastId);
    QCOMPARE(form->linesPanel()->model()->rowCount(), int(lines.size()));
    for (int row = 0; row < lines.size(); ++row)
        QCOMPARE(form->linesPanel()->model()->lineAt(row), lines.at(row).toObject());
    QCOMPARE(form->linesPanel()->model()->total(), money(invoice(m_pastId).value(s("total"))));
}

void TestInvoiceForm::confirmBeforeThePeriodIsOverShowsTheServersReason()
{
    std::unique_ptr<InvoiceForm> form = openForm(m_session.get(), m_currentId);
    QVERIFY(form);
    QSignalSpy loaded(form->linesPanel(), &InvoiceLinesPanel::loaded);
    QVERIFY(waitForLines(loaded));
    QVERIFY(form->isDraft());
    QVERIFY(form->confirmButton()->isVisible() && form->confirmButton()->isEnabled());

    QTest::mouseClick(form->confirmButton(), Qt::LeftButton);
    QMessageBox *question = form->findChild<QMessageBox *>(s("confirmInvoiceConfirmation"));
    QVERIFY(question);
    QVERIFY(question->informativeText().contains(s("reference number")));
    QVERIFY(question->informativeText().contains(s("cannot be undone")));
    QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!form->isBusy() && form->banner()->kind() == MessageBanner::Kind::Error
                                 && !form->banner()->text().isEmpty(),
                             10000);

    // What the server says to the same request, word for word, after the form's own sentence.
    ApiReply *direct = m_admin->post(s("invoices/%1/confirm").arg(m_currentId));
    QVERIFY(!direct->waitForFinished());
    QCOMPARE(direct->httpStatus(), 409);
    QCOMPARE(direct->error().code, s("period_not_over"));
    QCOMPARE(form->banner()->text(), s("The invoice cannot be confirmed yet. %1").arg(direct->error().message));
    QCOMPARE(invoice(m_currentId).value(s("status")).toString(), s("DRAFT"));
    QVERIFY(form->confirmButton()->isVisible());

    // Answering Cancel sends nothing.
    form->banner()->clearMessage();
    QTest::mouseClick(form->confirmButton(), Qt::LeftButton);
    question = form->findChild<QMessageBox *>(s("confirmInvoiceConfirmation"));
    QVERIFY(question);
    QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(!form->isBusy());
    QVERIFY(form->banner()->text().isEmpty());
}

void TestInvoiceForm::confirmFixesThePastInvoice()
{
    std::unique_ptr<InvoiceForm> form = openForm(m_session.get(), m_pastId);
    QVERIFY(form);
    QSignalSpy loaded(form->linesPanel(), &InvoiceLinesPanel::loaded);
    QVERIFY(waitForLines(loaded));
    QSignalSpy saved(form.get(), &EntityForm::saved);

    QTest::mouseClick(form->confirmButton(), Qt::LeftButton);
    QMessageBox *question = form->findChild<QMessageBox *>(s("confirmInvoiceConfirmation"));
    QVERIFY(question);
    QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
    QVERIFY(waitForLines(loaded));
    QTRY_VERIFY(!form->isBusy());

    const QJsonObject confirmed = invoice(m_pastId);
    QCOMPARE(confirmed.value(s("status")).toString(), s("CONFIRMED"));
    QCOMPARE(form->record().value(s("status")).toString(), s("CONFIRMED"));
    QCOMPARE(form->cell(s("status"))->valueLabel()->text(), s("Confirmed"));
    const QString reference = confirmed.value(s("referenceNumber")).toString();
    QVERIFY(!reference.isEmpty());
    QCOMPARE(form->cell(s("referenceNumber"))->valueLabel()->text(), reference);
    QCOMPARE(form->title(), s("Invoice %1").arg(reference));
    QCOMPARE(form->banner()->text(), s("Invoice confirmed."));
    QCOMPARE(saved.size(), 1); // lists of invoices refresh
    // A confirmed invoice no longer changes: no Recalculate, no Confirm; the comment stays editable.
    QVERIFY(!form->recalculateButton()->isVisible());
    QVERIFY(!form->confirmButton()->isVisible());
    QVERIFY(form->editButton()->isVisible());
    QVERIFY(form->pdfButton()->isVisible());
    QCOMPARE(form->linesPanel()->model()->total(), money(confirmed.value(s("total"))));
}

void TestInvoiceForm::downloadsGoWhereTheyAreAskedTo()
{
    std::unique_ptr<InvoiceForm> form = openForm(m_session.get(), m_pastId);
    QVERIFY(form);
    QSignalSpy loaded(form->linesPanel(), &InvoiceLinesPanel::loaded);
    QVERIFY(waitForLines(loaded));
    const QString reference = form->record().value(s("referenceNumber")).toString();
    QVERIFY(!reference.isEmpty());

    QTemporaryDir folder;
    QStringList suggestions;
    QString target;
    form->setSavePathChooser([&](QWidget *, const QString &, const QString &suggested, const QString &) {
        suggestions << QFileInfo(suggested).fileName();
        return target;
    });
    QSignalSpy finished(form.get(), &InvoiceForm::downloadFinished);

    // Cancelling the dialog downloads nothing.
    QTest::mouseClick(form->pdfButton(), Qt::LeftButton);
    QCOMPARE(suggestions, QStringList {s("invoice-%1.pdf").arg(reference)});
    QVERIFY(form->pdfButton()->isEnabled());
    QCOMPARE(finished.size(), 0);

    target = folder.filePath(s("chosen.pdf"));
    QTest::mouseClick(form->pdfButton(), Qt::LeftButton);
    QVERIFY(!form->pdfButton()->isEnabled()); // one download at a time
    QVERIFY(finished.wait(30000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QFile pdf(target);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(form->banner()->text().startsWith(s("Saved ")));

    target = folder.filePath(s("details.zip"));
    QTest::mouseClick(form->detailsButton(), Qt::LeftButton);
    QCOMPARE(suggestions.last(), s("invoice-%1-details.zip").arg(reference));
    QVERIFY(finished.size() == 2 || finished.wait(30000));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
    QFile zip(target);
    QVERIFY(zip.open(QIODevice::ReadOnly));
    QVERIFY(zip.read(2) == "PK");

    // A draft has no reference number yet: its files are named after its id.
    QCOMPARE(invoicefiles::suggestedFileName(invoice(m_currentId), invoicefiles::Document::Pdf),
             s("invoice-DRAFT-%1.pdf").arg(m_currentId));
    // A folder that cannot be written to says so, and leaves nothing behind.
    target = folder.filePath(s("missing/folder/x.pdf"));
    QTest::mouseClick(form->pdfButton(), Qt::LeftButton);
    QVERIFY(finished.size() == 3 || finished.wait(30000));
    QVERIFY(!finished.last().at(0).toBool());
    QCOMPARE(form->banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY(!QFile::exists(target));
}

void TestInvoiceForm::viewOnlyUserGetsNoActions()
{
    QJsonObject answer;
    QString error;
    std::unique_ptr<ApiClient> reader = m_server.signInWithRole(*m_admin, s("invoice.reader"),
                                                                {{s("invoices"), s("view")}}, &answer, &error);
    QVERIFY2(reader, qPrintable(error));
    Session session(reader.get());
    session.setIdentity(answer);

    std::unique_ptr<InvoiceForm> form = openForm(&session, m_currentId);
    QVERIFY(form);
    QSignalSpy loaded(form->linesPanel(), &InvoiceLinesPanel::loaded);
    QVERIFY(waitForLines(loaded));
    QVERIFY(form->isDraft());
    QVERIFY(!form->recalculateButton()->isVisible());
    QVERIFY(!form->confirmButton()->isVisible());
    QVERIFY(!form->editButton()->isVisible());
    QVERIFY(!form->deleteButton()->isVisible());
    QVERIFY(form->pdfButton()->isVisible()); // reading the printed invoice is viewing it
    QVERIFY(form->detailsButton()->isVisible());
    // Asked anyway, the form sends nothing.
    form->recalculate();
    QVERIFY(!form->isBusy());
}

QTEST_MAIN(TestInvoiceForm)
#include "tst_invoice_form.moc"
