#include "RemoteTableModel.h"

#include "ValueFormat.h"

#include <QJsonArray>

#include <limits>

namespace backoffice::views {

namespace {

bool isColumnType(const FieldDescriptor &field)
{
    return !field.secret && field.type != FieldType::Json;
}

} // namespace

RemoteTableModel::RemoteTableModel(ApiClient *api, const EntityDescriptor &entity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
    , m_entity(entity)
    , m_dispatchTimer(new QTimer(this))
{
    for (const FieldDescriptor &field : m_entity.fields) {
        if (isColumnType(field))
            m_columns << &field;
    }
    m_dispatchTimer->setSingleShot(true);
    m_dispatchTimer->setInterval(0);
    connect(m_dispatchTimer, &QTimer::timeout, this, &RemoteTableModel::dispatch);
}

const FieldDescriptor &RemoteTableModel::fieldAt(int column) const
{
    return *m_columns.at(column);
}

int RemoteTableModel::columnOf(const QString &fieldName) const
{
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i)->name == fieldName)
            return i;
    }
    return -1;
}

void RemoteTableModel::setPageSize(int rows)
{
    rows = qBound(1, rows, 1000); // the API's own limit
    if (rows == m_pageSize)
        return;
    m_pageSize = rows;
    restart();
}

void RemoteTableModel::setFixedFilters(const QList<QPair<QString, QString>> &filters)
{
    m_fixedFilters = filters;
    restart();
}

void RemoteTableModel::setFilter(const QString &parameter, const QString &value)
{
    for (auto &filter : m_filters) {
        if (filter.first == parameter) {
            if (filter.second == value)
                return;
            filter.second = value;
            restart();
            return;
        }
    }
    m_filters.append({parameter, value});
    restart();
}

void RemoteTableModel::removeFilter(const QString &parameter)
{
    for (int i = 0; i < m_filters.size(); ++i) {
        if (m_filters.at(i).first == parameter) {
            m_filters.removeAt(i);
            restart();
            return;
        }
    }
}

void RemoteTableModel::clearFilters()
{
    if (m_filters.isEmpty())
        return;
    m_filters.clear();
    restart();
}

void RemoteTableModel::setFilters(const QList<QPair<QString, QString>> &filters)
{
    if (filters == m_filters)
        return;
    m_filters = filters;
    restart();
}

void RemoteTableModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    restart();
}

void RemoteTableModel::setSortSpec(const QString &sort)
{
    if (sort == m_sort)
        return;
    m_sort = sort;
    restart();
}

void RemoteTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size())
        return;
    const FieldDescriptor &field = fieldAt(column);
    if (field.type == FieldType::ReferenceList || field.type == FieldType::StringList)
        return; // the server has no order for lists
    // References sort by what people see (their label), which the API supports as "companyName".
    const QString key = field.type == FieldType::Reference ? field.referenceLabelKey() : field.name;
    setSortSpec((order == Qt::DescendingOrder ? QStringLiteral("-") : QString()) + key);
}

QUrlQuery RemoteTableModel::filterQuery() const
{
    QUrlQuery query;
    for (const auto &[name, value] : m_fixedFilters)
        query.addQueryItem(name, value);
    for (const auto &[name, value] : m_filters)
        query.addQueryItem(name, value);
    if (!m_search.isEmpty())
        query.addQueryItem(QStringLiteral("q"), m_search);
    QString sort = m_sort.isEmpty() ? m_entity.defaultSort : m_sort;
    // Paging over a sort key with ties (many companies called "Acme") could repeat or skip rows at
    // page boundaries; the id as a last key makes the order total.
    const QStringList keys = sort.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!keys.contains(QLatin1String("id")) && !keys.contains(QLatin1String("-id")))
        sort += sort.isEmpty() ? QStringLiteral("id") : QStringLiteral(",id");
    query.addQueryItem(QStringLiteral("sort"), sort);
    return query;
}

void RemoteTableModel::restart()
{
    if (!m_started)
        return; // not started yet: refresh() will load with whatever was configured
    const bool wasLoading = isLoading();
    beginResetModel();
    ++m_generation;
    m_pages.clear();
    m_wanted.clear();
    m_failed.clear();
    m_inFlight.clear(); // answers of the previous generation are ignored when they come
    const bool totalChanged = m_total != 0;
    m_total = 0;
    endResetModel();
    if (totalChanged)
        emit this->totalChanged(0);
    if (wasLoading)
        emit loadingChanged(false);
    requestPage(0);
}

void RemoteTableModel::refresh()
{
    m_started = true;
    const bool wasLoading = isLoading();
    ++m_generation;
    m_pages.clear();
    m_wanted.clear();
    m_failed.clear();
    m_inFlight.clear();
    if (wasLoading)
        emit loadingChanged(false);
    // Rows stay (with empty cells) so the view keeps its position; the pages it shows are asked for
    // again as it repaints, and page 0 tells the new total.
    requestPage(0);
    if (m_total > 0)
        emit dataChanged(index(0, 0), index(m_total - 1, columnCount() - 1));
}

bool RemoteTableModel::isRowLoaded(int row) const
{
    return m_pages.contains(row / m_pageSize);
}

QJsonObject RemoteTableModel::record(int row) const
{
    const Page *page = pageForRow(row);
    if (!page)
        return {};
    const int offset = row % m_pageSize;
    return offset < page->rows.size() ? page->rows.at(offset) : QJsonObject();
}

