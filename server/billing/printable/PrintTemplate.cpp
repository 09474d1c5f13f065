#include "PrintTemplate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

namespace backoffice::printable {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::printable::PrintTemplate", text);
}

// Also escapes the apostrophe (QString::toHtmlEscaped does not), so a value is safe inside an
// attribute in single quotes too.
void appendEscaped(QString &out, const QString &value)
{
    out.reserve(out.size() + value.size());
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '&': out += QStringLiteral("&amp;"); break;
        case '<': out += QStringLiteral("&lt;"); break;
        case '>': out += QStringLiteral("&gt;"); break;
        case '"': out += QStringLiteral("&quot;"); break;
        case '\'': out += QStringLiteral("&#39;"); break;
        default: out += c;
        }
    }
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Double: return tr("a number");
    case QJsonValue::Bool: return tr("a boolean");
    case QJsonValue::Array: return tr("a list");
    case QJsonValue::Object: return tr("an object");
    default: return tr("a value");
    }
}

// false, null, "" and [] leave a section out (and let an inverted section in).
bool isEmptyValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return true;
    case QJsonValue::Bool: return !value.toBool();
    case QJsonValue::String: return value.toString().isEmpty();
    case QJsonValue::Array: return value.toArray().isEmpty();
    default: return false;
    }
}

void collectNames(const std::vector<TemplateNode> &nodes, QSet<QString> &names)
{
    for (const TemplateNode &node : nodes) {
        if (node.kind == TemplateNode::Kind::Text)
            continue;
        names.insert(node.text);
        collectNames(node.children, names);
    }
}

class Renderer final
{
public:
    explicit Renderer(const QJsonObject &context) { m_scopes.push_back(context); }

    void render(const std::vector<TemplateNode> &nodes);
    QString takeOutput() { return std::move(m_out); }
    QList<TemplateProblem> takeProblems() { return std::move(m_problems); }

private:
    std::optional<QJsonValue> lookup(const QStringList &path) const;
    void renderValue(const TemplateNode &node);
    // A section's value, or nothing after reporting why it cannot drive a section.
    std::optional<QJsonValue> sectionValue(const TemplateNode &node);
    void renderSection(const TemplateNode &node);
    void renderInverted(const TemplateNode &node);
    void report(TemplateProblem::Kind kind, const TemplateNode &node, const QString &detail);

    std::vector<QJsonValue> m_scopes; // root first, innermost last
    QStringList m_sectionNames; // the sections being rendered, for messages
    QString m_out;
    QList<TemplateProblem> m_problems;
    QSet<QString> m_reported; // "line:name", so a typo in a 300-line list is one problem
};

std::optional<QJsonValue> Renderer::lookup(const QStringList &path) const
{
    if (path.size() == 1 && path.front() == QStringLiteral("."))
        return m_scopes.back();
    const QString &first = path.front();
    for (auto scope = m_scopes.rbegin(); scope != m_scopes.rend(); ++scope) {
        if (!scope->isObject())
            continue;
        const QJsonObject object = scope->toObject();
        const auto found = object.constFind(first);
        if (found == object.constEnd())
            continue;
        // Found the head: the rest must be there, no falling back to outer scopes (as in Mustache).
        QJsonValue value = found.value();
        for (qsizetype i = 1; i < path.size(); ++i) {
            const QJsonObject inner = value.toObject();
            const auto next = inner.constFind(path.at(i));
            if (!value.isObject() || next == inner.constEnd())
                return std::nullopt;
            value = next.value();
        }
        return value;
    }
    return std::nullopt;
}

void Renderer::report(TemplateProblem::Kind kind, const TemplateNode &node, const QString &detail)
{
    const QString key = QString::number(node.line) + QLatin1Char(':') + node.text;
    if (m_reported.contains(key))
        return;
    m_reported.insert(key);
    TemplateProblem problem;
    problem.kind = kind;
    problem.line = node.line;
    problem.name = node.text;
    // Inside a list the same name can mean a field of the element or of the root: say which section.
    const QString where = m_sectionNames.isEmpty() ? QString() : tr(" (inside {{#%1}})").arg(m_sectionNames.back());
    problem.message = tr("line %1: %2%3").arg(node.line).arg(detail, where);
    m_problems.append(problem);
}

