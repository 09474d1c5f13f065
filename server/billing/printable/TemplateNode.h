#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace backoffice::printable {

// One piece of a parsed print template: literal text, a value tag {{a.b}}, a section {{#a}}…{{/a}}
// or an inverted section {{^a}}…{{/a}}. Plain data: TemplateParser builds the tree, PrintTemplate
// walks it. std::vector rather than QList because only std::vector is guaranteed to accept the
// still-incomplete element type of a recursive struct.
struct TemplateNode final {
    enum class Kind { Text, Value, Section, InvertedSection };

    Kind kind = Kind::Text;
    QString text; // Text: the literal; otherwise the name as written ("buyer.taxId")
    QStringList path; // the name split at the dots; {"."} for the current element
    int line = 1; // 1-based line of the tag (of the start, for text)
    std::vector<TemplateNode> children; // sections only
};

} // namespace backoffice::printable
