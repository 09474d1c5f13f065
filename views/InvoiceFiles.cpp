#include "InvoiceFiles.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace backoffice::views::invoicefiles {

namespace {

// A reference number may hold what a file name must not ("INV/2026/7"): such characters become
// '-', runs of them one.
QString fileStem(const QString &number)
{
    QString stem;
    for (const QChar c : number) {
        const bool kept
            = c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-');
        const QChar shown = kept && c.unicode() < 128 ? c : QLatin1Char('-');
        if (shown == QLatin1Char('-') && stem.endsWith(QLatin1Char('-')))
            continue;
        stem += shown;
    }
    while (stem.startsWith(QLatin1Char('-')) || stem.startsWith(QLatin1Char('.')))
        stem.remove(0, 1);
    while (stem.endsWith(QLatin1Char('-')) || stem.endsWith(QLatin1Char('.')))
        stem.chop(1);
    return stem;
}

} // namespace

QString suggestedFileName(const QJsonObject &invoice, Document document)
{
    QString number = invoice.value(QLatin1String("referenceNumber")).toString();
    if (number.isEmpty())
        number = QStringLiteral("DRAFT-%1").arg(invoice.value(QLatin1String("id")).toInteger());
    const QString stem = fileStem(number);
    return document == Document::Pdf ? QStringLiteral("invoice-%1.pdf").arg(stem)
                                     : QStringLiteral("invoice-%1-details.zip").arg(stem);
}

QString apiPath(qint64 invoiceId, Document document)
{
    return QStringLiteral("invoices/%1/%2")
        .arg(invoiceId)
        .arg(document == Document::Pdf ? QStringLiteral("pdf") : QStringLiteral("details"));
}

bool write(const QByteArray &bytes, const QString &fileName, QString *error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QCoreApplication::translate("InvoiceFiles", "Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

} // namespace backoffice::views::invoicefiles
