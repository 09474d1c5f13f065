#include "MessagingEntities.h"

#include "BillingEntities.h"
#include "EntityFieldBuilders.h"

namespace backoffice {

using namespace catalogue;

namespace {

FieldDescriptor secret(const char *name, const char *label, int maxLength)
{
    FieldDescriptor d = text(name, label, false, maxLength);
    d.secret = true;
    d.listed = false;
    return d;
}

FieldDescriptor refList(const char *name, const char *label, const QString &entity)
{
    FieldDescriptor d = hidden(f(name, label, FieldType::ReferenceList));
    d.referenceEntity = entity;
    return d;
}

FieldDescriptor tlsMode()
{
    return enumeration("tlsMode", "SSL type", {ev("none", "None (plain TCP)"), ev("tls", "TLS")});
}

// Limits of §11.1/§11.3: requests per second and the window of requests awaiting an answer.
QList<FieldDescriptor> limits()
{
    return {hidden(f("limitsEnabled", "Limits", FieldType::Bool)), f("rpsLimit", "RPS limit", FieldType::Integer),
            f("windowLimit", "Window limit", FieldType::Integer)};
}

EntityDescriptor vendorSmppConnections()
{
    EntityDescriptor e = entity(entities::vendorSmppConnections, "Vendor SMPP connection", "Vendor SMPP connections",
                                "connections", "name", {
        text("name", "Name", true, 120),
        refList("companyIds", "Company IDs", entities::companies),
        text("host", "Host name", true, 255),
        f("port", "Port", FieldType::Integer, true),
        text("systemId", "System ID", true, 15),
        secret("password", "Password", 8),
        hidden(text("systemType", "System type", false, 12)),
        hidden(tlsMode()),
    });
    e.fields << limits();
    e.fields << QList<FieldDescriptor>{
        hidden(f("tlvUsed", "TLV used", FieldType::Bool)),
        f("invertedAddressMode", "Inverted address mode", FieldType::Bool),
        // {"rules":[{"status":"UNDELIV","errorCodes":["001"],"mapping":"undelivered"}]}
        hidden(f("statusMap", "Statuses map", FieldType::Json)),
        // command_status values (hex "0x45" or decimal) on which the next connection of the route is tried
        hidden(text("failoverStatuses", "Fail over on statuses", false, 255)),
        f("disabled", "Disable SMPP connection", FieldType::Bool),
        readOnly(enumeration("status", "Status", {ev("active", "Active"), ev("disabled", "Disabled")}, false)),
    };
    return e;
}

EntityDescriptor clientSmppConnections()
{
    return entity(entities::clientSmppConnections, "Client SMPP connection", "Client SMPP connections", "connections",
                  "name", {
        text("name", "Name", true, 120),
        ref("companyId", "Company", entities::companies, true),
        // The client's addresses allowed to bind: IPs or CIDR blocks, comma separated.
        text("network", "Network", true, 500),
        text("login", "Login", true, 15),
        secret("password", "Password", 8),
        hidden(text("systemType", "System type", false, 12)),
        hidden(tlsMode()),
        enumeration("defaultDataCoding", "Default datacoding",
                    {ev("gsm7", "GSM 7 Bit"), ev("latin1", "Latin-1 (ISO-8859-1)"), ev("ascii", "IA5 (ASCII)")}),
        f("throughputLimit", "Throughput limit (msg/s per bind)", FieldType::Integer),
        f("disabled", "Disable SMPP connection", FieldType::Bool),
        readOnly(enumeration("status", "Status", {ev("active", "Active"), ev("disabled", "Disabled")}, false)),
    });
}

EntityDescriptor httpConnections()
{
    EntityDescriptor e = entity(entities::httpConnections, "HTTP connection", "HTTP connections", "connections", "name", {
        text("name", "Name", true, 120),
        createOnly(enumeration("vendorType", "Vendor type", httpVendorTypes())),
        text("vendorUrl", "Vendor URL", false, 500),
        hidden(text("serviceId", "Service ID", false, 120)),          // Viber
        hidden(text("templateUrl", "Template URL", false, 500)),      // Gupshup
        hidden(text("mediaUrl", "Media URL", false, 500)),            // Dialog360 Cloud
        hidden(text("authorizationUrl", "Transit RCS authorization URL", false, 500)), // GSMA Transit
        secret("apiToken", "API token", 500),
        // Shared secret the vendor signs its webhooks with (HMAC-SHA256 of the body).
        text("signatureKey", "Signature key", false, 128),
    });
    e.fields << limits();
    e.fields << QList<FieldDescriptor>{
        f("disabled", "Disable HTTP connection", FieldType::Bool),
        readOnly(enumeration("status", "Status", {ev("active", "Active"), ev("disabled", "Disabled")}, false)),
    };
    return e;
}

EntityDescriptor senderIds()
{
    EntityDescriptor e = entity(entities::senderIds, "Sender ID", "Sender IDs", "senderIds", "senderId", {
        readOnly(ref("companyId", "Company", entities::companies)),
        createOnly(enumeration("channel", "Channel", messagingChannels())),
        text("senderId", "Sender ID", true, 64),
        text("name", "Name", true, 120),
        ref("agreementId", "Agreement", entities::agreements, true),
        enumeration("status", "Status", {ev("active", "Active"), ev("blocked", "Blocked"), ev("draft", "Draft"),
                                         ev("testing", "Testing")}),
        text("webhookGuid", "Webhook GUID", false, 36),
        hidden(enumeration("senderType", "Sender ID type", {ev("alphanumeric", "Alphanumeric"),
                                                          ev("shortCode", "Short code"), ev("longCode", "Long code")},
                           false)),
        hidden(text("mcc", "MCC", false, 3)),
        hidden(text("keyword", "Keyword", false, 64)),
        hidden(text("webhookUrl", "Webhook URL", false, 500)),
        hidden(ref("smppApiConnectionId", "WebHook SMPPAPI connection", entities::clientSmppConnections)),
        enumeration("vendorType", "Vendor type", {ev("smpp", "SMPP"), ev("http", "HTTP")}),
        hidden(ref("vendorConnectionId", "Connection (SMPP)", entities::vendorSmppConnections)),
        refList("failoverConnectionIds", "Failover connections (SMPP, tried by ID)", entities::vendorSmppConnections),
        hidden(ref("httpConnectionId", "Connection (HTTP)", entities::httpConnections)),
        hidden(text("httpLogin", "Login (HTTP)", false, 120)),
        secret("httpPassword", "Password (HTTP)", 120),
        hidden(text("serviceType", "Service type", false, 5)),
        hidden(f("notificationsEnabled", "Notification settings", FieldType::Bool)),
        hidden(f("triggerPercent", "Trigger percent", FieldType::Integer)),
        hidden(f("minimalCount", "Minimal message count for starting detecting", FieldType::Integer)),
        hidden(f("windowMinutes", "Window size (minutes)", FieldType::Integer)),
        // The channel's own fields (§6.5.2–6.5.11), checked per channel by the server.
        hidden(f("properties", "Channel properties", FieldType::Json)),
    });
    e.defaultSort = QStringLiteral("-id");
    return e;
}

EntityDescriptor apiKeys()
{
    return entity(entities::apiKeys, "API key", "API keys", "companies", "name", {
        createOnly(ref("companyId", "Company", entities::companies, true)),
        text("name", "Name", true, 60),
        text("callbackUrl", "Callback URL", false, 500),
        hidden(text("moCallbackUrl", "MO callback URL", false, 500)),
        createOnly(enumeration("validity", "Expires in",
                               {ev("1d", "1 day"), ev("7d", "7 days"), ev("30d", "30 days"), ev("3m", "3 months"),
                                ev("1y", "1 year"), ev("never", "Never expires")})),
        f("expiresAt", "Expires", FieldType::DateTime),
        readOnly(text("keyPrefix", "Key begins with", false, 16)),
        readOnly(enumeration("status", "Status", {ev("active", "Active"), ev("expired", "Expired")}, false)),
        readOnly(f("lastUsedAt", "Last used", FieldType::DateTime)),
    });
}

// Numbers a company must not send to (CP §7.4): with one of its sender IDs, or with none of them
// when no sender is named. Admission refuses such messages before they cost anything.
EntityDescriptor stopList()
{
    return entity(entities::stopList, "Stop list entry", "Stop list", "senderIds", "number", {
        createOnly(ref("companyId", "Company", entities::companies, true)),
        createOnly(text("number", "Number", true, 16)),
        createOnly(ref("senderRecordId", "Sender ID (empty: every sender ID)", entities::senderIds)),
        text("reason", "Reason", false, 255),
    });
}

QList<EnumValue> edrStatuses()
{
    return {ev("PREPARED", "Prepared"), ev("BILLED", "Billed"), ev("SENT", "Sent"), ev("DELIVERED", "Delivered"),
            ev("UNDELIVERED", "Undelivered"), ev("FAILED", "Failed"), ev("SEEN", "Seen")};
}

EntityDescriptor edrs()
{
    EntityDescriptor e = entity(entities::edrs, "EDR", "EDRs", "reports", "messageId", {
        readOnly(f("acceptedAt", "Accepted", FieldType::DateTime)),
        readOnly(text("transactionId", "Transaction ID", false, 36)),
        hidden(readOnly(text("messageId", "Message ID", false, 36))),
        hidden(readOnly(f("partNumber", "Part", FieldType::Integer))),
        hidden(readOnly(f("partCount", "Parts", FieldType::Integer))),
        readOnly(ref("companyId", "Company", entities::companies)),
        hidden(readOnly(ref("agreementId", "Agreement", entities::agreements))),
        readOnly(enumeration("channel", "Channel", messagingChannels(), false)),
        hidden(readOnly(ref("senderRecordId", "Sender ID record", entities::senderIds))),
        readOnly(text("sender", "Sender", false, 64)),
        readOnly(text("destination", "Number", false, 32)),
        readOnly(enumeration("status", "Status", edrStatuses(), false)),
        hidden(readOnly(text("errorCode", "Error code", false, 16))),
        readOnly(text("errorText", "Error", false, 255)),
        hidden(readOnly(enumeration("origin", "Origin", {ev("smpp", "Client SMPP"), ev("api", "Send API")}, false))),
        hidden(readOnly(ref("clientConnectionId", "Client SMPP connection", entities::clientSmppConnections))),
        hidden(readOnly(ref("apiKeyId", "API key", entities::apiKeys))),
        hidden(readOnly(text("label", "Label", false, 120))),
        hidden(readOnly(f("text", "Text", FieldType::LongText))),
        hidden(readOnly(f("dataCoding", "Data coding", FieldType::Integer))),
        readOnly(f("country", "Country", FieldType::Country)),
        hidden(readOnly(text("mccMnc", "MCC/MNC", false, 6))),
        hidden(readOnly(text("network", "Network", false, 120))),
        readOnly(ref("vendorConnectionId", "Vendor connection", entities::vendorSmppConnections)),
        hidden(readOnly(ref("httpConnectionId", "HTTP connection", entities::httpConnections))),
        hidden(readOnly(text("vendorMessageId", "Vendor message ID", false, 65))),
        hidden(readOnly(text("vendorStatus", "Vendor status", false, 16))),
        hidden(readOnly(f("attempts", "Attempts", FieldType::Integer))),
        hidden(readOnly(f("submittedAt", "Submitted", FieldType::DateTime))),
        readOnly(f("doneAt", "Done", FieldType::DateTime)),
        hidden(readOnly(ref("serviceId", "Service", entities::services))),
        readOnly(f("price", "Price", FieldType::Money)),
        readOnly(f("currency", "Currency", FieldType::Currency)),
        hidden(readOnly(enumeration("billingRule", "Charged on", {ev("submitted", "Submitted"),
                                                                  ev("delivered", "Delivered")}, false))),
        // Empty for parts never charged: failed ones, and undelivered ones when billed on delivery.
        readOnly(f("chargedAt", "Charged", FieldType::DateTime)),
    }, false);
    e.readOnlyCollection = true;
    e.defaultSort = QStringLiteral("-id");
    return e;
}

EntityDescriptor charges()
{
    EntityDescriptor e = entity(entities::charges, "Charge", "Charges", "invoices", "id", QList<FieldDescriptor>{
        readOnly(f("chargedAt", "Charged", FieldType::DateTime)),
        readOnly(text("transactionId", "Transaction ID", false, 36)),
        readOnly(ref("companyId", "Company", entities::companies)),
        readOnly(ref("agreementId", "Agreement", entities::agreements)),
        readOnly(enumeration("source", "Source", chargeSources(), false)),
        hidden(readOnly(ref("edrId", "EDR", entities::edrs))),
        readOnly(ref("serviceId", "Service", entities::services)),
        hidden(readOnly(ref("enabledServiceId", "Enabled service", entities::enabledServices))),
        hidden(readOnly(ref("senderRecordId", "Sender ID", entities::senderIds))),
        readOnly(text("description", "Description", false, 255)),
        readOnly(f("units", "Units", FieldType::Integer)),
        readOnly(f("unitPrice", "Rate", FieldType::Money)),
        readOnly(f("amount", "Amount", FieldType::Money)),
        readOnly(f("currency", "Currency", FieldType::Currency)),
        hidden(readOnly(text("band", "Scale band", false, 40))),
    } + priceTermFields() + QList<FieldDescriptor>{
        // What a pack covered instead of money: units, or micro-units of a monetary pack (decision 008).
        hidden(readOnly(f("packDebit", "Taken from pack", FieldType::Integer))),
        // Set on the adjustments an EDR rerate task wrote (source rerate).
        hidden(readOnly(ref("rerateTaskId", "Rerate task", entities::rerateTasks))),
    }, false);
    e.readOnlyCollection = true;
    return e;
}

EntityDescriptor notifications()
{
    return entity(entities::notifications, "Notification", "Notifications", "notifications", "subject", {
        readOnly(enumeration("kind", "Kind", {ev("trafficErrors", "Traffic error rate"),
                                              ev("lowBalance", "Low balance"),
                                              ev("senderIdFeeFailed", "Sender ID fee not charged")}, false)),
        readOnly(text("subject", "Subject", false, 255)),
        hidden(readOnly(f("body", "Details", FieldType::LongText))),
        readOnly(ref("companyId", "Company", entities::companies)),
        readOnly(ref("senderRecordId", "Sender ID", entities::senderIds)),
        // Staff mark a notification as seen; everything else is written by the engine.
        f("acknowledged", "Acknowledged", FieldType::Bool),
    });
}

} // namespace

QList<EnumValue> messagingChannels()
{
    return {ev("sms", "SMS"), ev("rcs", "RCS"), ev("viber", "Viber"), ev("whatsapp", "WhatsApp"),
            ev("wechat", "WeChat"), ev("email", "Email"), ev("telegram", "Telegram Gateway"), ev("push", "Push"),
            ev("tts", "TTS"), ev("voice", "Voice"), ev("mobilePush", "Mobile Push")};
}

QList<EnumValue> httpVendorTypes()
{
    return {ev("viber", "Viber"), ev("telin", "Telin"), ev("telinNeuApix", "Telin NeuAPIX"),
            ev("gupshup", "Gupshup"), ev("elasticemail", "Elasticemail"), ev("dialog360Cloud", "Dialog360 Cloud"),
            ev("wechat", "WeChat"), ev("telegramGateway", "Telegram Gateway"), ev("dialog360", "Dialog360"),
            ev("nexmo", "Nexmo"), ev("transitViber", "Transit Viber"), ev("googleRbm", "Google RBM"),
            ev("gsmaTransit", "GSMA Transit"), ev("transitSms", "Transit SMS"), ev("mobilePush", "Mobile Push")};
}

QList<EntityDescriptor> messagingEntities()
{
    return {vendorSmppConnections(), clientSmppConnections(), httpConnections(), senderIds(),
            apiKeys(), stopList(), edrs(), charges(), notifications()};
}

} // namespace backoffice
