// What a user with limited permissions sees: a user whose role allows only View on companies gets
// no New, Edit or Delete, no sections beyond what the role allows, and a request the server
// refuses (403) is shown as a message instead of crashing.
#include "EntityCatalogue.h"
#include "EntityForm.h"
#include "EntityListView.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "RemoteTableModel.h"
#include "Session.h"
#include "TestServer.h"
#include "editors/FieldEditor.h"

#include <QJsonArray>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace backoffice;
using namespace backoffice::views;

class TestViewPermissions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void navigationShowsOnlyAllowedSections();
    void viewOnlyListHasNoNewButton();
    void viewOnlyFormHasNoEditOrDelete();
    void refusedListShowsAMessage();
    void refusedRecordShowsAMessage();
    void refusedSaveShowsAMessage();

private:
    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_viewerApi;
    std::unique_ptr<Session> m_viewer;
    qint64 m_companyId = -1;
};

void TestViewPermissions::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("BackOffice GUI tests"));
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_admin = m_server.signInAdmin();
    QVERIFY(m_admin);

    // A role that may only look at companies, and a staff user holding just that role.
    ApiReply *role = m_admin->post(entities::roles,
                                   {{QStringLiteral("name"), QStringLiteral("Companies viewer")},
                                    {QStringLiteral("group"), QStringLiteral("backoffice")},
                                    {QStringLiteral("permissions"), QJsonObject{{QStringLiteral("companies"),
                                                                                 QStringLiteral("view")}}}});
    QVERIFY2(role->waitForFinished(), qPrintable(role->error().message));
    const qint64 roleId = role->object().value(QLatin1String("id")).toInteger();

    // Staff users belong to the platform owner (or a reseller).
    QUrlQuery owners;
    owners.addQueryItem(QStringLiteral("type"), QStringLiteral("owner"));
    owners.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    ApiReply *companies = m_admin->get(entities::companies, owners);
    QVERIFY(companies->waitForFinished());
    m_companyId = companies->object().value(QLatin1String("items")).toArray().first().toObject()
                      .value(QLatin1String("id")).toInteger();

    QString password = QStringLiteral("Viewer#Pass2024");
    ApiReply *user = m_admin->post(entities::users,
                                   {{QStringLiteral("kind"), QStringLiteral("backoffice")},
                                    {QStringLiteral("companyId"), m_companyId},
                                    {QStringLiteral("login"), QStringLiteral("companies.viewer")},
                                    {QStringLiteral("password"), password},
                                    {QStringLiteral("firstName"), QStringLiteral("Vera")},
                                    {QStringLiteral("lastName"), QStringLiteral("Viewer")},
                                    {QStringLiteral("email"), QStringLiteral("vera.viewer@example.com")},
                                    {QStringLiteral("enabled"), true},
                                    {QStringLiteral("roleIds"), QJsonArray{roleId}}});
    QVERIFY2(user->waitForFinished(), qPrintable(user->error().message + QStringLiteral(" ") +
                                                 QString::fromUtf8(user->body())));
    QJsonObject answer;
    m_viewerApi = m_server.signIn(QStringLiteral("companies.viewer"), &password, &answer, &error);
    QVERIFY2(m_viewerApi, qPrintable(error));
    m_viewer = std::make_unique<Session>(m_viewerApi.get());
    m_viewer->setIdentity(answer);
    QCOMPARE(m_viewer->access(QStringLiteral("companies")), AccessLevel::View);
    QCOMPARE(m_viewer->access(QStringLiteral("banks")), AccessLevel::None);
}

void TestViewPermissions::navigationShowsOnlyAllowedSections()
{
    app::MainWindow window(m_viewer.get());
    QVERIFY(window.navigationItem(QStringLiteral("companies")));
    for (const char *hidden : {"banks", "agreements", "users-backoffice", "roles", "audit", "payments"})
        QVERIFY2(!window.navigationItem(QString::fromLatin1(hidden)), hidden);
    QVERIFY(!window.openSection(QStringLiteral("banks")));
    // The one list it may see opened by itself.
    QCOMPARE(window.tabs()->count(), 1);
    QVERIFY(window.listView(QStringLiteral("companies")));
}

