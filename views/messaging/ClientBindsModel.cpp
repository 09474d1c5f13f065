#include "ClientBindsModel.h"

#include "ValueFormat.h"

namespace backoffice::views {

namespace {

qint64 number(const QJsonObject &row, const char *key)
{
    return row.value(QLatin1String(key)).toInteger();
}

QString text(const QJsonObject &row, const char *key)
{
    return row.value(QLatin1String(key)).toString();
}

// What tells one bind from another: the same connection may bind several times from one peer.
QString identityOf(const QJsonObject &row)
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(number(row, "connectionId"))
        .arg(text(row, "peer"), text(row, "since"), text(row, "bindType"));
}

QString bindTypeLabel(const QString &type)
{
    if (type == QLatin1String("transceiver"))
        return QObject::tr("Transceiver");
    if (type == QLatin1String("transmitter"))
        return QObject::tr("Transmitter");
    if (type == QLatin1String("receiver"))
        return QObject::tr("Receiver");
    return type;
}

} // namespace

ClientBindsModel::ClientBindsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ClientBindsModel::setBinds(const QJsonArray &binds)
{
    QList<QJsonObject> rows;
    rows.reserve(binds.size());
    for (const QJsonValue &value : binds)
        rows << value.toObject();
    bool sameBinds = rows.size() == m_rows.size();
    for (int i = 0; sameBinds && i < rows.size(); ++i)
        sameBinds = identityOf(rows.at(i)) == identityOf(m_rows.at(i));
    if (!sameBinds) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QJsonObject ClientBindsModel::bind(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

int ClientBindsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClientBindsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClientBindsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &row = m_rows.at(index.row());
    if (role == ConnectionIdRole)
        return number(row, "connectionId");
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Submitted ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    if (role == Qt::ToolTipRole && index.column() == Since)
        return text(row, "since");
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name: return text(row, "name");
    case Login: return text(row, "login");
    case BindType: return bindTypeLabel(text(row, "bindType"));
    case Peer: return text(row, "peer");
    case Since: {
        const QDateTime since = valueformat::parseInstant(text(row, "since"));
        return since.isValid() ? since.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm:ss"))
                               : text(row, "since");
    }
    case Submitted: return number(row, "submitted");
    case Throttled: return number(row, "throttled");
    case Delivered: return number(row, "delivered");
    case PendingDeliveries: return number(row, "pendingDeliveries");
    case ColumnCount: break;
    }
    return {};
}

QVariant ClientBindsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole) {
        if (section == Delivered)
            return tr("deliver_sm sent to the client: receipts and MO messages");
        if (section == PendingDeliveries)
            return tr("deliver_sm waiting for the client's answer");
        if (section == Throttled)
            return tr("Submits refused because the bind went over its throughput limit");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name: return tr("Connection");
    case Login: return tr("Login");
    case BindType: return tr("Bind type");
    case Peer: return tr("Peer");
    case Since: return tr("Bound since");
    case Submitted: return tr("Submitted");
    case Throttled: return tr("Throttled");
    case Delivered: return tr("Delivered");
    case PendingDeliveries: return tr("Pending deliveries");
    case ColumnCount: break;
    }
    return {};
}

} // namespace backoffice::views
