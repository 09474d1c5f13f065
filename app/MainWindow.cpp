#include "MainWindow.h"

#include "AboutDialog.h"
#include "AccountSettingsDialog.h"
#include "AgreementForm.h"
#include "CompanyForm.h"
#include "ApiClient.h"
#include "AuditDetailView.h"
#include "AuditView.h"
#include "BillingEntities.h"
#include "ChangePasswordDialog.h"
#include "ChargeForm.h"
#include "ConnectionMonitor.h"
#include "ConnectionStatusView.h"
#include "EntityCatalogue.h"
#include "EntityForm.h"
#include "EntityListView.h"
#include "FormFactory.h"
#include "InvoiceForm.h"
#include "MessagingEntities.h"
#include "Navigation.h"
#include "QuotePanel.h"
#include "ServiceView.h"
#include "ServicesView.h"
#include "Session.h"
#include "TrafficDashboard.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>

namespace backoffice::app {

namespace {

constexpr int KeyRole = Qt::UserRole + 1;
const char *const TabKeyProperty = "tabKey";

} // namespace

MainWindow::MainWindow(views::Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_navigation(new QTreeWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_server(new QLabel(this))
    , m_user(new QLabel(this))
    , m_connection(new QLabel(this))
    , m_monitor(new ConnectionMonitor(session->api(), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("BackOffice — %1").arg(session->displayName()));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setHeaderHidden(true);
    m_navigation->setMinimumWidth(230);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // Shortcuts of lists and forms work where focus is: give it to the tab just shown.
        if (QWidget *widget = m_tabs->widget(index))
            widget->setFocus(Qt::TabFocusReason);
    });

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({250, 1100});
    setCentralWidget(splitter);

    buildNavigation();
    buildMenus();
    buildStatusBar();
    resize(1400, 850);

    connect(m_monitor, &ConnectionMonitor::stateChanged, this, &MainWindow::setConnected);
    connect(m_monitor, &ConnectionMonitor::serverVersionReceived, m_session, &views::Session::setServerVersion);
    m_monitor->start();

    // Start where most work starts: the first list this user may see.
    for (const NavigationEntry &entry : Navigation::entries()) {
        if (entry.kind == NavigationEntry::Kind::List && m_session->canView(entry.area)) {
            openSection(entry.key);
            break;
        }
    }
}

void MainWindow::buildNavigation()
{
    QHash<QString, QTreeWidgetItem *> categories;
    for (const QString &name : Navigation::topLevel()) {
        QList<const NavigationEntry *> children;
        const NavigationEntry *self = nullptr;
        for (const NavigationEntry &entry : Navigation::entries()) {
            if (entry.category == name)
                children << &entry;
            else if (entry.category.isEmpty() && entry.label == name)
                self = &entry;
        }
        auto makeItem = [this](const NavigationEntry &entry, QTreeWidgetItem *parent) -> QTreeWidgetItem * {
            // What the server would refuse to show is not offered (guide §3).
            if (!m_session->canView(entry.area))
                return nullptr;
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_navigation);
            item->setData(0, KeyRole, entry.key);
            if (entry.kind == NavigationEntry::Kind::Coming) {
                item->setText(0, tr("%1 (coming)").arg(entry.label));
                item->setFlags(Qt::NoItemFlags);
                item->setToolTip(0, tr("This section is not available in this version yet."));
            } else {
                item->setText(0, entry.label);
            }
            return item;
        };
        if (self) {
            makeItem(*self, nullptr);
            continue;
        }
        auto *category = new QTreeWidgetItem(m_navigation, {name});
        category->setFlags(Qt::ItemIsEnabled);
        QFont font = category->font(0);
        font.setBold(true);
        category->setFont(0, font);
        for (const NavigationEntry *entry : std::as_const(children))
            makeItem(*entry, category);
        if (category->childCount() == 0)
            delete category;
        else
            category->setExpanded(true);
    }
    connect(m_navigation, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString key = item->data(0, KeyRole).toString();
        if (!key.isEmpty())
            openSection(key);
    });
    connect(m_navigation, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QString key = item->data(0, KeyRole).toString();
        if (!key.isEmpty())
            openSection(key);
    });
}

