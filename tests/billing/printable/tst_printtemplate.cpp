#include "PrintTemplate.h"

#include <QJsonDocument>
#include <QTest>

using namespace backoffice::printable;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad test JSON: %s", text);
    return document.object();
}

PrintTemplate parsed(const QString &text)
{
    TemplateParseError error;
    const std::optional<PrintTemplate> parsed = PrintTemplate::parse(text, &error);
    if (!parsed)
        qFatal("test template does not parse: %s", qPrintable(error.message));
    return *parsed;
}

} // namespace

class PrintTemplateTest final : public QObject
{
    Q_OBJECT

private slots:
    void renders_data();
    void renders();
    void missingNames_data();
    void missingNames();
    void notText_data();
    void notText();
    void parseErrors_data();
    void parseErrors();
    void names();
};

// Output of good templates: values, escaping, sections, inverted sections, scopes.
void PrintTemplateTest::renders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const char *text, const char *context, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(text) << QByteArray(context) << QString::fromUtf8(expected);
    };
    row("plain text", "Invoice", "{}", "Invoice");
    row("value", "No. {{number}}", R"({"number":"INV-1"})", "No. INV-1");
    row("dotted path", "{{seller.bank.swift}}", R"({"seller":{"bank":{"swift":"HABALV22"}}})", "HABALV22");
    row("spaces inside the tag", "{{ seller.name }}", R"({"seller":{"name":"TM"}})", "TM");
    row("null renders nothing", "[{{taxId}}]", R"({"taxId":null})", "[]");
    row("non-ASCII kept", "{{street}}", R"({"street":"Brīvības iela 12"})", "Brīvības iela 12");
    row("script escaped", "{{name}}", R"({"name":"<script>alert('x')</script>"})",
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    row("ampersand escaped", "{{company}}", R"({"company":"Hornes & Hooves"})", "Hornes &amp; Hooves");
    row("an entity is escaped, not decoded", "{{text}}", R"({"text":"&amp;"})", "&amp;amp;");
    row("double quote escaped", "<td title=\"{{t}}\">", R"({"t":"5\" screen"})", "<td title=\"5&quot; screen\">");
    row("comment left out", "a{{! a note\nover two lines }}b", "{}", "ab");
    row("list of objects", "{{#lines}}[{{amount}}]{{/lines}}", R"({"lines":[{"amount":"1.00"},{"amount":"2.50"}]})",
        "[1.00][2.50]");
    row("list of text with {{.}}", "{{#address}}{{.}};{{/address}}", R"({"address":["Street 1","Riga"]})",
        "Street 1;Riga;");
    row("empty list renders nothing", "a{{#lines}}x{{/lines}}b", R"({"lines":[]})", "ab");
    row("true renders once", "{{#draft}}DRAFT{{/draft}}", R"({"draft":true})", "DRAFT");
    row("false renders nothing", "{{#draft}}DRAFT{{/draft}}", R"({"draft":false})", "");
    row("null section renders nothing", "{{#discount}}x{{/discount}}", R"({"discount":null})", "");
    row("empty text section renders nothing", "{{#note}}x{{/note}}", R"({"note":""})", "");
    row("text section renders once with {{.}}", "{{#note}}<p>{{.}}</p>{{/note}}", R"({"note":"Thanks"})",
        "<p>Thanks</p>");
    row("object section is a scope", "{{#bank}}{{name}} {{swift}}{{/bank}}",
        R"({"bank":{"name":"Swed","swift":"HABA"}})", "Swed HABA");
    row("inner names win over outer", "{{#lines}}{{name}}{{/lines}}", R"({"name":"root","lines":[{"name":"line"}]})",
        "line");
    row("outer names seen from inside", "{{#lines}}{{amount}} {{currency}};{{/lines}}",
        R"({"currency":"EUR","lines":[{"amount":"1.00"},{"amount":"2.00"}]})", "1.00 EUR;2.00 EUR;");
    row("dotted outer path from inside", "{{#lines}}{{invoice.currency}}{{/lines}}",
        R"({"invoice":{"currency":"EUR"},"lines":[{}]})", "EUR");
    row("nested sections", "{{#groups}}<{{title}}:{{#lines}}{{amount}}/{{title}},{{/lines}}>{{/groups}}",
        R"({"groups":[{"title":"SMS","lines":[{"amount":"1"},{"amount":"2","title":"own"}]},{"title":"Viber","lines":[]}]})",
        "<SMS:1/SMS,2/own,><Viber:>");
    row("nested list of text", "{{#parties}}{{name}}({{#lines}}{{.}}|{{/lines}}){{/parties}}",
        R"({"parties":[{"name":"A","lines":["1","2"]},{"name":"B","lines":["3"]}]})", "A(1|2|)B(3|)");
    row("inverted on missing list content", "{{#lines}}x{{/lines}}{{^lines}}No charges{{/lines}}", R"({"lines":[]})",
        "No charges");
    row("inverted on false", "{{^paid}}unpaid{{/paid}}", R"({"paid":false})", "unpaid");
    row("inverted on null", "{{^taxId}}no tax id{{/taxId}}", R"({"taxId":null})", "no tax id");
    row("inverted on empty text", "{{^taxId}}no tax id{{/taxId}}", R"({"taxId":""})", "no tax id");
    row("inverted skipped on true", "{{^paid}}unpaid{{/paid}}", R"({"paid":true})", "");
    row("inverted skipped on a list", "{{^lines}}none{{/lines}}", R"({"lines":[{}]})", "");
    row("inverted skipped on an object", "{{^bank}}none{{/bank}}", R"({"bank":{}})", "");
    row("inverted inside a list", "{{#lines}}{{^senderId}}-{{/senderId}}{{senderId}};{{/lines}}",
        R"({"lines":[{"senderId":"TM"},{"senderId":null}]})", "TM;-;");
    row("line breaks kept", "a\n{{x}}\nb", R"({"x":"1"})", "a\n1\nb");
    row("single braces are text", "{ {x} }", "{}", "{ {x} }");
}

