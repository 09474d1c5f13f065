#include "Permissions.h"

namespace backoffice {

QString accessLevelKey(AccessLevel level)
{
    switch (level) {
    case AccessLevel::View: return QStringLiteral("view");
    case AccessLevel::Manage: return QStringLiteral("manage");
    case AccessLevel::None: break;
    }
    return QStringLiteral("none");
}

bool parseAccessLevel(const QString &key, AccessLevel *level)
{
    if (key == QLatin1String("none")) *level = AccessLevel::None;
    else if (key == QLatin1String("view")) *level = AccessLevel::View;
    else if (key == QLatin1String("manage")) *level = AccessLevel::Manage;
    else return false;
    return true;
}

QString userGroupKey(UserGroup group)
{
    return group == UserGroup::BackOffice ? QStringLiteral("backoffice") : QStringLiteral("portal");
}

bool parseUserGroup(const QString &key, UserGroup *group)
{
    if (key == QLatin1String("backoffice")) *group = UserGroup::BackOffice;
    else if (key == QLatin1String("portal")) *group = UserGroup::ClientPortal;
    else return false;
    return true;
}

PermissionSet PermissionSet::fromJson(const QJsonObject &object)
{
    PermissionSet set;
    for (auto it = object.begin(); it != object.end(); ++it) {
        AccessLevel level;
        if (parseAccessLevel(it.value().toString(), &level))
            set.set(it.key(), level);
    }
    return set;
}

QJsonObject PermissionSet::toJson() const
{
    QJsonObject object;
    for (auto it = m_levels.begin(); it != m_levels.end(); ++it)
        object.insert(it.key(), accessLevelKey(it.value()));
    return object;
}

AccessLevel PermissionSet::level(const QString &area) const
{
    return m_levels.value(area, AccessLevel::None);
}

void PermissionSet::set(const QString &area, AccessLevel level)
{
    if (level == AccessLevel::None)
        m_levels.remove(area);
    else
        m_levels.insert(area, level);
}

void PermissionSet::merge(const PermissionSet &other)
{
    for (auto it = other.m_levels.begin(); it != other.m_levels.end(); ++it) {
        if (it.value() > level(it.key()))
            m_levels.insert(it.key(), it.value());
    }
}

namespace {

QList<PermissionArea> makeBackOfficeAreas()
{
    const QString account = QStringLiteral("Account management");
    const QString finance = QStringLiteral("Finance");
    const QString users = QStringLiteral("Users");
    const QString settings = QStringLiteral("Settings");
    auto a = [](const char *key, const char *label, const QString &category) {
        return PermissionArea{QString::fromLatin1(key), QString::fromLatin1(label), category};
    };
    return {
        a("export", "Export", QStringLiteral("Export")),
        a("companies", "Companies", account),
        a("legalEntities", "Legal entities", account),
        a("agreements", "Agreements", account),
        a("enabledServices", "Enabled services", account),
        a("senderIds", "Sender IDs", account),
        a("whatsappAccounts", "WhatsApp Business Accounts", account),
        a("whatsappTemplates", "WhatsApp templates", account),
        a("senderIdApplications", "Sender ID applications", account),
        a("printableForms", "Printable forms", account),
        a("banks", "Banks", account),
        a("bankAccounts", "Bank accounts", account),
        a("payments", "Payments", finance),
        a("invoices", "Invoices and charges", finance),
        a("services", "Services", finance),
        a("additionalFees", "Additional fees", finance),
        a("senderIdFees", "Sender ID fees", finance),
        a("edrRerate", "EDR rerate", finance),
        a("dictionaries", "MCC/MNC and dictionaries", QStringLiteral("MCCMNC")),
        a("backofficeUsers", "BackOffice users", users),
        a("portalUsers", "Client portal users", users),
        a("roles", "Roles", users),
        a("reports", "Reports and analytics", QStringLiteral("Reports")),
        a("notifications", "Notification settings", QStringLiteral("Notifications")),
        a("connections", "SMPP and HTTP connections", settings),
        a("ownLegalEntities", "Own legal entities", settings),
        a("ownBankAccounts", "Own bank accounts", settings),
        a("paymentSystems", "Payment systems", settings),
        a("twoFactorIntegrations", "2FA integrations", settings),
        a("audit", "Audit", QStringLiteral("Audit")),
        a("moderation", "Pre-moderation", QStringLiteral("Pre-moderation")),
        a("portals", "Portals", QStringLiteral("Portals")),
    };
}

QList<PermissionArea> makePortalAreas()
{
    auto a = [](const char *key, const char *label, const char *category) {
        return PermissionArea{QString::fromLatin1(key), QString::fromLatin1(label), QString::fromLatin1(category)};
    };
    return {
        a("export", "Export", "Export"),
        a("dashboard", "Dashboard", "Dashboard"),
        a("broadcast", "Broadcast", "Broadcast"),
        a("contacts", "Contacts", "Contacts"),
        a("groups", "Groups", "Contacts"),
        a("stopList", "Stop list", "Contacts"),
        a("conversations", "Conversations", "Conversations"),
        a("chatbots", "Chatbots", "Conversations"),
        a("payments", "Payments", "Finance"),
        a("invoices", "Invoices", "Finance"),
        a("purchases", "Purchases", "Finance"),
        a("statistics", "Statistics", "Statistics"),
        a("edrExport", "EDR export", "Statistics"),
        a("reports", "Reports", "Statistics"),
        a("senderStatistics", "Sender statistics", "Statistics"),
        a("senderIds", "Sender IDs", "Assets"),
        a("templates", "Templates", "Assets"),
        a("apiKeys", "API keys", "Assets"),
        a("callbacks", "Callbacks", "Assets"),
        a("urlShortener", "URL shortener", "Assets"),
        a("users", "Users", "Users"),
    };
}

PermissionSet levels(std::initializer_list<std::pair<const char *, AccessLevel>> entries)
{
    PermissionSet set;
    for (const auto &[area, level] : entries)
        set.set(QString::fromLatin1(area), level);
    return set;
}

QList<SystemRole> makeSystemRoles()
{
    constexpr auto V = AccessLevel::View;
    constexpr auto M = AccessLevel::Manage;
    const auto bo = UserGroup::BackOffice;
    const auto cp = UserGroup::ClientPortal;
    return {
        {QStringLiteral("admin"), QStringLiteral("Admin"), bo,
         QStringLiteral("Full access to every area and function"), PermissionCatalogue::everything(bo)},
        {QStringLiteral("client-manager"), QStringLiteral("Client manager"), bo,
         QStringLiteral("Manages client companies, agreements and other client information"),
         levels({{"export", M}, {"companies", M}, {"legalEntities", M}, {"agreements", M},
                 {"enabledServices", M}, {"senderIds", M}, {"whatsappAccounts", M},
                 {"whatsappTemplates", M}, {"senderIdApplications", M}, {"printableForms", M},
                 {"banks", M}, {"bankAccounts", M}, {"services", V}, {"senderIdFees", V}, {"dictionaries", V},
                 {"ownLegalEntities", V}, {"ownBankAccounts", V}})},
        {QStringLiteral("finance-manager"), QStringLiteral("Finance manager"), bo,
         QStringLiteral("Manages payments, invoices and other financial operations"),
         levels({{"export", M}, {"companies", V}, {"legalEntities", V}, {"agreements", M},
                 {"enabledServices", V}, {"printableForms", M}, {"banks", M}, {"bankAccounts", M},
                 {"payments", M}, {"invoices", M}, {"services", V}, {"additionalFees", M}, {"senderIdFees", M},
                 {"edrRerate", M}, {"reports", V}, {"ownLegalEntities", M}, {"ownBankAccounts", M},
                 {"paymentSystems", V}})},
        {QStringLiteral("noc-engineer"), QStringLiteral("NOC engineer"), bo,
         QStringLiteral("Monitors, maintains and supports the platform and its connections"),
         levels({{"export", M}, {"companies", V}, {"agreements", V}, {"senderIds", M},
                 {"dictionaries", M}, {"connections", M}, {"reports", V}, {"notifications", M},
                 {"twoFactorIntegrations", M}})},
        {QStringLiteral("rate-manager"), QStringLiteral("Rate manager"), bo,
         QStringLiteral("Manages services and rate plans"),
         levels({{"export", M}, {"companies", V}, {"agreements", V}, {"enabledServices", M},
                 {"services", M}, {"additionalFees", M}, {"edrRerate", V}, {"dictionaries", M},
                 {"reports", V}})},
        {QStringLiteral("portal-admin"), QStringLiteral("Admin"), cp,
         QStringLiteral("Full access to every area of the Client portal"), PermissionCatalogue::everything(cp)},
        {QStringLiteral("portal-broadcast-manager"), QStringLiteral("Broadcast manager"), cp,
         QStringLiteral("Manages broadcasts"),
         levels({{"dashboard", V}, {"broadcast", M}, {"contacts", M}, {"groups", M}, {"stopList", M},
                 {"templates", M}, {"senderIds", V}, {"statistics", V}})},
        {QStringLiteral("portal-finance-manager"), QStringLiteral("Finance manager"), cp,
         QStringLiteral("Manages payments and purchases"),
         levels({{"export", M}, {"dashboard", V}, {"payments", M}, {"invoices", V}, {"purchases", M},
                 {"statistics", V}})},
        {QStringLiteral("portal-noc-engineer"), QStringLiteral("NOC engineer"), cp,
         QStringLiteral("Monitors traffic and technical settings"),
         levels({{"dashboard", V}, {"statistics", V}, {"edrExport", M}, {"senderStatistics", V},
                 {"apiKeys", M}, {"callbacks", M}})},
    };
}

} // namespace

const QList<PermissionArea> &PermissionCatalogue::areas(UserGroup group)
{
    static const QList<PermissionArea> backOffice = makeBackOfficeAreas();
    static const QList<PermissionArea> portal = makePortalAreas();
    return group == UserGroup::BackOffice ? backOffice : portal;
}

bool PermissionCatalogue::isKnownArea(UserGroup group, const QString &area)
{
    for (const PermissionArea &a : areas(group)) {
        if (a.key == area)
            return true;
    }
    return false;
}

const QList<SystemRole> &PermissionCatalogue::systemRoles()
{
    static const QList<SystemRole> roles = makeSystemRoles();
    return roles;
}

const SystemRole *PermissionCatalogue::systemRole(const QString &key)
{
    for (const SystemRole &role : systemRoles()) {
        if (role.key == key)
            return &role;
    }
    return nullptr;
}

PermissionSet PermissionCatalogue::everything(UserGroup group)
{
    PermissionSet set;
    for (const PermissionArea &a : areas(group))
        set.set(a.key, AccessLevel::Manage);
    return set;
}

} // namespace backoffice
