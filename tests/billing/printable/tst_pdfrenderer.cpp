#include "DefaultTemplates.h"
#include "PdfPages.h"
#include "PdfRenderer.h"
#include "PrintTemplate.h"
#include "SampleInvoice.h"

#include <QGuiApplication>
#include <QRegularExpression>
#include <QTest>

using namespace backoffice::printable;
using namespace backoffice::printable::test;

namespace {

QString invoiceHtml(int lines)
{
    const std::optional<PrintTemplate> form = PrintTemplate::parse(DefaultTemplates::text(DefaultTemplate::Invoice));
    if (!form)
        qFatal("the default invoice template does not parse");
    const RenderResult result = form->render(sampleInvoiceContext(lines));
    if (!result.ok())
        qFatal("the default invoice template does not render: %s", qPrintable(result.errorText()));
    return result.output;
}

QByteArray printed(const QString &html, int *pages = nullptr, const PdfRenderer &renderer = PdfRenderer())
{
    QString error;
    const std::optional<QByteArray> pdf = renderer.render(html, &error, pages);
    if (!pdf)
        qFatal("PDF rendering failed: %s", qPrintable(error));
    return *pdf;
}

} // namespace

class PdfRendererTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void isPdf();
    void pagesGrowWithLines_data();
    void pagesGrowWithLines();
    void a4Pages_data();
    void a4Pages();
    void withoutFooter();
    void chargeDetails();
};

void PdfRendererTest::initTestCase()
{
    // backoffice_add_test runs every test on the offscreen platform; QTEST_MAIN made the application.
    QVERIFY(qobject_cast<QGuiApplication *>(QCoreApplication::instance()));
}

void PdfRendererTest::isPdf()
{
    PdfRenderer renderer;
    renderer.setTitle(QStringLiteral("Invoice INV/2024/07"));
    int pages = 0;
    const QByteArray pdf = printed(invoiceHtml(3), &pages, renderer);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QCOMPARE(pages, 1);
    QCOMPARE(countPdfPages(pdf), 1);
    QVERIFY(pdf.contains("/FontFile2")); // fonts embedded: prints the same on the customer's machine
}

void PdfRendererTest::pagesGrowWithLines_data()
{
    QTest::addColumn<int>("lines");
    QTest::newRow("30 lines") << 30;
    QTest::newRow("300 lines") << 300;
}

void PdfRendererTest::pagesGrowWithLines()
{
    QFETCH(int, lines);
    int shortPages = 0;
    const QByteArray shortPdf = printed(invoiceHtml(3), &shortPages);
    int longPages = 0;
    const QByteArray longPdf = printed(invoiceHtml(lines), &longPages);
    QCOMPARE(countPdfPages(shortPdf), shortPages);
    QCOMPARE(countPdfPages(longPdf), longPages);
    QVERIFY2(longPages > shortPages, qPrintable(QStringLiteral("%1 vs %2 pages").arg(longPages).arg(shortPages)));
    if (lines == 300)
        QVERIFY2(longPages >= 5, qPrintable(QString::number(longPages))); // ~60 lines fit on a page
}

// A4 is 210 x 297 mm = 595.3 x 841.9 points; portrait unless the form asks for landscape.
void PdfRendererTest::a4Pages_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("height");

    QTest::newRow("invoice: portrait") << invoiceHtml(3) << 595.3 << 841.9;
    QTest::newRow("landscape asked for") << QStringLiteral(
        "<html><head><meta name=\"page-orientation\" content=\"landscape\"></head><body>x</body></html>")
                                         << 841.9 << 595.3;
    QTest::newRow("other meta tags ignored")
        << QStringLiteral("<html><head><meta name=\"orientation\" content=\"landscape\"></head><body>x</body></html>")
        << 595.3 << 841.9;
}

void PdfRendererTest::a4Pages()
{
    QFETCH(QString, html);
    QFETCH(double, width);
    QFETCH(double, height);
    const QByteArray pdf = printed(html);
    static const QRegularExpression mediaBox(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
    const QRegularExpressionMatch match = mediaBox.match(QString::fromLatin1(pdf));
    QVERIFY(match.hasMatch());
    QVERIFY2(qAbs(match.captured(1).toDouble() - width) < 1, qPrintable(match.captured(0)));
    QVERIFY2(qAbs(match.captured(2).toDouble() - height) < 1, qPrintable(match.captured(0)));
}

void PdfRendererTest::withoutFooter()
{
    PdfRenderer renderer;
    renderer.setFooterFormat(QString());
    int pages = 0;
    const QByteArray pdf = printed(invoiceHtml(300), &pages, renderer);
    QVERIFY(pdf.startsWith("%PDF-"));
    QCOMPARE(countPdfPages(pdf), pages);
    int withFooter = 0;
    printed(invoiceHtml(300), &withFooter);
    QVERIFY(pages <= withFooter); // the footer band is given back to the body
}

void PdfRendererTest::chargeDetails()
{
    const std::optional<PrintTemplate> form
        = PrintTemplate::parse(DefaultTemplates::text(DefaultTemplate::ChargeDetails));
    QVERIFY(form);
    const RenderResult result = form->render(sampleChargeDetailsContext(200));
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    int pages = 0;
    const QByteArray pdf = printed(result.output, &pages);
    QVERIFY(pages > 1);
    QCOMPARE(countPdfPages(pdf), pages);
}

QTEST_MAIN(PdfRendererTest)
#include "tst_pdfrenderer.moc"
