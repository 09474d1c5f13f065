#pragma once

#include "DetailColumns.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace backoffice::printable {

// Charge details as CSV: RFC 4180 (comma, CRLF, fields with a comma, quote or line break quoted,
// quotes doubled), UTF-8 with a byte order mark, because Excel opens a BOM-less file in the local
// ANSI code page and garbles every non-ASCII name. The first row holds the column headings.
//
// Text cells that a spreadsheet would run as a formula (starting with '=', '@', a tab or a carriage
// return, or with '+'/'-' when the cell is not a plain number such as a phone number) get a leading
// apostrophe: sender IDs and service names come from customers, and a file we send must not
// execute "=HYPERLINK(…)" on the reader's machine. Integer and decimal cells are validated numbers
// and go out exactly as given.
class DetailsCsv final
{
public:
    static QByteArray write(const QList<QStringList> &cells);
};

} // namespace backoffice::printable
