// The desktop flow of the issue, through the widgets: offline demo sign-in, open Companies,
// create a company in the form, find it in the list, edit it, see a validation message, delete it.
#include "AppController.h"
#include "DemoServer.h"
#include "EntityForm.h"
#include "EntityListView.h"
#include "FieldCell.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "RemoteTableModel.h"
#include "editors/BoolFieldEditor.h"
#include "editors/ReferenceComboBox.h"
#include "editors/ReferenceFieldEditor.h"
#include "editors/TextFieldEditor.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace backoffice;
using namespace backoffice::views;
using backoffice::app::AppController;
using backoffice::app::MainWindow;

class TestCompaniesFlow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoSignInShowsTheMainWindow();
    void navigationListsEverySection();
    void openCompaniesFromTheTree();
    void createCompanyThroughTheForm();
    void createdCompanyIsInTheList();
    void editCompany();
    void serverValidationIsShownUnderTheField();
    void deleteCompany();
    void cleanupTestCase();

private:
    EntityForm *currentForm() const;

    std::unique_ptr<AppController> m_controller;
    MainWindow *m_window = nullptr;
    EntityListView *m_list = nullptr;
    EntityForm *m_form = nullptr;
    int m_totalBefore = 0;
    qint64 m_createdId = -1;
};

void TestCompaniesFlow::initTestCase()
{
    // The demo keeps its database in the user's data folder; test mode points that elsewhere.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("BackOffice"));
    QFile::remove(app::DemoServer::databasePath());
    m_controller = std::make_unique<AppController>();
}

void TestCompaniesFlow::demoSignInShowsTheMainWindow()
{
    QSignalSpy shown(m_controller.get(), &AppController::mainWindowShown);
    m_controller->startDemo();
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
    m_window = m_controller->mainWindow();
    QVERIFY(m_window);
    QVERIFY(QFile::exists(app::DemoServer::databasePath()));
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->connectionLabel()->text().contains(QLatin1String("Connected")), 10000);
}

void TestCompaniesFlow::navigationListsEverySection()
{
    // Built sections are enabled; the rest are listed, disabled, as "(coming)".
    QTreeWidgetItem *companies = m_window->navigationItem(QStringLiteral("companies"));
    QVERIFY(companies);
    QVERIFY(companies->flags() & Qt::ItemIsEnabled);
    QTreeWidgetItem *coming = m_window->navigationItem(QStringLiteral("whatsapp-accounts"));
    QVERIFY(coming);
    QVERIFY(!(coming->flags() & Qt::ItemIsEnabled));
    QVERIFY(coming->text(0).endsWith(QLatin1String("(coming)")));
    for (const char *key : {"legal-entities", "agreements", "banks", "bank-accounts", "own-legal-entities",
                            "own-bank-accounts", "users-backoffice", "users-portal", "roles", "audit", "payments",
                            "balance-movements", "invoices", "additional-fees", "sender-id-fee-rules"}) {
        QTreeWidgetItem *item = m_window->navigationItem(QString::fromLatin1(key));
        QVERIFY2(item && (item->flags() & Qt::ItemIsEnabled), key);
    }
    QVERIFY(m_window->openSection(QStringLiteral("whatsapp-accounts")) == nullptr); // never a fake screen
}

