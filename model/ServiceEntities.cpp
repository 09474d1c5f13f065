#include "ServiceEntities.h"

#include "EntityFieldBuilders.h"

namespace backoffice {

using namespace catalogue;

namespace {

EntityDescriptor services()
{
    FieldDescriptor units = f("units", "Size (units)", FieldType::Integer);
    FieldDescriptor amount = f("amount", "Size (amount)", FieldType::Money);
    FieldDescriptor zone = hidden(f("timeZone", "Time zone", FieldType::TimeZone));
    EntityDescriptor e = entity(entities::services, "Service", "Services", "services", "name", {
        text("name", "Name", true, 120),
        createOnly(enumeration("type", "Type",
                               {ev("payg", "Pay-as-you-go"), ev("unitPack", "Unit pack"),
                                ev("monetaryPack", "Monetary pack"), ev("bundleInitiator", "Bundle initiator"),
                                ev("bundlePack", "Bundle pack")})),
        createOnly(f("currency", "Currency", FieldType::Currency)),
        units,
        amount,
        zone,
        hidden(f("description", "Description", FieldType::LongText)),
        readOnly(f("archived", "Archived", FieldType::Bool)),
        hidden(readOnly(f("currentScopeId", "Current scope", FieldType::Integer))),
    });
    return e;
}

EntityDescriptor serviceScopes()
{
    FieldDescriptor copyFrom = hidden(createOnly(ref("copyTreeFromScopeId", "Copy rate tree from scope",
                                                     entities::serviceScopes)));
    FieldDescriptor copyFromService = hidden(createOnly(ref("copyTreeFromServiceId", "Copy rate tree from service",
                                                            entities::services)));
    EntityDescriptor e = entity(entities::serviceScopes, "Service scope", "Service scopes", "services", "id", {
        createOnly(ref("serviceId", "Service", entities::services, true)),
        f("effectiveFrom", "Effective from", FieldType::DateTime, true),
        f("effectiveTill", "Effective till", FieldType::DateTime),
        f("draft", "Draft", FieldType::Bool),
        readOnly(enumeration("state", "State",
                             {ev("draft", "Draft"), ev("expired", "Expired"), ev("current", "Current"),
                              ev("upcoming", "Upcoming"), ev("inactive", "Overlapped by the current scope")},
                             false)),
        hidden(readOnly(f("copiedFromScopeId", "Copied from scope", FieldType::Integer))),
        readOnly(f("nodeCount", "Rate nodes", FieldType::Integer)),
        copyFrom,
        copyFromService,
    });
    e.defaultSort = QStringLiteral("effectiveFrom");
    return e;
}

// A service, pack or bundle bought by an agreement (reference §6.4). Enabling means the client has
// purchased it, even when it starts in the future. Dates are read in the zones sent with them.
EntityDescriptor enabledServices()
{
    EntityDescriptor e = entity(entities::enabledServices, "Enabled service", "Enabled services", "enabledServices",
                                "id", {
        readOnly(ref("companyId", "Company", entities::companies)),
        createOnly(ref("agreementId", "Agreement", entities::agreements, true)),
        createOnly(ref("serviceId", "Service", entities::services, true)),
        readOnly(enumeration("serviceType", "Service type",
                             {ev("payg", "Pay-as-you-go"), ev("unitPack", "Unit pack"),
                              ev("monetaryPack", "Monetary pack"), ev("bundleInitiator", "Bundle initiator"),
                              ev("bundlePack", "Bundle pack")},
                             false)),
        // The tab of BO §6.4 the record belongs to: services, packs (unit and monetary), bundle
        // initiators, bundle packs.
        hidden(readOnly(enumeration("category", "Category",
                                    {ev("service", "Enabled service"), ev("pack", "Enabled pack"),
                                     ev("bundleInitiator", "Enabled bundle initiator"),
                                     ev("bundlePack", "Enabled bundle pack")},
                                    false))),
        f("effectiveFrom", "Effective from", FieldType::DateTime, true),
        hidden(f("effectiveFromZone", "Effective from time zone", FieldType::TimeZone, true)),
        f("effectiveTill", "Effective till", FieldType::DateTime),
        hidden(f("effectiveTillZone", "Effective till time zone", FieldType::TimeZone)),
        enumeration("billing", "Billing", {ev("free", "Free of charge"), ev("charge", "Charge")}, false),
        f("hiddenFromClient", "Do not show to client", FieldType::Bool),
        hidden(f("autoExtend", "Auto extend", FieldType::Bool)),
        // A pack's sub-balance (BO §6.4 "Used"): units of unit and bundle packs, money of monetary packs.
        hidden(readOnly(f("packSize", "Size", FieldType::Integer))),
        hidden(readOnly(f("unitsUsed", "Used", FieldType::Integer))),
        hidden(readOnly(f("moneySpent", "Spent", FieldType::Money))),
        hidden(readOnly(f("moneyLeft", "Money left", FieldType::Money))),
        hidden(readOnly(f("rounds", "Times bought", FieldType::Integer))),
        readOnly(enumeration("state", "State",
                             {ev("upcoming", "Upcoming"), ev("current", "In force"), ev("expired", "Expired")},
                             false)),
    });
    e.defaultSort = QStringLiteral("-effectiveFrom");
    return e;
}

} // namespace

bool isPackType(const QString &serviceType)
{
    return serviceType == QLatin1String("unitPack") || serviceType == QLatin1String("monetaryPack")
           || serviceType == QLatin1String("bundlePack");
}

QList<EntityDescriptor> serviceEntities()
{
    return {services(), serviceScopes(), enabledServices()};
}

} // namespace backoffice
