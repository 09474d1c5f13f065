#pragma once

#include <QString>

namespace backoffice::printable {

// The printable forms the server ships (Qt resources under :/printable/): used for every legal
// entity that has no form of its own. Their placeholders are documented in docs/PRINTABLE-FORMS.md.
enum class DefaultTemplate {
    Invoice, // :/printable/invoice.html
    ChargeDetails, // :/printable/charge-details.html
};

class DefaultTemplates final
{
public:
    static QString resourcePath(DefaultTemplate which);
    // The template text (UTF-8 in the resource). Never empty: a missing resource is a build
    // error, so it stops the process rather than print an empty invoice.
    static QString text(DefaultTemplate which);
};

} // namespace backoffice::printable
