#pragma once

#include "SheetReader.h"

#include <QString>

namespace backoffice::spreadsheet {

// Collects the cells a reader finds into a Sheet while it enforces the ReadLimits and reports
// progress, so the three readers apply the same rules with the same messages. Only non-empty
// cells are handed in; rows and cells in between become empty, and nothing is stored after the
// last non-empty cell of a row or the last non-empty row, which is how trailing empties are dropped.
class SheetBuilder final
{
public:
    explicit SheetBuilder(const ReadOptions &options);

    // Sets the cell at row/column (1-based). Empty text is ignored. False when the cell breaks a
    // limit; error() then says which. Past the row limit cells are only counted (see counting()).
    bool setCell(qint64 row, int column, QString text);

    // True once a cell lay beyond maxRows: the read is bound to fail, and the reader need only
    // go on to find the last row (for the message), without building cell text.
    bool counting() const { return m_lastRowBeyondLimit > 0; }
    // Notes a non-empty cell in counting mode without its text.
    void countRow(qint64 row);

    // Call once per row read; every 1,024 rows it passes done/total to the progress callback.
    // False when the callback asked to cancel; error() then says so.
    bool rowRead(qint64 done, qint64 total);

    // Ends the read with an error the reader found itself.
    void fail(ReadError error) { m_error = std::move(error); }
    const ReadError &error() const { return m_error; }
    bool failed() const { return !m_error.message.isEmpty(); }

    // The sheet read, or the row limit error found while counting.
    std::variant<Sheet, ReadError> finish(const QString &sheetName);

private:
    ReadLimits m_limits;
    ProgressCallback m_progress;
    QList<QStringList> m_rows;
    qint64 m_lastRowBeyondLimit = 0;
    qint64 m_rowsSinceProgress = 0;
    ReadError m_error;
};

// "Row 12, column C: <what>" with row and column set, for problems at one cell.
ReadError cellError(qint64 row, int column, const QString &what);
// The error a cancelled read ends with.
ReadError cancelledError();
// The index of the sheet ReadOptions ask for (by name, else by index) among `names`, or why none.
std::variant<int, ReadError> selectSheet(const QStringList &names, const ReadOptions &options);
// 1000001 -> "1,000,001": messages group digits so large counts read at a glance.
QString groupedNumber(qint64 value);

} // namespace backoffice::spreadsheet
