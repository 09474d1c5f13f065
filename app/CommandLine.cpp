#include "CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

#include <cstdio>
#include <cstdlib>

namespace backoffice::app {

CommandLineOptions parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "BackOffice: the staff application of a business-messaging provider."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("CommandLine",
                                                              "Start the offline demo: a local server with demo data, "
                                                              "signed in as its administrator."));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QCoreApplication::translate("CommandLine", "Server address to sign in to."),
                                    QStringLiteral("URL"));
    parser.addOption(demo);
    parser.addOption(server);
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        std::exit(1);
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("CommandLine", "Unexpected argument: %1")
                                    .arg(parser.positionalArguments().constFirst())));
        std::exit(1);
    }
    CommandLineOptions options;
    options.demo = parser.isSet(demo);
    options.serverUrl = parser.value(server);
    if (!options.serverUrl.isEmpty() && !QUrl::fromUserInput(options.serverUrl).isValid()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("CommandLine", "Not a server address: %1")
                                    .arg(options.serverUrl)));
        std::exit(1);
    }
    return options;
}

} // namespace backoffice::app
