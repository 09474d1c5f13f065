#pragma once

#include "Permissions.h"

#include <QHash>
#include <QWidget>

class QButtonGroup;
class QTreeWidget;
class QTreeWidgetItem;

namespace backoffice::views {

// The permission areas of one group (BackOffice or Client portal) as the reference shows them:
// grouped by category with "(k of n)" headers counting areas not at None, and one row per area
// with View / None / Manage radio buttons. Editable for roles, read-only for a user's result.
class PermissionGrid final : public QWidget
{
    Q_OBJECT
public:
    explicit PermissionGrid(QWidget *parent = nullptr);

    void setGroup(UserGroup group);
    UserGroup group() const { return m_group; }
    void setPermissions(const PermissionSet &permissions);
    PermissionSet permissions() const;
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    AccessLevel level(const QString &area) const;
    void setLevel(const QString &area, AccessLevel level);
    // "Account management (13 of 13)": the header text of a category, for tests and tooltips.
    QString categoryTitle(const QString &category) const;
    QTreeWidget *tree() const { return m_tree; }

signals:
    void changed();

private:
    void rebuild();
    void updateCounts();

    QTreeWidget *m_tree;
    UserGroup m_group = UserGroup::BackOffice;
    bool m_editable = true;
    QHash<QString, QButtonGroup *> m_buttons;        // area -> its three radio buttons
    QHash<QString, QTreeWidgetItem *> m_categories;  // category -> header row
};

} // namespace backoffice::views
