#include "CompanyFinancePanel.h"

#include "ApiClient.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

constexpr int LiveRefreshMs = 15000;

QString packsSummary(const QJsonArray &packs, const QString &currency)
{
    QStringList parts;
    for (const QJsonValue &value : packs) {
        const QJsonObject pack = value.toObject();
        const bool money = pack.value(QLatin1String("type")).toString() == QLatin1String("monetaryPack");
        const QJsonValue left = pack.value(QLatin1String("left"));
        const QJsonValue size = pack.value(QLatin1String("size"));
        parts << QStringLiteral("%1: %2/%3")
                     .arg(pack.value(QLatin1String("serviceName")).toString(),
                          money ? left.toString() + QLatin1Char(' ') + currency : QString::number(left.toInteger()),
                          money ? size.toString() : QString::number(size.toInteger()));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

CompanyFinancePanel::CompanyFinancePanel(ApiClient *api, QWidget *parent)
    : QGroupBox(tr("Finance"), parent)
    , m_api(api)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_note(new QLabel(this))
    , m_live(new QTimer(this))
{
    setObjectName(QStringLiteral("companyFinance"));
    m_table->setHorizontalHeaderLabels({tr("Agreement"), tr("Currency"), tr("Balance"), tr("Reserved"), tr("Credit limit"),
                                        tr("Available"), tr("Packs (left/size)")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(tr("Available = balance + credit limit − reserved. Double-click an agreement to open it."));
    m_note->setObjectName(QStringLiteral("companyFinanceNote"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_note, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table);
    connect(m_refresh, &QPushButton::clicked, this, &CompanyFinancePanel::refresh);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (QTableWidgetItem *item = m_table->item(row, Agreement))
            emit agreementRequested(item->data(Qt::UserRole).toLongLong());
    });
    m_live->setInterval(LiveRefreshMs);
    connect(m_live, &QTimer::timeout, this, &CompanyFinancePanel::refresh);
    hide();
}

void CompanyFinancePanel::load(qint64 companyId)
{
    m_companyId = companyId;
    refresh();
}

void CompanyFinancePanel::clearPanel()
{
    ++m_generation;
    m_companyId = -1;
    m_table->setRowCount(0);
    m_live->stop();
    hide();
}

void CompanyFinancePanel::refresh()
{
    if (m_companyId <= 0)
        return;
    const int generation = ++m_generation;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("companyId"), QString::number(m_companyId));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    ApiReply *reply = m_api->get(QStringLiteral("agreements"), query);
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (!reply->ok()) {
            hide(); // no right to see agreements (or their money): no panel
            emit loaded(false);
            return;
        }
        showAgreements(reply->object().value(QLatin1String("items")).toArray(), generation);
    });
}

void CompanyFinancePanel::showAgreements(const QJsonArray &agreements, int generation)
{
    m_table->setRowCount(int(agreements.size()));
    m_note->setText(agreements.isEmpty() ? tr("The company has no agreements yet.")
                                         : tr("%n agreement(s); refreshed every 15 seconds", nullptr, int(agreements.size())));
    show();
    if (isVisible())
        m_live->start();
    m_pending = int(agreements.size());
    if (m_pending == 0) {
        emit loaded(true);
        return;
    }
    for (int row = 0; row < agreements.size(); ++row) {
        const QJsonObject agreement = agreements.at(row).toObject();
        const qint64 id = agreement.value(QLatin1String("id")).toInteger();
        auto *code = new QTableWidgetItem(agreement.value(QLatin1String("code")).toString());
        code->setData(Qt::UserRole, id);
        m_table->setItem(row, Agreement, code);
        m_table->setItem(row, Currency, new QTableWidgetItem(agreement.value(QLatin1String("currency")).toString()));
        ApiReply *reply = m_api->get(QStringLiteral("agreements/%1/balance").arg(id));
        connect(reply, &ApiReply::finished, this, [this, reply, row, generation] {
            reply->deleteLater();
            if (generation != m_generation)
                return;
            if (reply->ok())
                showBalance(row, reply->object());
            else
                m_table->setItem(row, Balance, new QTableWidgetItem(reply->error().message));
            if (--m_pending == 0) {
                m_table->resizeColumnsToContents();
                emit loaded(true);
            }
        });
    }
}

void CompanyFinancePanel::showBalance(int row, const QJsonObject &balance)
{
    const QString currency = balance.value(QLatin1String("currency")).toString();
    auto money = [&balance](const char *key) {
        const QJsonValue value = balance.value(QLatin1String(key));
        return value.isNull() || value.isUndefined() ? tr("unlimited") : value.toString();
    };
    const QList<QPair<int, QString>> cells{{Balance, money("balance")},
                                          {Reserved, money("reserved")},
                                          {CreditLimit, money("creditLimit")},
                                          {Available, money("available")}};
    for (const auto &[column, text] : cells) {
        auto *item = new QTableWidgetItem(text);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (text.startsWith(QLatin1Char('-')))
            item->setForeground(QColor(0xc6, 0x28, 0x28));
        m_table->setItem(row, column, item);
    }
    m_table->setItem(row, Packs, new QTableWidgetItem(packsSummary(balance.value(QLatin1String("packs")).toArray(), currency)));
}

void CompanyFinancePanel::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    if (m_companyId > 0)
        m_live->start();
}

void CompanyFinancePanel::hideEvent(QHideEvent *event)
{
    QGroupBox::hideEvent(event);
    m_live->stop(); // another tab is in front: nothing to keep fresh
}

} // namespace backoffice::views
