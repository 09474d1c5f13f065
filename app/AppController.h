#pragma once

#include "LoginDialog.h"
#include "MainWindow.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {
class Session;
}

namespace backoffice::app {

class DemoServer;

// Runs the desktop's life cycle: sign-in (or the offline demo), a password change when the server
// demands one, the main window, and back to sign-in on log out or when the session expires.
class AppController final : public QObject
{
    Q_OBJECT
public:
    explicit AppController(QObject *parent = nullptr);
    ~AppController() override;

    // Shows the sign-in dialog, preset to serverUrl when given.
    void showLogin(const QString &serverUrl = {}, const QString &message = {});
    // Starts the in-process demo server and signs in as its administrator.
    void startDemo();

    ApiClient *api() const { return m_api; }
    views::Session *session() const { return m_session; }
    MainWindow *mainWindow() const { return m_window; }
    LoginDialog *loginDialog() const { return m_login; }
    DemoServer *demoServer() const { return m_demo; }

signals:
    void mainWindowShown(backoffice::app::MainWindow *window);
    // The demo could not start; the message says why (also shown in the sign-in dialog).
    void demoFailed(const QString &message);

private:
    void onLoggedIn(const QJsonObject &answer, const QString &password);
    void askForNewPassword(const QJsonObject &answer, const QString &password);
    void openMainWindow(const QJsonObject &answer);
    void logout();
    void onSessionExpired();

    ApiClient *m_api;
    views::Session *m_session;
    DemoServer *m_demo;
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_window;
};

} // namespace backoffice::app
