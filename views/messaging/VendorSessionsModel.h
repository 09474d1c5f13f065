#pragma once

#include <QAbstractTableModel>
#include <QIcon>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace backoffice::views {

// The vendor SMPP sessions of GET messaging/status ("vendorConnections"), one row per connection:
// its state with a coloured dot (the last error as tooltip), the window in use and the counters.
// Refreshing with the same connections updates cells in place, so selection and scrolling survive
// the two-second polling.
class VendorSessionsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        State,
        InFlight,
        Queued,
        Submitted,
        Answered,
        Receipts,
        Throttled,
        TimedOut,
        Rate,
        ColumnCount
    };
    enum Role {
        StateRole = Qt::UserRole + 1, // the raw state: "bound", "connecting", …
        ConnectionIdRole, // qint64 id of the vendor SMPP connection
    };

    explicit VendorSessionsModel(QObject *parent = nullptr);

    void setSessions(const QJsonArray &sessions);
    QJsonObject session(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QIcon dot(const QString &state) const;

    QList<QJsonObject> m_rows;
    mutable QIcon m_dots[3]; // drawn on first use, one per health
};

} // namespace backoffice::views
