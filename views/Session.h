#pragma once

#include "ApiClient.h"
#include "Permissions.h"

#include <QJsonObject>
#include <QObject>

namespace backoffice::views {

// Who is signed in and what they may do, as the server told us at login (auth/login or auth/me).
// Screens ask it before showing New/Edit/Delete; the server still checks every call, so this only
// hides what would be refused anyway.
class Session final : public QObject
{
    Q_OBJECT
public:
    explicit Session(ApiClient *api, QObject *parent = nullptr);

    ApiClient *api() const { return m_api; }

    // Takes the answer of auth/login or auth/me: {user, permissions, noRestrictions, ...}.
    void setIdentity(const QJsonObject &answer);

    const QJsonObject &user() const { return m_user; }
    qint64 userId() const;
    QString login() const;
    QString displayName() const;
    bool noRestrictions() const { return m_noRestrictions; }
    bool mustChangePassword() const { return m_mustChangePassword; }
    const PermissionSet &permissions() const { return m_permissions; }

    AccessLevel access(const QString &area) const;
    bool canView(const QString &area) const { return access(area) >= AccessLevel::View; }
    bool canManage(const QString &area) const { return access(area) >= AccessLevel::Manage; }

    // "health" answer of the server: {status, version, schemaVersion}.
    void setServerVersion(const QString &version);
    QString serverVersion() const { return m_serverVersion; }

signals:
    void identityChanged();
    void serverVersionChanged(const QString &version);

private:
    ApiClient *m_api;
    QJsonObject m_user;
    PermissionSet m_permissions;
    bool m_noRestrictions = false;
    bool m_mustChangePassword = false;
    QString m_serverVersion;
};

} // namespace backoffice::views
