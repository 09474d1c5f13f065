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

} // namespace

QList<EntityDescriptor> serviceEntities()
{
    return {services(), serviceScopes()};
}

} // namespace backoffice
