#pragma once

#include "EntityForm.h"
#include "Permissions.h"

namespace backoffice::views {

class PermissionGrid;

// A role (reference §8.3): name, description, group, companies and the permission grid. On create
// a template role fills the grid (a preview of what the server copies); system roles are shown
// read-only because the server refuses to change them.
class RoleForm final : public EntityForm
{
    Q_OBJECT
public:
    RoleForm(Session *session, ListContext context, QWidget *parent = nullptr);

    PermissionGrid *permissionGrid() const { return m_grid; }
    bool isSystemRole() const;

protected:
    void buildBody(QVBoxLayout *layout) override;
    QStringList formFieldNames() const override;
    bool isFieldShown(const FieldDescriptor &field, FormMode mode) const override;
    bool canEditRecord() const override;
    void onRecordLoaded(const QJsonObject &record) override;
    void onModeChanged(FormMode mode) override;
    void addExtraValues(QJsonObject *body, FormMode mode) const override;

private:
    void onGroupChanged();
    void onTemplateChanged();

    PermissionGrid *m_grid = nullptr;
    QJsonObject m_loadedPermissions; // to send the grid in a PATCH only when it changed
    quint64 m_templateRequest = 0;
};

} // namespace backoffice::views