void Renderer::renderValue(const TemplateNode &node)
{
    const std::optional<QJsonValue> value = lookup(node.path);
    if (!value) {
        report(TemplateProblem::Kind::MissingName, node, tr("the context has no value named '%1'").arg(node.text));
        return;
    }
    if (value->isString()) {
        appendEscaped(m_out, value->toString());
        return;
    }
    if (value->isNull())
        return;
    report(TemplateProblem::Kind::NotText, node,
           tr("'%1' is %2, not text; numbers and money must come formatted as text, lists and objects "
              "belong in a section")
               .arg(node.text, typeName(*value)));
}

std::optional<QJsonValue> Renderer::sectionValue(const TemplateNode &node)
{
    const std::optional<QJsonValue> value = lookup(node.path);
    if (!value) {
        report(TemplateProblem::Kind::MissingName, node, tr("the context has no value named '%1'").arg(node.text));
        return std::nullopt;
    }
    if (value->isDouble()) {
        report(TemplateProblem::Kind::NotText, node,
               tr("section '%1' is a number; use a boolean, text, a list or an object").arg(node.text));
        return std::nullopt;
    }
    return value;
}

void Renderer::renderSection(const TemplateNode &node)
{
    const std::optional<QJsonValue> value = sectionValue(node);
    if (!value || isEmptyValue(*value))
        return;
    m_sectionNames.append(node.text);
    if (value->isArray()) {
        const QJsonArray elements = value->toArray();
        for (const QJsonValue &element : elements) {
            m_scopes.push_back(element);
            render(node.children);
            m_scopes.pop_back();
        }
    } else {
        m_scopes.push_back(*value);
        render(node.children);
        m_scopes.pop_back();
    }
    m_sectionNames.removeLast();
}

void Renderer::renderInverted(const TemplateNode &node)
{
    const std::optional<QJsonValue> value = sectionValue(node);
    if (value && isEmptyValue(*value))
        render(node.children);
}

void Renderer::render(const std::vector<TemplateNode> &nodes)
{
    for (const TemplateNode &node : nodes) {
        switch (node.kind) {
        case TemplateNode::Kind::Text: m_out += node.text; break;
        case TemplateNode::Kind::Value: renderValue(node); break;
        case TemplateNode::Kind::Section: renderSection(node); break;
        case TemplateNode::Kind::InvertedSection: renderInverted(node); break;
        }
    }
}

} // namespace

QStringList RenderResult::missingNames() const
{
    QStringList names;
    for (const TemplateProblem &problem : problems) {
        if (problem.kind == TemplateProblem::Kind::MissingName)
            names.append(problem.name);
    }
    names.sort();
    names.removeDuplicates();
    return names;
}

QString RenderResult::errorText() const
{
    QStringList lines;
    for (const TemplateProblem &problem : problems)
        lines.append(problem.message);
    return lines.join(QLatin1Char('\n'));
}

PrintTemplate::PrintTemplate(std::vector<TemplateNode> nodes)
    : m_nodes(std::move(nodes))
{ }

std::optional<PrintTemplate> PrintTemplate::parse(const QString &text, TemplateParseError *error)
{
    std::optional<std::vector<TemplateNode>> nodes = TemplateParser::parse(text, error);
    if (!nodes)
        return std::nullopt;
    return PrintTemplate(std::move(*nodes));
}

RenderResult PrintTemplate::render(const QJsonObject &context) const
{
    Renderer renderer(context);
    renderer.render(m_nodes);
    RenderResult result;
    result.problems = renderer.takeProblems();
    if (result.ok())
        result.output = renderer.takeOutput();
    return result;
}

QStringList PrintTemplate::names() const
{
    QSet<QString> names;
    collectNames(m_nodes, names);
    QStringList sorted(names.begin(), names.end());
    sorted.sort();
    return sorted;
}

} // namespace backoffice::printable
