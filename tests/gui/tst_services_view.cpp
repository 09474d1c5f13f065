// Finance → Services in the main window: the list with Clone / Archive / Restore, a service tab
// with its properties, scopes and the constructor of the selected scope, New scope copying a tree.
#include "EntityCatalogue.h"
#include "EntityForm.h"
#include "EntityListView.h"
#include "MainWindow.h"
#include "Navigation.h"
#include "NewScopeDialog.h"
#include "RateTreeEditor.h"
#include "RateTreeModel.h"
#include "RemoteTableModel.h"
#include "ServiceView.h"
#include "ServicesView.h"
#include "Session.h"
#include "TestServer.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace backoffice;
using namespace backoffice::views;

class TestServicesView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void servicesSectionIsOpen();
    void cloneArchiveRestore();
    void serviceTabShowsScopesAndConstructor();
    void newScopeCopiesTree();
    void newServiceContinuesInItsTab();

private:
    int rowOf(EntityListView *list, qint64 id);

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    qint64 m_serviceId = 0;
    qint64 m_scopeId = 0;
};

int TestServicesView::rowOf(EntityListView *list, qint64 id)
{
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        if (list->model()->idAt(row) == id)
            return row;
    }
    return -1;
}

void TestServicesView::initTestCase()
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

    ApiReply *service = m_admin->post(entities::services,
                                      {{QStringLiteral("name"), QStringLiteral("SMS Iberia")},
                                       {QStringLiteral("type"), QStringLiteral("payg")},
                                       {QStringLiteral("currency"), QStringLiteral("EUR")},
                                       {QStringLiteral("timeZone"), QStringLiteral("Europe/Madrid")}});
    QVERIFY2(service->waitForFinished(), service->body().constData());
    m_serviceId = service->object().value(QLatin1String("id")).toInteger();
    ApiReply *scope = m_admin->post(entities::serviceScopes,
                                    {{QStringLiteral("serviceId"), m_serviceId},
                                     {QStringLiteral("effectiveFrom"), QStringLiteral("2026-01-01T00:00:00")},
                                     {QStringLiteral("draft"), false}});
    QVERIFY2(scope->waitForFinished(), scope->body().constData());
    m_scopeId = scope->object().value(QLatin1String("id")).toInteger();
    const QJsonArray nodes {
        QJsonObject {{QStringLiteral("id"), -1},
                     {QStringLiteral("parentId"), QJsonValue::Null},
                     {QStringLiteral("match"), QStringLiteral("sms")},
                     {QStringLiteral("priceType"), QStringLiteral("depends")},
                     {QStringLiteral("dimension"), QStringLiteral("resource")}},
        QJsonObject {{QStringLiteral("id"), -2},
                     {QStringLiteral("parentId"), -1},
                     {QStringLiteral("match"), QStringLiteral("sms-message")},
                     {QStringLiteral("priceType"), QStringLiteral("flat")},
                     {QStringLiteral("price"), QStringLiteral("0.0321")}},
    };
    ApiReply *tree
        = m_admin->put(QStringLiteral("service-scopes/%1/tree").arg(m_scopeId), {{QStringLiteral("nodes"), nodes}});
    QVERIFY2(tree->waitForFinished(), tree->body().constData());
}

void TestServicesView::servicesSectionIsOpen()
{
    app::MainWindow window(m_session.get());
    QTreeWidgetItem *item = window.navigationItem(QStringLiteral("services"));
    QVERIFY(item);
    QVERIFY(!item->text(0).contains(QStringLiteral("coming")));
    QVERIFY(item->flags() & Qt::ItemIsEnabled);
    auto *services = qobject_cast<ServicesView *>(window.openSection(QStringLiteral("services")));
    QVERIFY(services);
    QCOMPARE(window.listView(QStringLiteral("services")), services->list());
    QTRY_VERIFY_WITH_TIMEOUT(services->list()->model()->hasLoaded(), 10000);
    QVERIFY(rowOf(services->list(), m_serviceId) >= 0);
    QVERIFY(services->list()->newAction()->isVisible());
}

void TestServicesView::cloneArchiveRestore()
{
    app::MainWindow window(m_session.get());
    auto *services = qobject_cast<ServicesView *>(window.openSection(QStringLiteral("services")));
    QVERIFY(services);
    EntityListView *list = services->list();
    QTRY_VERIFY_WITH_TIMEOUT(list->model()->hasLoaded(), 10000);
    const int row = rowOf(list, m_serviceId);
    QVERIFY(row >= 0);
    list->table()->setCurrentIndex(list->model()->index(row, 0));
    QVERIFY(services->cloneAction()->isEnabled());
    QVERIFY(services->archiveAction()->isEnabled());
    QVERIFY(!services->restoreAction()->isEnabled());

    // Clone opens the copy in its own tab, with the scope copied.
    const int tabsBefore = window.tabs()->count();
    services->cloneAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), tabsBefore + 1, 10000);
    auto *copy = qobject_cast<ServiceView *>(window.tabs()->currentWidget());
    QVERIFY(copy);
    QVERIFY(copy->serviceId() != m_serviceId);
    QTRY_VERIFY_WITH_TIMEOUT(copy->scopes()->model()->hasLoaded(), 10000);
    QCOMPARE(copy->scopes()->model()->rowCount(), 1);

    // Archive (confirmed) and restore the clone from the list.
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, copy->serviceId()) >= 0, 10000);
    const qint64 copyId = copy->serviceId();
    list->table()->setCurrentIndex(list->model()->index(rowOf(list, copyId), 0));
    QTimer::singleShot(0, this, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Yes)->click();
    });
    services->archiveAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        list->model()->hasLoaded() && rowOf(list, copyId) >= 0
            && list->model()->record(rowOf(list, copyId)).value(QLatin1String("archived")).toBool(),
        10000);
    list->table()->setCurrentIndex(list->model()->index(rowOf(list, copyId), 0));
    QTRY_VERIFY_WITH_TIMEOUT(services->restoreAction()->isEnabled(), 10000);
    services->restoreAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        list->model()->hasLoaded() && rowOf(list, copyId) >= 0
            && !list->model()->record(rowOf(list, copyId)).value(QLatin1String("archived")).toBool(),
        10000);
}

