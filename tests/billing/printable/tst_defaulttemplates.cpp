#include "DefaultTemplates.h"
#include "PrintTemplate.h"
#include "SampleInvoice.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace backoffice::printable;
using namespace backoffice::printable::test;

Q_DECLARE_METATYPE(DefaultTemplate)

namespace {

PrintTemplate defaultForm(DefaultTemplate which)
{
    TemplateParseError error;
    const std::optional<PrintTemplate> form = PrintTemplate::parse(DefaultTemplates::text(which), &error);
    if (!form)
        qFatal("default template does not parse: %s", qPrintable(error.message));
    return *form;
}

// The context without the value at a dotted path ("seller.bank.swift").
QJsonObject without(QJsonObject context, const QStringList &path)
{
    if (path.size() == 1) {
        context.remove(path.front());
        return context;
    }
    const QJsonObject inner = context.value(path.front()).toObject();
    context.insert(path.front(), without(inner, path.mid(1)));
    return context;
}

// Removes a key from every element of a list ("lines" / "senderId").
QJsonObject withoutInElements(QJsonObject context, const QString &list, const QString &key)
{
    QJsonArray elements = context.value(list).toArray();
    for (qsizetype i = 0; i < elements.size(); ++i) {
        QJsonObject element = elements.at(i).toObject();
        element.remove(key);
        elements[i] = element;
    }
    context.insert(list, elements);
    return context;
}

QJsonObject sampleContext(DefaultTemplate which, int rows)
{
    return which == DefaultTemplate::Invoice ? sampleInvoiceContext(rows) : sampleChargeDetailsContext(rows);
}

} // namespace

class DefaultTemplatesTest final : public QObject
{
    Q_OBJECT

private slots:
    void rendersWithoutMissingNames_data();
    void rendersWithoutMissingNames();
    void invoiceContent();
    void noLines_data();
    void noLines();
    void draftMark();
    void everyPlaceholderIsNeeded_data();
    void everyPlaceholderIsNeeded();
    void namesAreDocumented_data();
    void namesAreDocumented();
};

void DefaultTemplatesTest::rendersWithoutMissingNames_data()
{
    QTest::addColumn<DefaultTemplate>("which");
    QTest::newRow("invoice") << DefaultTemplate::Invoice;
    QTest::newRow("charge details") << DefaultTemplate::ChargeDetails;
}

