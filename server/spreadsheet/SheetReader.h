#pragma once

#include "SheetFormat.h"

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <variant>

namespace backoffice::spreadsheet {

// Bounds on what one import may read, so a wrong or hostile file fails with a message instead of
// exhausting memory. The defaults fit the largest vendor rate sheets seen (about 100,000 rows).
struct ReadLimits {
    qint64 maxRows = 250000;
    int maxColumns = 256;
    int maxCellChars = 4096;
    // XLSX only: the sum of the uncompressed sizes of the ZIP entries (zip bomb guard).
    qint64 maxUncompressedBytes = qint64(512) * 1024 * 1024;
};

// How CSV bytes become text. A byte order mark always wins over this choice: a UTF-8 BOM is
// skipped, a UTF-16 LE/BE BOM switches to UTF-16.
enum class TextEncoding {
    Utf8, // strict: a byte sequence that is not UTF-8 is an error, never a replacement character
    Windows1252, // what Excel on Western Windows writes with "CSV (comma delimited)"
    Latin1, // ISO 8859-1
};

// Receives progress in units of the reader's choosing (bytes or rows): done/total is the fraction
// read. Return false to cancel the read.
using ProgressCallback = std::function<bool(qint64 done, qint64 total)>;

struct ReadOptions {
    TextEncoding encoding = TextEncoding::Utf8; // CSV only
    std::optional<QChar> delimiter; // CSV only; nullopt: detected among , ; tab |
    QString sheetName; // XLSX/XLS: the sheet to read; empty: by sheetIndex
    int sheetIndex = 0; // XLSX/XLS: 0-based, used when sheetName is empty
    ReadLimits limits;
    ProgressCallback progress;
};

// One sheet as a grid of text: rows as read (row i of the list is sheet row i + 1), ragged rows
// allowed, empty trailing cells and trailing empty rows dropped. Numbers come as plain decimal
// text ("0.0045", never a double or an exponent), dates as ISO text ("2024-03-01",
// "2024-03-01 08:30:00", "08:30:00").
struct Sheet {
    QString name; // the sheet's name; empty for CSV
    QList<QStringList> rows;
    QChar delimiter; // CSV only: the delimiter used (given or detected)
};

// Why a file cannot be read, worded for staff. row and column are 1-based when the problem is in
// one place of the sheet (the message then starts with "Row 12, column C: ").
struct ReadError {
    QString message;
    qint64 row = -1;
    int column = -1;
    bool cancelled = false; // the progress callback asked to stop; not a problem of the file
};

// The names of the sheets of a workbook, in workbook order; a CSV file has one unnamed sheet.
std::variant<QStringList, ReadError> listSheets(const QByteArray &data, SheetFormat format);

// Reads one sheet (see ReadOptions for which). Runs on the caller's thread: call it from a job's
// worker thread and cancel through the progress callback.
std::variant<Sheet, ReadError> readSheet(const QByteArray &data, SheetFormat format, const ReadOptions &options = {});

// Spreadsheet column letters: 1 -> "A", 26 -> "Z", 27 -> "AA", 16384 -> "XFD".
QString columnName(int column);

} // namespace backoffice::spreadsheet
