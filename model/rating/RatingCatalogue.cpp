#include "RatingCatalogue.h"

#include <QCoreApplication>

namespace backoffice::rating {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("backoffice::rating", text);
}

ResourceInfo message(const char *key, const char *label)
{
    return {QLatin1StringView(key), tr(label), ResourceKind::Message};
}

ResourceInfo fee(const char *key, const char *label)
{
    return {QLatin1StringView(key), tr(label), ResourceKind::Fee};
}

QList<ServiceDomainInfo> buildDomains()
{
    // The order is the order of the "Service domain" list in the staff manual.
    auto domain = [](const char *key, const char *label, const char *shortLabel, QList<ResourceInfo> resources) {
        return ServiceDomainInfo {QLatin1StringView(key), tr(label), tr(shortLabel), std::move(resources)};
    };
    return {
        domain("sms", "SMS messaging", "SMS",
               {message("sms-message", "SMS message"), fee("sender-id-setup-fee", "Sender ID setup fee"),
                fee("sender-id-usage-fee", "Sender ID usage fee")}),
        domain("rcs", "RCS messaging", "RCS", {message("rcs-message", "RCS message")}),
        domain("viber", "Viber messaging", "Viber", {message("viber-message", "Viber message")}),
        domain("whatsapp", "WhatsApp messaging", "WhatsApp",
               {message("whatsapp-message", "WhatsApp message"),
                message("whatsapp-conversation", "WhatsApp conversation")}),
        domain(
            "service-purchase", "Service purchase", "Service purchase",
            {fee("unit-pack", "Unit pack"), fee("monetary-pack", "Monetary pack"), fee("bundle-pack", "Bundle pack")}),
        domain("wechat", "WeChat messaging", "WeChat", {message("wechat-message", "WeChat message")}),
        domain("email", "Email messaging", "Email", {message("email-message", "Email message")}),
        domain("additional-service", "Additional service", "Additional service",
               {fee("additional-service-fee", "Additional service fee")}),
        domain("telegram", "Telegram Gateway messaging", "Telegram",
               {message("telegram-message", "Telegram Gateway message")}),
        domain("bundle-grouping", "Bundle grouping", "Bundle grouping", {fee("bundle-member", "Bundle member")}),
        domain("push", "Push messaging", "Push", {message("push-message", "Push message")}),
        domain("tts", "TTS messaging", "TTS", {message("tts-message", "TTS message")}),
        domain("voice", "Voice calls", "Voice", {message("voice-call", "Voice call")}),
        domain("push-partner", "Push Partner messaging", "Push Partner",
               {message("push-partner-message", "Push Partner message")}),
    };
}

QList<DimensionValueInfo> values(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    QList<DimensionValueInfo> list;
    for (const auto &[key, label] : pairs)
        list.append({QLatin1StringView(key), tr(label)});
    return list;
}

QList<QList<DimensionValueInfo>> buildValues()
{
    QList<QList<DimensionValueInfo>> all(DimensionCount);
    all[int(Dimension::Direction)] = values({{"mt", "A2P (MT)"}, {"mo", "P2A (MO)"}});
    // The keys of the sender ID record's type (sender-ids senderType), so a fee rule's type matches.
    all[int(Dimension::SenderIdType)]
        = values({{"alphanumeric", "Alphanumeric"}, {"shortCode", "Short code"}, {"longCode", "Long code"}});
    all[int(Dimension::Periodicity)]
        = values({{"monthly", "Monthly"}, {"weekly", "Weekly"}, {"daily", "Daily"}, {"yearly", "Yearly"}});
    // WhatsApp's categories and pricing types are Meta's and may grow, so they are labelled, not enforced.
    all[int(Dimension::PricingCategory)] = values({{"authentication", "Authentication"},
                                                   {"authentication-international", "Authentication international"},
                                                   {"marketing", "Marketing"},
                                                   {"marketing-lite", "Marketing lite"},
                                                   {"utility", "Utility"},
                                                   {"service", "Service"},
                                                   {"referral-conversion", "Referral conversion"}});
    all[int(Dimension::PricingType)] = values({{"regular", "Regular"},
                                               {"free-customer-service", "Free customer service"},
                                               {"free-entry-point", "Free entry point"}});
    all[int(Dimension::MessageType)]
        = values({{"basic", "Basic"}, {"conversation", "Conversation"}, {"single", "Single"}});
    return all;
}

} // namespace

const QList<ServiceDomainInfo> &RatingCatalogue::domains()
{
    static const QList<ServiceDomainInfo> all = buildDomains();
    return all;
}

const ServiceDomainInfo *RatingCatalogue::domain(QStringView key)
{
    for (const ServiceDomainInfo &info : domains()) {
        if (info.key == key)
            return &info;
    }
    return nullptr;
}

const ResourceInfo *RatingCatalogue::resource(QStringView domainKey, QStringView resourceKey)
{
    const ServiceDomainInfo *info = domain(domainKey);
    if (!info)
        return nullptr;
    for (const ResourceInfo &resource : info->resources) {
        if (resource.key == resourceKey)
            return &resource;
    }
    return nullptr;
}

QString RatingCatalogue::dimensionLabel(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Resource: return tr("Resource");
    case Dimension::Direction: return tr("Direction (MT/MO)");
    case Dimension::Country: return tr("Country");
    case Dimension::Network: return tr("Network name");
    case Dimension::Mcc: return tr("MCC");
    case Dimension::MccMnc: return tr("MCCMNC");
    case Dimension::Mno: return tr("MNO");
    case Dimension::SenderIdType: return tr("Sender ID type");
    case Dimension::Periodicity: return tr("Periodicity");
    case Dimension::WhatsappRegion: return tr("WhatsApp region");
    case Dimension::PricingCategory: return tr("Pricing category");
    case Dimension::PricingType: return tr("Pricing type");
    case Dimension::MessageType: return tr("Billing event");
    case Dimension::Pack: return tr("Pack");
    case Dimension::AdditionalService: return tr("Additional service");
    }
    return {};
}

const QList<DimensionValueInfo> &RatingCatalogue::dimensionValues(Dimension dimension)
{
    static const QList<QList<DimensionValueInfo>> all = buildValues();
    return all[int(dimension)];
}

bool RatingCatalogue::isClosedDimension(Dimension dimension)
{
    return dimension == Dimension::Direction;
}

QString RatingCatalogue::valueLabel(Dimension dimension, const QString &value)
{
    if (value == RateNode::othersMatch())
        return othersLabel();
    for (const DimensionValueInfo &info : dimensionValues(dimension)) {
        if (info.key == value)
            return info.label;
    }
    return value;
}

QString RatingCatalogue::othersLabel()
{
    return tr("Others");
}

} // namespace backoffice::rating