void DefaultTemplatesTest::rendersWithoutMissingNames()
{
    QFETCH(DefaultTemplate, which);
    const RenderResult result = defaultForm(which).render(sampleContext(which, 3));
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QVERIFY(result.output.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(!result.output.contains(QStringLiteral("{{"))); // no tag left behind
}

void DefaultTemplatesTest::invoiceContent()
{
    const QJsonObject context = sampleInvoiceContext(3);
    const RenderResult result = defaultForm(DefaultTemplate::Invoice).render(context);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    const QString &html = result.output;
    const QStringList expected {
        QStringLiteral("Telecom Monsters SIA"),
        QStringLiteral("Brīvības iela 12<br>"),
        QStringLiteral("LV40003012345"),
        QStringLiteral("LV80HABA0551000000001"),
        QStringLiteral("HABALV22"),
        QStringLiteral("Swedbank AS"),
        QStringLiteral("Hornes &amp; Hooves &lt;Trading&gt; Ltd"),
        QStringLiteral("EE101234567"),
        QStringLiteral("NC-12345"),
        QStringLiteral("INV/2024/07"),
        QStringLiteral("15.08.2024"),
        QStringLiteral("01.07.2024 00:00 – 01.08.2024 00:00"),
        QStringLiteral("Europe/Riga"),
        QStringLiteral("+447700900123"),
        QStringLiteral("VAT 21%"),
        QStringLiteral("Payment by bank transfer"),
    };
    for (const QString &text : expected)
        QVERIFY2(html.contains(text), qPrintable(text));
    QVERIFY(!html.contains(QStringLiteral("Hornes & Hooves"))); // only ever escaped
    const QJsonObject totals = context.value(QStringLiteral("totals")).toObject();
    QVERIFY(html.contains(totals.value(QStringLiteral("total")).toString() + QStringLiteral(" EUR")));
    for (const QJsonValue &line : context.value(QStringLiteral("lines")).toArray())
        QVERIFY(html.contains(line.toObject().value(QStringLiteral("amount")).toString()));
    QCOMPARE(html.count(QStringLiteral("SMS messaging — Latvia")), 3);
    QVERIFY(!html.contains(QStringLiteral("No charges")));
    QVERIFY(!html.contains(QStringLiteral("DRAFT")));
}

void DefaultTemplatesTest::noLines_data()
{
    rendersWithoutMissingNames_data();
}

void DefaultTemplatesTest::noLines()
{
    QFETCH(DefaultTemplate, which);
    const RenderResult result = defaultForm(which).render(sampleContext(which, 0));
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QVERIFY(result.output.contains(QStringLiteral("No charges in this billing period.")));
}

void DefaultTemplatesTest::draftMark()
{
    QJsonObject context = sampleInvoiceContext(1);
    QJsonObject invoice = context.value(QStringLiteral("invoice")).toObject();
    invoice.insert(QStringLiteral("isDraft"), true);
    context.insert(QStringLiteral("invoice"), invoice);
    const RenderResult result = defaultForm(DefaultTemplate::Invoice).render(context);
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QVERIFY(result.output.contains(QStringLiteral("DRAFT — not valid for payment")));
}

// Each placeholder of the invoice form, taken out of the context, is reported by name: the sample
// context holds nothing the form does not ask for, and nothing the form asks for goes unnoticed.
void DefaultTemplatesTest::everyPlaceholderIsNeeded_data()
{
    QTest::addColumn<DefaultTemplate>("which");
    QTest::addColumn<QString>("list"); // empty: `name` is a path from the root
    QTest::addColumn<QString>("name");

    const auto invoicePaths = {
        "seller.name",        "seller.addressLines",  "seller.taxId",
        "seller.bank.name",   "seller.bank.account",  "seller.bank.swift",
        "buyer.company",      "buyer.legalEntity",    "buyer.addressLines",
        "buyer.taxId",        "buyer.agreement",      "invoice.number",
        "invoice.issueDate",  "invoice.dueDate",      "invoice.periodFrom",
        "invoice.periodTill", "invoice.timeZone",     "invoice.currency",
        "invoice.isDraft",    "invoice.paymentTerms", "lines",
        "totals.net",         "totals.taxLabel",      "totals.taxRate",
        "totals.tax",         "totals.total",
    };
    for (const char *path : invoicePaths)
        QTest::addRow("invoice %s", path) << DefaultTemplate::Invoice << QString() << QString::fromLatin1(path);
    for (const char *key : {"description", "senderId", "quantity", "rate", "amount"})
        QTest::addRow("invoice lines %s", key)
            << DefaultTemplate::Invoice << QStringLiteral("lines") << QString::fromLatin1(key);

    const auto detailsPaths = {
        "seller.name",    "seller.taxId",       "buyer.company",      "buyer.legalEntity", "buyer.agreement",
        "invoice.number", "invoice.periodFrom", "invoice.periodTill", "invoice.timeZone",  "invoice.currency",
        "charges",        "totals.net",         "totals.tax",         "totals.total",
    };
    for (const char *path : detailsPaths)
        QTest::addRow("charge details %s", path)
            << DefaultTemplate::ChargeDetails << QString() << QString::fromLatin1(path);
    for (const char *key : {"chargeId", "periodStart", "periodEnd", "service", "resource", "senderId", "price", "count",
                            "volume", "net", "tax", "total"})
        QTest::addRow("charge details charges %s", key)
            << DefaultTemplate::ChargeDetails << QStringLiteral("charges") << QString::fromLatin1(key);
}

void DefaultTemplatesTest::everyPlaceholderIsNeeded()
{
    QFETCH(DefaultTemplate, which);
    QFETCH(QString, list);
    QFETCH(QString, name);

    const QJsonObject full = sampleContext(which, 2);
    const QJsonObject context
        = list.isEmpty() ? without(full, name.split(QLatin1Char('.'))) : withoutInElements(full, list, name);
    const RenderResult result = defaultForm(which).render(context);
    QVERIFY(!result.ok());
    QVERIFY2(result.missingNames().contains(name), qPrintable(result.errorText()));
}

// docs/PRINTABLE-FORMS.md names every placeholder the default forms use, as `name`.
void DefaultTemplatesTest::namesAreDocumented_data()
{
    rendersWithoutMissingNames_data();
}

void DefaultTemplatesTest::namesAreDocumented()
{
    QFETCH(DefaultTemplate, which);
    QFile file(QStringLiteral(PRINTABLE_FORMS_DOC));
    QVERIFY2(file.open(QIODevice::ReadOnly), PRINTABLE_FORMS_DOC);
    const QString documentation = QString::fromUtf8(file.readAll());
    for (const QString &name : defaultForm(which).names()) {
        if (name == QStringLiteral("."))
            continue;
        QVERIFY2(documentation.contains(QLatin1Char('`') + name + QLatin1Char('`')), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(DefaultTemplatesTest)
#include "tst_defaulttemplates.moc"
