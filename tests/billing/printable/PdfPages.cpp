#include "PdfPages.h"

#include <QRegularExpression>

namespace backoffice::printable::test {

int countPdfPages(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![A-Za-z])"));
    // Latin-1 maps every byte to one character, so binary streams cannot break the match.
    const QString text = QString::fromLatin1(pdf);
    int count = 0;
    for (auto it = page.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace backoffice::printable::test
