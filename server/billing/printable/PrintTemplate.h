#pragma once

#include "TemplateNode.h"
#include "TemplateParser.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace backoffice::printable {

// A name the context could not serve, with the line of the tag that asked for it.
struct TemplateProblem final {
    enum class Kind {
        MissingName, // no such key along the lookup chain: almost always a typo in the template
        NotText, // a value tag met a number, boolean, list or object (see PrintTemplate below)
    };
    Kind kind = Kind::MissingName;
    int line = 0;
    QString name; // as written in the template: "buyer.taxId"
    QString message; // complete, line included, for staff
};

// The outcome of PrintTemplate::render(). Either `output` holds the whole document and `problems`
// is empty, or `problems` lists every problem found and `output` is empty.
struct RenderResult final {
    QString output;
    QList<TemplateProblem> problems;

    bool ok() const { return problems.isEmpty(); }
    QStringList missingNames() const; // sorted, each once
    QString errorText() const; // the problem messages, one per line
};

// A printable form (invoice, charge details): HTML with Mustache-like tags filled from a JSON context.
//
//   {{a.b.c}}          the value at a.b.c, HTML-escaped (& < > " '); null renders as nothing
//   {{.}}              the current element inside a section (for lists of plain text)
//   {{#name}}…{{/name}} repeated for each element of a list; for any other value that is not
//                      false, null, "" or an empty list it renders once, with an object as the
//                      innermost scope
//   {{^name}}…{{/name}} rendered once when the value is false, null, "" or an empty list
//   {{! comment }}     left out of the output
//
// Names resolve like Mustache: the first part is looked up in the innermost scope (the current list
// element) first and then outward to the root context; the remaining parts descend from there.
//
// Missing names are an error, not a warning. An invoice with a blank tax id or due date is worse
// than no invoice: it gets sent, and has to be cancelled and re-issued. So render() fails and
// reports every missing name at once (template authors fix all typos in one round), and it
// produces no output. A value that is deliberately empty must be present as null, "" or false.
// The names inside a section are checked only for the elements actually rendered: a typo inside
// a list that happens to be empty for this invoice shows up with the first invoice that has one.
//
// The renderer never formats numbers: money, rates and quantities come as text formatted by the
// caller (money exactly, with Amount). A JSON number in a value tag is a NotText problem rather
// than something printed through double, and so are booleans, lists and objects; a number as a
// section is one too (is 0 empty? the caller says so with a boolean).
class PrintTemplate final
{
public:
    static std::optional<PrintTemplate> parse(const QString &text, TemplateParseError *error = nullptr);

    RenderResult render(const QJsonObject &context) const;

    // Every name the template uses (value and section tags, as written), sorted, each once. For
    // checking a template against its documented placeholder set.
    QStringList names() const;

private:
    explicit PrintTemplate(std::vector<TemplateNode> nodes);

    std::vector<TemplateNode> m_nodes;
};

} // namespace backoffice::printable
