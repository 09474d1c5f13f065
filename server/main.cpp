// backoffice-server: the headless server. A thin main over backoffice_server_core.
#include "ServerCommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("backoffice-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BACKOFFICE_VERSION));
    return backoffice::server::runServerCommandLine(app);
}
