#pragma once

#include "ApiClient.h"
#include "EntityDescriptor.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>

namespace backoffice::views {

// A table over one API collection that never holds the whole collection: rowCount() is the server's
// `total`, and rows are fetched a page at a time when a view asks for them (data() on a row whose
// page is missing requests that page). So a list of a million companies opens as fast as one of
// fifty and a jump to row 900,000 costs one page request, not 4,500.
//
// Sorting, filters and the search text are sent to the server; changing any of them starts over.
// Pages already loaded are kept up to a limit and dropped least-recently-used first.
class RemoteTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,  // qint64 id of the row's record (invalid while not loaded)
        RecordRole,                 // the whole record as a QJsonObject
        FieldNameRole,              // headerData: the catalogue field name of a column
        LoadedRole,                 // bool: whether the row's page has arrived
    };

    RemoteTableModel(ApiClient *api, const EntityDescriptor &entity, QObject *parent = nullptr);

    const EntityDescriptor &entity() const { return m_entity; }
    // Columns are the entity's fields that make sense in a table (no secrets, no JSON blobs).
    const FieldDescriptor &fieldAt(int column) const;
    int columnOf(const QString &fieldName) const;

    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void setMaxCachedPages(int pages) { m_maxCachedPages = qMax(2, pages); }

    // Parameters sent with every request and never shown as user filters (kind=portal).
    void setFixedFilters(const QList<QPair<QString, QString>> &filters);
    // User filters: parameter name ("companyName", "createdAt.from") -> value.
    void setFilter(const QString &parameter, const QString &value);
    void removeFilter(const QString &parameter);
    void clearFilters();
    // Replaces every user filter at once (one reload, not one per parameter).
    void setFilters(const QList<QPair<QString, QString>> &filters);
    const QList<QPair<QString, QString>> &filters() const { return m_filters; }
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    // "name,-id" style, as the API takes it. Empty: the entity's default sort.
    void setSortSpec(const QString &sort);
    QString sortSpec() const { return m_sort; }
    void sort(int column, Qt::SortOrder order) override;

    // The query of the current view without paging: what export.csv gets so the file matches.
    QUrlQuery filterQuery() const;

    // Starts over with the current query (first load, F5). Keeps the row count until the server
    // answers, so a view scrolled far down stays where it is.
    void refresh();

    int total() const { return m_total; }
    bool hasLoaded() const { return m_loadedOnce; }
    bool isLoading() const { return !m_inFlight.isEmpty(); }
    bool isRowLoaded(int row) const;
    QJsonObject record(int row) const;
    qint64 idAt(int row) const;
    int loadedPageCount() const { return int(m_pages.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A page arrived: rows [firstRow, firstRow + count) now have data.
    void pageLoaded(int firstRow, int count);
    void totalChanged(int total);
    void loadingChanged(bool loading);
    // The server refused or could not be reached; the message is for people.
    void loadFailed(const QString &message, int httpStatus);

private:
    struct Page {
        QList<QJsonObject> rows;
        quint64 lastUse = 0;
    };

    void restart();
    void requestPage(int page) const;
    void dispatch();
    void onPageAnswered(quint64 generation, int page, ApiReply *reply);
    void adjustTotal(int total);
    void evictIfNeeded(int keepPage);
    const Page *pageForRow(int row) const;

    ApiClient *m_api;
    const EntityDescriptor &m_entity;
    QList<const FieldDescriptor *> m_columns;
    int m_pageSize = 200;
    int m_maxCachedPages = 200;
    int m_maxInFlight = 3;
    int m_maxWanted = 6;

    QList<QPair<QString, QString>> m_fixedFilters;
    QList<QPair<QString, QString>> m_filters;
    QString m_search;
    QString m_sort;

    int m_total = 0;
    bool m_started = false;          // refresh() ran once: changes of the query reload from then on
    bool m_loadedOnce = false;
    quint64 m_generation = 0;
    mutable quint64 m_useCounter = 0;
    mutable QHash<int, Page> m_pages;
    QSet<int> m_inFlight;
    mutable QSet<int> m_failed;      // pages the server refused in this generation: not retried
    mutable QList<int> m_wanted;     // pages asked for, most recent last
    QTimer *m_dispatchTimer;         // coalesces requests made while a view paints
};

} // namespace backoffice::views
