#include "ImportProblems.h"

#include "RateImportSettings.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QJsonObject>
#include <QListWidget>
#include <QStyle>
#include <QTableWidget>

namespace backoffice::views::importProblems {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("ImportProblems", text, disambiguation, n);
}

const QColor blockingColor(176, 0, 32); // red: the import cannot go on

} // namespace

QString text(const QJsonObject &problem)
{
    const QString message = problem.value(QLatin1String("message")).toString();
    const qint64 row = problem.value(QLatin1String("row")).toInteger();
    const qint64 column = problem.value(QLatin1String("column")).toInteger();
    // Messages about a column already name it ("Column B (Network name): …").
    const bool namesColumn = message.startsWith(QLatin1String("Column "));
    if (row > 0 && column > 0 && !namesColumn)
        return tr("Row %1, column %2: %3").arg(row).arg(columnLetters(int(column)), message);
    if (row > 0 && namesColumn) {
        // "Row 10, column D (Price): …", not "Row 10: Column D (Price): …".
        QString rest = message;
        rest[0] = rest[0].toLower();
        return tr("Row %1, %2").arg(row).arg(rest);
    }
    if (row > 0)
        return tr("Row %1: %2").arg(row).arg(message);
    if (column > 0 && !namesColumn)
        return tr("Column %1: %2").arg(columnLetters(int(column)), message);
    return message;
}

void fillList(QListWidget *list, const QJsonArray &problems, int total, int limit)
{
    list->clear();
    const QIcon error = list->style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = list->style()->standardIcon(QStyle::SP_MessageBoxWarning);
    int shown = 0;
    // Two passes: what blocks the import must not hide below a thousand warnings.
    for (const bool blocking : {true, false}) {
        for (const QJsonValue &value : problems) {
            const QJsonObject problem = value.toObject();
            if (problem.value(QLatin1String("blocking")).toBool() != blocking)
                continue;
            if (shown == limit)
                break;
            auto *item = new QListWidgetItem(blocking ? error : warning, text(problem), list);
            item->setData(Qt::UserRole, blocking);
            if (blocking)
                item->setForeground(blockingColor);
            item->setToolTip(item->text());
            ++shown;
        }
    }
    if (total > shown) {
        auto *more
            = new QListWidgetItem(tr("… and %n more (see the preview's Errors tab)", nullptr, total - shown), list);
        more->setFlags(Qt::ItemIsEnabled);
    }
}

void fillTable(QTableWidget *table, const QJsonArray &problems)
{
    table->clearContents();
    table->setColumnCount(4);
    table->setHorizontalHeaderLabels({tr("Row"), tr("Column"), tr("Severity"), tr("Message")});
    table->setRowCount(int(problems.size()));
    for (int i = 0; i < int(problems.size()); ++i) {
        const QJsonObject problem = problems.at(i).toObject();
        const bool blocking = problem.value(QLatin1String("blocking")).toBool();
        auto number = [](const QJsonValue &value) {
            auto *item = new QTableWidgetItem;
            if (value.toInteger() > 0)
                item->setData(Qt::DisplayRole, value.toInteger());
            return item;
        };
        table->setItem(i, 0, number(problem.value(QLatin1String("row"))));
        // Columns by letter, as the sheet's headers and the messages name them.
        const qint64 column = problem.value(QLatin1String("column")).toInteger();
        table->setItem(i, 1, new QTableWidgetItem(column > 0 ? columnLetters(int(column)) : QString()));
        auto *severity = new QTableWidgetItem(blocking ? tr("Error") : tr("Warning"));
        if (blocking)
            severity->setForeground(blockingColor);
        table->setItem(i, 2, severity);
        table->setItem(i, 3, new QTableWidgetItem(problem.value(QLatin1String("message")).toString()));
    }
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnsToContents();
}

} // namespace backoffice::views::importProblems
