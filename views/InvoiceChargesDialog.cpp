#include "InvoiceChargesDialog.h"

#include "ChargeDetailsView.h"
#include "ChargeInvoice.h"
#include "LineChargesModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace backoffice::views {

InvoiceChargesDialog::InvoiceChargesDialog(ApiClient *api, const QJsonObject &invoice, const QJsonObject &line,
                                           QWidget *parent)
    : QDialog(parent)
    , m_line(line)
    , m_model(new LineChargesModel(api, this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_details(new ChargeDetailsView(this))
{
    setObjectName(QStringLiteral("invoiceCharges"));
    const QString description = line.value(QLatin1String("description")).toString();
    setWindowTitle(tr("Charges of invoice %1: %2").arg(chargeinvoice::reference(invoice), description));
    m_status->setObjectName(QStringLiteral("chargesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setInvoiceText(chargeinvoice::reference(invoice));

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    // Sized to the rows once each page is in (ResizeToContents measured the empty table and cut the
    // sender IDs short); the description, last, takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(LineChargesModel::Description, QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InvoiceChargesDialog::showCurrent);
    // Selecting a charge shows its details here, for browsing; a double click (or Enter) opens it in
    // a tab of its own, as §7.2 has it. The window then closes: it stays above the main window, so
    // the tab it opened would be out of sight behind it.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const qint64 id = m_model->chargeAt(index.row()).value(QLatin1String("id")).toInteger();
        if (id <= 0)
            return;
        emit chargeOpenRequested(id);
        close();
    });
    connect(m_model, &LineChargesModel::pageLoaded, this, &InvoiceChargesDialog::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, m_details, &ChargeDetailsView::clearCharge);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1000, 720);

    m_status->setText(tr("Loading charges…"));
    m_model->load(invoice, line);
}

void InvoiceChargesDialog::showCurrent()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_details->clearCharge();
        return;
    }
    m_details->showCharge(m_model->chargeAt(current.row()), m_model->timeZone());
}

void InvoiceChargesDialog::updateStatus(bool ok, const QString &message)
{
    if (!ok) {
        m_status->setText(message);
        m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
        return;
    }
    m_status->setStyleSheet(QString());
    for (int column = 0; column < LineChargesModel::ColumnCount; ++column) {
        if (column != LineChargesModel::Description)
            m_table->resizeColumnToContents(column);
    }
    const qint64 expected = m_line.value(QLatin1String("chargeCount")).toInteger();
    const int shown = m_model->rowCount();
    const QString description = m_line.value(QLatin1String("description")).toString();
    // The line's own count says how many there are before they have all arrived.
    if (!m_model->isComplete())
        m_status->setText(tr("%1: %2 of %3 charges shown; scroll for more.").arg(description).arg(shown).arg(expected));
    else
        m_status->setText(shown == 1 ? tr("%1: 1 charge.").arg(description)
                                     : tr("%1: %2 charges.").arg(description).arg(shown));
    if (shown > 0 && !m_table->selectionModel()->currentIndex().isValid())
        m_table->selectRow(0);
}

} // namespace backoffice::views
