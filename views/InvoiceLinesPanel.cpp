#include "InvoiceLinesPanel.h"

#include "ApiClient.h"
#include "BillingEntities.h"
#include "ErrorText.h"
#include "InvoiceLinesModel.h"
#include "TableFit.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

// The most the API gives per page. An invoice has a line per source, service, sender ID, rate and
// tier, so one page nearly always holds them all; more are read page by page.
constexpr int PageSize = 1000;
constexpr int MinimumRowsShown = 3;
constexpr int MaximumRowsShown = 14;

} // namespace

InvoiceLinesPanel::InvoiceLinesPanel(ApiClient *api, QWidget *parent)
    : QGroupBox(tr("Lines"), parent)
    , m_api(api)
    , m_model(new InvoiceLinesModel(this))
    , m_summary(new QLabel(this))
    , m_charges(new QPushButton(tr("Charges…"), this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("invoiceLines"));
    m_summary->setObjectName(QStringLiteral("linesSummary"));
    m_charges->setObjectName(QStringLiteral("linesCharges"));
    m_table->setObjectName(QStringLiteral("linesTable"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_charges->setToolTip(tr("The charges the selected line sums (or double-click the line)"));

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The description takes what the figures leave; its full text is in the tooltip.
    header->setSectionResizeMode(InvoiceLinesModel::Description, QHeaderView::Stretch);
    header->setMinimumSectionSize(60);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit chargesRequested(m_model->lineAt(index.row()));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &InvoiceLinesPanel::updateButton);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InvoiceLinesPanel::updateButton);
    connect(m_charges, &QPushButton::clicked, this, [this] {
        const QJsonObject line = currentLine();
        if (!line.isEmpty())
            emit chargesRequested(line);
    });

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_summary, 1);
    controls->addWidget(m_charges);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_table);
    updateButton();
    fitTable();
    hide();
}

QJsonObject InvoiceLinesPanel::currentLine() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->lineAt(current.row()) : QJsonObject();
}

void InvoiceLinesPanel::load(qint64 invoiceId, const QString &currency)
{
    if (invoiceId != m_invoiceId)
        m_model->clear(); // another invoice's lines must not stay while this one's are on their way
    m_invoiceId = invoiceId;
    m_currency = currency;
    m_model->setCurrency(currency);
    m_pending.clear();
    requestPage(++m_generation, 0);
}

void InvoiceLinesPanel::clearLines()
{
    ++m_generation;
    m_invoiceId = -1;
    m_pending.clear();
    m_model->clear();
    m_summary->clear();
    fitTable();
    hide();
}

void InvoiceLinesPanel::requestPage(int generation, int offset)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("invoiceId"), QString::number(m_invoiceId));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("id"));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    ApiReply *reply = m_api->get(entities::invoiceLines, query);
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation == m_generation)
            onPage(reply, generation);
    });
}

void InvoiceLinesPanel::onPage(ApiReply *reply, int generation)
{
    if (!reply->ok()) {
        m_pending.clear();
        showFailure(describeFailure(reply));
        emit loaded(false);
        return;
    }
    const QJsonObject answer = reply->object();
    const QJsonArray items = answer.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items)
        m_pending << item.toObject();
    const qint64 total = answer.value(QLatin1String("total")).toInteger();
    if (!items.isEmpty() && m_pending.size() < total) {
        requestPage(generation, int(m_pending.size()));
        return;
    }
    m_model->setLines(m_pending);
    m_pending.clear();
    showLines();
    emit loaded(true);
}

void InvoiceLinesPanel::showLines()
{
    const int lines = m_model->rowCount();
    const qint64 charges = m_model->chargeCount();
    if (lines == 0) {
        // The lines are what the last calculation found; charges since then need Recalculate.
        m_summary->setText(tr("No lines: the period held no charges when the invoice was last calculated."));
    } else {
        const QString counted = (lines == 1 ? tr("1 line") : tr("%1 lines").arg(lines)) + QStringLiteral(" · ")
            + (charges == 1 ? tr("1 charge") : tr("%1 charges").arg(charges));
        const auto money = [this](const Amount &amount) -> QString {
            if (m_currency.isEmpty())
                return amount.toString(2);
            return amount.toString(2) + QLatin1Char(' ') + m_currency;
        };
        m_summary->setText(tr("%1 · net %2 · tax %3 · total %4")
                               .arg(counted, money(m_model->net()), money(m_model->tax()), money(m_model->total())));
    }
    m_summary->setStyleSheet(QString());
    fitTable();
    show();
}

void InvoiceLinesPanel::showFailure(const QString &message)
{
    m_model->clear();
    m_summary->setText(message);
    m_summary->setStyleSheet(QStringLiteral("color: #c62828;"));
    fitTable();
    show();
}

void InvoiceLinesPanel::fitTable()
{
    // The table sits in the form's scroll area: as tall as its lines, up to a screenful.
    fitTableToRows(m_table, m_model->rowCount(), MinimumRowsShown, MaximumRowsShown);
}

void InvoiceLinesPanel::updateButton()
{
    m_charges->setEnabled(!currentLine().isEmpty());
}

} // namespace backoffice::views
