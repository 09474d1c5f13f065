#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace backoffice::printable {

// Prints HTML (a rendered PrintTemplate) to PDF bytes with QTextDocument and QPdfWriter: A4, 15 mm
// margins, and a "Page N of M" footer at the bottom of every page. Portrait, unless the HTML asks
// for landscape with <meta name="page-orientation" content="landscape">: the form knows whether its
// table is wide (charge details), the code that prints a customer's uploaded form does not.
//
// QTextDocument::print() would paginate by itself, but it only prints "N" and gives no way to
// know M while printing; so render() lays the document out at the page size first (pageCount()
// is then M) and draws each page band itself, followed by its footer.
//
// Fonts need a QGuiApplication (QFontDatabase lives in the platform integration); the headless
// server runs one on the offscreen platform (docs/decisions/007-pdf-rendering-in-the-server.md).
// Without one, render() refuses with an error instead of letting Qt abort the process.
//
// Reentrant: each call builds its own document and writer, so worker threads may print at the
// same time once the application object exists.
class PdfRenderer final
{
public:
    PdfRenderer();

    // PDF metadata title, e.g. "Invoice INV-1".
    void setTitle(const QString &title) { m_title = title; }
    // The footer text with %1 for the page number and %2 for the page count (either may be left
    // out); empty for no footer and a taller body.
    void setFooterFormat(const QString &format) { m_footerFormat = format; }

    // The PDF, or nullopt with *error set (no QGuiApplication, writer failure).
    // *pageCount, when given, receives the number of pages written.
    std::optional<QByteArray> render(const QString &html, QString *error, int *pageCount = nullptr) const;

private:
    QString m_title;
    QString m_footerFormat;
};

} // namespace backoffice::printable
