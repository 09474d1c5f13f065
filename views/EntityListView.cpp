#include "EntityListView.h"

#include "ColumnFilterDialog.h"
#include "CsvDownload.h"
#include "EntityCatalogue.h"
#include "FilterBar.h"
#include "MessageBanner.h"
#include "RemoteTableModel.h"
#include "Session.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace backoffice::views {

namespace {

QString columnsKey(const ListContext &context)
{
    return QStringLiteral("lists/%1/columns").arg(context.key);
}

} // namespace

EntityListView::EntityListView(Session *session, ListContext context, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_context(std::move(context))
    , m_model(new RemoteTableModel(session->api(), EntityCatalogue::get(m_context.entity), this))
    , m_toolBar(new QToolBar(this))
    , m_table(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_count(new QLabel(this))
    , m_filterBar(new FilterBar(EntityCatalogue::get(m_context.entity), this))
    , m_banner(new MessageBanner(this))
    , m_download(new CsvDownload(session->api(), this))
{
    setObjectName(QStringLiteral("list-%1").arg(m_context.key));
    m_model->setFixedFilters(m_context.fixedFilters);

    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300); // one request when typing pauses, not one per key
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearchText(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        m_model->setSearchText(m_search->text());
    });

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep a million rows cheap: the view never measures rows it does not show.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setDefaultSectionSize(140);
    const QString defaultSort = m_model->entity().defaultSort;
    const int sortColumn = m_model->columnOf(defaultSort.startsWith(QLatin1Char('-')) ? defaultSort.mid(1) : defaultSort);
    header->setSortIndicator(sortColumn, defaultSort.startsWith(QLatin1Char('-')) ? Qt::DescendingOrder
                                                                                  : Qt::AscendingOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, m_model, &RemoteTableModel::sort);
    connect(header, &QHeaderView::customContextMenuRequested, this, &EntityListView::showHeaderMenu);
    connect(m_table, &QTableView::activated, this, &EntityListView::onActivated);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                emit currentRecordChanged(current.isValid() ? m_model->record(current.row()) : QJsonObject());
            });
    // The record under the cursor may arrive after it was selected (page still loading).
    connect(m_model, &RemoteTableModel::pageLoaded, this, [this](int first, int count) {
        if (!m_columnsFitted && count > 0) {
            m_columnsFitted = true;
            fitColumns();
        }
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid() && current.row() >= first && current.row() < first + count)
            emit currentRecordChanged(m_model->record(current.row()));
        if (m_banner->kind() == MessageBanner::Kind::Error)
            m_banner->clearMessage();
    });
    connect(m_model, &RemoteTableModel::totalChanged, this, &EntityListView::updateCount);
    connect(m_model, &RemoteTableModel::loadingChanged, this, &EntityListView::updateCount);
    connect(m_model, &RemoteTableModel::loadFailed, this, [this](const QString &message, int status) {
        if (status == 403)
            m_banner->showError(tr("You do not have permission to see %1. %2").arg(m_context.title.toLower(), message));
        else
            m_banner->showError(message);
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_filterBar->setFilters(m_model->filters()); });
    connect(m_filterBar, &FilterBar::removeRequested, m_model, &RemoteTableModel::removeFilter);
    connect(m_filterBar, &FilterBar::clearRequested, m_model, &RemoteTableModel::clearFilters);

    buildActions();

    auto *top = new QHBoxLayout;
    top->addWidget(m_toolBar, 1);
    top->addWidget(m_count);
    top->addWidget(m_search);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_table, 1);

    restoreColumns();
    m_model->refresh();
    updateCount();
}

const EntityDescriptor &EntityListView::entity() const
{
    return m_model->entity();
}

bool EntityListView::canCreate() const
{
    return m_context.creatable && !entity().readOnlyCollection && m_session->canManage(m_context.permissionArea);
}

