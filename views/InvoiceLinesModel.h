#pragma once

#include "Amount.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace backoffice::views {

// The lines of one invoice (GET invoice-lines?invoiceId=): its charges grouped by source, service,
// sender ID, rate and scale tier, with count, volume and the line's net, tax and total. Rows keep the
// server's order. Money is read exactly through Amount and shown with at least two decimals (a rate
// keeps all six it may have); the currency is the invoice's, named in the headers.
class InvoiceLinesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Source, Description, SenderId, PriceType, Rate, Tier, Count, Volume, Net, Tax, Total, ColumnCount };
    enum Role {
        LineRole = Qt::UserRole + 1, // the line as the server sent it (QJsonObject)
    };

    explicit InvoiceLinesModel(QObject *parent = nullptr);

    void setLines(const QList<QJsonObject> &lines);
    void clear();
    // The invoice's currency, shown in the money columns' headers.
    void setCurrency(const QString &currency);
    QString currency() const { return m_currency; }
    // The line as the server sent it; empty for a row out of range.
    QJsonObject lineAt(int row) const;

    // Sums over every line, exact (what the invoice's header must show).
    qint64 chargeCount() const;
    Amount net() const;
    Amount tax() const;
    Amount total() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static bool isNumericColumn(int column);
    Amount sumOf(const char *key) const;

    QList<QJsonObject> m_lines;
    QString m_currency;
};

} // namespace backoffice::views
