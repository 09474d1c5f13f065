#include "ScaleDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace backoffice::views {

using namespace backoffice::rating;

ScaleDialog::ScaleDialog(const Scale &scale, bool readOnly, QWidget *parent)
    : QDialog(parent)
    , m_scale(scale)
    , m_mode(new QComboBox(this))
    , m_counter(new QComboBox(this))
    , m_bands(new QTableWidget(0, 2, this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("scaleDialog"));
    setWindowTitle(tr("Scale"));
    for (ScaleMode mode : {ScaleMode::Tier, ScaleMode::BackToFirst})
        m_mode->addItem(scaleModeLabel(mode), int(mode));
    for (CounterGroup group : {CounterGroup::Agreement, CounterGroup::SenderId})
        m_counter->addItem(counterGroupLabel(group), int(group));
    m_mode->setCurrentIndex(m_mode->findData(int(scale.mode)));
    m_counter->setCurrentIndex(m_counter->findData(int(scale.counterGroup)));
    m_bands->setHorizontalHeaderLabels({tr("From (units)"), tr("Price")});
    m_bands->horizontalHeader()->setStretchLastSection(true);
    m_bands->verticalHeader()->hide();
    for (const ScaleBand &band : scale.bands) {
        const int row = m_bands->rowCount();
        m_bands->insertRow(row);
        m_bands->setItem(row, 0, new QTableWidgetItem(QString::number(band.from)));
        m_bands->setItem(row, 1, new QTableWidgetItem(band.price.toString(0)));
    }
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Mode"), m_mode);
    form->addRow(tr("Counter"), m_counter);
    auto *add = new QPushButton(tr("Add band"), this);
    auto *remove = new QPushButton(tr("Remove band"), this);
    connect(add, &QPushButton::clicked, this, &ScaleDialog::addBand);
    connect(remove, &QPushButton::clicked, this, &ScaleDialog::removeBand);
    auto *bandButtons = new QHBoxLayout;
    bandButtons->addWidget(add);
    bandButtons->addWidget(remove);
    bandButtons->addStretch();
    auto *buttons = new QDialogButtonBox(
        readOnly ? QDialogButtonBox::Close : QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ScaleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ScaleDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_bands);
    layout->addLayout(bandButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    if (readOnly) {
        m_mode->setEnabled(false);
        m_counter->setEnabled(false);
        m_bands->setEditTriggers(QAbstractItemView::NoEditTriggers);
        add->hide();
        remove->hide();
    }
    resize(420, 360);
}

void ScaleDialog::addBand()
{
    const int row = m_bands->rowCount();
    qint64 from = 0;
    if (row > 0)
        from = m_bands->item(row - 1, 0) ? m_bands->item(row - 1, 0)->text().toLongLong() + 1000 : 0;
    m_bands->insertRow(row);
    m_bands->setItem(row, 0, new QTableWidgetItem(QString::number(from)));
    m_bands->setItem(row, 1, new QTableWidgetItem());
    m_bands->setCurrentCell(row, 1);
}

void ScaleDialog::removeBand()
{
    const int row = m_bands->currentRow() >= 0 ? m_bands->currentRow() : m_bands->rowCount() - 1;
    if (row >= 0)
        m_bands->removeRow(row);
}

bool ScaleDialog::collect()
{
    Scale scale;
    scale.mode = ScaleMode(m_mode->currentData().toInt());
    scale.counterGroup = CounterGroup(m_counter->currentData().toInt());
    for (int row = 0; row < m_bands->rowCount(); ++row) {
        bool ok = false;
        const qint64 from = m_bands->item(row, 0) ? m_bands->item(row, 0)->text().trimmed().toLongLong(&ok) : 0;
        if (!ok || from < 0) {
            m_error->setText(tr("Band %1: \"from\" must be a whole number of units.").arg(row + 1));
            return false;
        }
        QString why;
        const std::optional<Amount> price
            = Amount::parse(m_bands->item(row, 1) ? m_bands->item(row, 1)->text() : QString(), &why);
        if (!price || price->isNegative()) {
            m_error->setText(tr("Band %1: the price must be an exact decimal with up to six decimals.").arg(row + 1));
            return false;
        }
        if (row == 0 && from != 0) {
            m_error->setText(tr("The first band starts at 0."));
            return false;
        }
        if (row > 0 && from <= scale.bands.last().from) {
            m_error->setText(tr("Band %1 must start after band %2.").arg(row + 1).arg(row));
            return false;
        }
        scale.bands.append({from, *price});
    }
    if (scale.bands.isEmpty()) {
        m_error->setText(tr("A scale needs at least one band."));
        return false;
    }
    m_error->clear();
    m_scale = scale;
    return true;
}

void ScaleDialog::accept()
{
    if (collect())
        QDialog::accept();
}

} // namespace backoffice::views