void TestServicesView::serviceTabShowsScopesAndConstructor()
{
    app::MainWindow window(m_session.get());
    auto *view = qobject_cast<ServiceView *>(
        window.openRecord(app::Navigation::find(QStringLiteral("services"))->list, m_serviceId));
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->scopes()->model()->hasLoaded(), 10000);
    QCOMPARE(view->scopes()->model()->rowCount(), 1);
    QCOMPARE(view->scopes()->model()->record(0).value(QLatin1String("state")).toString(), QStringLiteral("current"));
    // The scope in force opens by itself.
    RateTreeModel *model = view->constructor()->model();
    QTRY_COMPARE_WITH_TIMEOUT(view->constructor()->scopeId(), m_scopeId, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->nodeCount(), 2, 10000);
    const QModelIndex resource = model->index(0, 0, model->index(0, 0));
    QCOMPARE(resource.data().toString(), QStringLiteral("SMS message"));
    QCOMPARE(resource.siblingAtColumn(RateTreeModel::PriceColumn).data().toString(), QStringLiteral("0.0321"));
    QCOMPARE(resource.siblingAtColumn(RateTreeModel::QuantityColumn).data().toString(),
             QStringLiteral("Default (Segments)"));

    // Unsaved edits keep the tab open until the user decides; after Cancel it closes.
    QVERIFY(model->setData(resource.siblingAtColumn(RateTreeModel::PriceColumn), QStringLiteral("0.04")));
    QVERIFY(view->constructor()->isDirty());
    QTimer::singleShot(0, this, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Cancel)->click();
    });
    const int tabs = window.tabs()->count();
    emit window.tabs()->tabCloseRequested(window.tabs()->indexOf(view));
    QCOMPARE(window.tabs()->count(), tabs);
    view->constructor()->cancel();
    emit window.tabs()->tabCloseRequested(window.tabs()->indexOf(view));
    QCOMPARE(window.tabs()->count(), tabs - 1);
}

void TestServicesView::newScopeCopiesTree()
{
    NewScopeDialog dialog(m_session.get(), m_serviceId);
    // The scopes of this service are offered as sources once they have loaded.
    QTRY_VERIFY_WITH_TIMEOUT(dialog.copyFromBox()->findData(QStringLiteral("scope:%1").arg(m_scopeId)) >= 0, 10000);
    dialog.copyFromBox()->setCurrentIndex(dialog.copyFromBox()->findData(QStringLiteral("scope:%1").arg(m_scopeId)));
    QCOMPARE(dialog.body().value(QLatin1String("copyTreeFromScopeId")).toInteger(), m_scopeId);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QVERIFY(accepted.wait(10000));
    QVERIFY(dialog.createdScopeId() > 0);
    ApiReply *scope = m_admin->get(QStringLiteral("service-scopes/%1").arg(dialog.createdScopeId()));
    QVERIFY(scope->waitForFinished());
    QCOMPARE(scope->object().value(QLatin1String("nodeCount")).toInteger(), 2);
    QCOMPARE(scope->object().value(QLatin1String("state")).toString(), QStringLiteral("draft"));
}

void TestServicesView::newServiceContinuesInItsTab()
{
    app::MainWindow window(m_session.get());
    EntityForm *form = window.openNewRecord(app::Navigation::find(QStringLiteral("services"))->list);
    QVERIFY(form);
    form->startCreate({{QStringLiteral("name"), QStringLiteral("SMS Nordics")},
                       {QStringLiteral("type"), QStringLiteral("payg")},
                       {QStringLiteral("currency"), QStringLiteral("EUR")},
                       {QStringLiteral("timeZone"), QStringLiteral("Europe/Oslo")}});
    form->save();
    QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<ServiceView *>(window.tabs()->currentWidget()), 10000);
    auto *view = qobject_cast<ServiceView *>(window.tabs()->currentWidget());
    QTRY_COMPARE_WITH_TIMEOUT(view->form()->record().value(QLatin1String("name")).toString(),
                              QStringLiteral("SMS Nordics"), 10000);
    QVERIFY(view->scopes()->newAction()->isVisible());
}

QTEST_MAIN(TestServicesView)
#include "tst_services_view.moc"
