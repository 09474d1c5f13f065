#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace backoffice {
class ApiClient;
class ApiReply;
} // namespace backoffice

namespace backoffice::views {
class MessageBanner;
}

namespace backoffice::app {

// Sign-in: server address (the ones used before are remembered), login and password, or the
// offline demo. It signs in itself so that a refusal (wrong password, too many attempts, server
// away) is shown right here; the controller takes over once the server said yes.
class LoginDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(ApiClient *api, QWidget *parent = nullptr);

    void setServerUrl(const QString &url);
    QString serverUrl() const;
    void setBusy(bool busy, const QString &status = {});
    void showError(const QString &message);
    void showInfo(const QString &message);

    QComboBox *serverBox() const { return m_server; }
    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *demoButton() const { return m_demo; }

    // Remembered servers, most recent first (QSettings "login/servers").
    static QStringList rememberedServers();

public slots:
    void signIn();

signals:
    void loggedIn(const QJsonObject &answer, const QString &password);
    void demoRequested();

private:
    void remember(const QString &url, const QString &login);

    ApiClient *m_api;
    QComboBox *m_server;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QPushButton *m_signIn;
    QPushButton *m_demo;
    views::MessageBanner *m_banner;
    QPointer<ApiReply> m_pending;
};

} // namespace backoffice::app
