#include "AgreementLedgerPanel.h"

#include "AgreementLedgerModel.h"
#include "ApiClient.h"
#include "ErrorText.h"
#include "TableFit.h"
#include "ValueFormat.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

constexpr int DefaultRangeIndex = 1; // the server's own default: the last 31 days
// The table sits in the form's scroll area, where it would otherwise get a few rows' height.
constexpr int MinimumRowsShown = 4;
constexpr int MaximumRowsShown = 12;

} // namespace

AgreementLedgerPanel::AgreementLedgerPanel(ApiClient *api, QWidget *parent)
    : QGroupBox(tr("Balance ledger"), parent)
    , m_api(api)
    , m_model(new AgreementLedgerModel(this))
    , m_range(new QComboBox(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("agreementLedger"));
    m_range->setObjectName(QStringLiteral("ledgerRange"));
    m_refresh->setObjectName(QStringLiteral("ledgerRefresh"));
    m_summary->setObjectName(QStringLiteral("ledgerSummary"));
    m_table->setObjectName(QStringLiteral("ledgerTable"));

    m_range->addItem(tr("Last 7 days"), 7);
    m_range->addItem(tr("Last 31 days"), 31);
    m_range->addItem(tr("Last 90 days"), 90);
    m_range->addItem(tr("Last 366 days"), 366); // the longest range the server gives at once
    m_range->setCurrentIndex(DefaultRangeIndex);
    connect(m_range, &QComboBox::currentIndexChanged, this, &AgreementLedgerPanel::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &AgreementLedgerPanel::refresh);
    // F5 as everywhere else (guide §5); it clicks the button so whoever listens to it hears it.
    auto *refreshAction = new QAction(this);
    refreshAction->setShortcut(Qt::Key_F5);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, m_refresh, &QPushButton::click);
    addAction(refreshAction);
    m_refresh->setToolTip(tr("Ask the server again (F5)"));

    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The description takes what the fixed-width columns leave; its full text is in the tooltip.
    m_table->horizontalHeader()->setSectionResizeMode(AgreementLedgerModel::Description, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(70);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const qint64 paymentId = m_model->data(index, AgreementLedgerModel::PaymentIdRole).toLongLong();
        if (paymentId > 0)
            emit paymentRequested(paymentId);
    });

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_range);
    controls->addWidget(m_refresh);
    controls->addWidget(m_summary, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_table);

    fitTable();
    hide();
}

int AgreementLedgerPanel::rangeDays() const
{
    return m_range->currentData().toInt();
}

void AgreementLedgerPanel::load(qint64 agreementId)
{
    if (agreementId != m_agreementId) {
        // Another agreement's lines must not stay on screen while this one's are on their way.
        m_model->clear();
        m_ledger = {};
        m_summary->clear();
    }
    m_agreementId = agreementId;
    refresh();
}

void AgreementLedgerPanel::refresh()
{
    if (m_agreementId <= 0)
        return;
    // Both ends are sent, so the range is the one chosen now, not the server's clock at arrival.
    const QDateTime till = QDateTime::currentDateTimeUtc();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("from"), valueformat::instantText(till.addDays(-rangeDays())));
    query.addQueryItem(QStringLiteral("till"), valueformat::instantText(till));
    ApiReply *reply = m_api->get(QStringLiteral("agreements/%1/ledger").arg(m_agreementId), query);
    const int generation = ++m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return; // another agreement, range or refresh was asked for meanwhile
        onAnswer(reply);
    });
}

void AgreementLedgerPanel::clearLedger()
{
    ++m_generation;
    m_agreementId = -1;
    m_ledger = {};
    m_model->clear();
    m_summary->clear();
    fitTable();
    hide();
}

void AgreementLedgerPanel::onAnswer(ApiReply *reply)
{
    if (reply->ok()) {
        showLedger(reply->object());
        emit loaded(true);
        return;
    }
    if (reply->httpStatus() == 403) {
        // Not allowed to see the agreement's money: nothing to show, not even a refusal.
        m_ledger = {};
        m_model->clear();
        hide();
        emit loaded(false);
        return;
    }
    showFailure(reply);
    emit loaded(false);
}

void AgreementLedgerPanel::showLedger(const QJsonObject &ledger)
{
    m_ledger = ledger;
    m_model->setLedger(ledger);
    const QString currency = ledger.value(QLatin1String("currency")).toString();
    const int count = m_model->rowCount();
    const QString lines = count == 1 ? tr("1 line") : tr("%1 lines").arg(count);
    m_summary->setText(tr("Opening balance %1 %2 · Closing balance %3 %2 · %4")
                           .arg(ledger.value(QLatin1String("openingBalance")).toString(), currency,
                                ledger.value(QLatin1String("closingBalance")).toString(), lines));
    m_summary->setToolTip(tr("From %1 to %2")
                              .arg(valueformat::displayInstant(ledger.value(QLatin1String("from")).toString()),
                                   valueformat::displayInstant(ledger.value(QLatin1String("till")).toString())));
    m_summary->setStyleSheet(QString());
    fitTable();
    show();
}

void AgreementLedgerPanel::showFailure(const ApiReply *reply)
{
    m_ledger = {};
    m_model->clear();
    QString text = describeFailure(reply);
    // A refused range names what is wrong per parameter ("from": at most 366 days).
    const auto &fields = reply->error().fields;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        text += QStringLiteral(" %1: %2.").arg(it.key(), it.value());
    m_summary->setText(text.trimmed());
    m_summary->setToolTip(QString());
    m_summary->setStyleSheet(QStringLiteral("color: #c62828;"));
    fitTable();
    show();
}

void AgreementLedgerPanel::fitTable()
{
    // As tall as its lines up to a dozen; longer ledgers scroll inside the table.
    fitTableToRows(m_table, m_model->rowCount(), MinimumRowsShown, MaximumRowsShown);
}

} // namespace backoffice::views
