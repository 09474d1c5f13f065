#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace backoffice::printable {

// The "Invoice and charge details" download: one ZIP holding
//   invoice-<number>.pdf    the invoice as printed (PdfRenderer output, passed in)
//   charges-<number>.csv    the charge details, DetailsCsv
//   charges-<number>.xlsx   the same rows as a workbook, DetailsXlsx
// with the rows in DetailColumns' fixed columns. <number> is the invoice reference number made
// safe for a file name (fileStem()).
class DetailsArchive final
{
public:
    // The archive, or nullopt with *error set: rows that break the column rules (all of them are
    // checked before anything is written), an invoice number with nothing usable for a file name,
    // or a failure of libzip or libxlsxwriter.
    static std::optional<QByteArray> build(const QString &invoiceNumber, const QByteArray &invoicePdf,
                                           const QList<QJsonObject> &rows, QString *error);

    // The invoice number as it may appear in a file name: letters and digits of any script, '-',
    // '_' and '.' are kept; path separators and everything else become '-', runs of '-' collapse,
    // leading and trailing '-' and '.' go (so no "..", no hidden file), at most 50 characters.
    // "INV/2024/07" -> "INV-2024-07", "../../etc" -> "etc". Empty when nothing is left.
    static QString fileStem(const QString &invoiceNumber);

    // "invoice-<stem>-details.zip": what the download should be called.
    static QString archiveFileName(const QString &invoiceNumber);
};

} // namespace backoffice::printable
