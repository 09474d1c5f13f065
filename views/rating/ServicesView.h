#pragma once

#include <QJsonObject>
#include <QWidget>

class QAction;
class QToolBar;

namespace backoffice::views {

class EntityListView;
class Session;
struct ListContext;

// Finance → Services (reference §7.3): the generic services list with the actions only services
// have: Clone (the new service gets copies of every scope and tree), Archive and Restore, and Quote
// (price a message against an agreement's enabled services).
class ServicesView final : public QWidget
{
    Q_OBJECT
public:
    ServicesView(Session *session, const ListContext &context, QWidget *parent = nullptr);

    EntityListView *list() const { return m_list; }
    QAction *cloneAction() const { return m_clone; }
    QAction *archiveAction() const { return m_archive; }
    QAction *restoreAction() const { return m_restore; }
    QAction *quoteAction() const { return m_quote; }

    void cloneCurrent();
    void archiveCurrent();
    void restoreCurrent();

signals:
    // A clone was made: the window opens it.
    void cloned(qint64 newServiceId);
    // Quote was asked for: the window opens the quote panel.
    void quoteRequested();

private:
    void post(const QString &verb, const QString &done);
    void updateActions();

    Session *m_session;
    EntityListView *m_list;
    QToolBar *m_toolBar;
    QJsonObject m_current;
    QAction *m_clone;
    QAction *m_archive;
    QAction *m_restore;
    QAction *m_quote;
};

} // namespace backoffice::views