void EntityListView::buildActions()
{
    m_newAction = new QAction(tr("New"), this);
    m_newAction->setObjectName(QStringLiteral("newAction"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_newAction->setToolTip(tr("New %1 (Ctrl+N)").arg(entity().singular.toLower()));
    connect(m_newAction, &QAction::triggered, this, [this] {
        if (canCreate())
            emit createRequested(m_context);
    });
    // Someone who may only view never sees a button the server would refuse (guide §3).
    m_newAction->setVisible(canCreate());
    m_newAction->setEnabled(canCreate());

    m_refreshAction = new QAction(tr("Refresh"), this);
    m_refreshAction->setShortcut(Qt::Key_F5);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_refreshAction, &QAction::triggered, this, &EntityListView::reload);

    m_findAction = new QAction(tr("Find"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    auto *filterButton = new QToolButton(this);
    filterButton->setText(tr("Filter"));
    filterButton->setPopupMode(QToolButton::InstantPopup);
    auto *filterMenu = new QMenu(filterButton);
    connect(filterMenu, &QMenu::aboutToShow, this, [this, filterMenu] { buildFilterMenu(filterMenu); });
    filterButton->setMenu(filterMenu);

    auto *columnsButton = new QToolButton(this);
    columnsButton->setText(tr("Columns"));
    columnsButton->setObjectName(QStringLiteral("columnsButton"));
    columnsButton->setPopupMode(QToolButton::InstantPopup);
    auto *columnsMenu = new QMenu(columnsButton);
    connect(columnsMenu, &QMenu::aboutToShow, this, [this, columnsMenu] { buildColumnsMenu(columnsMenu); });
    columnsButton->setMenu(columnsMenu);

    m_exportAction = new QAction(tr("Export CSV…"), this);
    m_exportAction->setToolTip(tr("Save the filtered list as a CSV file"));
    connect(m_exportAction, &QAction::triggered, this, &EntityListView::chooseExportFile);
    m_exportAction->setVisible(m_session->canView(QStringLiteral("export")));

    m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addWidget(filterButton);
    m_toolBar->addWidget(columnsButton);
    m_toolBar->addAction(m_exportAction);
    // Shortcuts live on the list itself so they work wherever focus is inside it.
    addAction(m_newAction);
    addAction(m_refreshAction);
    addAction(m_findAction);
}

void EntityListView::buildColumnsMenu(QMenu *menu)
{
    menu->clear();
    const QStringList visible = visibleColumns();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const FieldDescriptor &field = m_model->fieldAt(column);
        QAction *action = menu->addAction(field.label);
        action->setCheckable(true);
        action->setChecked(visible.contains(field.name));
        // The last visible column stays: an empty table would look like an empty list.
        action->setEnabled(!(visible.size() == 1 && visible.contains(field.name)));
        const QString name = field.name;
        connect(action, &QAction::toggled, this, [this, name](bool on) { setColumnVisible(name, on); });
    }
    menu->addSeparator();
    QAction *reset = menu->addAction(tr("Restore default columns"));
    connect(reset, &QAction::triggered, this, [this] {
        QSettings().remove(columnsKey(m_context));
        restoreColumns();
    });
}

void EntityListView::buildFilterMenu(QMenu *menu)
{
    menu->clear();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const FieldDescriptor &field = m_model->fieldAt(column);
        if (!ColumnFilterDialog::isFilterable(field))
            continue;
        const QString name = field.name;
        connect(menu->addAction(tr("%1…").arg(field.label)), &QAction::triggered, this,
                [this, name] { openFilterDialog(name); });
    }
    if (!m_model->filters().isEmpty()) {
        menu->addSeparator();
        connect(menu->addAction(tr("Clear all filters")), &QAction::triggered, m_model, &RemoteTableModel::clearFilters);
    }
}

void EntityListView::showHeaderMenu(const QPoint &position)
{
    const int column = m_table->horizontalHeader()->logicalIndexAt(position);
    QMenu menu(this);
    if (column >= 0) {
        const FieldDescriptor &field = m_model->fieldAt(column);
        const QString name = field.name;
        if (ColumnFilterDialog::isFilterable(field)) {
            connect(menu.addAction(tr("Filter “%1”…").arg(field.label)), &QAction::triggered, this,
                    [this, name] { openFilterDialog(name); });
        }
        QAction *hide = menu.addAction(tr("Hide column"));
        hide->setEnabled(visibleColumns().size() > 1);
        connect(hide, &QAction::triggered, this, [this, name] { setColumnVisible(name, false); });
        menu.addSeparator();
    }
    QMenu *columns = menu.addMenu(tr("Columns"));
    buildColumnsMenu(columns);
    menu.exec(m_table->horizontalHeader()->mapToGlobal(position));
}

QStringList EntityListView::visibleColumns() const
{
    QStringList names;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (!m_table->isColumnHidden(column))
            names << m_model->fieldAt(column).name;
    }
    return names;
}

void EntityListView::setColumnVisible(const QString &fieldName, bool visible)
{
    const int column = m_model->columnOf(fieldName);
    if (column < 0 || (!visible && visibleColumns() == QStringList{fieldName}))
        return;
    m_table->setColumnHidden(column, !visible);
    saveColumns();
}

