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

// One line per pack in force: what it has left of its size (units, or money for a monetary pack).
QString AgreementBalanceLine::packsText(const QJsonArray &packs, const QString &currency)
{
    QStringList lines;
    for (const QJsonValue &value : packs) {
        const QJsonObject pack = value.toObject();
        const bool money = pack.value(QLatin1String("type")).toString() == QLatin1String("monetaryPack");
        auto figure = [&pack, money, &currency](const char *key) {
            const QJsonValue v = pack.value(QLatin1String(key));
            return money ? QStringLiteral("%1 %2").arg(v.toString(), currency) : QString::number(v.toInteger());
        };
        QString line = tr("<b>%1:</b> %2 left of %3 (used %4)")
                           .arg(pack.value(QLatin1String("serviceName")).toString().toHtmlEscaped(), figure("left"),
                                figure("size"), figure("used"));
        if (pack.value(QLatin1String("rounds")).toInt() > 1)
            line += tr(", bought %1 times").arg(pack.value(QLatin1String("rounds")).toInt());
        lines << line;
    }
    return lines.isEmpty() ? QString() : QStringLiteral("<br>") + tr("Packs: ") + lines.join(QStringLiteral(" &nbsp;·&nbsp; "));
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
                     overdrawn ? QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(available) : available)
            + packsText(balance.value(QLatin1String("packs")).toArray(), currency));
    setToolTip(tr("Available = balance + credit limit − reserved. Reserved is what messages on their way "
                  "hold until they are charged."));
    setVisible(true);
}

} // namespace backoffice::views
