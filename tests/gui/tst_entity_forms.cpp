// The screens that are more than fields: agreement versions, roles with their permission grid,
// users with their Role tab, the audit detail; and the list's CSV export and column chooser.
#include "AgreementForm.h"
#include "AgreementVersionPanel.h"
#include "AuditDetailView.h"
#include "AuditView.h"
#include "EntityCatalogue.h"
#include "EntityFormDialog.h"
#include "EntityListView.h"
#include "FieldCell.h"
#include "FormFactory.h"
#include "MessageBanner.h"
#include "PermissionGrid.h"
#include "RemoteTableModel.h"
#include "RoleForm.h"
#include "Session.h"
#include "TestServer.h"
#include "UserForm.h"
#include "editors/EnumFieldEditor.h"
#include "editors/ReferenceComboBox.h"
#include "editors/ReferenceFieldEditor.h"
#include "editors/ReferenceListFieldEditor.h"
#include "editors/TextFieldEditor.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace backoffice;
using namespace backoffice::views;

class TestEntityForms final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agreementShowsItsVersions();
    void deletingAPastVersionShowsTheRefusal();
    void addNewVersionOpensAPrefilledCreateForm();
    void roleTemplateFillsThePermissionGrid();
    void systemRoleIsReadOnly();
    void userPasswordsMustMatch();
    void userRoleTabShowsTheRolesPermissions();
    void auditDetailShowsOldAndNewValues();
    void deletingAReferencedRecordListsTheReferences();
    void csvExportWritesTheFilteredList();
    void columnChoiceIsRemembered();

private:
    QJsonObject firstItem(const QString &entity, const QUrlQuery &query = {});

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
};

void TestEntityForms::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // column choices go to a test settings file
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("BackOffice GUI tests"));
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QJsonObject answer;
    m_api = m_server.signInAdmin(&answer);
    QVERIFY(m_api);
    m_session = std::make_unique<Session>(m_api.get());
    m_session->setIdentity(answer);
}

QJsonObject TestEntityForms::firstItem(const QString &entity, const QUrlQuery &query)
{
    ApiReply *reply = m_api->get(entity, query);
    if (!reply->waitForFinished())
        return {};
    return reply->object().value(QLatin1String("items")).toArray().first().toObject();
}

void TestEntityForms::agreementShowsItsVersions()
{
    QUrlQuery past;
    past.addQueryItem(QStringLiteral("state"), QStringLiteral("past"));
    const QJsonObject pastVersion = firstItem(entities::agreementVersions, past);
    QVERIFY2(!pastVersion.isEmpty(), "the demo data has agreements with past versions");
    const qint64 agreementId = pastVersion.value(QLatin1String("agreementId")).toInteger();

    AgreementForm form(m_session.get(), ListContext::forEntity(entities::agreements));
    form.openRecord(agreementId);
    AgreementVersionPanel *panel = form.versionPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->versionCount() >= 2, 10000);
    // Terms live in the versions once the agreement exists.
    QVERIFY(form.cell(QStringLiteral("creditLimit"))->isHidden());
    QVERIFY(!form.cell(QStringLiteral("code"))->isHidden());
    const QRegularExpression label(QStringLiteral(
        R"(^\d\d\.\d\d\.\d{4} – (\d\d\.\d\d\.\d{4}|indefinitely) \(ID \d+\) – (expired|in force|upcoming)$)"));
    for (int i = 0; i < panel->versionBox()->count(); ++i)
        QVERIFY2(label.match(panel->versionBox()->itemText(i)).hasMatch(), qPrintable(panel->versionBox()->itemText(i)));
    // The version in force is selected first.
    QCOMPARE(panel->selectedVersion().value(QLatin1String("state")).toString(), QStringLiteral("current"));
    QVERIFY(panel->cell(QStringLiteral("billingTimeZone")));

    // Terms are editable in Edit mode only, and the selector is locked meanwhile.
    QVERIFY(!panel->cell(QStringLiteral("creditLimit"))->isEditing());
    form.edit();
    QVERIFY(panel->cell(QStringLiteral("creditLimit"))->isEditing());
    QVERIFY(!panel->versionBox()->isEnabled());
    form.cancel();
    QVERIFY(panel->versionBox()->isEnabled());
}

