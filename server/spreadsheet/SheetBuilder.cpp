#include "SheetBuilder.h"

#include <QLocale>

namespace backoffice::spreadsheet {

SheetBuilder::SheetBuilder(const ReadOptions &options)
    : m_limits(options.limits)
    , m_progress(options.progress)
{ }

bool SheetBuilder::setCell(qint64 row, int column, QString text)
{
    if (text.isEmpty())
        return true;
    if (row > m_limits.maxRows || counting()) {
        countRow(row);
        return true;
    }
    if (column > m_limits.maxColumns) {
        m_error = cellError(row, column,
                            QStringLiteral("the row has a value beyond column %1; at most %2 columns can be imported")
                                .arg(columnName(m_limits.maxColumns), groupedNumber(m_limits.maxColumns)));
        return false;
    }
    if (text.size() > m_limits.maxCellChars) {
        m_error = cellError(row, column,
                            QStringLiteral("the cell is %1 characters long; at most %2 are allowed")
                                .arg(groupedNumber(text.size()), groupedNumber(m_limits.maxCellChars)));
        return false;
    }
    // Readers go row by row, so the row is nearly always the last one or a new one after it.
    while (m_rows.size() < row)
        m_rows.append(QStringList());
    QStringList &cells = m_rows[row - 1];
    while (cells.size() < column - 1)
        cells.append(QString());
    if (cells.size() == column - 1)
        cells.append(std::move(text));
    else
        cells[column - 1] = std::move(text);
    return true;
}

void SheetBuilder::countRow(qint64 row)
{
    m_lastRowBeyondLimit = std::max(m_lastRowBeyondLimit, row);
}

bool SheetBuilder::rowRead(qint64 done, qint64 total)
{
    if (!m_progress || ++m_rowsSinceProgress < 1024)
        return true;
    m_rowsSinceProgress = 0;
    if (m_progress(done, total))
        return true;
    m_error = cancelledError();
    return false;
}

std::variant<Sheet, ReadError> SheetBuilder::finish(const QString &sheetName)
{
    if (failed())
        return m_error;
    if (counting()) {
        ReadError error;
        error.message = QStringLiteral("The sheet has %1 rows; at most %2 can be imported at once")
                            .arg(groupedNumber(m_lastRowBeyondLimit), groupedNumber(m_limits.maxRows));
        return error;
    }
    Sheet sheet;
    sheet.name = sheetName;
    sheet.rows = std::move(m_rows);
    return sheet;
}

ReadError cellError(qint64 row, int column, const QString &what)
{
    ReadError error;
    error.row = row;
    error.column = column;
    error.message = QStringLiteral("Row %1, column %2: %3").arg(groupedNumber(row), columnName(column), what);
    return error;
}

ReadError cancelledError()
{
    ReadError error;
    error.message = QStringLiteral("The import was cancelled");
    error.cancelled = true;
    return error;
}

std::variant<int, ReadError> selectSheet(const QStringList &names, const ReadOptions &options)
{
    ReadError error;
    if (names.isEmpty()) {
        error.message = QStringLiteral("The workbook has no sheets");
        return error;
    }
    if (!options.sheetName.isEmpty()) {
        if (const qsizetype index = names.indexOf(options.sheetName); index >= 0)
            return int(index);
        for (qsizetype i = 0; i < names.size(); ++i) { // Excel itself compares sheet names without case
            if (names.at(i).compare(options.sheetName, Qt::CaseInsensitive) == 0)
                return int(i);
        }
        error.message = QStringLiteral("The workbook has no sheet named \u201c%1\u201d; its sheets are: %2")
                            .arg(options.sheetName, names.join(QStringLiteral(", ")));
        return error;
    }
    if (options.sheetIndex >= 0 && options.sheetIndex < names.size())
        return options.sheetIndex;
    error.message = QStringLiteral("The workbook has no sheet number %1 (it has %2)")
                        .arg(groupedNumber(qint64(options.sheetIndex) + 1), groupedNumber(names.size()));
    return error;
}

QString groupedNumber(qint64 value)
{
    // English grouping whatever the server's locale: messages are in English.
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(value);
}

QString columnName(int column)
{
    QString name;
    while (column > 0) {
        const int digit = (column - 1) % 26;
        name.prepend(QChar(u'A' + digit));
        column = (column - 1) / 26;
    }
    return name;
}

} // namespace backoffice::spreadsheet
