#include "SheetRowsModel.h"

#include "RateImportSettings.h"

#include "ApiClient.h"
#include "ErrorText.h"

#include <QBrush>
#include <QFont>
#include <QJsonArray>
#include <QPalette>
#include <QUrlQuery>

namespace backoffice::views {

SheetRowsModel::SheetRowsModel(ApiClient &api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(&api)
{ }

void SheetRowsModel::setImport(const QString &importId, int rowCount, int columnCount)
{
    beginResetModel();
    ++m_generation;
    m_id = importId;
    m_total = qMax(0, rowCount);
    m_columns = qMax(0, columnCount);
    m_rows.clear();
    m_titles = QStringList(m_columns, QString());
    m_startRow = 1;
    m_fetching = false;
    m_failed = false;
    endResetModel();
}

void SheetRowsModel::setStartRow(int row)
{
    if (row == m_startRow)
        return;
    const int first = qMin(row, m_startRow) - 1;
    const int last = qMax(row, m_startRow) - 1;
    m_startRow = row;
    // Only the rows between the old and the new start change their shade.
    const int loaded = int(m_rows.size());
    if (loaded > 0 && m_columns > 0 && first < loaded) {
        emit dataChanged(index(first, 0), index(qMin(last, loaded - 1), m_columns - 1), {Qt::ForegroundRole});
        emit headerDataChanged(Qt::Vertical, first, qMin(last, loaded - 1));
    }
}

void SheetRowsModel::setColumnTitle(int column, const QString &title)
{
    if (column < 1 || column > m_columns || m_titles.at(column - 1) == title)
        return;
    m_titles[column - 1] = title;
    emit headerDataChanged(Qt::Horizontal, column - 1, column - 1);
}

QString SheetRowsModel::columnTitle(int column) const
{
    return column >= 1 && column <= m_columns ? m_titles.at(column - 1) : QString();
}

QString SheetRowsModel::cell(int row, int column) const
{
    if (row < 1 || row > int(m_rows.size()))
        return {};
    const QStringList &cells = m_rows.at(row - 1);
    return column >= 1 && column <= int(cells.size()) ? cells.at(column - 1) : QString();
}

int SheetRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SheetRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant SheetRowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: return cell(index.row() + 1, index.column() + 1);
    case Qt::ForegroundRole:
        // Rows above the start row are not imported: shown, but faded.
        if (index.row() + 1 < m_startRow)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    default: return {};
    }
}

QVariant SheetRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= int(m_rows.size()))
            return {};
        if (role == Qt::DisplayRole)
            return section + 1; // the file's own row numbers, which the problems refer to
        if (role == Qt::FontRole && section + 1 == m_startRow) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::ToolTipRole)
            return tr("Click to start the import at row %1").arg(section + 1);
        return {};
    }
    if (section < 0 || section >= m_columns)
        return {};
    const QString &title = m_titles.at(section);
    switch (role) {
    case Qt::DisplayRole: return tr("Column %1\n%2").arg(columnLetters(section + 1), title.isEmpty() ? tr("Import as…") : title);
    case Qt::ToolTipRole: return tr("Click to choose what column %1 is imported as").arg(columnLetters(section + 1));
    case Qt::FontRole:
        if (!title.isEmpty()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default: return {};
    }
}

bool SheetRowsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_id.isEmpty() && !m_failed && !m_fetching && int(m_rows.size()) < m_total;
}

void SheetRowsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_api)
        return;
    m_fetching = true;
    const int offset = int(m_rows.size());
    const int generation = m_generation;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    ApiReply *reply = m_api->get(QStringLiteral("rate-imports/%1/rows").arg(m_id), query);
    connect(reply, &ApiReply::finished, this, [this, reply, generation, offset] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        m_fetching = false;
        if (!reply->ok()) {
            m_failed = true; // no retry loop from the view asking again
            emit fetchFailed(describeFailure(reply));
            return;
        }
        const QJsonObject answer = reply->object();
        const QJsonArray items = answer.value(QLatin1String("items")).toArray();
        m_total = int(answer.value(QLatin1String("total")).toInteger(m_total));
        if (offset != int(m_rows.size()) || items.isEmpty()) {
            if (items.isEmpty())
                m_total = int(m_rows.size()); // the server has no more than this
            return;
        }
        beginInsertRows({}, offset, offset + int(items.size()) - 1);
        for (const QJsonValue &row : items) {
            QStringList cells;
            for (const QJsonValue &cellValue : row.toArray())
                cells << cellValue.toString();
            m_rows.append(cells);
        }
        endInsertRows();
        emit rowsLoaded(int(m_rows.size()));
    });
}

} // namespace backoffice::views
