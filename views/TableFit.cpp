#include "TableFit.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

namespace backoffice::views {

void fitTableToRows(QTableView *table, int rows, int minimum, int maximum)
{
    const int shown = qBound(minimum, rows, maximum);
    const int chrome = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth()
        + table->horizontalScrollBar()->sizeHint().height();
    table->setFixedHeight(chrome + shown * table->verticalHeader()->defaultSectionSize());
}

} // namespace backoffice::views
