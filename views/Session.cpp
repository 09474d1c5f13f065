#include "Session.h"

namespace backoffice::views {

Session::Session(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

void Session::setIdentity(const QJsonObject &answer)
{
    m_user = answer.value(QLatin1String("user")).toObject();
    m_permissions = PermissionSet::fromJson(answer.value(QLatin1String("permissions")).toObject());
    m_noRestrictions = answer.value(QLatin1String("noRestrictions")).toBool()
                       || m_user.value(QLatin1String("noRestrictions")).toBool();
    m_mustChangePassword = answer.value(QLatin1String("mustChangePassword")).toBool()
                           || answer.value(QLatin1String("passwordExpired")).toBool();
    emit identityChanged();
}

qint64 Session::userId() const
{
    return m_user.value(QLatin1String("id")).toInteger();
}

QString Session::login() const
{
    return m_user.value(QLatin1String("login")).toString();
}

QString Session::displayName() const
{
    const QString first = m_user.value(QLatin1String("firstName")).toString();
    const QString last = m_user.value(QLatin1String("lastName")).toString();
    const QString name = QStringList{first, last}.join(QLatin1Char(' ')).trimmed();
    return name.isEmpty() ? login() : name;
}

AccessLevel Session::access(const QString &area) const
{
    // "No restrictions" grants every area at Manage, whatever the roles say (BO §8.1).
    if (m_noRestrictions)
        return AccessLevel::Manage;
    return m_permissions.level(area);
}

void Session::setServerVersion(const QString &version)
{
    if (version == m_serverVersion)
        return;
    m_serverVersion = version;
    emit serverVersionChanged(version);
}

} // namespace backoffice::views
