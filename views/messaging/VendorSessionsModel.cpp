#include "VendorSessionsModel.h"

#include "ConnectionState.h"

namespace backoffice::views {

namespace {

qint64 number(const QJsonObject &row, const char *key)
{
    return row.value(QLatin1String(key)).toInteger();
}

qint64 idOf(const QJsonObject &row)
{
    return number(row, "connectionId");
}

} // namespace

VendorSessionsModel::VendorSessionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void VendorSessionsModel::setSessions(const QJsonArray &sessions)
{
    QList<QJsonObject> rows;
    rows.reserve(sessions.size());
    for (const QJsonValue &value : sessions)
        rows << value.toObject();
    bool sameConnections = rows.size() == m_rows.size();
    for (int i = 0; sameConnections && i < rows.size(); ++i)
        sameConnections = idOf(rows.at(i)) == idOf(m_rows.at(i));
    if (!sameConnections) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QJsonObject VendorSessionsModel::session(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

int VendorSessionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VendorSessionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QIcon VendorSessionsModel::dot(const QString &state) const
{
    const connectionstate::Health health = connectionstate::healthOf(state);
    QIcon &icon = m_dots[int(health)];
    if (icon.isNull())
        icon = connectionstate::dotIcon(health);
    return icon;
}

QVariant VendorSessionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &row = m_rows.at(index.row());
    const QString state = row.value(QLatin1String("state")).toString();
    const QString lastError = row.value(QLatin1String("lastError")).toString();
    switch (role) {
    case StateRole: return state;
    case ConnectionIdRole: return idOf(row);
    case Qt::DecorationRole: return index.column() == State ? QVariant(dot(state)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == State || index.column() == Name)
            return lastError.isEmpty() ? tr("No error reported") : tr("Last error: %1").arg(lastError);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= InFlight ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (Column(index.column())) {
    case Name: return row.value(QLatin1String("name")).toString();
    case State: return connectionstate::stateLabel(state);
    case InFlight:
        // The window in use against its size: a full window is where throughput stops.
        return tr("%1 / %2").arg(number(row, "inFlight")).arg(number(row, "window"));
    case Queued: return number(row, "queued");
    case Submitted: return number(row, "submitted");
    case Answered: return number(row, "answered");
    case Receipts: return number(row, "receipts");
    case Throttled: return number(row, "throttled");
    case TimedOut: return number(row, "timedOut");
    case Rate: return QString::number(row.value(QLatin1String("submitsPerSecond")).toDouble(), 'f', 1);
    case ColumnCount: break;
    }
    return {};
}

QVariant VendorSessionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case InFlight: return tr("Submits awaiting an answer / window limit");
        case Queued: return tr("Parts waiting for a free place in the window");
        case Answered: return tr("submit_sm answered by the vendor");
        case Receipts: return tr("Delivery receipts received");
        case Throttled: return tr("Submits the vendor refused with a throttling error");
        case TimedOut: return tr("Submits the vendor did not answer in time");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name: return tr("Connection");
    case State: return tr("State");
    case InFlight: return tr("In flight");
    case Queued: return tr("Queued");
    case Submitted: return tr("Submitted");
    case Answered: return tr("Answered");
    case Receipts: return tr("Receipts");
    case Throttled: return tr("Throttled");
    case TimedOut: return tr("Timed out");
    case Rate: return tr("Submits/s");
    case ColumnCount: break;
    }
    return {};
}

} // namespace backoffice::views
