#include "FilterBar.h"

#include "ColumnFilterDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace backoffice::views {

FilterBar::FilterBar(const EntityDescriptor &entity, QWidget *parent)
    : QWidget(parent)
    , m_entity(entity)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    hide();
}

void FilterBar::setFilters(const QList<QPair<QString, QString>> &filters)
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        // Later, not now: this runs from the clicked() of the very chip being removed.
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    setVisible(!filters.isEmpty());
    if (filters.isEmpty())
        return;
    m_layout->addWidget(new QLabel(tr("Filters:"), this));
    for (const auto &[parameter, value] : filters) {
        auto *chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("filterChip"));
        chip->setText(ColumnFilterDialog::describe(m_entity, parameter, value) + QStringLiteral("  ×"));
        chip->setToolTip(tr("Remove this filter"));
        chip->setAutoRaise(false);
        const QString name = parameter;
        connect(chip, &QToolButton::clicked, this, [this, name] { emit removeRequested(name); });
        m_layout->addWidget(chip);
    }
    auto *clear = new QToolButton(this);
    clear->setText(tr("Clear all"));
    clear->setAutoRaise(true);
    connect(clear, &QToolButton::clicked, this, &FilterBar::clearRequested);
    m_layout->addWidget(clear);
    m_layout->addStretch(1);
}

} // namespace backoffice::views
