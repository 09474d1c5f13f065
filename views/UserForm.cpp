#include "UserForm.h"

#include "ApiClient.h"
#include "EntityCatalogue.h"
#include "FieldCell.h"
#include "FieldGrid.h"
#include "MessageBanner.h"
#include "PasswordPolicy.h"
#include "PermissionGrid.h"
#include "Session.h"
#include "editors/BoolFieldEditor.h"
#include "editors/ReferenceListFieldEditor.h"
#include "editors/TextFieldEditor.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

const QStringList &generalFields()
{
    static const QStringList fields{
        QStringLiteral("companyId"),  QStringLiteral("login"),       QStringLiteral("password"),
        QStringLiteral("firstName"),  QStringLiteral("middleName"),  QStringLiteral("lastName"),
        QStringLiteral("birthday"),   QStringLiteral("jobTitle"),    QStringLiteral("department"),
        QStringLiteral("phone"),      QStringLiteral("email"),       QStringLiteral("country"),
        QStringLiteral("language"),   QStringLiteral("timeZone"),    QStringLiteral("twoFactor"),
        QStringLiteral("enabled"),    QStringLiteral("lastLoginAt"), QStringLiteral("passwordChangedAt"),
        QStringLiteral("mustChangePassword")};
    return fields;
}

} // namespace

UserForm::UserForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
    , m_kind(this->context().fixedValue(QStringLiteral("kind")))
{
    if (m_kind.isEmpty())
        m_kind = QStringLiteral("backoffice");
    setFixedValues({{QStringLiteral("kind"), m_kind}});
    m_retypeField.name = QStringLiteral("passwordConfirmation");
    m_retypeField.label = tr("Re-type password");
    m_retypeField.type = FieldType::Text;
    m_retypeField.secret = true;
    m_retypeField.maxLength = PasswordPolicy::MaxLength;
}

UserGroup UserForm::group() const
{
    return m_kind == QLatin1String("portal") ? UserGroup::ClientPortal : UserGroup::BackOffice;
}

void UserForm::buildBody(QVBoxLayout *layout)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("userTabs"));

    auto *general = new FieldGrid(m_tabs);
    for (const QString &name : generalFields()) {
        general->addCell(createCell(name, general));
        if (name == QLatin1String("password"))
            general->addCell(createLocalCell(new TextFieldEditor(m_retypeField), general));
    }
    addGrid(general);
    m_tabs->addTab(general, tr("General"));

    auto *rolePage = new QWidget(m_tabs);
    auto *roleLayout = new QVBoxLayout(rolePage);
    auto *roleGrid = new FieldGrid(rolePage);
    roleGrid->addCell(createCell(QStringLiteral("noRestrictions"), roleGrid));
    roleGrid->addCell(createCell(QStringLiteral("roleIds"), roleGrid));
    addGrid(roleGrid);
    auto *hint = new QLabel(tr("“No restrictions” gives unrestricted access to every object and action."), rolePage);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #5f6368;"));
    auto *permissionsTitle = new QLabel(tr("<b>Permissions</b> — the areas this user can view or manage"), rolePage);
    m_grid = new PermissionGrid(rolePage);
    m_grid->setGroup(group());
    m_grid->setEditable(false); // what the roles give, not something to edit here
    roleLayout->addWidget(roleGrid);
    roleLayout->addWidget(hint);
    roleLayout->addWidget(permissionsTitle);
    roleLayout->addWidget(m_grid, 1);
    m_tabs->addTab(rolePage, tr("Role"));
    layout->addWidget(m_tabs);

    // Roles offered are those of the user's group; the grid follows every change of the role tab.
    if (auto *roles = qobject_cast<ReferenceListFieldEditor *>(editor(QStringLiteral("roleIds")))) {
        roles->setScope({{QStringLiteral("group"), m_kind}});
        connect(roles, &FieldEditor::changed, this, &UserForm::updatePermissions);
    }
    if (FieldEditor *noRestrictions = editor(QStringLiteral("noRestrictions")))
        connect(noRestrictions, &FieldEditor::changed, this, &UserForm::updatePermissions);
}

bool UserForm::isFieldShown(const FieldDescriptor &field, FormMode mode) const
{
    if (field.name == QLatin1String("department"))
        return m_kind == QLatin1String("portal"); // only portal users belong to a department (§8.2)
    if (field.name == QLatin1String("kind"))
        return false; // given by the list the user belongs to
    return EntityForm::isFieldShown(field, mode);
}

bool UserForm::checkBeforeSave()
{
    auto *password = qobject_cast<TextFieldEditor *>(editor(QStringLiteral("password")));
    auto *retype = qobject_cast<TextFieldEditor *>(editor(m_retypeField.name));
    auto *login = qobject_cast<TextFieldEditor *>(editor(QStringLiteral("login")));
    if (!password || !retype)
        return true;
    const QString typed = password->lineEdit()->text();
    bool ok = true;
    if (mode() == FormMode::Create && typed.isEmpty()) {
        cell(QStringLiteral("password"))->setError(tr("is required"));
        ok = false;
    }
    if (typed != retype->lineEdit()->text()) {
        cell(m_retypeField.name)->setError(tr("the two passwords differ"));
        ok = false;
    }
    if (!typed.isEmpty()) {
        const QStringList problems =
            PasswordPolicy().strengthProblems(typed, login ? login->lineEdit()->text() : QString());
        if (!problems.isEmpty()) {
            cell(QStringLiteral("password"))->setError(problems.join(QLatin1Char(' ')));
            ok = false;
        }
    }
    if (!ok) {
        m_tabs->setCurrentIndex(0);
        banner()->showError(tr("Please correct the marked fields."));
    }
    return ok;
}

void UserForm::onRecordLoaded(const QJsonObject &)
{
    updatePermissions();
}

void UserForm::updatePermissions()
{
    if (!m_grid)
        return;
    auto *noRestrictions = qobject_cast<BoolFieldEditor *>(editor(QStringLiteral("noRestrictions")));
    if (noRestrictions && noRestrictions->checkBox()->isChecked()) {
        m_grid->setPermissions(PermissionCatalogue::everything(group()));
        return;
    }
    auto *roles = qobject_cast<ReferenceListFieldEditor *>(editor(QStringLiteral("roleIds")));
    if (!roles)
        return;
    PermissionSet merged;
    for (qint64 id : roles->ids()) {
        if (m_rolePermissions.contains(id)) {
            merged.merge(m_rolePermissions.value(id));
            continue;
        }
        if (m_fetching.contains(id))
            continue;
        // A role's permissions are fetched once; the grid fills in as they arrive.
        m_fetching.insert(id);
        ApiReply *reply = session()->api()->get(QStringLiteral("roles/%1").arg(id));
        connect(reply, &ApiReply::finished, this, [this, reply, id] {
            reply->deleteLater();
            m_fetching.remove(id);
            m_rolePermissions.insert(id, reply->ok() ? PermissionSet::fromJson(reply->object()
                                                                                   .value(QLatin1String("permissions"))
                                                                                   .toObject())
                                                     : PermissionSet());
            updatePermissions();
        });
    }
    m_grid->setPermissions(merged);
}

} // namespace backoffice::views
