#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace backoffice::spreadsheet {

// The file formats a rate sheet can come in.
enum class SheetFormat {
    Csv, // delimited text (comma, semicolon, tab or pipe)
    Xlsx, // Office Open XML workbook (a ZIP container)
    Xls, // legacy Excel 97-2003 workbook (BIFF in an OLE2 compound file)
};

// Tells the format of a file from its first bytes (a few hundred are enough) and its name. The
// content wins over the name, because staff rename files ("rates.csv" that is really an XLSX
// export); the extension decides only when the content has no signature; anything else that looks
// like text is taken as CSV. nullopt: binary content of an unknown kind (a PDF, an image, ...).
std::optional<SheetFormat> detectFormat(const QByteArray &head, const QString &fileName);

// "CSV", "XLSX", "XLS": for messages.
QString formatName(SheetFormat format);

} // namespace backoffice::spreadsheet
