#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace backoffice::views {

// The clients bound to our SMSC right now ("clientBinds" of GET messaging/status): who, from where,
// since when and what went through the bind. A connection may hold several binds; a row is one
// bind, known by connection, peer and bind time, so polling updates rows in place while the same
// binds stay.
class ClientBindsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Login, BindType, Peer, Since, Submitted, Throttled, Delivered, PendingDeliveries, ColumnCount };
    enum Role {
        ConnectionIdRole = Qt::UserRole + 1, // qint64 id of the client SMPP connection
    };

    explicit ClientBindsModel(QObject *parent = nullptr);

    void setBinds(const QJsonArray &binds);
    QJsonObject bind(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<QJsonObject> m_rows;
};

} // namespace backoffice::views
