#include "PdfRenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

namespace backoffice::printable {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::printable::PdfRenderer", text);
}

// 96 dots per inch is what CSS means by a pixel, so the "1px" borders and cellpadding="4" of a
// template come out as a browser would draw them. With the writer's default 1200 dpi the same
// pixels would be hairlines. Text is not affected: it is vector outlines placed with design
// metrics, at any resolution.
constexpr int Resolution = 96;
constexpr qreal MarginMillimetres = 15;
constexpr qreal FooterMillimetres = 8; // taken from the bottom of the printable area
constexpr qreal FooterPointSize = 7;

int millimetresToPixels(qreal millimetres)
{
    return qRound(millimetres / 25.4 * Resolution);
}

QPageLayout::Orientation orientationOf(const QString &html)
{
    static const QRegularExpression landscape(
        QStringLiteral("<meta\\s+name\\s*=\\s*[\"']page-orientation[\"']\\s+content\\s*=\\s*[\"']landscape[\"']"),
        QRegularExpression::CaseInsensitiveOption);
    return landscape.match(html).hasMatch() ? QPageLayout::Landscape : QPageLayout::Portrait;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

PdfRenderer::PdfRenderer()
    : m_footerFormat(tr("Page %1 of %2"))
{ }

std::optional<QByteArray> PdfRenderer::render(const QString &html, QString *error, int *pageCount) const
{
    // QFont, QTextDocument layout and QPdfWriter all reach the platform font database; with only a
    // QCoreApplication that ends in qFatal, so check first.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        setError(error,
                 tr("PDF rendering needs a QGuiApplication for its fonts; start the server with one "
                    "(QT_QPA_PLATFORM=offscreen when headless)"));
        return std::nullopt;
    }

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    int pages = 0;
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(Resolution);
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), orientationOf(html),
                        QMarginsF(MarginMillimetres, MarginMillimetres, MarginMillimetres, MarginMillimetres),
                        QPageLayout::Millimeter));
        writer.setTitle(m_title);
        writer.setCreator(QStringLiteral("BackOffice"));

        const QRect printable = writer.pageLayout().paintRectPixels(Resolution);
        const qreal footerHeight = m_footerFormat.isEmpty() ? 0 : millimetresToPixels(FooterMillimetres);
        const QSizeF bodySize(printable.width(), printable.height() - footerHeight);

        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer); // lay out in the writer's units, not the screen's
        document.setUseDesignMetrics(true);
        document.setDocumentMargin(0); // the page margins are the writer's
        document.setPageSize(bodySize);
        document.setHtml(html);
        pages = document.pageCount();

        QPainter painter;
        if (!painter.begin(&writer)) {
            setError(error, tr("the PDF writer could not start a document"));
            return std::nullopt;
        }
        QFont footerFont = document.defaultFont();
        footerFont.setPointSizeF(FooterPointSize);
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            // The document is one tall strip; each page shows its band of it, clipped so a line
            // cut by the band edge never shows twice.
            const QRectF band(0, page * bodySize.height(), bodySize.width(), bodySize.height());
            painter.save();
            painter.setClipRect(QRectF(QPointF(0, 0), bodySize));
            painter.translate(0, -band.top());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = band;
            context.palette.setColor(QPalette::Text, Qt::black);
            document.documentLayout()->draw(&painter, context);
            painter.restore();

            if (footerHeight > 0) {
                const QRectF footer(0, bodySize.height(), bodySize.width(), footerHeight);
                painter.setPen(QPen(QColor(0xd5, 0xdb, 0xe1), 1));
                painter.drawLine(footer.topLeft(), footer.topRight());
                painter.setPen(QColor(0x61, 0x6e, 0x7c));
                painter.setFont(footerFont);
                painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom,
                                 m_footerFormat.arg(QString::number(page + 1), QString::number(pages)));
            }
        }
        painter.end();
    } // the writer finishes the file when it goes
    if (pdf.isEmpty()) {
        setError(error, tr("the PDF writer produced no output"));
        return std::nullopt;
    }
    if (pageCount)
        *pageCount = pages;
    return pdf;
}

} // namespace backoffice::printable