QTreeWidgetItem *MainWindow::navigationItem(const QString &key) const
{
    QTreeWidgetItemIterator it(m_navigation);
    while (*it) {
        if ((*it)->data(0, KeyRole).toString() == key)
            return *it;
        ++it;
    }
    return nullptr;
}

void MainWindow::buildMenus()
{
    QMenu *user = menuBar()->addMenu(m_session->displayName());
    user->setObjectName(QStringLiteral("userMenu"));
    QAction *account = user->addAction(tr("Account settings…"), this, &MainWindow::showAccountSettings);
    account->setObjectName(QStringLiteral("accountSettingsAction"));
    QAction *password = user->addAction(tr("Change password…"), this, &MainWindow::showChangePassword);
    password->setObjectName(QStringLiteral("changePasswordAction"));
    user->addSeparator();
    QAction *about = user->addAction(tr("About BackOffice…"), this, [this] { AboutDialog::show(m_session, this); });
    about->setObjectName(QStringLiteral("aboutAction"));
    user->addSeparator();
    QAction *logout = user->addAction(tr("Log out"), this, &MainWindow::logoutRequested);
    logout->setObjectName(QStringLiteral("logoutAction"));

    QMenu *window = menuBar()->addMenu(tr("Window"));
    QAction *closeTabAction = window->addAction(tr("Close tab"), this, [this] {
        if (m_tabs->currentIndex() >= 0)
            closeTab(m_tabs->currentIndex());
    });
    closeTabAction->setShortcut(QKeySequence::Close);
}

void MainWindow::buildStatusBar()
{
    m_server->setText(tr("Server: %1").arg(m_session->api()->baseUrl().toDisplayString()));
    m_user->setText(tr("User: %1").arg(m_session->login()));
    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_connection->setText(tr("Connecting…"));
    statusBar()->addPermanentWidget(m_server);
    statusBar()->addPermanentWidget(m_user);
    statusBar()->addPermanentWidget(m_connection);
}

void MainWindow::setConnected(bool connected)
{
    m_connection->setText(connected ? tr("● Connected") : tr("● Disconnected"));
    m_connection->setStyleSheet(connected ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
}

QWidget *MainWindow::tabByKey(const QString &key) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->property(TabKeyProperty).toString() == key)
            return m_tabs->widget(i);
    }
    return nullptr;
}

int MainWindow::addTab(QWidget *widget, const QString &key, const QString &title)
{
    widget->setProperty(TabKeyProperty, key);
    const int index = m_tabs->addTab(widget, title);
    m_tabs->setCurrentIndex(index);
    widget->setFocus(Qt::OtherFocusReason);
    return index;
}

QWidget *MainWindow::openQuotePanel()
{
    const QString key = QStringLiteral("tool:quote");
    if (QWidget *existing = tabByKey(key)) {
        m_tabs->setCurrentWidget(existing);
        return existing;
    }
    auto *panel = new views::QuotePanel(m_session, m_tabs);
    addTab(panel, key, tr("Quote"));
    return panel;
}

void MainWindow::closeTab(int index)
{
    QWidget *widget = m_tabs->widget(index);
    if (!widget)
        return;
    // A service tab may hold rate-tree edits that are not saved yet.
    if (auto *service = qobject_cast<views::ServiceView *>(widget); service && !service->confirmLeave())
        return;
    m_tabs->removeTab(index);
    widget->deleteLater();
}

