#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {

// The uploaded sheet as the server read it, for the Resource panel of the import settings: rows
// come from GET rate-imports/{id}/rows a page at a time as the view scrolls (canFetchMore /
// fetchMore), so a 250,000-row sheet costs only what is shown. The vertical header numbers rows
// from 1 as the file does; rows above the start row are greyed; each column header says what the
// column is imported as.
class SheetRowsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 500;

    explicit SheetRowsModel(ApiClient &api, QObject *parent = nullptr);

    // A new import: drops the rows held. rowCount and columnCount come from the import object.
    void setImport(const QString &importId, int rowCount, int columnCount);
    int totalRows() const { return m_total; }
    int loadedRows() const { return int(m_rows.size()); }
    bool isFetching() const { return m_fetching; }

    void setStartRow(int row);
    int startRow() const { return m_startRow; }
    // Second header line of a column (1-based): "Country (name, best)"; empty: not imported.
    void setColumnTitle(int column, const QString &title);
    QString columnTitle(int column) const;
    // Cell text of a loaded row and column (both 1-based); empty when not loaded.
    QString cell(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    // A page failed to load (the import was forgotten, the session expired…).
    void fetchFailed(const QString &message);
    void rowsLoaded(int loaded);

private:
    QPointer<ApiClient> m_api;
    QString m_id;
    int m_total = 0;
    int m_columns = 0;
    int m_startRow = 1;
    bool m_fetching = false;
    bool m_failed = false; // a page failed: no more fetching until the next import
    int m_generation = 0; // pages asked for a previous import are dropped
    QList<QStringList> m_rows;
    QStringList m_titles;
};

} // namespace backoffice::views