void TestEntityForms::deletingAPastVersionShowsTheRefusal()
{
    QUrlQuery past;
    past.addQueryItem(QStringLiteral("state"), QStringLiteral("past"));
    const QJsonObject pastVersion = firstItem(entities::agreementVersions, past);
    AgreementForm form(m_session.get(), ListContext::forEntity(entities::agreements));
    form.openRecord(pastVersion.value(QLatin1String("agreementId")).toInteger());
    AgreementVersionPanel *panel = form.versionPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->versionCount() >= 2, 10000);
    const int index = panel->versionBox()->findData(pastVersion.value(QLatin1String("id")).toInteger());
    QVERIFY(index >= 0);
    panel->versionBox()->setCurrentIndex(index);
    QCOMPARE(panel->selectedVersionId(), pastVersion.value(QLatin1String("id")).toInteger());
    QVERIFY(panel->deleteButton()->isVisibleTo(&form));
    QTest::mouseClick(panel->deleteButton(), Qt::LeftButton);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = panel->findChild<QMessageBox *>(QStringLiteral("deleteVersionConfirmation"))) != nullptr);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->banner()->isVisibleTo(&form), 10000);
    QCOMPARE(panel->banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY(!panel->banner()->text().isEmpty());
    // Still there.
    ApiReply *reply = m_api->get(QStringLiteral("agreement-versions/%1").arg(pastVersion.value(QLatin1String("id")).toInteger()));
    QVERIFY(reply->waitForFinished());
}

void TestEntityForms::addNewVersionOpensAPrefilledCreateForm()
{
    const QJsonObject agreement = firstItem(entities::agreements);
    AgreementForm form(m_session.get(), ListContext::forEntity(entities::agreements));
    form.openRecord(agreement.value(QLatin1String("id")).toInteger());
    AgreementVersionPanel *panel = form.versionPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->versionCount() >= 1, 10000);
    const QJsonObject selected = panel->selectedVersion();
    QTest::mouseClick(panel->addButton(), Qt::LeftButton);
    EntityFormDialog *dialog = panel->findChild<EntityFormDialog *>();
    QVERIFY(dialog);
    EntityForm *create = dialog->form();
    QCOMPARE(create->entity().name, entities::agreementVersions);
    QCOMPARE(create->mode(), FormMode::Create);
    // The agreement is given, not chosen; the terms start as the selected version's.
    QVERIFY(!create->cell(QStringLiteral("agreementId"))->isEditing());
    QCOMPARE(create->cell(QStringLiteral("agreementId"))->valueLabel()->text(),
             agreement.value(QLatin1String("code")).toString());
    auto *zone = qobject_cast<EnumFieldEditor *>(create->editor(QStringLiteral("billingPeriod")));
    QVERIFY(zone);
    QCOMPARE(zone->key(), selected.value(QLatin1String("billingPeriod")).toString());
    dialog->reject();
}

void TestEntityForms::roleTemplateFillsThePermissionGrid()
{
    RoleForm form(m_session.get(), ListContext::forEntity(entities::roles));
    form.startCreate();
    PermissionGrid *grid = form.permissionGrid();
    QCOMPARE(grid->level(QStringLiteral("companies")), AccessLevel::None);
    QVERIFY(grid->categoryTitle(QStringLiteral("Account management")).endsWith(QLatin1String("(0 of 11)")));

    auto *templateRole = qobject_cast<ReferenceFieldEditor *>(form.editor(QStringLiteral("templateRoleId")));
    QVERIFY(templateRole);
    ReferenceComboBox *combo = templateRole->comboBox();
    QTRY_VERIFY_WITH_TIMEOUT(combo->count() > 0, 10000);
    QTest::keyClicks(combo->lineEdit(), QStringLiteral("Client manager"));
    QTRY_VERIFY_WITH_TIMEOUT(!combo->isLookingUp() && combo->findText(QStringLiteral("Client manager")) >= 0, 10000);
    combo->setCurrentIndex(combo->findText(QStringLiteral("Client manager")));
    QTRY_COMPARE_WITH_TIMEOUT(grid->level(QStringLiteral("companies")), AccessLevel::Manage, 10000);
    QCOMPARE(grid->level(QStringLiteral("payments")), AccessLevel::None);
    QCOMPARE(grid->level(QStringLiteral("services")), AccessLevel::View);
    QVERIFY(grid->categoryTitle(QStringLiteral("Account management")).endsWith(QLatin1String("(11 of 11)")));

    // Adjust one area and save: the role keeps what the grid showed.
    grid->setLevel(QStringLiteral("payments"), AccessLevel::View);
    QTest::keyClicks(form.editor(QStringLiteral("name"))->inputWidget(), QStringLiteral("Client manager plus"));
    form.save();
    QTRY_COMPARE_WITH_TIMEOUT(form.mode(), FormMode::View, 10000);
    const QJsonObject saved = form.record().value(QLatin1String("permissions")).toObject();
    QCOMPARE(saved.value(QLatin1String("payments")).toString(), QStringLiteral("view"));
    QCOMPARE(saved.value(QLatin1String("companies")).toString(), QStringLiteral("manage"));
    QVERIFY(form.editButton()->isVisibleTo(&form));
}

