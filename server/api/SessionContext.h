#pragma once

#include "AuditLog.h"
#include "Permissions.h"

#include <QList>
#include <QString>
#include <optional>

namespace backoffice::server {

// Who is calling, established from the bearer token for every authenticated request.
struct SessionContext {
    qint64 sessionId = 0;
    QString tokenHash;
    qint64 userId = 0;
    QString login;
    QString kind;                  // "backoffice" | "portal"
    qint64 companyId = 0;
    bool platformStaff = false;    // belongs to the platform owner: sees every company
    bool noRestrictions = false;
    bool isAdmin = false;          // "No restrictions" or the Admin system role
    bool mustChangePassword = false;
    bool passwordExpired = false;
    PermissionSet permissions;
    QList<QString> roleNames;
    // Companies the caller may see and change; unset for platform staff (everything).
    std::optional<QList<qint64>> companyScope;
    Actor actor;

    bool allows(const QString &area, AccessLevel level) const
    {
        return noRestrictions || permissions.allows(area, level);
    }
    bool mayTouchCompany(std::optional<qint64> companyId) const
    {
        return !companyScope || (companyId && companyScope->contains(*companyId));
    }
};

} // namespace backoffice::server
