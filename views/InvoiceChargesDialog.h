#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QTableView;

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {

class ChargeDetailsView;
class LineChargesModel;

// The charges one invoice line sums, in a window of their own: the list (read page by page as it
// scrolls) and, under it, the details of the charge selected in it; a double click opens the charge
// in its own tab and closes the window.
class InvoiceChargesDialog final : public QDialog
{
    Q_OBJECT
public:
    InvoiceChargesDialog(ApiClient *api, const QJsonObject &invoice, const QJsonObject &line,
                         QWidget *parent = nullptr);

    LineChargesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ChargeDetailsView *details() const { return m_details; }
    QLabel *statusLabel() const { return m_status; }

signals:
    // A charge was double-clicked (or Enter pressed on it): open its own tab (the window closes).
    void chargeOpenRequested(qint64 chargeId);

private:
    void showCurrent();
    void updateStatus(bool ok, const QString &message);

    QJsonObject m_line;
    LineChargesModel *m_model;
    QLabel *m_status;
    QTableView *m_table;
    ChargeDetailsView *m_details;
};

} // namespace backoffice::views