void PrintTemplateTest::renders()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, context);
    QFETCH(QString, expected);

    const RenderResult result = parsed(text).render(json(context.constData()));
    QVERIFY2(result.ok(), qPrintable(result.errorText()));
    QCOMPARE(result.output, expected);
}

// Every name the context lacks is reported, with its line; nothing is rendered.
void PrintTemplateTest::missingNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QStringList>("missing");
    QTest::addColumn<QList<int>>("lines");

    QTest::newRow("top-level typo") << QStringLiteral("{{numbr}}") << QByteArray(R"({"number":"1"})")
                                    << QStringList {QStringLiteral("numbr")} << QList<int> {1};
    QTest::newRow("case matters") << QStringLiteral("{{buyer.taxID}}") << QByteArray(R"({"buyer":{"taxId":"1"}})")
                                  << QStringList {QStringLiteral("buyer.taxID")} << QList<int> {1};
    QTest::newRow("head found, tail missing: no fallback outward")
        << QStringLiteral("{{#lines}}{{bank.swift}}{{/lines}}")
        << QByteArray(R"({"bank":{"swift":"X"},"lines":[{"bank":{}}]})") << QStringList {QStringLiteral("bank.swift")}
        << QList<int> {1};
    QTest::newRow("path through text") << QStringLiteral("{{seller.name.first}}")
                                       << QByteArray(R"({"seller":{"name":"TM"}})")
                                       << QStringList {QStringLiteral("seller.name.first")} << QList<int> {1};
    QTest::newRow("inside a list, once for all elements")
        << QStringLiteral("<table>\n{{#lines}}\n<td>{{amont}}</td>\n{{/lines}}\n</table>")
        << QByteArray(R"({"lines":[{"amount":"1"},{"amount":"2"},{"amount":"3"}]})")
        << QStringList {QStringLiteral("amont")} << QList<int> {3};
    QTest::newRow("missing section") << QStringLiteral("a\n{{#lnes}}x{{/lnes}}") << QByteArray(R"({"lines":[]})")
                                     << QStringList {QStringLiteral("lnes")} << QList<int> {2};
    QTest::newRow("missing inverted section") << QStringLiteral("{{^paid}}x{{/paid}}") << QByteArray("{}")
                                              << QStringList {QStringLiteral("paid")} << QList<int> {1};
    QTest::newRow("all of them at once")
        << QStringLiteral(
               "{{seller.nam}}\n{{invoice.number}}\n{{invoice.dueDat}}\n{{#lines}}{{rat}}{{/lines}}\n{{totl}}")
        << QByteArray(R"({"seller":{"name":"S"},"invoice":{"number":"1","dueDate":"d"},"lines":[{"rate":"1"}]})")
        << QStringList {QStringLiteral("invoice.dueDat"), QStringLiteral("rat"), QStringLiteral("seller.nam"),
                        QStringLiteral("totl")}
        << QList<int> {1, 3, 4, 5};
}

void PrintTemplateTest::missingNames()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, context);
    QFETCH(QStringList, missing);
    QFETCH(QList<int>, lines);

    const RenderResult result = parsed(text).render(json(context.constData()));
    QVERIFY(!result.ok());
    QVERIFY(result.output.isEmpty()); // an error, not a document with blanks
    QCOMPARE(result.missingNames(), missing);
    QList<int> reportedLines;
    for (const TemplateProblem &problem : result.problems) {
        QCOMPARE(problem.kind, TemplateProblem::Kind::MissingName);
        QVERIFY2(problem.message.startsWith(QStringLiteral("line %1: ").arg(problem.line)),
                 qPrintable(problem.message));
        QVERIFY2(problem.message.contains(problem.name), qPrintable(problem.message));
        reportedLines.append(problem.line);
    }
    std::sort(reportedLines.begin(), reportedLines.end());
    QCOMPARE(reportedLines, lines);
}

