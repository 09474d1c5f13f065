// Signing in through the dialog: a refused password is shown in the dialog, a first sign-in that
// must change the password goes through the Change password dialog before the main window, the
// server is remembered, the user menu shows who is signed in, and Log out returns to sign-in.
#include "AboutDialog.h"
#include "AccountSettingsDialog.h"
#include "AppController.h"
#include "ChangePasswordDialog.h"
#include "EntityCatalogue.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "Session.h"
#include "TestServer.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace backoffice;
using backoffice::app::AppController;
using backoffice::app::LoginDialog;

class TestLoginFlow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongPasswordIsShownInTheDialog();
    void firstSignInAsksForANewPassword();
    void userMenuShowsTheAccount();
    void logOutReturnsToSignIn();

private:
    tests::TestServer m_server;
    std::unique_ptr<AppController> m_controller;
    QString m_password = QStringLiteral("First#Login2024");
};

void TestLoginFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("BackOffice GUI tests"));
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    std::unique_ptr<ApiClient> admin = m_server.signInAdmin();
    QVERIFY(admin);
    QUrlQuery owners;
    owners.addQueryItem(QStringLiteral("type"), QStringLiteral("owner"));
    ApiReply *companies = admin->get(entities::companies, owners);
    QVERIFY(companies->waitForFinished());
    const qint64 ownerId = companies->object().value(QLatin1String("items")).toArray().first().toObject()
                               .value(QLatin1String("id")).toInteger();
    // A new account: the server makes its holder choose a new password at the first sign-in.
    ApiReply *user = admin->post(entities::users, {{QStringLiteral("kind"), QStringLiteral("backoffice")},
                                                   {QStringLiteral("companyId"), ownerId},
                                                   {QStringLiteral("login"), QStringLiteral("new.colleague")},
                                                   {QStringLiteral("password"), m_password},
                                                   {QStringLiteral("firstName"), QStringLiteral("Nora")},
                                                   {QStringLiteral("lastName"), QStringLiteral("Newman")},
                                                   {QStringLiteral("email"), QStringLiteral("nora@example.com")},
                                                   {QStringLiteral("enabled"), true},
                                                   {QStringLiteral("noRestrictions"), true}});
    QVERIFY2(user->waitForFinished(), user->body().constData());
    QVERIFY(user->object().value(QLatin1String("mustChangePassword")).toBool());
    m_controller = std::make_unique<AppController>();
    m_controller->showLogin(m_server.baseUrl().toString());
}

void TestLoginFlow::wrongPasswordIsShownInTheDialog()
{
    LoginDialog *dialog = m_controller->loginDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->serverUrl(), m_server.baseUrl().toString());
    dialog->loginEdit()->setText(QStringLiteral("new.colleague"));
    QTest::keyClicks(dialog->passwordEdit(), QStringLiteral("not the password"));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    auto *banner = dialog->findChild<views::MessageBanner *>();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->kind() == views::MessageBanner::Kind::Error, 10000);
    QVERIFY2(banner->text().contains(QLatin1String("wrong")), qPrintable(banner->text()));
    QVERIFY(!m_controller->mainWindow());
    QVERIFY(dialog->signInButton()->isEnabled());
}

void TestLoginFlow::firstSignInAsksForANewPassword()
{
    LoginDialog *dialog = m_controller->loginDialog();
    QSignalSpy shown(m_controller.get(), &AppController::mainWindowShown);
    dialog->passwordEdit()->clear();
    QTest::keyClicks(dialog->passwordEdit(), m_password);
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    views::ChangePasswordDialog *change = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((change = dialog->findChild<views::ChangePasswordDialog *>()) != nullptr, 10000);
    QVERIFY(change->isVisible());
    QCOMPARE(change->currentEdit()->text(), m_password); // just typed: not asked again
    QVERIFY(shown.isEmpty());                             // no window before the new password

    // Two different new passwords are caught before anything is sent.
    QTest::keyClicks(change->newEdit(), QStringLiteral("Second#Login2024"));
    QTest::keyClicks(change->retypeEdit(), QStringLiteral("Second#Login2025"));
    change->submit();
    QVERIFY(change->banner()->isVisible());
    QVERIFY(change->isVisible());

    change->retypeEdit()->clear();
    QTest::keyClicks(change->retypeEdit(), QStringLiteral("Second#Login2024"));
    change->submit();
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 10000);
    QVERIFY(m_controller->mainWindow());
    QVERIFY(!m_controller->session()->mustChangePassword());
    QCOMPARE(m_controller->session()->login(), QStringLiteral("new.colleague"));
    QVERIFY(!dialog->isVisible());
    QVERIFY(LoginDialog::rememberedServers().contains(m_server.baseUrl().toString()));
}

void TestLoginFlow::userMenuShowsTheAccount()
{
    app::MainWindow *window = m_controller->mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->session()->serverVersion().isEmpty(), 10000);
    QVERIFY(app::AboutDialog::text(m_controller->session()).contains(m_controller->session()->serverVersion()));
    QVERIFY(app::AboutDialog::text(m_controller->session()).contains(QString::fromLatin1(qVersion())));

    auto *account = window->findChild<QAction *>(QStringLiteral("accountSettingsAction"));
    QVERIFY(account);
    account->trigger();
    app::AccountSettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<app::AccountSettingsDialog *>()) != nullptr);
    QCOMPARE(dialog->value(QStringLiteral("Login")), QStringLiteral("new.colleague"));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->value(QStringLiteral("E-mail")), QStringLiteral("nora@example.com"), 10000);
    QVERIFY(dialog->value(QStringLiteral("Roles")).contains(QLatin1String("No restrictions")));
    dialog->close();
}

void TestLoginFlow::logOutReturnsToSignIn()
{
    auto *logout = m_controller->mainWindow()->findChild<QAction *>(QStringLiteral("logoutAction"));
    QVERIFY(logout);
    logout->trigger();
    QTRY_VERIFY(!m_controller->mainWindow());
    QTRY_VERIFY(m_controller->loginDialog() && m_controller->loginDialog()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->api()->token().isEmpty(), 10000);
}

QTEST_MAIN(TestLoginFlow)
#include "tst_login_flow.moc"
