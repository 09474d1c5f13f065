#pragma once

#include "EntityDescriptor.h"
#include "EntityForm.h"
#include "Permissions.h"

#include <QHash>
#include <QSet>

class QTabWidget;

namespace backoffice::views {

class PermissionGrid;

// A BackOffice or Client portal user (reference §8.1, §8.2): a General tab with the person's
// details and password (typed twice), and a Role tab with "No restrictions", the roles and the
// permissions they add up to, read-only. The kind comes from the list it was opened from.
class UserForm final : public EntityForm
{
    Q_OBJECT
public:
    UserForm(Session *session, ListContext context, QWidget *parent = nullptr);

    QString kind() const { return m_kind; }
    UserGroup group() const;
    QTabWidget *tabs() const { return m_tabs; }
    PermissionGrid *permissionGrid() const { return m_grid; }

protected:
    void buildBody(QVBoxLayout *layout) override;
    bool isFieldShown(const FieldDescriptor &field, FormMode mode) const override;
    bool checkBeforeSave() override;
    void onRecordLoaded(const QJsonObject &record) override;

private:
    void updatePermissions();

    QString m_kind;
    FieldDescriptor m_retypeField; // the "Re-type password" box: checked here, never sent
    QTabWidget *m_tabs = nullptr;
    PermissionGrid *m_grid = nullptr;
    QHash<qint64, PermissionSet> m_rolePermissions; // fetched roles, by id
    QSet<qint64> m_fetching;
};

} // namespace backoffice::views