QWidget *MainWindow::openSection(const QString &key)
{
    const NavigationEntry *entry = Navigation::find(key);
    if (!entry || entry->kind == NavigationEntry::Kind::Coming || !m_session->canView(entry->area))
        return nullptr;
    const QString tabKey = QStringLiteral("section:%1").arg(key);
    if (QWidget *existing = tabByKey(tabKey)) {
        m_tabs->setCurrentWidget(existing);
        return existing;
    }
    QWidget *screen = nullptr;
    if (entry->kind == NavigationEntry::Kind::Audit) {
        auto *audit = new views::AuditView(m_session, m_tabs);
        connect(audit->list(), &views::EntityListView::openRequested, this,
                [this](const views::ListContext &context, qint64 id) { openRecord(context, id); });
        screen = audit;
    } else if (entry->kind == NavigationEntry::Kind::ConnectionStatus) {
        auto *status = new views::ConnectionStatusView(m_session, m_tabs);
        connect(status, &views::ConnectionStatusView::openConnectionRequested, this,
                [this](const QString &entity, qint64 id) {
                    // The record opens as it would from the connection's own list.
                    for (const NavigationEntry &candidate : Navigation::entries()) {
                        if (candidate.kind == NavigationEntry::Kind::List && candidate.list.entity == entity) {
                            if (id > 0 && m_session->canView(candidate.area))
                                openRecord(candidate.list, id);
                            return;
                        }
                    }
                });
        screen = status;
    } else if (entry->kind == NavigationEntry::Kind::TrafficDashboard) {
        screen = new views::TrafficDashboard(m_session, m_tabs);
    } else if (entry->list.entity == entities::services) {
        auto *services = new views::ServicesView(m_session, entry->list, m_tabs);
        connect(services->list(), &views::EntityListView::openRequested, this,
                [this](const views::ListContext &context, qint64 id) { openRecord(context, id); });
        connect(services->list(), &views::EntityListView::createRequested, this,
                [this](const views::ListContext &context) { openNewRecord(context); });
        connect(services, &views::ServicesView::cloned, this, [this, services](qint64 id) {
            openRecord(services->list()->context(), id);
        });
        connect(services, &views::ServicesView::quoteRequested, this, &MainWindow::openQuotePanel);
        screen = services;
    } else {
        auto *list = new views::EntityListView(m_session, entry->list, m_tabs);
        connect(list, &views::EntityListView::openRequested, this,
                [this](const views::ListContext &context, qint64 id) { openRecord(context, id); });
        connect(list, &views::EntityListView::createRequested, this,
                [this](const views::ListContext &context) { openNewRecord(context); });
        screen = list;
    }
    addTab(screen, tabKey, entry->label);
    return screen;
}

views::EntityListView *MainWindow::listView(const QString &key) const
{
    QWidget *widget = tabByKey(QStringLiteral("section:%1").arg(key));
    if (auto *audit = qobject_cast<views::AuditView *>(widget))
        return audit->list();
    if (auto *services = qobject_cast<views::ServicesView *>(widget))
        return services->list();
    return qobject_cast<views::EntityListView *>(widget);
}

QWidget *MainWindow::openRecord(const views::ListContext &context, qint64 id)
{
    const QString key = QStringLiteral("record:%1:%2").arg(context.key).arg(id);
    if (QWidget *existing = tabByKey(key)) {
        m_tabs->setCurrentWidget(existing);
        return existing;
    }
    if (context.entity == entities::audit) {
        auto *detail = new views::AuditDetailView(m_session, m_tabs);
        const int index = addTab(detail, key, tr("Audit #%1").arg(id));
        Q_UNUSED(index)
        connect(detail, &views::AuditDetailView::titleChanged, this, [this, detail](const QString &title) {
            m_tabs->setTabText(m_tabs->indexOf(detail), title);
        });
        detail->openRecord(id);
        return detail;
    }
    if (context.entity == entities::services) {
        // A service opens with its scopes and the rate-tree constructor (reference §7.3.1).
        auto *service = new views::ServiceView(m_session, context, id, m_tabs);
        addTab(service, key, tr("Service #%1").arg(id));
        connect(service, &views::ServiceView::titleChanged, this, [this, service](const QString &title) {
            m_tabs->setTabText(m_tabs->indexOf(service), title);
        });
        connect(service, &views::ServiceView::serviceChanged, this, [this] { refreshLists(entities::services); });
        return service;
    }
    views::EntityForm *form = views::createForm(m_session, context, m_tabs);
    connectForm(form);
    addTab(form, key, QStringLiteral("%1 #%2").arg(form->entity().singular).arg(id));
    form->openRecord(id);
    return form;
}

