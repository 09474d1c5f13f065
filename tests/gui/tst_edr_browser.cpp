// Reports → EDRs: the generic list over the edrs collection after real traffic (the vendor emulator
// delivers one message, leaves one undelivered and refuses one): its default columns, filters by
// status, number, sender and a time range, the record view (read-only, every field) and CSV export;
// and the balance line of the agreement the traffic was charged to.
#include "AgreementBalanceLine.h"
#include "AgreementForm.h"
#include "ColumnFilterDialog.h"
#include "EntityCatalogue.h"
#include "EntityForm.h"
#include "EntityListView.h"
#include "FieldCell.h"
#include "FormFactory.h"
#include "MainWindow.h"
#include "MessagingEntities.h"
#include "Navigation.h"
#include "RemoteTableModel.h"
#include "ServerInstance.h"
#include "Session.h"
#include "TestServer.h"
#include "ValueFormat.h"

#include <QDateTimeEdit>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::views;

namespace {

// The emulator's rules by suffix (9990 delivers, 9996 undelivers, 9991 refuses): outcomes not left to its
// default delivered share.
const QString Delivered = QStringLiteral("34622129990");
const QString Undelivered = QStringLiteral("34622129996");
const QString Failing = QStringLiteral("34622129991");

} // namespace

class TestEdrBrowser final : public QObject
{
    Q_OBJECT

public:
    TestEdrBrowser()
        : m_server([](server::ServerOptions &options) { options.emulateVendorPort = 0; })
    { }

private slots:
    void initTestCase();
    void listShowsTheDefaultColumns();
    void filtersByStatusNumberAndSender_data();
    void filtersByStatusNumberAndSender();
    void filtersByTimeRange();
    void recordOpensReadOnlyWithEveryField();
    void exportsCsv();
    void agreementShowsItsBalance();

private:
    QJsonArray edrs(const QString &query);
    void applyFilter(const QString &field, const QString &parameter, const QString &value);

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<EntityListView> m_list;
};

QJsonArray TestEdrBrowser::edrs(const QString &query)
{
    ApiReply *reply = m_admin->get(QStringLiteral("edrs"), QUrlQuery(query));
    reply->waitForFinished();
    reply->deleteLater();
    return reply->object().value(QLatin1String("items")).toArray();
}

void TestEdrBrowser::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("BackOffice GUI tests"));
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QJsonObject answer;
    m_admin = m_server.signInAdmin(&answer);
    QVERIFY(m_admin);
    m_session = std::make_unique<Session>(m_admin.get());
    m_session->setIdentity(answer);

    ApiClient sender;
    sender.setBaseUrl(m_server.baseUrl());
    sender.setToken(QStringLiteral("bo_demo_send_api_key_2026"));
    ApiReply *sent = sender.post(QStringLiteral("messages"),
                                 {{QStringLiteral("from"), QStringLiteral("PizzaPlanet")},
                                  {QStringLiteral("to"), QJsonArray {Delivered, Undelivered, Failing}},
                                  {QStringLiteral("message"), QStringLiteral("hi")}});
    QVERIFY2(sent->waitForFinished(), qPrintable(sent->error().message));
    QCOMPARE(sent->object().value(QLatin1String("accepted")).toInt(), 3);
    // Wait until the three have their final status (delivery receipts come from the emulator).
    auto finalCount = [this] {
        int done = 0;
        for (const QJsonValue &edr : edrs(QStringLiteral("limit=100"))) {
            const QString status = edr.toObject().value(QLatin1String("status")).toString();
            done += status == QLatin1String("DELIVERED") || status == QLatin1String("UNDELIVERED")
                || status == QLatin1String("FAILED");
        }
        return done;
    };
    QTRY_COMPARE_WITH_TIMEOUT(finalCount(), 3, 30000);

    const app::NavigationEntry *entry = app::Navigation::find(QStringLiteral("edrs"));
    QVERIFY(entry);
    QSettings().remove(QStringLiteral("lists/%1/columns").arg(entry->list.key));
    m_list = std::make_unique<EntityListView>(m_session.get(), entry->list);
    m_list->resize(1400, 600);
    m_list->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_list->model()->hasLoaded(), 10000);
}

void TestEdrBrowser::listShowsTheDefaultColumns()
{
    const QStringList visible = m_list->visibleColumns();
    for (const char *name : {"acceptedAt", "transactionId", "companyId", "channel", "sender", "destination", "status",
                             "errorText", "country", "price", "currency", "doneAt"}) {
        QVERIFY2(visible.contains(QString::fromLatin1(name)), name);
    }
    for (const char *name : {"text", "messageId", "vendorMessageId", "mccMnc"})
        QVERIFY2(!visible.contains(QString::fromLatin1(name)), name);
    QCOMPARE(m_list->model()->total(), 3);
    QVERIFY(!m_list->newAction()->isVisible()); // a read-only collection: nothing to create
    // References read by name, not by id.
    RemoteTableModel *model = m_list->model();
    QTRY_VERIFY(model->isRowLoaded(0));
    const QString company = model->index(0, model->columnOf(QStringLiteral("companyId"))).data().toString();
    QVERIFY2(!company.isEmpty() && !company.startsWith(QLatin1Char('#')), qPrintable(company));
    QCOMPARE(model->index(0, model->columnOf(QStringLiteral("channel"))).data().toString(), QStringLiteral("SMS"));
}