void TestEntityForms::systemRoleIsReadOnly()
{
    QUrlQuery system;
    system.addQueryItem(QStringLiteral("system"), QStringLiteral("true"));
    const QJsonObject role = firstItem(entities::roles, system);
    QVERIFY(!role.isEmpty());
    RoleForm form(m_session.get(), ListContext::forEntity(entities::roles));
    form.openRecord(role.value(QLatin1String("id")).toInteger());
    QTRY_VERIFY_WITH_TIMEOUT(!form.record().isEmpty(), 10000);
    QVERIFY(form.isSystemRole());
    QVERIFY(!form.editButton()->isVisibleTo(&form));
    QVERIFY(!form.deleteButton()->isVisibleTo(&form));
    QVERIFY(!form.permissionGrid()->isEditable());
}

void TestEntityForms::userPasswordsMustMatch()
{
    ListContext context = ListContext::forEntity(entities::users);
    context.fixedFilters = {{QStringLiteral("kind"), QStringLiteral("portal")}};
    context.permissionArea = QStringLiteral("portalUsers");
    auto *form = qobject_cast<UserForm *>(createForm(m_session.get(), context));
    QVERIFY(form);
    std::unique_ptr<UserForm> owner(form);
    form->startCreate();
    QVERIFY(!form->cell(QStringLiteral("department"))->isHidden()); // portal users have one
    auto *password = qobject_cast<TextFieldEditor *>(form->editor(QStringLiteral("password")));
    auto *retype = qobject_cast<TextFieldEditor *>(form->editor(QStringLiteral("passwordConfirmation")));
    QVERIFY(password && retype);
    QCOMPARE(password->lineEdit()->echoMode(), QLineEdit::Password);
    QTest::keyClicks(password->lineEdit(), QStringLiteral("Good#Pass2024"));
    QTest::keyClicks(retype->lineEdit(), QStringLiteral("Good#Pass2025"));
    form->save();
    QVERIFY(!form->cell(QStringLiteral("passwordConfirmation"))->error().isEmpty());
    QVERIFY(!form->isBusy()); // nothing was sent
    QCOMPARE(form->mode(), FormMode::Create);

    // BackOffice users have no department.
    ListContext staff = context;
    staff.fixedFilters = {{QStringLiteral("kind"), QStringLiteral("backoffice")}};
    UserForm staffForm(m_session.get(), staff);
    staffForm.startCreate();
    QVERIFY(staffForm.cell(QStringLiteral("department"))->isHidden());
}

void TestEntityForms::userRoleTabShowsTheRolesPermissions()
{
    QUrlQuery staff;
    staff.addQueryItem(QStringLiteral("kind"), QStringLiteral("backoffice"));
    staff.addQueryItem(QStringLiteral("noRestrictions"), QStringLiteral("false"));
    staff.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    ApiReply *reply = m_api->get(entities::users, staff);
    QVERIFY(reply->waitForFinished());
    QJsonObject user;
    for (const QJsonValue &value : reply->object().value(QLatin1String("items")).toArray()) {
        if (!value.toObject().value(QLatin1String("roleIds")).toArray().isEmpty()) {
            user = value.toObject();
            break;
        }
    }
    QVERIFY2(!user.isEmpty(), "the demo data has staff users with roles");
    ListContext context = ListContext::forEntity(entities::users);
    context.fixedFilters = staff.queryItems().mid(0, 1);
    context.permissionArea = QStringLiteral("backofficeUsers");
    UserForm form(m_session.get(), context);
    form.openRecord(user.value(QLatin1String("id")).toInteger());
    QTRY_VERIFY_WITH_TIMEOUT(!form.record().isEmpty(), 10000);
    // The grid fills in once the roles' permissions arrived: something is granted.
    QTRY_VERIFY_WITH_TIMEOUT(!form.permissionGrid()->permissions().isEmpty(), 10000);
    QVERIFY(!form.permissionGrid()->isEditable());
    auto *roles = qobject_cast<ReferenceListFieldEditor *>(form.editor(QStringLiteral("roleIds")));
    QVERIFY(roles);
    QCOMPARE(roles->ids().size(), user.value(QLatin1String("roleIds")).toArray().size());
    // "No restrictions" shows every area at Manage.
    form.edit();
    auto *noRestrictions = form.editor(QStringLiteral("noRestrictions"));
    QTest::mouseClick(noRestrictions->inputWidget(), Qt::LeftButton, {}, QPoint(4, noRestrictions->inputWidget()->height() / 2));
    QCOMPARE(form.permissionGrid()->level(QStringLiteral("audit")), AccessLevel::Manage);
    form.cancel();
}

