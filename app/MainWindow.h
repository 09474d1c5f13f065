#pragma once

#include "ListContext.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace backoffice::views {
class EntityForm;
class EntityListView;
class Session;
} // namespace backoffice::views

namespace backoffice::app {

class ConnectionMonitor;

// The staff window: the manual's sections in a tree on the left, lists and records in closable
// tabs, and a status bar with the server, the user and whether the server answers. Sections the
// user may not view are not shown; sections not built yet are shown disabled.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(views::Session *session, QWidget *parent = nullptr);

    QTreeWidget *navigation() const { return m_navigation; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *connectionLabel() const { return m_connection; }
    ConnectionMonitor *monitor() const { return m_monitor; }
    QTreeWidgetItem *navigationItem(const QString &key) const;

    // Opens (or brings forward) a section's screen; nullptr when it is not built or not allowed.
    QWidget *openSection(const QString &key);
    views::EntityListView *listView(const QString &key) const;
    QWidget *openRecord(const views::ListContext &context, qint64 id);
    views::EntityForm *openNewRecord(const views::ListContext &context);
    QWidget *tabByKey(const QString &key) const;
    // The rating quote panel (Services → Quote…), one tab.
    QWidget *openQuotePanel();

signals:
    void logoutRequested();

private:
    void buildNavigation();
    void buildMenus();
    void buildStatusBar();
    int addTab(QWidget *widget, const QString &key, const QString &title);
    void closeTab(int index);
    void connectForm(views::EntityForm *form);
    void refreshLists(const QString &entity);
    void showAccountSettings();
    void showChangePassword();
    void setConnected(bool connected);

    views::Session *m_session;
    QTreeWidget *m_navigation;
    QTabWidget *m_tabs;
    QLabel *m_server;
    QLabel *m_user;
    QLabel *m_connection;
    ConnectionMonitor *m_monitor;
    int m_newCounter = 0;
};

} // namespace backoffice::app
