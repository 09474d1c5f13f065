#pragma once

#include <QGroupBox>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace backoffice {
class ApiClient;
class ApiReply;
} // namespace backoffice

namespace backoffice::views {

class AgreementLedgerModel;

// "Balance ledger" under an agreement: what moved its balance over the last 7, 31, 90 or 366 days
// (GET agreements/{id}/ledger), newest first, with the opening and closing balance of the range.
// Hidden until the server answers, and whenever it answers 403: a user who may see the
// agreement need not be allowed to see its money.
class AgreementLedgerPanel final : public QGroupBox
{
    Q_OBJECT
public:
    explicit AgreementLedgerPanel(ApiClient *api, QWidget *parent = nullptr);

    // Asks for the agreement's ledger over the chosen range; a later call wins over an answer
    // still on its way.
    void load(qint64 agreementId);
    // Forgets the agreement (a new one is being created) and hides the panel.
    void clearLedger();
    void refresh();

    qint64 agreementId() const { return m_agreementId; }
    // The last ledger the server answered (empty after an error).
    const QJsonObject &ledger() const { return m_ledger; }
    // Days the range combo asks for (7, 31, 90 or 366).
    int rangeDays() const;

    AgreementLedgerModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *rangeBox() const { return m_range; }
    QPushButton *refreshButton() const { return m_refresh; }
    QLabel *summaryLabel() const { return m_summary; }

signals:
    void loaded(bool ok);
    // A line with a payment was double-clicked (or activated with the keyboard).
    void paymentRequested(qint64 id);

private:
    void onAnswer(ApiReply *reply);
    void showLedger(const QJsonObject &ledger);
    void showFailure(const ApiReply *reply);
    void fitTable();

    ApiClient *m_api;
    qint64 m_agreementId = -1;
    int m_generation = 0;
    QJsonObject m_ledger;
    AgreementLedgerModel *m_model;
    QComboBox *m_range;
    QPushButton *m_refresh;
    QLabel *m_summary;
    QTableView *m_table;
};

} // namespace backoffice::views
