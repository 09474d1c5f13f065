#pragma once

#include <QGroupBox>
#include <QJsonObject>
#include <QList>

class QLabel;
class QPushButton;
class QTableView;

namespace backoffice {
class ApiClient;
class ApiReply;
} // namespace backoffice

namespace backoffice::views {

class InvoiceLinesModel;

// "Lines" under an invoice (§7.2 "Charges"): every line of the invoice (GET invoice-lines, all
// pages), a summary with the exact sums of the lines, and "Charges…" (or a double click) to see the
// charges one line groups.
class InvoiceLinesPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit InvoiceLinesPanel(ApiClient *api, QWidget *parent = nullptr);

    // Asks for the invoice's lines; a later call wins over an answer still on its way.
    void load(qint64 invoiceId, const QString &currency);
    void clearLines();

    qint64 invoiceId() const { return m_invoiceId; }
    InvoiceLinesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *chargesButton() const { return m_charges; }
    QLabel *summaryLabel() const { return m_summary; }
    // The line of the current row; empty when none is selected.
    QJsonObject currentLine() const;

signals:
    void loaded(bool ok);
    // The charges of this line were asked for (button, double click or Enter).
    void chargesRequested(const QJsonObject &line);

private:
    void requestPage(int generation, int offset);
    void onPage(ApiReply *reply, int generation);
    void showLines();
    void showFailure(const QString &message);
    void fitTable();
    void updateButton();

    ApiClient *m_api;
    qint64 m_invoiceId = -1;
    QString m_currency;
    int m_generation = 0;
    QList<QJsonObject> m_pending; // pages received so far of the answer being read
    InvoiceLinesModel *m_model;
    QLabel *m_summary;
    QPushButton *m_charges;
    QTableView *m_table;
};

} // namespace backoffice::views
