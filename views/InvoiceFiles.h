#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Where the printed invoice and its details archive go on the user's disk.
namespace backoffice::views::invoicefiles {

enum class Document { Pdf, Details };

// The file name a save dialog proposes, as the server names the download: "invoice-INV-7.pdf",
// "invoice-INV-7-details.zip"; a draft, which has no reference number yet, "invoice-DRAFT-12.pdf".
QString suggestedFileName(const QJsonObject &invoice, Document document);
// The API path of the document ("invoices/12/pdf").
QString apiPath(qint64 invoiceId, Document document);
// Writes a downloaded document whole or not at all (QSaveFile); false with *error set otherwise.
bool write(const QByteArray &bytes, const QString &fileName, QString *error);

} // namespace backoffice::views::invoicefiles
