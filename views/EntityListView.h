#pragma once

#include "ListContext.h"

#include <QJsonObject>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QTimer;
class QToolBar;

namespace backoffice {
struct EntityDescriptor;
}

namespace backoffice::views {

class CsvDownload;
class FilterBar;
class MessageBanner;
class RemoteTableModel;
class Session;

// The one list screen every entity uses (guide §5): a RemoteTableModel in a table with server-side
// sort (header click), per-column filters (header menu or the Filter button), a search box, a
// column chooser remembered per list, CSV export of what is shown, F5, Ctrl+F and Ctrl+N.
// Double-click (or Enter) asks for the record to be opened; the window decides where.
class EntityListView final : public QWidget
{
    Q_OBJECT
public:
    EntityListView(Session *session, ListContext context, QWidget *parent = nullptr);

    const ListContext &context() const { return m_context; }
    const EntityDescriptor &entity() const;
    RemoteTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchBox() const { return m_search; }
    MessageBanner *banner() const { return m_banner; }
    QAction *newAction() const { return m_newAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *exportAction() const { return m_exportAction; }

    bool canCreate() const;
    QStringList visibleColumns() const;
    void setColumnVisible(const QString &fieldName, bool visible);

    // Applies a column filter as the filter dialog would (tests, and the dialog itself).
    void setColumnFilter(const QString &fieldName, const QList<QPair<QString, QString>> &filters);
    void openFilterDialog(const QString &fieldName);

    // Writes the current filtered list as CSV into fileName (what Export asks a file name for).
    void exportCsvTo(const QString &fileName);

public slots:
    void reload();

signals:
    void openRequested(const backoffice::views::ListContext &context, qint64 id);
    void createRequested(const backoffice::views::ListContext &context);
    void currentRecordChanged(const QJsonObject &record);
    void exportFinished(bool ok, const QString &message);

private:
    void buildActions();
    void buildColumnsMenu(QMenu *menu);
    void buildFilterMenu(QMenu *menu);
    void showHeaderMenu(const QPoint &position);
    void chooseExportFile();
    void restoreColumns();
    void fitColumns();
    void saveColumns() const;
    void updateCount();
    void onActivated(const QModelIndex &index);

    Session *m_session;
    ListContext m_context;
    RemoteTableModel *m_model;
    QToolBar *m_toolBar;
    QTableView *m_table;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QLabel *m_count;
    FilterBar *m_filterBar;
    MessageBanner *m_banner;
    CsvDownload *m_download;
    QAction *m_newAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_findAction = nullptr;
    bool m_columnsFitted = false;
};

} // namespace backoffice::views
