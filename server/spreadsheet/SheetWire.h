#pragma once

#include "SheetReader.h"

#include <QByteArray>
#include <QStringList>
#include <variant>

namespace backoffice::spreadsheet {

// What the sheet reader process answers on its standard output: the workbook's sheet names and
// the sheet read, or why the file could not be read. A compact binary form (QDataStream) because a
// 100,000-row sheet must cross the pipe in a fraction of a second.
struct SheetAnswer {
    QStringList sheetNames;
    Sheet sheet;
};

QByteArray encodeAnswer(const std::variant<SheetAnswer, ReadError> &answer);
// Fails (returns a ReadError) when the bytes are not a complete answer, e.g. the process died
// half-way through writing it.
std::variant<SheetAnswer, ReadError> decodeAnswer(const QByteArray &bytes);

// Progress lines on the reader's standard error: "progress <done> <total>\n".
QByteArray progressLine(qint64 done, qint64 total);
bool parseProgressLine(const QByteArray &line, qint64 *done, qint64 *total);

} // namespace backoffice::spreadsheet
