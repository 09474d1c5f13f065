#pragma once

#include <QDialog>

class QFormLayout;
class QLabel;

namespace backoffice::views {
class MessageBanner;
class Session;
} // namespace backoffice::views

namespace backoffice::app {

// "Account settings" of the user menu (reference §5.1): who is signed in, as auth/me says —
// name, account ID, login, e-mail, roles, company and phone.
class AccountSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AccountSettingsDialog(views::Session *session, QWidget *parent = nullptr);

    // The text shown for one item ("Login", "Roles", ...), for tests.
    QString value(const QString &label) const;

private:
    void load();
    void showAnswer(const QJsonObject &answer);
    void setRow(const QString &label, const QString &text);
    void lookUpCompany(qint64 companyId);

    views::Session *m_session;
    QLabel *m_name;
    views::MessageBanner *m_banner;
    QFormLayout *m_form;
};

} // namespace backoffice::app