views::EntityForm *MainWindow::openNewRecord(const views::ListContext &context)
{
    views::EntityForm *form = views::createForm(m_session, context, m_tabs);
    connectForm(form);
    addTab(form, QStringLiteral("new:%1:%2").arg(context.key).arg(++m_newCounter), form->title());
    form->startCreate();
    return form;
}

void MainWindow::connectForm(views::EntityForm *form)
{
    if (auto *company = qobject_cast<views::CompanyForm *>(form)) {
        connect(company, &views::CompanyForm::agreementRequested, this, [this](qint64 agreementId) {
            openRecord(views::ListContext::forEntity(entities::agreements), agreementId);
        });
    }
    if (auto *agreement = qobject_cast<views::AgreementForm *>(form)) {
        connect(agreement, &views::AgreementForm::paymentRequested, this, [this](qint64 paymentId) {
            openRecord(views::ListContext::forEntity(entities::payments), paymentId);
        });
    }
    // An invoice's charges open in tabs of their own, and a charge's invoice link opens the invoice's;
    // both go through openRecord, so a record already open is brought forward rather than opened twice.
    if (auto *invoice = qobject_cast<views::InvoiceForm *>(form)) {
        connect(invoice, &views::InvoiceForm::chargeRequested, this, [this](qint64 chargeId) {
            openRecord(views::ListContext::forEntity(entities::charges), chargeId);
        });
    }
    if (auto *charge = qobject_cast<views::ChargeForm *>(form)) {
        connect(charge, &views::ChargeForm::invoiceRequested, this, [this](qint64 invoiceId) {
            openRecord(views::ListContext::forEntity(entities::invoices), invoiceId);
        });
    }
    connect(form, &views::EntityForm::titleChanged, this, [this, form](const QString &title) {
        m_tabs->setTabText(m_tabs->indexOf(form), title);
    });
    connect(form, &views::EntityForm::saved, this, [this, form](const QString &entity, qint64 id) {
        // A new service continues in its service tab, where its scopes and rate trees are made.
        if (entity == entities::services) {
            const views::ListContext context = form->context();
            closeTab(m_tabs->indexOf(form));
            refreshLists(entity);
            openRecord(context, id);
            return;
        }
        // A created record becomes an ordinary record tab (opening it again finds this one).
        form->setProperty(TabKeyProperty, QStringLiteral("record:%1:%2").arg(form->context().key).arg(id));
        refreshLists(entity);
    });
    connect(form, &views::EntityForm::deleted, this, [this, form](const QString &entity, qint64) {
        closeTab(m_tabs->indexOf(form));
        refreshLists(entity);
    });
    connect(form, &views::EntityForm::closeRequested, this, [this, form] { closeTab(m_tabs->indexOf(form)); });
}

void MainWindow::refreshLists(const QString &entity)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        views::EntityListView *list = qobject_cast<views::EntityListView *>(m_tabs->widget(i));
        if (auto *audit = qobject_cast<views::AuditView *>(m_tabs->widget(i)))
            list = audit->list();
        if (auto *services = qobject_cast<views::ServicesView *>(m_tabs->widget(i)))
            list = services->list();
        // Every change writes an audit record, so an open audit list is stale after any save.
        if (list && (list->context().entity == entity || list->context().entity == entities::audit))
            list->reload();
    }
}

void MainWindow::showAccountSettings()
{
    auto *dialog = new AccountSettingsDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showChangePassword()
{
    auto *dialog = new views::ChangePasswordDialog(m_session->api(), m_session->login(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { statusBar()->showMessage(tr("Password changed."), 5000); });
    dialog->open();
}

} // namespace backoffice::app
