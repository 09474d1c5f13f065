#include "DefaultTemplates.h"

#include <QFile>

// Resources compiled into a static library are only linked in when something refers to them;
// Q_INIT_RESOURCE is that reference, and it must be called outside any namespace.
static void initPrintableResources()
{
    Q_INIT_RESOURCE(printable_templates);
}

namespace backoffice::printable {

QString DefaultTemplates::resourcePath(DefaultTemplate which)
{
    switch (which) {
    case DefaultTemplate::Invoice: return QStringLiteral(":/printable/invoice.html");
    case DefaultTemplate::ChargeDetails: return QStringLiteral(":/printable/charge-details.html");
    }
    Q_UNREACHABLE();
}

QString DefaultTemplates::text(DefaultTemplate which)
{
    static const bool initialised = (initPrintableResources(), true);
    Q_UNUSED(initialised);
    const QString path = resourcePath(which);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("backoffice::printable: the resource %s is missing from the build", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

} // namespace backoffice::printable
