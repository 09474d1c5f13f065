#include "AgreementBalanceLine.h"

#include "ApiClient.h"

namespace backoffice::views {

AgreementBalanceLine::AgreementBalanceLine(ApiClient *api, QWidget *parent)
    : QLabel(parent)
    , m_api(api)
{
    setObjectName(QStringLiteral("agreementBalance"));
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setWordWrap(true);
    hide();
}

void AgreementBalanceLine::load(qint64 agreementId)
{
    ApiReply *reply = m_api->get(QStringLiteral("agreements/%1/balance").arg(agreementId));
    const int generation = ++m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return; // the form moved on to another record (or reloaded) meanwhile
        if (!reply->ok()) {
            clearBalance();
            emit loaded(false);
            return;
        }
        showBalance(reply->object());
        emit loaded(true);
    });
}

void AgreementBalanceLine::clearBalance()
{
    ++m_generation;
    m_balance = {};
    clear();
    hide();
}

void AgreementBalanceLine::showBalance(const QJsonObject &balance)
{
    m_balance = balance;
    const QString currency = balance.value(QLatin1String("currency")).toString();
    auto amount = [&balance, &currency](const char *key) {
        const QJsonValue value = balance.value(QLatin1String(key));
        if (value.isNull() || value.isUndefined())
            return tr("unlimited");
        return QStringLiteral("%1 %2").arg(value.toString(), currency).toHtmlEscaped();
    };
    const QString available = amount("available");
    const bool overdrawn = available.startsWith(QLatin1Char('-'));
    setText(tr("<b>Balance:</b> %1 &nbsp;·&nbsp; <b>Reserved:</b> %2 &nbsp;·&nbsp; <b>Credit limit:</b> %3 "
               "&nbsp;·&nbsp; <b>Available:</b> %4")
                .arg(amount("balance"), amount("reserved"), amount("creditLimit"),
                     overdrawn ? QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(available) : available));
    setToolTip(tr("Available = balance + credit limit − reserved. Reserved is what messages on their way "
                  "hold until they are charged."));
    setVisible(true);
}

} // namespace backoffice::views