void EntityListView::restoreColumns()
{
    const QVariant saved = QSettings().value(columnsKey(m_context));
    QStringList visible = saved.toStringList();
    if (!saved.isValid() || visible.isEmpty()) {
        for (const FieldDescriptor &field : entity().fields) {
            if (field.listed || m_context.extraColumns.contains(field.name))
                visible << field.name;
        }
    }
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_table->setColumnHidden(column, !visible.contains(m_model->fieldAt(column).name));
}

void EntityListView::fitColumns()
{
    // Once, on the first rows: wide enough for what they hold (a UUID, a long name) within limits,
    // so values are not cut to "8a854590-ad32-4d…" and an ID column is not as wide as a name.
    QHeaderView *header = m_table->horizontalHeader();
    const int widest = qMax(160, m_table->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 40);
    const QAbstractItemView *view = m_table; // sizeHintForColumn is public there, protected in QTableView
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (m_table->isColumnHidden(column))
            continue;
        const int wanted = qMax(view->sizeHintForColumn(column), header->sectionSizeHint(column)) + 8;
        header->resizeSection(column, std::clamp(wanted, 60, widest));
    }
}

void EntityListView::saveColumns() const
{
    QSettings().setValue(columnsKey(m_context), visibleColumns());
}

void EntityListView::setColumnFilter(const QString &fieldName, const QList<QPair<QString, QString>> &filters)
{
    const FieldDescriptor *field = entity().field(fieldName);
    if (!field)
        return;
    // Replace, not add: one column has one filter (or one range).
    QList<QPair<QString, QString>> next;
    const QStringList own = ColumnFilterDialog::parametersOf(*field);
    for (const auto &filter : m_model->filters()) {
        if (!own.contains(filter.first))
            next << filter;
    }
    next << filters;
    m_model->setFilters(next);
}

void EntityListView::openFilterDialog(const QString &fieldName)
{
    const FieldDescriptor *field = entity().field(fieldName);
    if (!field)
        return;
    auto *dialog = new ColumnFilterDialog(*field, m_model->filters(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, fieldName] { setColumnFilter(fieldName, dialog->filters()); });
    dialog->open();
}

void EntityListView::reload()
{
    m_banner->clearMessage();
    m_model->refresh();
    m_filterBar->setFilters(m_model->filters());
}

void EntityListView::chooseExportFile()
{
    if (m_download->isRunning())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(QStringLiteral("%1-%2.csv")
                                                        .arg(m_context.key, QDate::currentDate().toString(Qt::ISODate)));
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export %1").arg(m_context.title), suggested,
                                                          tr("CSV files (*.csv)"));
    if (fileName.isEmpty())
        return;
    auto *progress = new QProgressDialog(tr("Exporting %1…").arg(m_context.title.toLower()), tr("Cancel"), 0, 0, this);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(500);
    connect(progress, &QProgressDialog::canceled, m_download, &CsvDownload::cancel);
    connect(m_download, &CsvDownload::progress, progress, [progress](qint64 received, qint64 total) {
        progress->setMaximum(total > 0 ? 1000 : 0);
        if (total > 0)
            progress->setValue(int(received * 1000 / total));
        progress->setLabelText(tr("Exporting… %1 KB").arg(received / 1024));
    });
    connect(m_download, &CsvDownload::finished, progress, &QWidget::close);
    exportCsvTo(fileName);
}

void EntityListView::exportCsvTo(const QString &fileName)
{
    if (m_download->isRunning()) {
        emit exportFinished(false, tr("An export is already running."));
        return;
    }
    // Same query as the table (filters, search, sort), without paging.
    connect(m_download, &CsvDownload::finished, this, [this](bool ok, const QString &message) {
        m_banner->showMessage(message, ok ? MessageBanner::Kind::Info : MessageBanner::Kind::Error);
        emit exportFinished(ok, message);
    }, Qt::SingleShotConnection);
    m_download->start(m_context.entity + QStringLiteral("/export.csv"), m_model->filterQuery(), fileName);
}

void EntityListView::updateCount()
{
    if (!m_model->hasLoaded())
        m_count->setText(m_model->isLoading() ? tr("Loading…") : QString());
    else
        m_count->setText(tr("%n record(s)", nullptr, m_model->total()));
}

void EntityListView::onActivated(const QModelIndex &index)
{
    const qint64 id = m_model->idAt(index.row());
    if (id > 0)
        emit openRequested(m_context, id);
}

} // namespace backoffice::views
