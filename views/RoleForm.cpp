#include "RoleForm.h"

#include "ApiClient.h"
#include "MessageBanner.h"
#include "PermissionGrid.h"
#include "Session.h"
#include "editors/EnumFieldEditor.h"
#include "editors/ReferenceFieldEditor.h"

#include <QLabel>
#include <QVBoxLayout>

namespace backoffice::views {

RoleForm::RoleForm(Session *session, ListContext context, QWidget *parent)
    : EntityForm(session, std::move(context), parent)
{
}

bool RoleForm::isSystemRole() const
{
    return record().value(QLatin1String("system")).toBool();
}

QStringList RoleForm::formFieldNames() const
{
    QStringList names = EntityForm::formFieldNames();
    names.removeAll(QStringLiteral("permissions")); // the grid below edits them
    names.removeAll(QStringLiteral("systemKey"));
    return names;
}

void RoleForm::buildBody(QVBoxLayout *layout)
{
    EntityForm::buildBody(layout);
    layout->addWidget(new QLabel(tr("<b>Permissions</b> — the areas users with this role can view or manage"), this));
    m_grid = new PermissionGrid(this);
    layout->addWidget(m_grid, 1);
    if (FieldEditor *group = editor(QStringLiteral("group")))
        connect(group, &FieldEditor::changed, this, &RoleForm::onGroupChanged);
    if (FieldEditor *templateRole = editor(QStringLiteral("templateRoleId")))
        connect(templateRole, &FieldEditor::changed, this, &RoleForm::onTemplateChanged);
}

bool RoleForm::isFieldShown(const FieldDescriptor &field, FormMode mode) const
{
    if (field.name == QLatin1String("templateRoleId"))
        return mode == FormMode::Create; // only a starting point: nothing to show afterwards
    return EntityForm::isFieldShown(field, mode);
}

bool RoleForm::canEditRecord() const
{
    return !isSystemRole();
}

void RoleForm::onRecordLoaded(const QJsonObject &record)
{
    if (!m_grid)
        return;
    UserGroup group = UserGroup::BackOffice;
    parseUserGroup(record.value(QLatin1String("group")).toString(), &group);
    m_grid->setGroup(group);
    m_grid->setPermissions(PermissionSet::fromJson(record.value(QLatin1String("permissions")).toObject()));
    m_loadedPermissions = m_grid->permissions().toJson();
    if (isSystemRole())
        banner()->showInfo(tr("This is a system role: it cannot be changed. Use it as a template for a new role."));
}

void RoleForm::onModeChanged(FormMode mode)
{
    if (m_grid)
        m_grid->setEditable(mode != FormMode::View && canEditRecord());
}

void RoleForm::addExtraValues(QJsonObject *body, FormMode mode) const
{
    const QJsonObject permissions = m_grid->permissions().toJson();
    if (mode == FormMode::Create || permissions != m_loadedPermissions)
        body->insert(QStringLiteral("permissions"), permissions);
}

void RoleForm::onGroupChanged()
{
    auto *group = qobject_cast<EnumFieldEditor *>(editor(QStringLiteral("group")));
    if (!group || mode() != FormMode::Create)
        return;
    UserGroup parsed = UserGroup::BackOffice;
    if (!parseUserGroup(group->key(), &parsed) || parsed == m_grid->group())
        return;
    // Areas differ between groups: start the grid over and drop a template of the other group.
    m_grid->setGroup(parsed);
    if (auto *templateRole = qobject_cast<ReferenceFieldEditor *>(editor(QStringLiteral("templateRoleId"))))
        templateRole->load({});
}

void RoleForm::onTemplateChanged()
{
    auto *templateRole = qobject_cast<ReferenceFieldEditor *>(editor(QStringLiteral("templateRoleId")));
    if (!templateRole || mode() != FormMode::Create || templateRole->currentId() <= 0)
        return;
    const quint64 request = ++m_templateRequest;
    ApiReply *reply = session()->api()->get(QStringLiteral("roles/%1").arg(templateRole->currentId()));
    connect(reply, &ApiReply::finished, this, [this, reply, request] {
        reply->deleteLater();
        if (request != m_templateRequest || mode() != FormMode::Create)
            return; // another template was picked meanwhile
        if (!reply->ok()) {
            banner()->showError(reply->error().message);
            return;
        }
        // A preview of what the server copies from the template; the person may adjust it before saving.
        m_grid->setPermissions(PermissionSet::fromJson(reply->object().value(QLatin1String("permissions")).toObject()));
    });
}

} // namespace backoffice::views
