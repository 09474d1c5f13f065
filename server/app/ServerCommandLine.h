#pragma once

class QCoreApplication;

namespace backoffice::server {

// Parses the command line of backoffice-server (--listen, --database, --demo-data, --init-admin,
// --version, --help), runs the server until SIGTERM/SIGINT and returns the exit code.
int runServerCommandLine(QCoreApplication &app);

} // namespace backoffice::server
