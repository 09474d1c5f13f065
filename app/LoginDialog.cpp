#include "LoginDialog.h"

#include "ApiClient.h"
#include "ErrorText.h"
#include "MessageBanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace backoffice::app {

namespace {
constexpr int RememberedServers = 10;
}

LoginDialog::LoginDialog(ApiClient *api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_server(new QComboBox(this))
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_signIn(new QPushButton(tr("Sign in"), this))
    , m_demo(new QPushButton(tr("Offline demo"), this))
    , m_banner(new views::MessageBanner(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("BackOffice — sign in"));
    m_server->setEditable(true);
    m_server->setInsertPolicy(QComboBox::NoInsert);
    m_server->addItems(rememberedServers());
    m_server->lineEdit()->setPlaceholderText(QStringLiteral("https://backoffice.example.com"));
    m_login->setText(QSettings().value(QStringLiteral("login/lastLogin")).toString());
    m_password->setEchoMode(QLineEdit::Password);
    m_signIn->setDefault(true);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_demo->setObjectName(QStringLiteral("demoButton"));
    m_demo->setToolTip(tr("Start a local server with demo data inside this application, and sign in to it"));

    auto *title = new QLabel(tr("<h2>BackOffice</h2>"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("Server"), m_server);
    form->addRow(tr("Login"), m_login);
    form->addRow(tr("Password"), m_password);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_demo, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(m_demo, &QPushButton::clicked, this, &LoginDialog::demoRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    (m_login->text().isEmpty() ? m_login : m_password)->setFocus();
}

QStringList LoginDialog::rememberedServers()
{
    return QSettings().value(QStringLiteral("login/servers")).toStringList();
}

void LoginDialog::setServerUrl(const QString &url)
{
    m_server->setEditText(url);
}

QString LoginDialog::serverUrl() const
{
    return m_server->currentText().trimmed();
}

void LoginDialog::setBusy(bool busy, const QString &status)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_login),
                            static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_signIn),
                            static_cast<QWidget *>(m_demo)})
        widget->setEnabled(!busy);
    if (busy && !status.isEmpty())
        m_banner->showInfo(status);
    else if (!busy && m_banner->kind() == views::MessageBanner::Kind::Info)
        m_banner->clearMessage();
}

void LoginDialog::showError(const QString &message)
{
    m_banner->showError(message);
}

void LoginDialog::showInfo(const QString &message)
{
    m_banner->showInfo(message);
}

void LoginDialog::signIn()
{
    if (m_pending)
        return;
    const QUrl url = QUrl::fromUserInput(serverUrl());
    if (serverUrl().isEmpty() || !url.isValid() || url.host().isEmpty()) {
        showError(tr("Enter the address of the BackOffice server."));
        m_server->setFocus();
        return;
    }
    if (m_login->text().trimmed().isEmpty()) {
        showError(tr("Enter your login."));
        m_login->setFocus();
        return;
    }
    m_api->setBaseUrl(url);
    setBusy(true, tr("Signing in to %1…").arg(url.toDisplayString()));
    const QString password = m_password->text();
    const QString login = m_login->text().trimmed();
    ApiReply *reply = m_api->login(login, password);
    m_pending = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, password, login, url] {
        reply->deleteLater();
        setBusy(false);
        if (!reply->ok()) {
            showError(views::describeFailure(reply));
            m_password->selectAll();
            m_password->setFocus();
            return;
        }
        remember(url.toString(), login);
        m_password->clear();
        emit loggedIn(reply->object(), password);
    });
}

void LoginDialog::remember(const QString &url, const QString &login)
{
    QSettings settings;
    QStringList servers = rememberedServers();
    servers.removeAll(url);
    servers.prepend(url);
    while (servers.size() > RememberedServers)
        servers.removeLast();
    settings.setValue(QStringLiteral("login/servers"), servers);
    settings.setValue(QStringLiteral("login/lastLogin"), login);
}

} // namespace backoffice::app
