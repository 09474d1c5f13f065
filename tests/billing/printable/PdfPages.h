#pragma once

#include <QByteArray>

namespace backoffice::printable::test {

// Page objects in a PDF: "/Type /Page" (with or without the space), not the "/Type /Pages" tree node.
int countPdfPages(const QByteArray &pdf);

} // namespace backoffice::printable::test
