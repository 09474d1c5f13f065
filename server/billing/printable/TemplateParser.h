#pragma once

#include "TemplateNode.h"

#include <QString>
#include <optional>
#include <vector>

namespace backoffice::printable {

// Where and why a template could not be parsed. `message` is complete in itself, line included
// ("line 12: section 'lines' is never closed"), so it can go to staff as it is.
struct TemplateParseError final {
    int line = 0;
    QString message;
};

// Turns template text into a tree of TemplateNode. The syntax is the part of Mustache a printable
// form needs — {{name}}, {{#name}}, {{^name}}, {{/name}}, {{! comment}} — and nothing that could
// let a template author write unescaped markup: {{{name}}} and {{&name}} are refused on purpose,
// because a form uploaded by a reseller must not be able to inject HTML from a customer's data.
// Stops at the first error: after a structural mistake the rest of the tree means little.
class TemplateParser final
{
public:
    // Sections nest at most this deep: a generous bound for real forms, and a guard against
    // uploaded text that would recurse the renderer off its stack.
    static constexpr int MaxDepth = 32;

    static std::optional<std::vector<TemplateNode>> parse(const QString &text, TemplateParseError *error);
};

} // namespace backoffice::printable
