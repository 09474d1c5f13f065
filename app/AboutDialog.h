#pragma once

#include <QMessageBox>

namespace backoffice::views {
class Session;
}

namespace backoffice::app {

// Versions of what is running: this desktop, the Qt it runs on, and the server it talks to.
class AboutDialog final
{
public:
    static QString text(const views::Session *session);
    static void show(const views::Session *session, QWidget *parent);
};

} // namespace backoffice::app
