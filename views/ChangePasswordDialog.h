#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace backoffice {
class ApiClient;
}

namespace backoffice::views {

class MessageBanner;

// Changes the signed-in user's password (auth/password). Shown from the user menu, and by login
// when the server says the password must be changed (first login, expired) before anything else.
class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
public:
    ChangePasswordDialog(ApiClient *api, const QString &login, QWidget *parent = nullptr);

    // Why the dialog appears ("Your password has expired"); shown above the fields.
    void setReason(const QString &reason);
    // When the current password is known (just typed at login) it need not be asked again.
    void setCurrentPassword(const QString &password);
    QString newPassword() const;

    QLineEdit *currentEdit() const { return m_current; }
    QLineEdit *newEdit() const { return m_new; }
    QLineEdit *retypeEdit() const { return m_retype; }
    MessageBanner *banner() const { return m_banner; }

public slots:
    void submit();

private:
    ApiClient *m_api;
    QString m_login;
    QLabel *m_reason;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_retype;
    MessageBanner *m_banner;
    QPushButton *m_okButton;
};

} // namespace backoffice::views
