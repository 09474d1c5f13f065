#pragma once

#include <QGroupBox>
#include <QHash>
#include <QJsonObject>

class QFormLayout;
class QLabel;

namespace backoffice::views {

// The read-only fields of one charge (§7.2 "Charge details"): when and why it was written off, the
// EDR and transaction it came from, the service, sender ID, rate, tier and amount, and the invoice
// it belongs to. Every field of the catalogue's charge is shown, so nothing the server keeps about
// a charge is out of sight; times read in the invoice's billing time zone.
class ChargeDetailsView final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ChargeDetailsView(QWidget *parent = nullptr);

    // The invoice the charges are shown for ("INV-7", "#12 (draft)").
    void setInvoiceText(const QString &text);
    void showCharge(const QJsonObject &charge, const QString &timeZone);
    void clearCharge();

    const QJsonObject &charge() const { return m_charge; }
    // The text shown for a field ("amount", "edrId", "invoice"); empty for an unknown one.
    QString valueText(const QString &fieldName) const;

private:
    QLabel *addRow(const QString &key, const QString &label);

    QFormLayout *m_form;
    QHash<QString, QLabel *> m_values;
    QJsonObject m_charge;
};

} // namespace backoffice::views
