#pragma once

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;

namespace backoffice::views {

// The top of a charge's tab (reference §7.2, "Charge ID 1"): what the charge is (ID, source,
// service, agreement, company), the invoice it is on with that invoice's status, direction and
// period read in the invoice's billing time zone, and the totals row (count, volume, net, tax,
// total). Money is shown exactly as the server sent it.
class ChargeSummaryPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ChargeSummaryPanel(QWidget *parent = nullptr);

    // The charge's own fields; the invoice's read "looking up…" until one of the calls below.
    void showCharge(const QJsonObject &charge);
    void showInvoice(const QJsonObject &invoice);
    void showNotInvoiced();
    // The invoice could not be read (the banner says why).
    void showInvoiceUnknown();
    void clear();

    // The text shown for "id", "invoice", "direction", "source", "invoiceStatus", "periodStart",
    // "periodEnd", "service", "agreement", "company", "count", "volume", "net", "tax", "total".
    QString valueText(const QString &key) const;
    QPushButton *invoiceButton() const { return m_invoiceButton; }

signals:
    void invoiceClicked(qint64 invoiceId);

private:
    QLabel *addPair(QGridLayout *grid, int row, int column, const QString &key, const QString &label);
    QLabel *addTotal(QGridLayout *grid, int column, const QString &key, const QString &label);
    void setValue(const QString &key, const QString &text);
    void setInvoiceValues(const QString &placeholder);
    void showTaxFromInvoice(const QJsonObject &invoice);

    QHash<QString, QLabel *> m_values;
    QPushButton *m_invoiceButton;
    QJsonObject m_charge;
    qint64 m_invoiceId = 0;
};

} // namespace backoffice::views
