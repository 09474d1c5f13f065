// backoffice-server: the headless server. A thin main over backoffice_server_core.
#include "ServerCommandLine.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    // A QGuiApplication for the fonts invoices are printed with; on the offscreen platform, so the
    // server needs no display (docs/decisions/007-pdf-rendering-in-the-server.md).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("backoffice-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BACKOFFICE_VERSION));
    return backoffice::server::runServerCommandLine(app);
}