void TestViewPermissions::viewOnlyListHasNoNewButton()
{
    EntityListView list(m_viewer.get(), ListContext::forEntity(entities::companies));
    QTRY_VERIFY_WITH_TIMEOUT(list.model()->hasLoaded(), 10000);
    QVERIFY(list.model()->total() > 0);
    QVERIFY(!list.canCreate());
    QVERIFY(!list.newAction()->isVisible());
    QVERIFY(!list.newAction()->isEnabled());

    // And an administrator does get one (so the check above can fail).
    Session admin(m_admin.get());
    ApiReply *reply = m_admin->get(QStringLiteral("auth/me"));
    QVERIFY(reply->waitForFinished());
    admin.setIdentity(reply->object());
    EntityListView adminList(&admin, ListContext::forEntity(entities::companies));
    QVERIFY(adminList.newAction()->isVisible());
}

void TestViewPermissions::viewOnlyFormHasNoEditOrDelete()
{
    EntityForm form(m_viewer.get(), ListContext::forEntity(entities::companies));
    form.openRecord(m_companyId);
    QTRY_VERIFY_WITH_TIMEOUT(!form.record().isEmpty(), 10000);
    QCOMPARE(form.mode(), FormMode::View);
    QVERIFY(!form.editButton()->isVisibleTo(&form));
    QVERIFY(!form.deleteButton()->isVisibleTo(&form));
    form.edit(); // even asked directly, a view-only form stays in View mode
    QCOMPARE(form.mode(), FormMode::View);
}

void TestViewPermissions::refusedListShowsAMessage()
{
    // Opened directly (the navigation would not offer it): the server answers 403.
    EntityListView list(m_viewer.get(), ListContext::forEntity(entities::banks));
    QTRY_VERIFY_WITH_TIMEOUT(list.banner()->isVisibleTo(&list), 10000);
    QCOMPARE(list.banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY2(list.banner()->text().contains(QLatin1String("permission")), qPrintable(list.banner()->text()));
    QCOMPARE(list.model()->rowCount(), 0);
}

void TestViewPermissions::refusedRecordShowsAMessage()
{
    EntityForm form(m_viewer.get(), ListContext::forEntity(entities::banks));
    form.openRecord(1);
    QTRY_VERIFY_WITH_TIMEOUT(form.banner()->isVisibleTo(&form), 10000);
    QCOMPARE(form.banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY(form.banner()->text().contains(QLatin1String("permission")));
    QVERIFY(!form.editButton()->isVisibleTo(&form));
}

void TestViewPermissions::refusedSaveShowsAMessage()
{
    // A form told it may manage (as a stale permission set would) still gets the server's 403
    // on save, and shows it.
    Session stale(m_viewerApi.get());
    QJsonObject identity{{QStringLiteral("user"), m_viewer->user()},
                         {QStringLiteral("permissions"), QJsonObject{{QStringLiteral("companies"), QStringLiteral("manage")}}}};
    stale.setIdentity(identity);
    EntityForm form(&stale, ListContext::forEntity(entities::companies));
    form.openRecord(m_companyId);
    QTRY_VERIFY_WITH_TIMEOUT(!form.record().isEmpty(), 10000);
    QVERIFY(form.editButton()->isVisibleTo(&form));
    form.edit();
    QCOMPARE(form.mode(), FormMode::Edit);
    FieldEditor *editor = form.editor(QStringLiteral("description"));
    QVERIFY(editor);
    QTest::keyClicks(editor->inputWidget(), QStringLiteral(" changed by a viewer"));
    form.save();
    QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy() && form.banner()->kind() == MessageBanner::Kind::Error
                                 && form.banner()->isVisibleTo(&form),
                             10000);
    QVERIFY2(form.banner()->text().contains(QLatin1String("permission")), qPrintable(form.banner()->text()));
    QCOMPARE(form.mode(), FormMode::Edit);
}

QTEST_MAIN(TestViewPermissions)
#include "tst_view_permissions.moc"
