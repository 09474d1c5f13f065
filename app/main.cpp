// backoffice: the staff desktop application. Everything lives in backoffice_desktop and
// backoffice_views so the GUI tests drive the same code; this file only wires it to a process.
#include "AppController.h"
#include "CommandLine.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    // QSettings (remembered servers, list columns) and QStandardPaths (demo.sqlite) use these names.
    QApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QApplication::setApplicationName(QStringLiteral("BackOffice"));
    QApplication::setApplicationVersion(QStringLiteral(BACKOFFICE_VERSION));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("backoffice"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    const backoffice::app::CommandLineOptions options = backoffice::app::parseCommandLine(QApplication::arguments());
    backoffice::app::AppController controller;
    if (options.demo)
        controller.startDemo();
    else
        controller.showLogin(options.serverUrl);
    return QApplication::exec();
}
