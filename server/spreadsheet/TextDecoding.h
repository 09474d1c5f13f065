#pragma once

#include "SheetReader.h"

#include <QByteArray>
#include <QString>
#include <variant>

namespace backoffice::spreadsheet {

// Turns the bytes of a CSV file into text. A byte order mark decides first (UTF-8: skipped;
// UTF-16 LE/BE: decoded as such); otherwise `encoding`. UTF-8 is strict, because a replacement
// character in a destination name or a price would be imported silently; the error names the
// first bad byte so staff can find it, and suggests the legacy encoding Excel most likely used.
// NUL bytes are refused in every encoding: they mean a binary file or UTF-16 without a BOM.
std::variant<QString, ReadError> decodeText(const QByteArray &data, TextEncoding encoding);

} // namespace backoffice::spreadsheet