qint64 RemoteTableModel::idAt(int row) const
{
    return record(row).value(QLatin1String("id")).toInteger(-1);
}

int RemoteTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int RemoteTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RemoteTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Page *page = pageForRow(row);
    if (!page) {
        requestPage(row / m_pageSize);
        if (role == LoadedRole)
            return false;
        if (role == Qt::DisplayRole && index.column() == 0)
            return tr("…");
        return {};
    }
    const int offset = row % m_pageSize;
    if (offset >= page->rows.size())
        return {};
    const QJsonObject &item = page->rows.at(offset);
    const FieldDescriptor &field = fieldAt(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return valueformat::display(field, item);
    case Qt::ToolTipRole:
        if (field.type == FieldType::LongText || field.type == FieldType::EmailList
            || field.type == FieldType::ReferenceList)
            return valueformat::display(field, item);
        return {};
    case Qt::TextAlignmentRole:
        if (valueformat::isNumeric(field))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return item.value(QLatin1String("id")).toInteger();
    case RecordRole:
        return QVariant::fromValue(item);
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant RemoteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return fieldAt(section).label;
    if (role == FieldNameRole)
        return fieldAt(section).name;
    return {};
}

void RemoteTableModel::requestPage(int page) const
{
    if (page < 0 || m_pages.contains(page) || m_inFlight.contains(page) || m_failed.contains(page))
        return;
    // The most recent wish goes last and is served first: while someone drags the scroll bar the
    // pages they passed over fall off the front and are never fetched.
    m_wanted.removeOne(page);
    m_wanted.append(page);
    while (m_wanted.size() > m_maxWanted)
        m_wanted.removeFirst();
    if (!m_dispatchTimer->isActive())
        m_dispatchTimer->start();
}

void RemoteTableModel::dispatch()
{
    const bool wasLoading = isLoading();
    while (m_inFlight.size() < m_maxInFlight && !m_wanted.isEmpty()) {
        const int page = m_wanted.takeLast();
        if (m_pages.contains(page) || m_inFlight.contains(page))
            continue;
        QUrlQuery query = filterQuery();
        query.addQueryItem(QStringLiteral("offset"), QString::number(qint64(page) * m_pageSize));
        query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
        ApiReply *reply = m_api->get(m_entity.name, query);
        m_inFlight.insert(page);
        const quint64 generation = m_generation;
        connect(reply, &ApiReply::finished, this,
                [this, generation, page, reply] { onPageAnswered(generation, page, reply); });
    }
    if (wasLoading != isLoading())
        emit loadingChanged(isLoading());
}

void RemoteTableModel::onPageAnswered(quint64 generation, int page, ApiReply *reply)
{
    reply->deleteLater();
    if (generation != m_generation)
        return; // the query changed since: this page belongs to a list nobody shows any more
    m_inFlight.remove(page);
    if (!reply->ok()) {
        m_failed.insert(page);
        emit loadFailed(reply->error().message, reply->httpStatus());
        dispatch();
        if (!isLoading())
            emit loadingChanged(false);
        return;
    }
    const QJsonObject answer = reply->object();
    const QJsonArray items = answer.value(QLatin1String("items")).toArray();
    const qint64 total = answer.value(QLatin1String("total")).toInteger(items.size());
    m_loadedOnce = true;
    adjustTotal(int(qMin<qint64>(total, std::numeric_limits<int>::max())));

    const int first = page * m_pageSize;
    if (first < m_total) {
        Page stored;
        const int count = int(qMin<qint64>(items.size(), m_total - first));
        stored.rows.reserve(count);
        for (int i = 0; i < count; ++i)
            stored.rows << items.at(i).toObject();
        stored.lastUse = ++m_useCounter;
        m_pages.insert(page, std::move(stored));
        evictIfNeeded(page);
        if (count > 0) {
            emit dataChanged(index(first, 0), index(first + count - 1, columnCount() - 1));
            emit pageLoaded(first, count);
        }
    }
    dispatch();
    if (!isLoading())
        emit loadingChanged(false);
}

void RemoteTableModel::adjustTotal(int total)
{
    if (total == m_total)
        return;
    if (total > m_total) {
        beginInsertRows({}, m_total, total - 1);
        m_total = total;
        endInsertRows();
    } else {
        beginRemoveRows({}, total, m_total - 1);
        m_total = total;
        for (auto it = m_pages.begin(); it != m_pages.end();) {
            const int first = it.key() * m_pageSize;
            if (first >= total) {
                it = m_pages.erase(it);
                continue;
            }
            if (first + it->rows.size() > total)
                it->rows.resize(total - first);
            ++it;
        }
        endRemoveRows();
    }
    emit totalChanged(m_total);
}

void RemoteTableModel::evictIfNeeded(int keepPage)
{
    while (m_pages.size() > m_maxCachedPages) {
        int oldest = -1;
        quint64 oldestUse = std::numeric_limits<quint64>::max();
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
            if (it.key() != keepPage && it->lastUse < oldestUse) {
                oldest = it.key();
                oldestUse = it->lastUse;
            }
        }
        if (oldest < 0)
            return;
        m_pages.remove(oldest);
    }
}

const RemoteTableModel::Page *RemoteTableModel::pageForRow(int row) const
{
    auto it = m_pages.find(row / m_pageSize);
    if (it == m_pages.end())
        return nullptr;
    it->lastUse = ++m_useCounter;
    return &*it;
}

} // namespace backoffice::views