// Values that are not text: the renderer formats no numbers, prints no lists.
void PrintTemplateTest::notText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QString>("name");

    QTest::newRow("number value") << QStringLiteral("{{total}}") << QByteArray(R"({"total":12.5})")
                                  << QStringLiteral("total");
    QTest::newRow("integer value") << QStringLiteral("{{#lines}}{{quantity}}{{/lines}}")
                                   << QByteArray(R"({"lines":[{"quantity":1000}]})") << QStringLiteral("quantity");
    QTest::newRow("boolean value") << QStringLiteral("{{draft}}") << QByteArray(R"({"draft":true})")
                                   << QStringLiteral("draft");
    QTest::newRow("list value") << QStringLiteral("{{lines}}") << QByteArray(R"({"lines":[]})")
                                << QStringLiteral("lines");
    QTest::newRow("object value") << QStringLiteral("{{seller}}") << QByteArray(R"({"seller":{}})")
                                  << QStringLiteral("seller");
    QTest::newRow("number section") << QStringLiteral("{{#count}}x{{/count}}") << QByteArray(R"({"count":0})")
                                    << QStringLiteral("count");
    QTest::newRow("number inverted section")
        << QStringLiteral("{{^count}}x{{/count}}") << QByteArray(R"({"count":0})") << QStringLiteral("count");
}

void PrintTemplateTest::notText()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, context);
    QFETCH(QString, name);

    const RenderResult result = parsed(text).render(json(context.constData()));
    QVERIFY(!result.ok());
    QVERIFY(result.output.isEmpty());
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.front().kind, TemplateProblem::Kind::NotText);
    QCOMPARE(result.problems.front().name, name);
    QVERIFY(result.missingNames().isEmpty());
}

void PrintTemplateTest::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("unclosed section") << QStringLiteral("<table>\n\n{{#lines}}\n<tr>\n") << 3
                                      << QStringLiteral("section 'lines' is never closed");
    QTest::newRow("close skips an open section") << QStringLiteral("{{#a}}\n{{#b}}\n{{/b}}\n{{#c}}\n{{/a}}") << 5
                                                 << QStringLiteral("does not match {{#c}} opened on line 4");
    QTest::newRow("stray close tag") << QStringLiteral("a\n{{/lines}}") << 2
                                     << QStringLiteral("{{/lines}} closes no open section");
    QTest::newRow("close after the section closed")
        << QStringLiteral("{{#a}}x{{/a}}\n\n{{/a}}") << 3 << QStringLiteral("closes no open section");
    QTest::newRow("mismatched close") << QStringLiteral("{{#lines}}\n{{^paid}}\n{{/lines}}") << 3
                                      << QStringLiteral("{{/lines}} does not match {{^paid}} opened on line 2");
    QTest::newRow("unclosed tag") << QStringLiteral("line 1\nline 2 {{invoice.number\n") << 2
                                  << QStringLiteral("'{{' is never closed");
    QTest::newRow("empty tag") << QStringLiteral("{{ }}") << 1 << QStringLiteral("empty tag");
    QTest::newRow("triple mustache refused")
        << QStringLiteral("\n{{{raw}}}") << 2 << QStringLiteral("unescaped output");
    QTest::newRow("ampersand refused") << QStringLiteral("{{&raw}}") << 1 << QStringLiteral("unescaped output");
    QTest::newRow("bad name") << QStringLiteral("{{a..b}}") << 1 << QStringLiteral("'a..b' is not a valid name");
    QTest::newRow("space in a name") << QStringLiteral("{{#due date}}{{/due date}}") << 1
                                     << QStringLiteral("'due date' is not a valid name");
    QTest::newRow("lines counted through a comment")
        << QStringLiteral("{{! one\ntwo\nthree }}\n{{/x}}") << 4 << QStringLiteral("closes no open section");
    QString deep;
    for (int i = 0; i <= TemplateParser::MaxDepth; ++i)
        deep += QStringLiteral("{{#s%1}}").arg(i);
    QTest::newRow("nesting too deep") << deep << 1 << QStringLiteral("deeper than");
}

void PrintTemplateTest::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, fragment);

    TemplateParseError error;
    QVERIFY(!PrintTemplate::parse(text, &error));
    QCOMPARE(error.line, line);
    QVERIFY2(error.message.startsWith(QStringLiteral("line %1: ").arg(line)), qPrintable(error.message));
    QVERIFY2(error.message.contains(fragment), qPrintable(error.message));
}

void PrintTemplateTest::names()
{
    const PrintTemplate form = parsed(QStringLiteral(
        "{{invoice.number}} {{#lines}}{{amount}}{{^senderId}}-{{/senderId}}{{/lines}} {{invoice.number}}{{! x }}"));
    QCOMPARE(form.names(),
             (QStringList {QStringLiteral("amount"), QStringLiteral("invoice.number"), QStringLiteral("lines"),
                           QStringLiteral("senderId")}));
}

QTEST_GUILESS_MAIN(PrintTemplateTest)
#include "tst_printtemplate.moc"
