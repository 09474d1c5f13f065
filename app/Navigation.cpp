#include "Navigation.h"

#include "BillingEntities.h"
#include "EntityCatalogue.h"
#include "FeeEntities.h"
#include "MessagingEntities.h"

#include <QCoreApplication>

namespace backoffice::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Navigation", text);
}

NavigationEntry list(const QString &category, const QString &entity, const QString &key = {},
                     const QString &label = {})
{
    NavigationEntry entry;
    entry.list = views::ListContext::forEntity(entity);
    entry.key = key.isEmpty() ? entity : key;
    entry.label = label.isEmpty() ? entry.list.title : label;
    entry.category = category;
    entry.area = entry.list.permissionArea;
    entry.kind = NavigationEntry::Kind::List;
    entry.list.key = entry.key;
    entry.list.title = entry.label;
    return entry;
}

NavigationEntry users(const QString &category, const QString &kind, const QString &label, const QString &area)
{
    NavigationEntry entry = list(category, entities::users, QStringLiteral("users-%1").arg(kind), label);
    entry.area = area;
    entry.list.permissionArea = area;
    entry.list.fixedFilters = {{QStringLiteral("kind"), kind}};
    if (kind == QLatin1String("portal"))
        entry.list.extraColumns << QStringLiteral("department");
    return entry;
}

// The four tabs of BO §6.4 over one collection, told apart by the service's category.
NavigationEntry enabled(const QString &category, const char *kind, const QString &label, const QStringList &columns = {})
{
    NavigationEntry entry = list(category, entities::enabledServices,
                                 QStringLiteral("enabled-services-%1").arg(QString::fromLatin1(kind)), label);
    entry.list.fixedFilters = {{QStringLiteral("category"), QString::fromLatin1(kind)}};
    entry.list.extraColumns = columns;
    return entry;
}

NavigationEntry coming(const QString &category, const char *key, const QString &label, const char *area)
{
    NavigationEntry entry;
    entry.key = QString::fromLatin1(key);
    entry.label = label;
    entry.category = category;
    entry.area = QString::fromLatin1(area);
    entry.kind = NavigationEntry::Kind::Coming;
    return entry;
}

// Raised by the messaging engine; staff only acknowledge them.
NavigationEntry notifications()
{
    NavigationEntry entry = list(QString(), entities::notifications);
    entry.list.creatable = false;
    return entry;
}

// Made by the billing job per agreement and billing period (§7.2): staff open, confirm and comment
// them, never create one.
NavigationEntry invoices(const QString &category)
{
    NavigationEntry entry = list(category, entities::invoices);
    entry.list.creatable = false;
    return entry;
}

// A screen of its own (not an entity list) that needs the given permission area.
NavigationEntry screen(const QString &category, const char *key, const QString &label, const char *area,
                       NavigationEntry::Kind kind)
{
    NavigationEntry entry = coming(category, key, label, area);
    entry.kind = kind;
    return entry;
}

QList<NavigationEntry> build()
{
    const QString account = tr("Account management");
    const QString finance = tr("Finance");
    const QString people = tr("Users");
    const QString reports = tr("Reports");
    const QString settings = tr("Settings");

    NavigationEntry audit;
    audit.key = QStringLiteral("audit");
    audit.label = tr("Audit");
    audit.area = QStringLiteral("audit");
    audit.kind = NavigationEntry::Kind::Audit;

    return {
        list(account, entities::companies),
        list(account, entities::legalEntities),
        list(account, entities::agreements),
        enabled(account, "service", tr("Enabled services")),
        enabled(account, "pack", tr("Enabled packs"),
                {QStringLiteral("billing"), QStringLiteral("packSize"), QStringLiteral("unitsUsed"), QStringLiteral("moneyLeft")}),
        enabled(account, "bundleInitiator", tr("Enabled bundle initiators")),
        enabled(account, "bundlePack", tr("Enabled bundle packs"),
                {QStringLiteral("billing"), QStringLiteral("autoExtend"), QStringLiteral("packSize"), QStringLiteral("unitsUsed"),
                 QStringLiteral("rounds")}),
        list(account, entities::senderIds),
        coming(account, "whatsapp-accounts", tr("WhatsApp Business Accounts"), "whatsappAccounts"),
        coming(account, "whatsapp-templates", tr("WhatsApp templates"), "whatsappTemplates"),
        coming(account, "sender-id-applications", tr("Sender ID applications"), "senderIdApplications"),
        coming(account, "printable-forms", tr("Printable forms"), "printableForms"),
        list(account, entities::banks),
        list(account, entities::bankAccounts),
        list(account, entities::apiKeys),
        list(account, entities::stopList),
        list(finance, entities::payments),
        list(finance, entities::balanceMovements),
        invoices(finance),
        list(finance, entities::charges),
        list(finance, entities::services),
        list(finance, entities::additionalFees),
        list(finance, entities::senderIdFeeRules),
        list(finance, entities::rerateTasks, QStringLiteral("edr-rerate"), tr("EDR rerate")),
        users(people, QStringLiteral("backoffice"), tr("BackOffice"), QStringLiteral("backofficeUsers")),
        users(people, QStringLiteral("portal"), tr("Client portal"), QStringLiteral("portalUsers")),
        list(people, entities::roles),
        list(reports, entities::edrs),
        screen(reports, "traffic-dashboard", tr("Traffic dashboard"), "reports",
               NavigationEntry::Kind::TrafficDashboard),
        notifications(),
        list(settings, entities::vendorSmppConnections),
        list(settings, entities::clientSmppConnections),
        list(settings, entities::httpConnections),
        screen(settings, "connection-status", tr("Connection status"), "connections",
               NavigationEntry::Kind::ConnectionStatus),
        list(settings, entities::ownLegalEntities),
        list(settings, entities::ownBankAccounts),
        coming(settings, "payment-systems", tr("Payment systems"), "paymentSystems"),
        coming(settings, "notification-channels", tr("Notification channels"), "notifications"),
        coming(settings, "two-factor", tr("2FA integrations"), "twoFactorIntegrations"),
        // Self-registration settings sit under own legal entities in the manual (§11.4.2).
        coming(settings, "self-registration", tr("Self-registration"), "ownLegalEntities"),
        audit,
        coming(QString(), "moderation", tr("Pre-moderation"), "moderation"),
        coming(QString(), "portals", tr("Portals"), "portals"),
    };
}

} // namespace

const QList<NavigationEntry> &Navigation::entries()
{
    static const QList<NavigationEntry> all = build();
    return all;
}

const NavigationEntry *Navigation::find(const QString &key)
{
    for (const NavigationEntry &entry : entries()) {
        if (entry.key == key)
            return &entry;
    }
    return nullptr;
}

QStringList Navigation::topLevel()
{
    QStringList names;
    for (const NavigationEntry &entry : entries()) {
        const QString name = entry.category.isEmpty() ? entry.label : entry.category;
        if (!names.contains(name))
            names << name;
    }
    return names;
}

} // namespace backoffice::app
