#pragma once

#include <QString>
#include <QStringList>

namespace backoffice::app {

// What `backoffice` was asked to do on its command line.
struct CommandLineOptions {
    bool demo = false;      // --demo: skip sign-in, start the offline demo
    QString serverUrl;      // --server URL: preset the sign-in dialog
};

// Parses the arguments with QCommandLineParser; --help and --version print and exit the process
// (QCommandLineParser's own behaviour), a bad option prints the error and exits with 1.
CommandLineOptions parseCommandLine(const QStringList &arguments);

} // namespace backoffice::app
