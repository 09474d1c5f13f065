#include "AppController.h"

#include "ApiClient.h"
#include "ChangePasswordDialog.h"
#include "DemoServer.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "Session.h"

#include <QApplication>

namespace backoffice::app {

AppController::AppController(QObject *parent)
    : QObject(parent)
    , m_api(new ApiClient(this))
    , m_session(new views::Session(m_api, this))
    , m_demo(new DemoServer(this))
{
    connect(m_api, &ApiClient::sessionExpired, this, &AppController::onSessionExpired);
}

AppController::~AppController()
{
    delete m_window;
    delete m_login;
}

void AppController::showLogin(const QString &serverUrl, const QString &message)
{
    if (!m_login) {
        m_login = new LoginDialog(m_api);
        m_login->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_login, &LoginDialog::loggedIn, this, &AppController::onLoggedIn);
        connect(m_login, &LoginDialog::demoRequested, this, &AppController::startDemo);
        connect(m_login, &QDialog::rejected, this, [this] {
            if (!m_window)
                QApplication::quit(); // closing sign-in with no window open ends the application
        });
    }
    if (!serverUrl.isEmpty())
        m_login->setServerUrl(serverUrl);
    if (!message.isEmpty())
        m_login->showError(message);
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
}

void AppController::startDemo()
{
    if (m_login)
        m_login->setBusy(true, tr("Starting the offline demo…"));
    QString error;
    if (!m_demo->start(&error)) {
        const QString message = tr("The offline demo could not start: %1").arg(error);
        showLogin(QString(), message);
        m_login->setBusy(false);
        m_login->showError(message);
        emit demoFailed(message);
        return;
    }
    m_api->setBaseUrl(m_demo->baseUrl());
    const QString password = DemoServer::adminPassword();
    ApiReply *reply = m_api->login(DemoServer::adminLogin(), password);
    connect(reply, &ApiReply::finished, this, [this, reply, password] {
        reply->deleteLater();
        if (m_login)
            m_login->setBusy(false);
        if (!reply->ok()) {
            const QString message = tr("Signing in to the offline demo failed: %1").arg(reply->error().message);
            showLogin(QString(), message);
            emit demoFailed(message);
            return;
        }
        onLoggedIn(reply->object(), password);
    });
}

void AppController::onLoggedIn(const QJsonObject &answer, const QString &password)
{
    if (answer.value(QLatin1String("mustChangePassword")).toBool()
        || answer.value(QLatin1String("passwordExpired")).toBool()) {
        askForNewPassword(answer, password);
        return;
    }
    openMainWindow(answer);
}

void AppController::askForNewPassword(const QJsonObject &answer, const QString &password)
{
    const QString login = answer.value(QLatin1String("user")).toObject().value(QLatin1String("login")).toString();
    auto *dialog = new views::ChangePasswordDialog(m_api, login, m_login);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReason(answer.value(QLatin1String("passwordExpired")).toBool()
                          ? tr("Your password has expired. Choose a new one to continue.")
                          : tr("You must choose a new password before you continue."));
    dialog->setCurrentPassword(password);
    connect(dialog, &QDialog::rejected, this, [this] {
        m_api->logout();
        showLogin(QString(), tr("The password was not changed, so you were not signed in."));
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog, login] {
        // Sign in again with the new password: the answer then carries the real permissions.
        const QString fresh = dialog->newPassword();
        ApiReply *reply = m_api->login(login, fresh);
        connect(reply, &ApiReply::finished, this, [this, reply, fresh] {
            reply->deleteLater();
            if (!reply->ok()) {
                showLogin(QString(), reply->error().message);
                return;
            }
            onLoggedIn(reply->object(), fresh);
        });
    });
    dialog->open();
}

void AppController::openMainWindow(const QJsonObject &answer)
{
    m_session->setIdentity(answer);
    if (m_login) {
        m_login->hide();
    }
    delete m_window;
    m_window = new MainWindow(m_session);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::logoutRequested, this, &AppController::logout);
    m_window->show();
    emit mainWindowShown(m_window);
}

void AppController::logout()
{
    ApiReply *reply = m_api->logout();
    connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    // Sign-in first, then the window goes: closing the last window would end the application.
    showLogin(m_demo->isRunning() ? QString() : m_api->baseUrl().toString());
    if (m_window) {
        // The window goes away without ending the application: sign-in comes next.
        m_window->setAttribute(Qt::WA_DeleteOnClose, false);
        m_window->close();
        m_window->deleteLater();
        m_window = nullptr;
    }
}

void AppController::onSessionExpired()
{
    if (!m_window)
        return;
    showLogin(m_demo->isRunning() ? QString() : m_api->baseUrl().toString(),
              tr("Your session has ended (signed out elsewhere or idle for too long). Please sign in again."));
    m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    m_window->close();
    m_window->deleteLater();
    m_window = nullptr;
}

} // namespace backoffice::app
