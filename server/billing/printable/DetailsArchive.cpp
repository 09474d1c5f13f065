#include "DetailsArchive.h"

#include "DetailColumns.h"
#include "DetailsCsv.h"
#include "DetailsXlsx.h"
#include "ZipWriter.h"

#include <QCoreApplication>

namespace backoffice::printable {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::printable::DetailsArchive", text);
}

// Long enough for any reference scheme, short enough for the 255-byte name limits of file systems
// once "charges-" and ".xlsx" are around it (non-Latin letters take up to 4 bytes in UTF-8).
constexpr qsizetype MaxStemLength = 50;

bool isKept(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.');
}

bool isTrimmed(QChar c)
{
    return c == QLatin1Char('-') || c == QLatin1Char('.');
}

QString trimEnds(const QString &text)
{
    qsizetype from = 0;
    qsizetype to = text.size();
    while (from < to && isTrimmed(text.at(from)))
        ++from;
    while (to > from && isTrimmed(text.at(to - 1)))
        --to;
    return text.mid(from, to - from);
}

} // namespace

QString DetailsArchive::fileStem(const QString &invoiceNumber)
{
    QString stem;
    for (const QChar c : invoiceNumber) {
        const QChar kept = isKept(c) ? c : QLatin1Char('-');
        if (kept == QLatin1Char('-') && stem.endsWith(QLatin1Char('-')))
            continue;
        stem += kept;
    }
    stem = trimEnds(stem);
    if (stem.size() > MaxStemLength)
        stem = trimEnds(stem.left(MaxStemLength));
    return stem;
}

QString DetailsArchive::archiveFileName(const QString &invoiceNumber)
{
    return QStringLiteral("invoice-%1-details.zip").arg(fileStem(invoiceNumber));
}

std::optional<QByteArray> DetailsArchive::build(const QString &invoiceNumber, const QByteArray &invoicePdf,
                                                const QList<QJsonObject> &rows, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString stem = fileStem(invoiceNumber);
    if (stem.isEmpty())
        return fail(tr("the invoice number '%1' has nothing usable in a file name").arg(invoiceNumber));
    if (!invoicePdf.startsWith("%PDF-"))
        return fail(tr("the invoice given for the archive is not a PDF"));

    QString problem;
    const std::optional<QList<QStringList>> cells = DetailColumns::cells(rows, &problem);
    if (!cells)
        return fail(problem);
    const std::optional<QByteArray> xlsx = DetailsXlsx::write(*cells, &problem);
    if (!xlsx)
        return fail(problem);

    const QList<ZipEntry> entries {
        {QStringLiteral("invoice-%1.pdf").arg(stem), invoicePdf, true},
        {QStringLiteral("charges-%1.csv").arg(stem), DetailsCsv::write(*cells), true},
        {QStringLiteral("charges-%1.xlsx").arg(stem), *xlsx, false},
    };
    std::optional<QByteArray> zip = ZipWriter::write(entries, &problem);
    if (!zip)
        return fail(problem);
    return zip;
}

} // namespace backoffice::printable
