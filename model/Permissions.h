#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace backoffice {

// What a role allows in one permission area (BO §8.3: View / None / Manage).
enum class AccessLevel { None = 0, View = 1, Manage = 2 };

QString accessLevelKey(AccessLevel level);               // "none" | "view" | "manage"
bool parseAccessLevel(const QString &key, AccessLevel *level);

// The two groups of roles and users: staff of the BackOffice and users of the Client portal.
enum class UserGroup { BackOffice, ClientPortal };
QString userGroupKey(UserGroup group);                    // "backoffice" | "portal"
bool parseUserGroup(const QString &key, UserGroup *group);

struct PermissionArea {
    QString key;       // "companies"
    QString label;     // "Companies"
    QString category;  // "Account management"
};

// Area -> level. Areas absent from the map are None.
class PermissionSet final
{
public:
    PermissionSet() = default;
    static PermissionSet fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    AccessLevel level(const QString &area) const;
    void set(const QString &area, AccessLevel level);
    bool allows(const QString &area, AccessLevel needed) const { return level(area) >= needed; }
    // Union of two sets: the higher level of each area wins (a user holding several roles).
    void merge(const PermissionSet &other);
    bool isEmpty() const { return m_levels.isEmpty(); }
    const QHash<QString, AccessLevel> &levels() const { return m_levels; }

private:
    QHash<QString, AccessLevel> m_levels;
};

struct SystemRole {
    QString key;          // "admin", "client-manager", ...
    QString name;         // "Admin"
    UserGroup group;
    QString description;
    PermissionSet permissions;
};

// The fixed catalogue: permission areas per group, and the system roles of BO §8.3 with what they
// may do. System roles are data the server seeds and refuses to edit.
class PermissionCatalogue final
{
public:
    static const QList<PermissionArea> &areas(UserGroup group);
    static bool isKnownArea(UserGroup group, const QString &area);
    static const QList<SystemRole> &systemRoles();
    static const SystemRole *systemRole(const QString &key);
    // Every area of the group at Manage: what "No restrictions" grants.
    static PermissionSet everything(UserGroup group);
};

} // namespace backoffice
