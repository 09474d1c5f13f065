#include "EntityCatalogue.h"

#include "EntityFieldBuilders.h"
#include "NumberPrefixEntity.h"
#include "BillingEntities.h"
#include "FeeEntities.h"
#include "MessagingEntities.h"
#include "ServiceEntities.h"

namespace backoffice {

namespace {

using namespace catalogue;

QList<EnumValue> channels()
{
    return {ev("sms", "SMS"), ev("rcs", "RCS"), ev("viber", "Viber"), ev("whatsapp", "WhatsApp"),
            ev("wechat", "WeChat"), ev("email", "Email"), ev("telegram", "Telegram Gateway"),
            ev("push", "Push"), ev("tts", "TTS"), ev("voice", "Voice calls"), ev("mobile-push", "Mobile push")};
}

QList<EnumValue> billingPeriods()
{
    return {ev("daily", "Daily"), ev("weekly", "Weekly"), ev("monthly", "Monthly"), ev("quarterly", "Quarterly")};
}

EntityDescriptor companies()
{
    FieldDescriptor channelList = hidden(f("channels", "Channels", FieldType::StringList));
    channelList.enumValues = channels();
    return entity(entities::companies, "Company", "Companies", "companies", "name", {
        text("name", "Company", true, 120),
        f("enabled", "Enabled", FieldType::Bool),
        ref("ownLegalEntityId", "Own legal entity", entities::ownLegalEntities, true),
        hidden(f("description", "Description", FieldType::LongText)),
        enumeration("type", "Type", {ev("client", "Client"), ev("reseller", "Reseller"), ev("owner", "Platform owner")}),
        ref("parentCompanyId", "Parent reseller", entities::companies),
        f("creatorOfResellers", "Creator of resellers", FieldType::Bool),
        f("moderation", "Moderation", FieldType::Bool),
        hidden(f("twoFactorRequired", "Two-factor authentication", FieldType::Bool)),
        hidden(f("mnpRequests", "MNP requests", FieldType::Bool)),
        channelList,
    });
}

QList<FieldDescriptor> legalEntityDetails(bool legalIdRequired)
{
    return {
        text("legalCompanyName", "Legal company name", true, 200),
        f("country", "Country", FieldType::Country, true),
        hidden(f("portalId", "Portal", FieldType::Integer)),
        text("taxId", "Tax ID number", false, 64),
        text("legalId", "Legal ID number", legalIdRequired, 64),
        text("vatId", "VAT ID number", false, 64),
        text("legalAddress", "Legal address", false, 400),
        text("billingAddress", "Billing address", false, 400),
        f("isDefault", "Is default", FieldType::Bool),
    };
}

EntityDescriptor legalEntities()
{
    QList<FieldDescriptor> fields{text("name", "Name", true, 120),
                                  ref("companyId", "Company", entities::companies, true)};
    fields << legalEntityDetails(false);
    return entity(entities::legalEntities, "Legal entity", "Legal entities", "legalEntities", "name", fields);
}

EntityDescriptor ownLegalEntities()
{
    // Own legal entities belong to the platform owner or to a reseller (its own invoicing entity).
    QList<FieldDescriptor> fields{text("name", "Name", true, 120),
                                  ref("companyId", "Owner company", entities::companies, true)};
    fields << legalEntityDetails(true);
    // What invoices issued by this entity add and how they are numbered ("INV-" + a sequence).
    fields << hidden(f("taxRate", "Tax rate (%)", FieldType::Money)) << hidden(text("taxLabel", "Tax label", false, 40))
           << hidden(text("invoicePrefix", "Invoice number prefix", false, 16));
    return entity(entities::ownLegalEntities, "Own legal entity", "Own legal entities", "ownLegalEntities", "name",
                  fields);
}

EntityDescriptor banks()
{
    return entity(entities::banks, "Bank", "Banks", "banks", "name", {
        text("name", "Name", true, 200),
        hidden(f("description", "Description", FieldType::LongText)),
        f("country", "Country", FieldType::Country, true),
        text("address", "Address", true, 400),
        text("swiftCode", "SWIFT code", false, 11),
        text("branchCode", "Branch code", false, 32),
        text("bankCode", "Bank code", false, 32),
    });
}

EntityDescriptor bankAccounts()
{
    return entity(entities::bankAccounts, "Bank account", "Bank accounts", "bankAccounts", "name", {
        text("name", "Name", true, 120),
        ref("companyId", "Company", entities::companies, true),
        ref("legalEntityId", "Legal entity", entities::legalEntities, true),
        ref("bankId", "Bank", entities::banks, true),
        text("accountHolder", "Account holder", true, 200),
        text("accountNumber", "Account number", true, 64),
    });
}

EntityDescriptor ownBankAccounts()
{
    return entity(entities::ownBankAccounts, "Own bank account", "Own bank accounts", "ownBankAccounts", "name", {
        text("name", "Name", true, 120),
        ref("ownLegalEntityId", "Legal entity", entities::ownLegalEntities, true),
        ref("bankId", "Parent bank", entities::banks, true),
        text("accountHolder", "Account holder", true, 200),
        text("accountNumber", "Account number", true, 64),
    });
}

// Terms that change over time. An agreement version carries them; the agreement list shows those of
// the version in force now, and a new agreement takes them for its first version.
QList<FieldDescriptor> versionTerms()
{
    FieldDescriptor billingDay = f("billingDay", "Billing day", FieldType::Integer);
    return {
        text("versionCode", "Version code", false, 64),
        f("effectiveFrom", "Effective from", FieldType::DateTime, true),
        hidden(f("effectiveFromZone", "Effective from time zone", FieldType::TimeZone, true)),
        f("effectiveTill", "Effective till", FieldType::DateTime),
        hidden(f("effectiveTillZone", "Effective till time zone", FieldType::TimeZone)),
        f("creditLimit", "Credit limit", FieldType::Money),
        f("billingTimeZone", "Billing time zone", FieldType::TimeZone, true),
        hidden(f("daysForPayment", "Days for payment", FieldType::Integer, true)),
        enumeration("billingPeriod", "Billing period", billingPeriods()),
        hidden(billingDay),
        hidden(f("splitByMonth", "Split by month", FieldType::Bool)),
    };
}

EntityDescriptor agreements()
{
    QList<FieldDescriptor> fields{
        createOnly(ref("companyId", "Company", entities::companies, true)),
        createOnly(enumeration("direction", "Direction", {ev("client", "Client"), ev("vendor", "Vendor")})),
        ref("legalEntityId", "Legal entity", entities::legalEntities, true),
        ref("ownLegalEntityId", "Own legal entity", entities::ownLegalEntities, true),
        ref("bankAccountId", "Bank account", entities::bankAccounts),
        ref("ownBankAccountId", "Own bank account", entities::ownBankAccounts, true),
        text("code", "Agreement code", true, 64),
        f("agreementDate", "Agreement date", FieldType::Date, true),
        createOnly(f("currency", "Currency", FieldType::Currency, true)),
        hidden(f("invoiceEmails", "Invoice emails", FieldType::EmailList)),
        hidden(f("accountEmails", "Account emails", FieldType::EmailList)),
        hidden(f("rateChangeEmails", "Rate change emails", FieldType::EmailList)),
        hidden(f("serviceEmails", "Service emails", FieldType::EmailList)),
        hidden(f("paymentAlertEmails", "Payment alert emails", FieldType::EmailList)),
        // A balance below this raises a low-balance notification; empty: no alert.
        hidden(f("lowBalanceThreshold", "Low-balance threshold", FieldType::Money)),
    };
    for (FieldDescriptor term : versionTerms())
        fields << createOnly(term);
    FieldDescriptor versionId = readOnly(f("currentVersionId", "Version in force", FieldType::Integer));
    versionId.listed = false;
    fields << versionId;
    return entity(entities::agreements, "Agreement", "Agreements", "agreements", "code", fields);
}

EntityDescriptor agreementVersions()
{
    QList<FieldDescriptor> fields{createOnly(ref("agreementId", "Agreement", entities::agreements, true))};
    fields << versionTerms();
    fields << readOnly(enumeration("state", "State",
                                   {ev("past", "Expired"), ev("current", "In force"), ev("upcoming", "Upcoming")},
                                   false));
    EntityDescriptor e = entity(entities::agreementVersions, "Agreement version", "Agreement versions", "agreements",
                                "versionCode", fields);
    e.defaultSort = QStringLiteral("effectiveFrom");
    return e;
}

EntityDescriptor users()
{
    FieldDescriptor password = hidden(f("password", "Password", FieldType::Text));
    password.secret = true;
    password.maxLength = 128;
    FieldDescriptor roleIds = hidden(f("roleIds", "Roles", FieldType::ReferenceList));
    roleIds.referenceEntity = entities::roles;
    return entity(entities::users, "User", "Users", "backofficeUsers", "login", {
        createOnly(enumeration("kind", "Kind", {ev("backoffice", "BackOffice"), ev("portal", "Client portal")})),
        ref("companyId", "Company", entities::companies, true),
        text("login", "Login", true, 64),
        password,
        text("firstName", "First name", true, 60),
        text("middleName", "Middle name", false, 60),
        text("lastName", "Last name", true, 60),
        hidden(f("birthday", "Birthday", FieldType::Date)),
        text("jobTitle", "Job title", false, 120),
        hidden(text("department", "Department", false, 120)),
        text("phone", "Phone number", false, 32),
        text("email", "E-mail", true, 200),
        hidden(f("country", "Country", FieldType::Country)),
        hidden(enumeration("language", "Language", {ev("en", "English"), ev("fr", "French"), ev("es", "Spanish"),
                                                     ev("de", "German"), ev("ru", "Russian")})),
        hidden(f("timeZone", "Time zone", FieldType::TimeZone)),
        hidden(f("twoFactor", "Two-factor authentication", FieldType::Bool)),
        f("enabled", "Enabled", FieldType::Bool),
        hidden(f("noRestrictions", "No restrictions", FieldType::Bool)),
        roleIds,
        readOnly(f("lastLoginAt", "Last login", FieldType::DateTime)),
        hidden(readOnly(f("passwordChangedAt", "Password changed", FieldType::DateTime))),
        hidden(readOnly(f("mustChangePassword", "Must change password", FieldType::Bool))),
    });
}

EntityDescriptor roles()
{
    FieldDescriptor companyIds = hidden(f("companyIds", "Companies", FieldType::ReferenceList));
    companyIds.referenceEntity = entities::companies;
    FieldDescriptor permissions = hidden(f("permissions", "Permissions", FieldType::Json));
    return entity(entities::roles, "Role", "Roles", "roles", "name", {
        text("name", "Name", true, 40),
        hidden(f("description", "Description", FieldType::LongText)),
        createOnly(enumeration("group", "Group", {ev("backoffice", "BackOffice"), ev("portal", "Client portal")})),
        readOnly(f("system", "System", FieldType::Bool)),
        hidden(readOnly(text("systemKey", "System role key", false, 40))),
        hidden(createOnly(ref("templateRoleId", "Template", entities::roles))),
        companyIds,
        permissions,
    });
}

EntityDescriptor audit()
{
    EntityDescriptor e = entity(entities::audit, "Audit record", "Audit", "audit", "id", {
        readOnly(f("time", "Date and time", FieldType::DateTime)),
        readOnly(ref("userId", "User", entities::users)),
        readOnly(text("ipAddress", "IP address", false, 64)),
        readOnly(text("tableName", "Table", false, 64)),
        readOnly(enumeration("operation", "Operation",
                             {ev("create", "Create"), ev("update", "Update"), ev("delete", "Delete")})),
        readOnly(f("objectId", "Object ID", FieldType::Integer)),
        hidden(readOnly(f("oldValue", "Old value", FieldType::Json))),
        hidden(readOnly(f("newValue", "New value", FieldType::Json))),
        readOnly(ref("companyId", "Company", entities::companies)),
    }, false);
    e.readOnlyCollection = true;
    return e;
}

} // namespace

const QList<EntityDescriptor> &EntityCatalogue::all()
{
    static const QList<EntityDescriptor> catalogue{companies(), legalEntities(), ownLegalEntities(), banks(),
                                                   bankAccounts(), ownBankAccounts(), agreements(),
                                                   agreementVersions(), users(), roles(), audit()};
    static const QList<EntityDescriptor> everything = catalogue + serviceEntities() + QList{numberPrefixEntity()}
                                                                 + messagingEntities() + billingEntities()
                                                                 + feeEntities();
    return everything;
}

const EntityDescriptor *EntityCatalogue::find(const QString &name)
{
    for (const EntityDescriptor &e : all()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

const EntityDescriptor &EntityCatalogue::get(const QString &name)
{
    const EntityDescriptor *e = find(name);
    Q_ASSERT_X(e, "EntityCatalogue::get", qPrintable(name));
    return *e;
}

} // namespace backoffice
