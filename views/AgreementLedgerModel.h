#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace backoffice::views {

// The lines of an agreement's ledger (GET agreements/{id}/ledger): each balance movement, and the
// charges of one UTC day and source summed into one line, with the balance after it. Rows keep the
// server's order (newest first): the running balance only reads right in that order, so there is
// no client sort. Amounts are shown as the exact decimal text the server sent, never re-formatted
// through a floating-point number.
class AgreementLedgerModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Kind, Description, Amount, BalanceAfter, Payment, ColumnCount };
    enum Role {
        PaymentIdRole = Qt::UserRole + 1, // qint64 id of the line's payment, 0 when it has none
    };

    explicit AgreementLedgerModel(QObject *parent = nullptr);

    // Takes the lines of a ledger answer; the rest of the answer (balances, range) is the panel's.
    void setLedger(const QJsonObject &ledger);
    void clear();
    // The line as the server sent it; empty for a row out of range.
    QJsonObject lineAt(int row) const;

    // "Payment added", or "Charges: Traffic" for a day's charges of one source.
    static QString kindLabel(const QJsonObject &line);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<QJsonObject> m_lines;
};

} // namespace backoffice::views