void TestEdrBrowser::applyFilter(const QString &field, const QString &parameter, const QString &value)
{
    m_list->setColumnFilter(field, {{parameter, value}});
    QTRY_VERIFY_WITH_TIMEOUT(!m_list->model()->isLoading() && m_list->model()->hasLoaded(), 10000);
}

void TestEdrBrowser::filtersByStatusNumberAndSender_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("numbers");
    QTest::newRow("status delivered") << QStringLiteral("status") << QStringLiteral("DELIVERED")
                                      << QStringList {Delivered};
    QTest::newRow("status undelivered") << QStringLiteral("status") << QStringLiteral("UNDELIVERED")
                                        << QStringList {Undelivered};
    QTest::newRow("status failed") << QStringLiteral("status") << QStringLiteral("FAILED") << QStringList {Failing};
    QTest::newRow("number contains 9996")
        << QStringLiteral("destination") << QStringLiteral("9996") << QStringList {Undelivered};
    QTest::newRow("number contains 62212")
        << QStringLiteral("destination") << QStringLiteral("62212") << QStringList {Delivered, Undelivered, Failing};
    QTest::newRow("sender") << QStringLiteral("sender") << QStringLiteral("Pizza")
                            << QStringList {Delivered, Undelivered, Failing};
    QTest::newRow("another sender") << QStringLiteral("sender") << QStringLiteral("NoSuchSender") << QStringList {};
}

void TestEdrBrowser::filtersByStatusNumberAndSender()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QStringList, numbers);
    // Through the dialog's own terms: what it produces for this column is what the list sends.
    const FieldDescriptor *descriptor = m_list->entity().field(field);
    QVERIFY(descriptor);
    QVERIFY(ColumnFilterDialog::isFilterable(*descriptor));
    QCOMPARE(ColumnFilterDialog::parametersOf(*descriptor), QStringList {field});
    m_list->model()->clearFilters();
    applyFilter(field, field, value);
    RemoteTableModel *model = m_list->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->total(), int(numbers.size()), 10000);
    QStringList shown;
    for (int row = 0; row < model->rowCount(); ++row) {
        QTRY_VERIFY(model->isRowLoaded(row));
        shown << model->record(row).value(QLatin1String("destination")).toString();
    }
    shown.sort();
    numbers.sort();
    QCOMPARE(shown, numbers);
    m_list->model()->clearFilters();
    QTRY_COMPARE_WITH_TIMEOUT(model->total(), 3, 10000);
}

void TestEdrBrowser::filtersByTimeRange()
{
    const FieldDescriptor *accepted = m_list->entity().field(QStringLiteral("acceptedAt"));
    QVERIFY(accepted);
    // The dialog offers minutes for a date-time, and quick choices.
    ColumnFilterDialog dialog(*accepted, {});
    QPushButton *lastHour = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("Last hour"))
            lastHour = button;
    }
    QVERIFY(lastHour);
    lastHour->click();
    const ColumnFilterDialog::Filters filters = dialog.filters();
    QCOMPARE(filters.size(), 1);
    QCOMPARE(filters.first().first, QStringLiteral("acceptedAt.from"));
    const QDateTime from = valueformat::parseInstant(filters.first().second);
    const qint64 ago = from.secsTo(QDateTime::currentDateTimeUtc());
    QVERIFY2(ago >= 3540 && ago <= 3600, qPrintable(filters.first().second));
    QVERIFY(ColumnFilterDialog::describe(m_list->entity(), filters.first().first, filters.first().second)
                .startsWith(QLatin1String("Accepted from ")));

    m_list->setColumnFilter(QStringLiteral("acceptedAt"), filters);
    QTRY_COMPARE_WITH_TIMEOUT(m_list->model()->total(), 3, 10000);

    // A range that ends before the traffic began: nothing.
    const QString before = valueformat::instantText(QDateTime::currentDateTimeUtc().addSecs(-3600));
    m_list->setColumnFilter(QStringLiteral("acceptedAt"), {{QStringLiteral("acceptedAt.to"), before}});
    QTRY_COMPARE_WITH_TIMEOUT(m_list->model()->total(), 0, 10000);
    QVERIFY(ColumnFilterDialog::describe(m_list->entity(), QStringLiteral("acceptedAt.to"), before)
                .startsWith(QLatin1String("Accepted before ")));
    // The dialog opened again shows the range that is set, to the minute.
    ColumnFilterDialog again(*accepted, m_list->model()->filters());
    auto *to = again.findChild<QDateTimeEdit *>(QStringLiteral("filterTo"));
    QVERIFY(to && to->isEnabled());
    QCOMPARE(to->dateTime().toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm")),
             valueformat::parseInstant(before).toString(QStringLiteral("yyyy-MM-ddTHH:mm")));
    m_list->model()->clearFilters();
    QTRY_COMPARE_WITH_TIMEOUT(m_list->model()->total(), 3, 10000);
}

