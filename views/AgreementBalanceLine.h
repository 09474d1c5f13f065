#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>

namespace backoffice {
class ApiClient;
} // namespace backoffice

namespace backoffice::views {

// One read-only line under an agreement's fields: its balance, what running traffic has reserved,
// the credit limit and what is left to spend, then what each pack in force has left
// (GET agreements/{id}/balance). Hidden when the server
// has no balance to tell (no messaging engine, or no permission).
class AgreementBalanceLine final : public QLabel
{
    Q_OBJECT
public:
    explicit AgreementBalanceLine(ApiClient *api, QWidget *parent = nullptr);

    // Asks for the agreement's balance; a later call wins over an answer still on its way.
    void load(qint64 agreementId);
    void clearBalance();
    const QJsonObject &balance() const { return m_balance; }

signals:
    void loaded(bool ok);

private:
    void showBalance(const QJsonObject &balance);
    static QString packsText(const QJsonArray &packs, const QString &currency);

    ApiClient *m_api;
    int m_generation = 0;
    QJsonObject m_balance;
};

} // namespace backoffice::views
