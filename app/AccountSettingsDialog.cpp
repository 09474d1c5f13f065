#include "AccountSettingsDialog.h"

#include "ApiClient.h"
#include "ErrorText.h"
#include "MessageBanner.h"
#include "Session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QVBoxLayout>

namespace backoffice::app {

AccountSettingsDialog::AccountSettingsDialog(views::Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_name(new QLabel(this))
    , m_banner(new views::MessageBanner(this))
    , m_form(new QFormLayout)
{
    setObjectName(QStringLiteral("accountSettings"));
    setWindowTitle(tr("Account settings"));
    QFont font = m_name->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_name->setFont(font);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_banner);
    layout->addLayout(m_form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    // Show what the session knows at once, then what the server says now.
    QJsonObject known;
    known.insert(QStringLiteral("user"), m_session->user());
    known.insert(QStringLiteral("noRestrictions"), m_session->noRestrictions());
    showAnswer(known);
    load();
}

void AccountSettingsDialog::load()
{
    ApiReply *reply = m_session->api()->get(QStringLiteral("auth/me"));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!reply->ok()) {
            m_banner->showError(views::describeFailure(reply));
            return;
        }
        m_session->setIdentity(reply->object());
        showAnswer(reply->object());
    });
}

void AccountSettingsDialog::showAnswer(const QJsonObject &answer)
{
    const QJsonObject user = answer.value(QLatin1String("user")).toObject();
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const QString first = user.value(QLatin1String("firstName")).toString();
    const QString last = user.value(QLatin1String("lastName")).toString();
    m_name->setText(QStringList{first, last}.join(QLatin1Char(' ')).trimmed());
    QStringList roles;
    // auth/me names the roles in "roles"; the users collection calls the same labels "roleNames".
    const QJsonValue roleNames = user.contains(QLatin1String("roles")) ? user.value(QLatin1String("roles"))
                                                                        : user.value(QLatin1String("roleNames"));
    for (const QJsonValue &role : roleNames.toArray())
        roles << role.toString();
    if (answer.value(QLatin1String("noRestrictions")).toBool() || user.value(QLatin1String("noRestrictions")).toBool())
        roles.prepend(tr("No restrictions"));
    setRow(tr("Account ID"), QString::number(user.value(QLatin1String("id")).toInteger()));
    setRow(tr("Login"), user.value(QLatin1String("login")).toString());
    setRow(tr("E-mail"), user.value(QLatin1String("email")).toString());
    setRow(tr("Roles"), roles.join(QStringLiteral(", ")));
    const qint64 companyId = user.value(QLatin1String("companyId")).toInteger(-1);
    QString company = user.value(QLatin1String("companyName")).toString();
    if (company.isEmpty() && companyId > 0)
        company = QStringLiteral("#%1").arg(companyId);
    setRow(tr("Company"), company);
    setRow(tr("Phone number"), user.value(QLatin1String("phone")).toString());
    if (user.value(QLatin1String("companyName")).toString().isEmpty() && companyId > 0)
        lookUpCompany(companyId);
}

void AccountSettingsDialog::lookUpCompany(qint64 companyId)
{
    // auth/me carries the company's id only; its name comes from the companies collection (which
    // a user without access to companies cannot read: the id stays then).
    ApiReply *reply = m_session->api()->get(QStringLiteral("companies/%1").arg(companyId));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QString name = reply->object().value(QLatin1String("name")).toString();
        if (!reply->ok() || name.isEmpty())
            return;
        if (auto *label = findChild<QLabel *>(tr("Company")))
            label->setText(name);
    });
}

void AccountSettingsDialog::setRow(const QString &label, const QString &text)
{
    auto *value = new QLabel(text.isEmpty() ? QStringLiteral("—") : text, this);
    value->setObjectName(label);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
}

QString AccountSettingsDialog::value(const QString &label) const
{
    const auto *widget = findChild<QLabel *>(label);
    return widget ? widget->text() : QString();
}

} // namespace backoffice::app