void TestEntityForms::auditDetailShowsOldAndNewValues()
{
    AuditView view(m_session.get());
    EntityListView *list = view.list();
    QTRY_VERIFY_WITH_TIMEOUT(list->model()->hasLoaded() && list->model()->isRowLoaded(0), 10000);
    QVERIFY(!list->newAction()->isVisible()); // the audit log is read-only
    // The newest records come from this test run (role create): pick an update or create.
    list->table()->setCurrentIndex(list->model()->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(view.detail()->recordId() == list->model()->idAt(0), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(view.detail()->changesTable()->rowCount() > 0, 10000);
    QVERIFY(!view.detail()->newValueView()->toPlainText().isEmpty()
            || !view.detail()->oldValueView()->toPlainText().isEmpty());
}

void TestEntityForms::deletingAReferencedRecordListsTheReferences()
{
    const QJsonObject agreement = firstItem(entities::agreements);
    const qint64 companyId = agreement.value(QLatin1String("companyId")).toInteger();
    EntityForm form(m_session.get(), ListContext::forEntity(entities::companies));
    form.openRecord(companyId);
    QTRY_VERIFY_WITH_TIMEOUT(!form.record().isEmpty(), 10000);
    form.requestDelete();
    QMessageBox *confirm = form.findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"));
    QVERIFY(confirm);
    QSignalSpy deleted(&form, &EntityForm::deleted);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy() && form.banner()->kind() == MessageBanner::Kind::Error
                                 && !form.banner()->text().isEmpty(),
                             10000);
    // The server's 409 names what still refers to the company; the form lists it.
    QVERIFY2(form.banner()->text().contains(QLatin1String("Agreements (")), qPrintable(form.banner()->text()));
    QCOMPARE(deleted.count(), 0);
    QCOMPARE(form.mode(), FormMode::View);
}

void TestEntityForms::csvExportWritesTheFilteredList()
{
    EntityListView list(m_session.get(), ListContext::forEntity(entities::companies));
    QTRY_VERIFY_WITH_TIMEOUT(list.model()->hasLoaded(), 10000);
    list.setColumnFilter(QStringLiteral("type"), {{QStringLiteral("type"), QStringLiteral("reseller")}});
    QTRY_VERIFY_WITH_TIMEOUT(list.model()->hasLoaded() && list.model()->isRowLoaded(0), 10000);
    const int resellers = list.model()->total();
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("companies.csv"));
    QSignalSpy finished(&list, &EntityListView::exportFinished);
    list.exportCsvTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), resellers + 1); // header row + the filtered rows only
}

void TestEntityForms::columnChoiceIsRemembered()
{
    QSettings().remove(QStringLiteral("lists/companies"));
    {
        EntityListView list(m_session.get(), ListContext::forEntity(entities::companies));
        QVERIFY(!list.visibleColumns().contains(QStringLiteral("description"))); // hidden by default
        list.setColumnVisible(QStringLiteral("description"), true);
        list.setColumnVisible(QStringLiteral("moderation"), false);
    }
    EntityListView again(m_session.get(), ListContext::forEntity(entities::companies));
    QVERIFY(again.visibleColumns().contains(QStringLiteral("description")));
    QVERIFY(!again.visibleColumns().contains(QStringLiteral("moderation")));
    QSettings().remove(QStringLiteral("lists/companies"));
}

QTEST_MAIN(TestEntityForms)
#include "tst_entity_forms.moc"