void TestCompaniesFlow::openCompaniesFromTheTree()
{
    // The window opens the first list it may show; close it to open Companies by the tree.
    while (m_window->tabs()->count() > 0)
        m_window->tabs()->tabCloseRequested(0);
    QTRY_COMPARE(m_window->tabs()->count(), 0);
    QTreeWidget *tree = m_window->navigation();
    QTreeWidgetItem *item = m_window->navigationItem(QStringLiteral("companies"));
    tree->scrollToItem(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
    QTRY_COMPARE(m_window->tabs()->count(), 1);
    m_list = m_window->listView(QStringLiteral("companies"));
    QVERIFY(m_list);
    QCOMPARE(m_window->tabs()->currentWidget(), m_list);
    QTRY_VERIFY_WITH_TIMEOUT(m_list->model()->hasLoaded(), 10000);
    m_totalBefore = m_list->model()->total();
    QVERIFY(m_totalBefore > 0);
    QVERIFY(m_list->newAction()->isVisible()); // the demo administrator may manage companies
}

EntityForm *TestCompaniesFlow::currentForm() const
{
    return qobject_cast<EntityForm *>(m_window->tabs()->currentWidget());
}

void TestCompaniesFlow::createCompanyThroughTheForm()
{
    const int tabs = m_window->tabs()->count();
    m_list->table()->setFocus();
    QTest::keyClick(m_list->table(), Qt::Key_N, Qt::ControlModifier);
    if (m_window->tabs()->count() == tabs) // shortcuts need an active window, which not every
        m_list->newAction()->trigger();    // headless platform gives; the button does the same
    QTRY_COMPARE(m_window->tabs()->count(), tabs + 1);
    m_form = currentForm();
    QVERIFY(m_form);
    QCOMPARE(m_form->mode(), FormMode::Create);
    QVERIFY(m_form->saveButton()->isVisible());
    QVERIFY(!m_form->editButton()->isVisible());

    // Saving an empty form: the server says what is missing, under each field.
    QTest::mouseClick(m_form->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_form->cell(QStringLiteral("name"))->error().isEmpty(), 10000);
    QVERIFY(m_form->banner()->isVisibleTo(m_form));
    QCOMPARE(m_form->mode(), FormMode::Create);

    auto *name = qobject_cast<TextFieldEditor *>(m_form->editor(QStringLiteral("name")));
    QVERIFY(name);
    QTest::keyClicks(name->lineEdit(), QStringLiteral("Zeta Flow Test Company"));
    auto *enabled = qobject_cast<BoolFieldEditor *>(m_form->editor(QStringLiteral("enabled")));
    QVERIFY(enabled);
    if (!enabled->checkBox()->isChecked())
        QTest::mouseClick(enabled->checkBox(), Qt::LeftButton, {}, QPoint(4, enabled->checkBox()->height() / 2));
    QVERIFY(enabled->checkBox()->isChecked());

    // The own legal entity is picked from what the server offers for a typed search.
    auto *owner = qobject_cast<ReferenceFieldEditor *>(m_form->editor(QStringLiteral("ownLegalEntityId")));
    QVERIFY(owner);
    ReferenceComboBox *combo = owner->comboBox();
    QTRY_VERIFY_WITH_TIMEOUT(combo->count() > 0, 10000);
    const QString firstLabel = combo->itemText(0);
    combo->lineEdit()->clear();
    QTest::keyClicks(combo->lineEdit(), firstLabel.left(4));
    QTRY_VERIFY_WITH_TIMEOUT(!combo->isLookingUp() && combo->findText(firstLabel) >= 0, 10000);
    combo->setCurrentIndex(combo->findText(firstLabel));
    QCOMPARE(owner->currentLabel(), firstLabel);
    QVERIFY(owner->currentId() > 0);

    QSignalSpy saved(m_form, &EntityForm::saved);
    QTest::mouseClick(m_form->saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    QCOMPARE(m_form->mode(), FormMode::View);
    m_createdId = m_form->recordId();
    QVERIFY(m_createdId > 0);
    QCOMPARE(m_form->record().value(QLatin1String("name")).toString(), QStringLiteral("Zeta Flow Test Company"));
    QCOMPARE(m_form->record().value(QLatin1String("ownLegalEntityName")).toString(), firstLabel);
    QCOMPARE(m_form->cell(QStringLiteral("name"))->valueLabel()->text(), QStringLiteral("Zeta Flow Test Company"));
    QVERIFY(m_form->editButton()->isVisible());
    QVERIFY(m_form->deleteButton()->isVisible());
}

void TestCompaniesFlow::createdCompanyIsInTheList()
{
    // Saving refreshed the open list: one more company, the new one first (newest first).
    QTRY_COMPARE_WITH_TIMEOUT(m_list->model()->total(), m_totalBefore + 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_list->model()->isRowLoaded(0), 10000);
    QCOMPARE(m_list->model()->idAt(0), m_createdId);

    m_window->tabs()->setCurrentWidget(m_list);
    QTest::keyClicks(m_list->searchBox(), QStringLiteral("Zeta Flow"));
    QTRY_COMPARE_WITH_TIMEOUT(m_list->model()->total(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_list->model()->isRowLoaded(0), 10000);
    const QModelIndex nameIndex = m_list->model()->index(0, m_list->model()->columnOf(QStringLiteral("name")));
    QCOMPARE(nameIndex.data().toString(), QStringLiteral("Zeta Flow Test Company"));

    // Double-click opens the record; it is already open, so its tab comes forward.
    QTableView *table = m_list->table();
    const QRect cell = table->visualRect(nameIndex);
    // A double click is a click followed by a double-click event, as a window system delivers it.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(m_form));
}

void TestCompaniesFlow::editCompany()
{
    QTest::mouseClick(m_form->editButton(), Qt::LeftButton);
    QCOMPARE(m_form->mode(), FormMode::Edit);
    auto *name = qobject_cast<TextFieldEditor *>(m_form->editor(QStringLiteral("name")));
    name->lineEdit()->selectAll();
    QTest::keyClicks(name->lineEdit(), QStringLiteral("Zeta Flow Renamed"));
    QSignalSpy saved(m_form, &EntityForm::saved);
    QTest::mouseClick(m_form->saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    QCOMPARE(m_form->mode(), FormMode::View);
    QCOMPARE(m_form->record().value(QLatin1String("name")).toString(), QStringLiteral("Zeta Flow Renamed"));
    QVERIFY(m_form->title().contains(QLatin1String("Zeta Flow Renamed")));
    QCOMPARE(m_window->tabs()->tabText(m_window->tabs()->indexOf(m_form)), m_form->title());

    // The list (still searching "Zeta Flow") shows the new name after the automatic refresh.
    const int column = m_list->model()->columnOf(QStringLiteral("name"));
    QTRY_COMPARE_WITH_TIMEOUT(m_list->model()->index(0, column).data().toString(), QStringLiteral("Zeta Flow Renamed"),
                              10000);
}

void TestCompaniesFlow::serverValidationIsShownUnderTheField()
{
    QTest::mouseClick(m_form->editButton(), Qt::LeftButton);
    auto *name = qobject_cast<TextFieldEditor *>(m_form->editor(QStringLiteral("name")));
    name->lineEdit()->selectAll();
    QTest::keyClick(name->lineEdit(), Qt::Key_Delete);
    QTest::mouseClick(m_form->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_form->cell(QStringLiteral("name"))->error().isEmpty(), 10000);
    QCOMPARE(m_form->mode(), FormMode::Edit);
    QCOMPARE(m_form->banner()->kind(), MessageBanner::Kind::Error);
    // Cancel goes back to what the server holds.
    QTest::mouseClick(m_form->cancelButton(), Qt::LeftButton);
    QCOMPARE(m_form->mode(), FormMode::View);
    QCOMPARE(m_form->cell(QStringLiteral("name"))->valueLabel()->text(), QStringLiteral("Zeta Flow Renamed"));
    QVERIFY(m_form->cell(QStringLiteral("name"))->error().isEmpty());
}

void TestCompaniesFlow::deleteCompany()
{
    QVERIFY(m_form->deleteButton()->isVisible());
    QTest::mouseClick(m_form->deleteButton(), Qt::LeftButton);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = m_form->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))) != nullptr);
    QSignalSpy deleted(m_form, &EntityForm::deleted);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, 10000);
    QCOMPARE(deleted.first().at(1).toLongLong(), m_createdId);
    QTRY_COMPARE(m_window->tabs()->indexOf(m_form), -1); // its tab closed
    m_form = nullptr;
    QTRY_COMPARE_WITH_TIMEOUT(m_list->model()->total(), 0, 10000); // the search finds nothing now
    m_list->searchBox()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(m_list->model()->total(), m_totalBefore, 10000);
}

void TestCompaniesFlow::cleanupTestCase()
{
    m_controller.reset();
    QFile::remove(app::DemoServer::databasePath());
}

QTEST_MAIN(TestCompaniesFlow)
#include "tst_companies_flow.moc"
