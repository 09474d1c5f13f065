#include "TemplateParser.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace backoffice::printable {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::printable::TemplateParser", text);
}

const QString OpenTag = QStringLiteral("{{");
const QString CloseTag = QStringLiteral("}}");

// "." (the current element) or dot-separated parts of letters, digits, '_' and '-'.
bool isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\.|[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)$"));
    return pattern.match(name).hasMatch();
}

class Parser final
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    { }

    std::optional<std::vector<TemplateNode>> run(TemplateParseError *error);

private:
    bool fail(int line, const QString &message);
    std::vector<TemplateNode> &currentChildren();
    void addText(qsizetype from, qsizetype to);
    bool handleTag(const QString &content, int line);

    const QString &m_text;
    std::vector<TemplateNode> m_top;
    std::vector<TemplateNode> m_open; // sections not closed yet, innermost last
    TemplateParseError m_error;
    int m_line = 1; // line at the current scan position
};

bool Parser::fail(int line, const QString &message)
{
    m_error.line = line;
    m_error.message = tr("line %1: %2").arg(line).arg(message);
    return false;
}

std::vector<TemplateNode> &Parser::currentChildren()
{
    return m_open.empty() ? m_top : m_open.back().children;
}

void Parser::addText(qsizetype from, qsizetype to)
{
    if (to <= from)
        return;
    TemplateNode node;
    node.kind = TemplateNode::Kind::Text;
    node.text = m_text.mid(from, to - from);
    node.line = m_line;
    m_line += int(node.text.count(QLatin1Char('\n')));
    currentChildren().push_back(std::move(node));
}

bool Parser::handleTag(const QString &raw, int line)
{
    const QString content = raw.trimmed();
    if (content.startsWith(QLatin1Char('!')))
        return true; // a comment
    if (content.isEmpty())
        return fail(line, tr("an empty tag {{}}"));
    const QChar sigil = content.front();
    if (sigil == QLatin1Char('{') || sigil == QLatin1Char('&'))
        return fail(line, tr("unescaped output ({{{…}}} or {{&…}}) is not supported: every value is HTML-escaped"));

    const bool hasSigil = sigil == QLatin1Char('#') || sigil == QLatin1Char('^') || sigil == QLatin1Char('/');
    const QString name = hasSigil ? content.mid(1).trimmed() : content;
    if (!isValidName(name))
        return fail(line, tr("'%1' is not a valid name (letters, digits, '_' and '-', parts joined by '.')").arg(name));

    if (sigil == QLatin1Char('/')) {
        if (m_open.empty())
            return fail(line, tr("{{/%1}} closes no open section").arg(name));
        if (m_open.back().text != name) {
            const TemplateNode &open = m_open.back();
            const QChar openSigil = open.kind == TemplateNode::Kind::Section ? QLatin1Char('#') : QLatin1Char('^');
            return fail(line,
                        tr("{{/%1}} does not match {{%2%3}} opened on line %4")
                            .arg(name, QString(openSigil), open.text)
                            .arg(open.line));
        }
        TemplateNode closed = std::move(m_open.back());
        m_open.pop_back();
        currentChildren().push_back(std::move(closed));
        return true;
    }

    TemplateNode node;
    node.text = name;
    node.path = name == QStringLiteral(".") ? QStringList {name} : name.split(QLatin1Char('.'));
    node.line = line;
    if (!hasSigil) {
        node.kind = TemplateNode::Kind::Value;
        currentChildren().push_back(std::move(node));
        return true;
    }
    if (int(m_open.size()) >= TemplateParser::MaxDepth)
        return fail(line, tr("sections nest deeper than %1 levels").arg(TemplateParser::MaxDepth));
    node.kind = sigil == QLatin1Char('#') ? TemplateNode::Kind::Section : TemplateNode::Kind::InvertedSection;
    m_open.push_back(std::move(node));
    return true;
}

std::optional<std::vector<TemplateNode>> Parser::run(TemplateParseError *error)
{
    qsizetype position = 0;
    bool ok = true;
    while (ok) {
        const qsizetype open = m_text.indexOf(OpenTag, position);
        if (open < 0) {
            addText(position, m_text.size());
            break;
        }
        addText(position, open);
        const int tagLine = m_line;
        const qsizetype close = m_text.indexOf(CloseTag, open + OpenTag.size());
        if (close < 0) {
            ok = fail(tagLine, tr("'{{' is never closed with '}}'"));
            break;
        }
        // {{{name}}} ends in "}}}": take the third brace into the tag so the refusal names it.
        const bool tripleBrace
            = m_text.mid(open, 3) == QStringLiteral("{{{") && m_text.mid(close, 3) == QStringLiteral("}}}");
        const qsizetype end = tripleBrace ? close + 1 : close;
        const QString content = m_text.mid(open + OpenTag.size(), end - open - OpenTag.size());
        ok = handleTag(content, tagLine);
        m_line += int(content.count(QLatin1Char('\n'))); // comments may span lines
        position = end + CloseTag.size();
    }
    if (ok && !m_open.empty()) {
        const TemplateNode &open = m_open.back();
        ok = fail(open.line, tr("section '%1' is never closed (no {{/%1}})").arg(open.text));
    }
    if (!ok) {
        if (error)
            *error = m_error;
        return std::nullopt;
    }
    return std::move(m_top);
}

} // namespace

std::optional<std::vector<TemplateNode>> TemplateParser::parse(const QString &text, TemplateParseError *error)
{
    Parser parser(text);
    return parser.run(error);
}

} // namespace backoffice::printable
