#include "ChangePasswordDialog.h"

#include "ApiClient.h"
#include "ErrorText.h"
#include "MessageBanner.h"
#include "PasswordPolicy.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace backoffice::views {

ChangePasswordDialog::ChangePasswordDialog(ApiClient *api, const QString &login, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_login(login)
    , m_reason(new QLabel(this))
    , m_current(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_retype(new QLineEdit(this))
    , m_banner(new MessageBanner(this))
    , m_okButton(nullptr)
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(tr("Change password"));
    m_reason->setWordWrap(true);
    m_reason->hide();
    for (QLineEdit *edit : {m_current, m_new, m_retype}) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(PasswordPolicy::MaxLength);
    }
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_retype->setObjectName(QStringLiteral("retypePassword"));

    auto *form = new QFormLayout;
    form->addRow(tr("Current password"), m_current);
    form->addRow(tr("New password"), m_new);
    form->addRow(tr("Re-type new password"), m_retype);
    auto *rules = new QLabel(tr("At least %1 characters, with characters of at least %2 of these kinds: "
                                "upper-case, lower-case, digits, other characters. Not the login.")
                                 .arg(PasswordPolicyRules().minLength)
                                 .arg(PasswordPolicyRules().minCharacterGroups),
                             this);
    rules->setWordWrap(true);
    rules->setStyleSheet(QStringLiteral("color: #5f6368;"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setText(tr("Change password"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_reason);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(rules);
    layout->addWidget(buttons);
}

void ChangePasswordDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

void ChangePasswordDialog::setCurrentPassword(const QString &password)
{
    m_current->setText(password);
}

QString ChangePasswordDialog::newPassword() const
{
    return m_new->text();
}

void ChangePasswordDialog::submit()
{
    if (m_new->text() != m_retype->text()) {
        m_banner->showError(tr("The two new passwords differ."));
        return;
    }
    // The server checks the policy (and the history only it knows); this catches the obvious early.
    const QStringList problems = PasswordPolicy().strengthProblems(m_new->text(), m_login);
    if (!problems.isEmpty()) {
        m_banner->showError(problems.join(QLatin1Char(' ')));
        return;
    }
    m_okButton->setEnabled(false);
    ApiReply *reply = m_api->post(QStringLiteral("auth/password"),
                                  {{QStringLiteral("currentPassword"), m_current->text()},
                                   {QStringLiteral("newPassword"), m_new->text()}});
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_okButton->setEnabled(true);
        if (!reply->ok()) {
            QStringList parts{describeFailure(reply)};
            for (auto it = reply->error().fields.cbegin(); it != reply->error().fields.cend(); ++it)
                parts << it.value();
            m_banner->showError(parts.join(QLatin1Char(' ')));
            return;
        }
        accept();
    });
}

} // namespace backoffice::views
