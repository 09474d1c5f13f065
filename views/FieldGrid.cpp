#include "FieldGrid.h"

#include "FieldCell.h"

#include <QGridLayout>

namespace backoffice::views {

FieldGrid::FieldGrid(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QGridLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setHorizontalSpacing(24);
    m_layout->setVerticalSpacing(6);
    m_layout->setColumnStretch(0, 1);
    m_layout->setColumnStretch(1, 1);
}

void FieldGrid::addCell(FieldCell *cell)
{
    cell->setParent(this);
    m_cells << cell;
}

void FieldGrid::relayout()
{
    for (FieldCell *cell : std::as_const(m_cells))
        m_layout->removeWidget(cell);
    int row = 0;
    int column = 0;
    for (FieldCell *cell : std::as_const(m_cells)) {
        if (cell->isHidden())
            continue;
        if (cell->isWide()) {
            if (column != 0)
                ++row;
            m_layout->addWidget(cell, row++, 0, 1, 2);
            column = 0;
            continue;
        }
        m_layout->addWidget(cell, row, column, Qt::AlignTop);
        if (++column == 2) {
            column = 0;
            ++row;
        }
    }
    // Rows left from a previous, longer layout must not keep stretching.
    for (int r = 0; r < m_layout->rowCount(); ++r)
        m_layout->setRowStretch(r, 0);
    m_layout->setRowStretch(row + 1, 1);
}

} // namespace backoffice::views
