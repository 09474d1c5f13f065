#pragma once

#include <QGroupBox>
#include <QJsonObject>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace backoffice {
class ApiClient;
} // namespace backoffice

namespace backoffice::views {

// "Finance" in a company's tab: each of its agreements with the balance, what running traffic
// reserved, the credit limit, what is left to spend and the packs' sub-balances
// (GET agreements?companyId= then agreements/{id}/balance). Refreshed every 15 seconds while it is
// on screen, so traffic and payments show without asking; hidden when the user may not see them.
class CompanyFinancePanel final : public QGroupBox
{
    Q_OBJECT
public:
    enum Column { Agreement, Currency, Balance, Reserved, CreditLimit, Available, Packs, ColumnCount };

    explicit CompanyFinancePanel(ApiClient *api, QWidget *parent = nullptr);

    void load(qint64 companyId);
    void clearPanel();
    void refresh();

    QTableWidget *table() const { return m_table; }
    QPushButton *refreshButton() const { return m_refresh; }

signals:
    // Every agreement's balance of the last load is in (or the load failed).
    void loaded(bool ok);
    // A row was double-clicked: open that agreement.
    void agreementRequested(qint64 agreementId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showAgreements(const QJsonArray &agreements, int generation);
    void showBalance(int row, const QJsonObject &balance);

    ApiClient *m_api;
    qint64 m_companyId = -1;
    int m_generation = 0;
    int m_pending = 0;
    QTableWidget *m_table;
    QPushButton *m_refresh;
    QLabel *m_note;
    QTimer *m_live;
};

} // namespace backoffice::views
