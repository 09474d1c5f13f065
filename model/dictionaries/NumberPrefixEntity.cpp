#include "NumberPrefixEntity.h"

#include "EntityFieldBuilders.h"

namespace backoffice {

using namespace catalogue;

EntityDescriptor numberPrefixEntity()
{
    FieldDescriptor prefix = text("prefix", "Prefix", true, 15);
    FieldDescriptor mcc = text("mcc", "MCC", false, 3);
    FieldDescriptor mnc = text("mnc", "MNC", false, 3);
    EntityDescriptor descriptor
        = entity(entities::numberPrefixes, "Number prefix", "Number prefixes", "dictionaries", "prefix",
                 {
                     prefix,
                     f("country", "Country", FieldType::Country, true),
                     mcc,
                     mnc,
                     text("network", "Network", false, 120),
                     // Rows shipped with BackOffice are read-only; rows staff add or import are "user".
                     readOnly(enumeration("source", "Source", {ev("shipped", "Shipped"), ev("user", "User")}, false)),
                 });
    descriptor.defaultSort = QStringLiteral("prefix");
    return descriptor;
}

} // namespace backoffice
