#include "UserRules.h"

#include "ApiException.h"
#include "RuleValues.h"
#include "AuthService.h"
#include "AuthStore.h"
#include "EntityCatalogue.h"
#include "PasswordHasher.h"
#include "Validation.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace backoffice::server {

void UserRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    const SessionContext &session = context.session;
    const qint64 selfId = before ? fieldOf(*before, "id").toInteger() : 0;
    const QString login = fieldOf(after, "login").toString();
    static const QRegularExpression loginPattern(QStringLiteral("^[A-Za-z0-9._@-]{2,64}$"));
    if (!login.isEmpty()) {
        if (!loginPattern.match(login).hasMatch())
            errors.insert(QStringLiteral("login"), QStringLiteral("may contain letters, digits and . _ @ - (2 to 64)"));
        else if (AuthStore(context.db).loginTaken(login, selfId))
            errors.insert(QStringLiteral("login"), QStringLiteral("is already taken"));
    }
    if (isSet(fieldOf(after, "email")) && !validation::isValidEmail(fieldOf(after, "email").toString()))
        errors.insert(QStringLiteral("email"), QStringLiteral("is not a valid e-mail address"));
    if (isSet(fieldOf(after, "phone")) && !validation::isValidPhone(fieldOf(after, "phone").toString()))
        errors.insert(QStringLiteral("phone"), QStringLiteral("is not a valid phone number (+, 6 to 15 digits)"));
    if (fieldOf(after, "twoFactor").toBool() && !isSet(fieldOf(after, "phone")))
        errors.insert(QStringLiteral("phone"), QStringLiteral("is required for two-factor authentication"));

    if (!isSet(fieldOf(after, "language")))
        after.insert(QStringLiteral("language"), QStringLiteral("en"));
    const QString kind = fieldOf(after, "kind").toString();
    if (kind == QLatin1String("portal") && !isSet(fieldOf(after, "department")))
        errors.insert(QStringLiteral("department"), QStringLiteral("is required for Client portal users"));
    if (kind == QLatin1String("backoffice"))
        after.insert(QStringLiteral("department"), QJsonValue::Null);

    if (isSet(fieldOf(after, "companyId")) && !errors.contains(QStringLiteral("companyId"))) {
        const auto company = context.record(entities::companies, fieldOf(after, "companyId").toInteger());
        const QString type = company ? fieldOf(*company, "type").toString() : QString();
        if (company && kind == QLatin1String("backoffice") && type == QLatin1String("client"))
            errors.insert(QStringLiteral("companyId"),
                          QStringLiteral("BackOffice users belong to the platform owner or a reseller"));
        if (company && kind == QLatin1String("portal") && type == QLatin1String("owner"))
            errors.insert(QStringLiteral("companyId"), QStringLiteral("Client portal users belong to client companies"));
    }

    const QJsonArray roleIds = fieldOf(after, "roleIds").toArray();
    for (const QJsonValue &roleId : roleIds) {
        const auto role = context.record(entities::roles, roleId.toInteger());
        if (role && fieldOf(*role, "group").toString() != kind) {
            errors.insert(QStringLiteral("roleIds"), QStringLiteral("role \"%1\" is for %2 users")
                                                         .arg(fieldOf(*role, "name").toString(),
                                                              fieldOf(*role, "group").toString() == QLatin1String("portal")
                                                                  ? QStringLiteral("Client portal")
                                                                  : QStringLiteral("BackOffice")));
            break;
        }
    }
    const bool grantsEverything = fieldOf(after, "noRestrictions").toBool() && (!before || !fieldOf(*before, "noRestrictions").toBool());
    if (grantsEverything && !session.isAdmin)
        throw ApiException::forbidden(QStringLiteral("Only administrators grant \"No restrictions\""));

    if (selfId == session.userId && before) {
        if (!fieldOf(after, "enabled").toBool())
            errors.insert(QStringLiteral("enabled"), QStringLiteral("you cannot disable your own account"));
        if (fieldOf(*before, "roleIds") != fieldOf(after, "roleIds") && !session.isAdmin)
            errors.insert(QStringLiteral("roleIds"), QStringLiteral("you cannot change your own roles"));
    }

    const QString password = fieldOf(after, "password").toString();
    if (!before && password.isEmpty())
        errors.insert(QStringLiteral("password"), QStringLiteral("is required"));
    if (!password.isEmpty()) {
        const QString problem = context.auth.passwordProblem(selfId, login, password);
        if (!problem.isEmpty())
            errors.insert(QStringLiteral("password"), problem);
    }
}

void UserRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after)
{
    AuthStore store(context.db);
    const QString password = fieldOf(after, "password").toString();
    if (!password.isEmpty()) {
        // A password set by somebody else is a temporary one: the user changes it at next sign-in.
        const bool setBySelf = before && id == context.session.userId;
        store.storePassword(id, PasswordHasher::hash(password), context.now, !setBySelf);
    }
    if (before) {
        const bool disabled = fieldOf(*before, "enabled").toBool() && !fieldOf(after, "enabled").toBool();
        const bool enabled = !fieldOf(*before, "enabled").toBool() && fieldOf(after, "enabled").toBool();
        if (enabled)
            store.setEnabled(id, true, context.now);
        if (disabled || (!password.isEmpty() && id != context.session.userId))
            store.deleteSessionsOfUser(id);
        context.auth.forgetUser(id);
    }
}

void UserRules::checkDelete(WriteContext &context, const QJsonObject &record)
{
    if (fieldOf(record, "id").toInteger() == context.session.userId)
        throw ApiException::ruleViolated(QStringLiteral("You cannot delete your own account"));
}

void RoleRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    if (before && fieldOf(*before, "system").toBool())
        throw ApiException::forbidden(QStringLiteral("System roles cannot be changed; create a custom role from it"),
                                      QStringLiteral("system_role_read_only"));
    UserGroup group = UserGroup::BackOffice;
    if (!parseUserGroup(fieldOf(after, "group").toString(), &group))
        return; // the enum check already reported it
    if (!before && isSet(fieldOf(after, "templateRoleId"))) {
        const auto role = context.record(entities::roles, fieldOf(after, "templateRoleId").toInteger());
        if (role && fieldOf(*role, "group") != fieldOf(after, "group"))
            errors.insert(QStringLiteral("templateRoleId"), QStringLiteral("is a role of the other group"));
        else if (role && !after.value(QLatin1String("permissions")).isObject())
            after.insert(QStringLiteral("permissions"), fieldOf(*role, "permissions"));
    }
    if (!before) {
        after.insert(QStringLiteral("system"), false);
        after.remove(QStringLiteral("templateRoleId"));
    }
    const QJsonObject permissions = fieldOf(after, "permissions").toObject();
    QJsonObject normalized;
    for (auto it = permissions.begin(); it != permissions.end(); ++it) {
        AccessLevel level = AccessLevel::None;
        if (!PermissionCatalogue::isKnownArea(group, it.key())) {
            errors.insert(QStringLiteral("permissions"), QStringLiteral("unknown area \"%1\"").arg(it.key()));
            break;
        }
        if (!parseAccessLevel(it.value().toString(), &level)) {
            errors.insert(QStringLiteral("permissions"),
                          QStringLiteral("\"%1\" must be view, none or manage").arg(it.key()));
            break;
        }
        if (level != AccessLevel::None)
            normalized.insert(it.key(), accessLevelKey(level));
    }
    after.insert(QStringLiteral("permissions"), normalized);

    const QString name = fieldOf(after, "name").toString();
    if (!name.isEmpty() && (!before || name != fieldOf(*before, "name").toString())) {
        ListQuery query;
        query.limit = 1;
        query.filters << ListFilter{QStringLiteral("name"), ListFilter::Op::Equals, name}
                      << ListFilter{QStringLiteral("group"), ListFilter::Op::Equals, fieldOf(after, "group").toString()};
        if (context.repository(entities::roles).list(query, context.now).total > 0)
            errors.insert(QStringLiteral("name"), QStringLiteral("another role of this group has this name"));
    }
}

void RoleRules::checkDelete(WriteContext &context, const QJsonObject &record)
{
    Q_UNUSED(context)
    if (fieldOf(record, "system").toBool())
        throw ApiException::forbidden(QStringLiteral("System roles cannot be deleted"),
                                      QStringLiteral("system_role_read_only"));
}

} // namespace backoffice::server
