#include "PdfRenderer.h"

#include <QCoreApplication>
#include <QTest>

using namespace backoffice::printable;

// PdfRenderer in a process with only a QCoreApplication (QTEST_GUILESS_MAIN), as a server started
// without the offscreen platform would be: a clear error, no crash. An executable of its own,
// because the application type is fixed for the life of the process.
class PdfRendererGuilessTest final : public QObject
{
    Q_OBJECT

private slots:
    void refusesWithoutGuiApplication();
};

void PdfRendererGuilessTest::refusesWithoutGuiApplication()
{
    QVERIFY(QCoreApplication::instance());
    QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication"));
    QString error;
    int pages = -1;
    const std::optional<QByteArray> pdf = PdfRenderer().render(QStringLiteral("<p>Invoice</p>"), &error, &pages);
    QVERIFY(!pdf);
    QVERIFY2(error.contains(QStringLiteral("QGuiApplication")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("offscreen")), qPrintable(error));
    QCOMPARE(pages, -1); // untouched
}

QTEST_GUILESS_MAIN(PdfRendererGuilessTest)
#include "tst_pdfrenderer_guiless.moc"