void TestEdrBrowser::recordOpensReadOnlyWithEveryField()
{
    const QJsonArray undelivered = edrs(QStringLiteral("destination=%1").arg(Undelivered));
    QCOMPARE(undelivered.size(), 1);
    const qint64 id = undelivered.first().toObject().value(QLatin1String("id")).toInteger();
    app::MainWindow window(m_session.get());
    auto *form = qobject_cast<EntityForm *>(window.openRecord(m_list->context(), id));
    QVERIFY(form);
    QTRY_VERIFY_WITH_TIMEOUT(!form->record().isEmpty(), 10000);
    QCOMPARE(form->mode(), FormMode::View);
    QVERIFY(!form->canManage());
    QVERIFY(!form->editButton()->isVisible());
    QVERIFY(!form->deleteButton()->isVisible());
    for (const FieldDescriptor &field : form->entity().fields) {
        if (field.name == QLatin1String("id"))
            continue; // the header names it
        FieldCell *cell = form->cell(field.name);
        QVERIFY2(cell, qPrintable(field.name));
        QVERIFY2(!cell->isEditing(), qPrintable(field.name));
        QVERIFY2(!cell->isHidden(), qPrintable(field.name));
    }
    QCOMPARE(form->cell(QStringLiteral("destination"))->valueLabel()->text(), Undelivered);
    QCOMPARE(form->cell(QStringLiteral("status"))->valueLabel()->text(), QStringLiteral("Undelivered"));
    QCOMPARE(form->cell(QStringLiteral("text"))->valueLabel()->text(), QStringLiteral("hi"));
    QVERIFY(!form->cell(QStringLiteral("transactionId"))->valueLabel()->text().isEmpty());
}

void TestEdrBrowser::exportsCsv()
{
    QTemporaryDir folder;
    const QString fileName = folder.filePath(QStringLiteral("edrs.csv"));
    QSignalSpy finished(m_list.get(), &EntityListView::exportFinished);
    m_list->exportCsvTo(fileName);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    for (const QString &number : {Delivered, Undelivered, Failing})
        QVERIFY2(csv.contains(number), qPrintable(number));
}

void TestEdrBrowser::agreementShowsItsBalance()
{
    const QJsonArray delivered = edrs(QStringLiteral("destination=%1").arg(Delivered));
    QCOMPARE(delivered.size(), 1);
    const qint64 agreementId = delivered.first().toObject().value(QLatin1String("agreementId")).toInteger();
    QVERIFY(agreementId > 0);
    ApiReply *reply = m_admin->get(QStringLiteral("agreements/%1/balance").arg(agreementId));
    QVERIFY(reply->waitForFinished());
    const QJsonObject balance = reply->object();

    std::unique_ptr<EntityForm> form(createForm(m_session.get(), ListContext::forEntity(entities::agreements)));
    auto *agreement = qobject_cast<AgreementForm *>(form.get());
    QVERIFY(agreement);
    form->show();
    form->openRecord(agreementId);
    AgreementBalanceLine *line = agreement->balanceLine();
    QVERIFY(line);
    QTRY_VERIFY_WITH_TIMEOUT(line->isVisible() && !line->balance().isEmpty(), 10000);
    const QString text = line->text();
    const QString currency = balance.value(QLatin1String("currency")).toString();
    QVERIFY2(text.contains(QStringLiteral("%1 %2").arg(balance.value(QLatin1String("balance")).toString(), currency)),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Reserved:")) && text.contains(QLatin1String("Credit limit:"))
                 && text.contains(QLatin1String("Available:")),
             qPrintable(text));
    if (balance.value(QLatin1String("creditLimit")).isNull())
        QVERIFY(text.contains(QLatin1String("unlimited")));
    // A new agreement has no balance to show.
    std::unique_ptr<EntityForm> fresh(createForm(m_session.get(), ListContext::forEntity(entities::agreements)));
    fresh->startCreate();
    QVERIFY(!qobject_cast<AgreementForm *>(fresh.get())->balanceLine()->isVisible());
}

QTEST_MAIN(TestEdrBrowser)
#include "tst_edr_browser.moc"
