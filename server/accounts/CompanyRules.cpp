#include "CompanyRules.h"

#include "ApiException.h"
#include "RuleValues.h"
#include "AuthService.h"
#include "AuthStore.h"
#include "EntityCatalogue.h"

namespace backoffice::server {

namespace {
const QString owner = QStringLiteral("owner");
const QString reseller = QStringLiteral("reseller");

QString str(const QJsonObject &o, const char *key)
{
    return fieldOf(o, key).toString();
}
} // namespace

void CompanyRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    const bool isOwner = before && str(*before, "type") == owner;
    if (isOwner) {
        if (str(after, "type") != owner)
            errors.insert(QStringLiteral("type"), QStringLiteral("the platform owner's type cannot change"));
        if (!after.value(QLatin1String("enabled")).toBool())
            errors.insert(QStringLiteral("enabled"), QStringLiteral("the platform owner cannot be blocked"));
        if (!after.value(QLatin1String("parentCompanyId")).isNull())
            errors.insert(QStringLiteral("parentCompanyId"), QStringLiteral("the platform owner has no parent"));
        return;
    }
    if (str(after, "type") == owner)
        errors.insert(QStringLiteral("type"), QStringLiteral("must be client or reseller"));

    const SessionContext &session = context.session;
    if (!before && !session.platformStaff) {
        // A reseller's staff create companies below their own company, and resellers only when
        // their company may create resellers.
        after.insert(QStringLiteral("parentCompanyId"), session.companyId);
        const auto own = context.record(entities::companies, session.companyId);
        if (!own || str(*own, "type") != reseller)
            throw ApiException::forbidden(QStringLiteral("Only reseller companies create companies"));
        if (str(after, "type") == reseller && !own->value(QLatin1String("creatorOfResellers")).toBool())
            errors.insert(QStringLiteral("type"), QStringLiteral("your company may not create resellers"));
    }
    const QJsonValue parent = after.value(QLatin1String("parentCompanyId"));
    if (!parent.isNull() && !parent.isUndefined() && (!before || parent != before->value(QLatin1String("parentCompanyId")))) {
        const qint64 parentId = parent.toInteger();
        const auto parentRecord = context.record(entities::companies, parentId);
        if (parentRecord && str(*parentRecord, "type") != reseller && str(*parentRecord, "type") != owner)
            errors.insert(QStringLiteral("parentCompanyId"), QStringLiteral("must be a reseller"));
        if (before) {
            const qint64 self = before->value(QLatin1String("id")).toInteger();
            if (AuthStore(context.db).companySubtree(self).contains(parentId))
                errors.insert(QStringLiteral("parentCompanyId"),
                              QStringLiteral("cannot be the company itself or one of its own clients"));
        }
    }
    if (before && str(*before, "type") == reseller && str(after, "type") != reseller) {
        if (AuthStore(context.db).companySubtree(before->value(QLatin1String("id")).toInteger()).size() > 1)
            errors.insert(QStringLiteral("type"), QStringLiteral("the reseller still has client companies"));
    }
}

void CompanyRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after)
{
    const bool blocked = before && before->value(QLatin1String("enabled")).toBool()
                         && !after.value(QLatin1String("enabled")).toBool();
    if (!blocked)
        return;
    AuthStore store(context.db);
    for (qint64 userId : store.enabledUsersOfCompany(id)) {
        store.setEnabled(userId, false, context.now);
        store.deleteSessionsOfUser(userId);
        context.auth.forgetUser(userId);
        context.audit(entities::users, QStringLiteral("update"), userId, {{QStringLiteral("enabled"), true}},
                      {{QStringLiteral("enabled"), false},
                       {QStringLiteral("reason"), QStringLiteral("company %1 blocked").arg(id)}});
    }
}

void CompanyRules::checkDelete(WriteContext &context, const QJsonObject &record)
{
    Q_UNUSED(context)
    if (str(record, "type") == owner)
        throw ApiException::ruleViolated(QStringLiteral("The platform owner cannot be deleted"));
}

} // namespace backoffice::server
