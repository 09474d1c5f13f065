#include "CodeTables.h"

#include <QtGlobal>
#include <algorithm>

namespace backoffice {

namespace {

CodeEntry e(const char *key, const char *label)
{
    return {QString::fromLatin1(key), QString::fromUtf8(label)};
}

CodeTable table(const QString &name, const char *title, QList<CodeEntry> entries)
{
    return {name, QString::fromLatin1(title), std::move(entries)};
}

// The markets WhatsApp Business prices separately, and the "rest of" regions for every other country.
QList<CodeEntry> whatsAppRegionEntries()
{
    return {e("north-america", "North America"),
            e("argentina", "Argentina"),
            e("brazil", "Brazil"),
            e("chile", "Chile"),
            e("colombia", "Colombia"),
            e("mexico", "Mexico"),
            e("peru", "Peru"),
            e("rest-of-latin-america", "Rest of Latin America"),
            e("france", "France"),
            e("germany", "Germany"),
            e("italy", "Italy"),
            e("netherlands", "Netherlands"),
            e("spain", "Spain"),
            e("united-kingdom", "United Kingdom"),
            e("rest-of-western-europe", "Rest of Western Europe"),
            e("russia", "Russia"),
            e("turkey", "Turkey"),
            e("rest-of-central-eastern-europe", "Rest of Central & Eastern Europe"),
            e("egypt", "Egypt"),
            e("israel", "Israel"),
            e("saudi-arabia", "Saudi Arabia"),
            e("united-arab-emirates", "United Arab Emirates"),
            e("rest-of-middle-east", "Rest of Middle East"),
            e("nigeria", "Nigeria"),
            e("south-africa", "South Africa"),
            e("rest-of-africa", "Rest of Africa"),
            e("india", "India"),
            e("indonesia", "Indonesia"),
            e("malaysia", "Malaysia"),
            e("pakistan", "Pakistan"),
            e("rest-of-asia-pacific", "Rest of Asia Pacific"),
            e("other", "Other")};
}

} // namespace

bool CodeTable::contains(const QString &key) const
{
    return std::any_of(entries.cbegin(), entries.cend(), [&key](const CodeEntry &entry) { return entry.key == key; });
}

QString CodeTable::label(const QString &key) const
{
    for (const CodeEntry &entry : entries) {
        if (entry.key == key)
            return entry.label;
    }
    return {};
}

namespace codetables {

const QList<CodeTable> &all()
{
    static const QList<CodeTable> tables {
        table(whatsAppRegions, "WhatsApp regions", whatsAppRegionEntries()),
        // What a WhatsApp message is charged as (the template category, or a service reply).
        table(whatsAppPricingCategories, "WhatsApp pricing categories",
              {e("marketing", "Marketing"), e("utility", "Utility"), e("authentication", "Authentication"),
               e("authentication-international", "Authentication (international)"), e("service", "Service")}),
        // Whether a delivered message is billed, as the provider reports it.
        table(whatsAppPricingTypes, "WhatsApp pricing types",
              {e("regular", "Regular (charged)"), e("free-customer-service", "Free: customer service window"),
               e("free-entry-point", "Free: entry point")}),
        table(rcsMessageTypes, "RCS message types",
              {e("basic", "Basic message"), e("single", "Single message"), e("a2p-conversation", "A2P conversation"),
               e("p2a-conversation", "P2A conversation")}),
        table(senderIdTypes, "Sender ID types",
              {e("alphanumeric", "Alphanumeric"), e("short-code", "Short code"), e("long-code", "Long code")}),
        table(periodicities, "Periodicity", {e("monthly", "Monthly"), e("weekly", "Weekly")}),
    };
    return tables;
}

const CodeTable &get(const QString &name)
{
    for (const CodeTable &codeTable : all()) {
        if (codeTable.name == name)
            return codeTable;
    }
    qFatal("unknown code table %s", qPrintable(name));
}

} // namespace codetables

} // namespace backoffice
