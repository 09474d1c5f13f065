#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace backoffice::printable {

// Charge details as an XLSX workbook (libxlsxwriter): one sheet "Charges", bold headings, the
// heading row frozen and filtered.
//
// Integer and decimal columns are written as numbers, each cell with a number format showing
// exactly the decimals its text has ("0.004210" shows as 0.004210, not 0.00421), so the workbook
// reads like the CSV and the invoice and still sums, sorts and pivots in Excel, which is what a
// customer opens the XLSX for. An XLSX number is an IEEE double; the double is made from the exact
// decimal text only here, at the file boundary, and only when the text has at most 15 significant
// digits, which a double holds and gives back unchanged. When one cell in a column has more, the
// whole column is written as text: a column of mixed numbers and text would make SUM() quietly
// skip the text cells, a wrong total that looks right. The CSV always carries the exact text.
//
// libxlsxwriter 1.1.4 (Debian 12) writes only to a file, so the workbook is made in a temporary
// directory and read back.
class DetailsXlsx final
{
public:
    static std::optional<QByteArray> write(const QList<QStringList> &cells, QString *error);

    // Significant digits of a validated integer or decimal text: "0.004210" -> 3, "-1200.50" -> 5.
    static int significantDigits(const QString &number);
};

} // namespace backoffice::printable
