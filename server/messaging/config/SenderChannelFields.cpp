#include "SenderChannelFields.h"

#include "FieldChecks.h"
#include "MessagingEntities.h"
#include "Validation.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace backoffice::server {

namespace {

using Kind = ChannelField::Kind;

// Builders that keep the tables below one line per field.
ChannelField field(const char *key, const char *label, Kind kind, bool required, int maxLength)
{
    ChannelField f;
    f.key = QString::fromLatin1(key);
    f.label = QString::fromUtf8(label);
    f.kind = kind;
    f.required = required;
    f.maxLength = maxLength;
    return f;
}

ChannelField text(const char *key, const char *label, bool required, int maxLength)
{
    return field(key, label, Kind::Text, required, maxLength);
}

ChannelField flag(const char *key, const char *label)
{
    return field(key, label, Kind::Bool, false, 0);
}

ChannelField list(const char *key, const char *label, Kind itemKind, int maxLength)
{
    ChannelField f = field(key, label, Kind::TextList, false, maxLength);
    f.itemKind = itemKind;
    return f;
}

ChannelField choice(const char *key, const char *label, QStringList values)
{
    ChannelField f = field(key, label, Kind::Enum, false, 0);
    f.enumValues = std::move(values);
    return f;
}

ChannelField secret(ChannelField f)
{
    f.secret = true;
    return f;
}

ChannelField forVendor(const char *vendor, ChannelField f)
{
    f.vendor = QString::fromLatin1(vendor);
    return f;
}

// Provider keys and credentials are long opaque strings; a service-account JSON file is a few KB.
constexpr int credentialLength = 1000;
constexpr int jsonKeyFileLength = 16384;
constexpr int urlLength = 500;
// Google RBM's limits for the agent card: description and button texts.
constexpr int rcsDescriptionLength = 100;
constexpr int rcsButtonTextLength = 25;

// §6.5.2. The display name is the record's `name` and login/password (GSMA Transit client id and
// secret) are its httpLogin/httpPassword; everything else describes the agent card on the handset or
// reaches the vendor. Images are referenced by URL: Google fetches them itself, so their size rules
// (logo 224x224 up to 50 KB, background 1440x448 up to 200 KB) are checked by Google, not here.
QList<ChannelField> rcsFields()
{
    return {
        text("description", "Description", false, rcsDescriptionLength),
        field("phoneNumber", "Phone number", Kind::Phone, false, 32),
        text("phoneLabel", "Phone button text", false, rcsButtonTextLength),
        list("extraPhones", "Extra phones (number, then button text)", Kind::Phone, 32 + 1 + rcsButtonTextLength),
        field("website", "Website", Kind::Url, false, urlLength),
        text("websiteLabel", "Website button text", false, rcsButtonTextLength),
        list("extraWebsites", "Extra websites (URL, then button text)", Kind::Url, urlLength + 1 + rcsButtonTextLength),
        field("email", "Email", Kind::Email, false, 254),
        text("emailLabel", "Email button text", false, rcsButtonTextLength),
        list("extraEmails", "Extra e-mails (address, then button text)", Kind::Email, 254 + 1 + rcsButtonTextLength),
        field("logoUrl", "Logo (jpg/png, 224x224, up to 50 KB)", Kind::Url, false, urlLength),
        field("bannerImageUrl", "Background image (jpg/png, 1440x448, up to 200 KB)", Kind::Url, false, urlLength),
        // The manual marks the colour required but also says black is used when none is chosen, so
        // an absent colour is not an error: the sender falls back to #000000.
        field("color", "Color", Kind::Color, false, 7),
        field("privacyPolicyUrl", "Privacy policy URL", Kind::Url, false, urlLength),
        field("termsOfServiceUrl", "Terms of service URL", Kind::Url, false, urlLength),
        forVendor("googleRbm", secret(text("apiAccessKey", "API access key (JSON file)", true, jsonKeyFileLength))),
        forVendor("googleRbm", text("agentId", "Agent ID", true, 128)),
        // The bearer token's lifetime at the transit platform; 3600 unless the partner says otherwise.
        forVendor("gsmaTransit", field("tokenDuration", "Token duration (seconds)", Kind::Integer, true, 86400)),
    };
}

// §6.5.4. Each sender ID belongs to one WhatsApp Business Account; what else is needed depends on the
// vendor behind the HTTP connection.
QList<ChannelField> whatsappFields()
{
    return {
        // The provider's WABA id ("103302382679112"), as registered under WhatsApp Business Account.
        text("wabaId", "WABA Id", true, 64),
        flag("isSync", "Is Sync"),
        forVendor("dialog360", secret(text("apiKey", "API key", true, credentialLength))),
        // 360dialog's media endpoint, usually https://waba.360dialog.io/v1/media.
        forVendor("dialog360", field("mediaUrl", "Media URL", Kind::Url, true, urlLength)),
        forVendor("nexmo", secret(text("apiKey", "API key", true, credentialLength))),
        forVendor("nexmo", secret(text("apiSecret", "API secret", true, credentialLength))),
        forVendor("telin", text("appId", "App ID", true, 128)),
        // Telin addresses messages by this id instead of the sender ID.
        forVendor("telin", text("phoneNumberId", "Phone number ID", true, 128)),
        forVendor("telin", secret(text("accessToken", "Access token", true, credentialLength))),
        forVendor("gupshup", text("appId", "App ID", true, 128)),
        forVendor("gupshup", secret(text("apiKey", "API key", true, credentialLength))),
        forVendor("gupshup", secret(text("accessMediaToken", "Access media token", true, credentialLength))),
        forVendor("dialog360Cloud", secret(text("apiKey", "API key", true, credentialLength))),
    };
}

struct ChannelSpec {
    QList<ChannelField> fields;
    QStringList httpVendorTypes;
};

QStringList keys(std::initializer_list<const char *> names)
{
    QStringList result;
    for (const char *name : names)
        result.append(QString::fromLatin1(name));
    return result;
}

// Built once; read-only afterwards, so every thread may share it.
const QHash<QString, ChannelSpec> &specs()
{
    static const QHash<QString, ChannelSpec> table = [] {
        QHash<QString, ChannelSpec> t;
        // §6.5.1: every SMS field is a column of the record. Over HTTP, SMS goes to a transit platform.
        t.insert(QStringLiteral("sms"), {{}, keys({"transitSms"})});
        t.insert(QStringLiteral("rcs"), {rcsFields(), keys({"googleRbm", "gsmaTransit"})});
        // §6.5.3: the sender ID is the Viber service id; Transit Viber's credentials are columns.
        t.insert(QStringLiteral("viber"), {{flag("sessionsMode", "Sessions mode")}, keys({"viber", "transitViber"})});
        t.insert(
            QStringLiteral("whatsapp"),
            {whatsappFields(), keys({"dialog360", "nexmo", "telin", "telinNeuApix", "gupshup", "dialog360Cloud"})});
        // §6.5.5: the official account's credentials.
        t.insert(QStringLiteral("wechat"),
                 {{text("appId", "App ID", true, 64), secret(text("appSecret", "AppSecret", true, 128)),
                   secret(text("token", "Token", true, 128))},
                  keys({"wechat"})});
        // §6.5.6: the sender ID names the sender; the address mail goes out from is its own field.
        t.insert(QStringLiteral("email"),
                 {{secret(text("apiKey", "API key", true, credentialLength)),
                   field("senderEmail", "Sender Email", Kind::Email, true, 254)},
                  keys({"elasticemail"})});
        t.insert(QStringLiteral("telegram"),
                 {{secret(text("apiKey", "API key", true, credentialLength)), flag("isVerified", "Is verified")},
                  keys({"telegramGateway"})});
        // §6.5.8–6.5.10: these providers are set up on the sender itself, with no HTTP connection. The
        // provider has one value today; it is kept so the record says what carries it.
        t.insert(QStringLiteral("push"),
                 {{choice("provider", "Vendor type", keys({"firebase"})),
                   secret(text("apiKey", "API key (JSON file)", true, jsonKeyFileLength))},
                  {}});
        t.insert(QStringLiteral("tts"), {{choice("provider", "Vendor type", keys({"asterisk"}))}, {}});
        t.insert(QStringLiteral("voice"), {{choice("provider", "Vendor type", keys({"asterisk"}))}, {}});
        // §6.5.11: login, password and connection are columns.
        t.insert(QStringLiteral("mobilePush"), {{}, keys({"mobilePush"})});
        return t;
    }();
    return table;
}

QString labelOf(const QList<EnumValue> &values, const QString &key)
{
    for (const EnumValue &value : values) {
        if (value.key == key)
            return value.label;
    }
    return key;
}

void report(QHash<QString, QString> &errors, const QString &key, const QString &message)
{
    // The first problem of a field is the one worth fixing first.
    if (!errors.contains(key))
        errors.insert(key, message);
}

// Null, missing, "" and [] all mean "not given", as for the record's own columns.
bool isGiven(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return false;
    if (value.isString())
        return !value.toString().trimmed().isEmpty();
    if (value.isArray())
        return !value.toArray().isEmpty();
    return true;
}

bool isColor(const QString &text)
{
    if (text.size() != 7 || text[0] != u'#')
        return false;
    for (qsizetype i = 1; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

// The format problem of one string value of the given kind; empty when it fits.
QString formatProblem(Kind kind, const QString &value, const QStringList &enumValues)
{
    switch (kind) {
    case Kind::Url:
        return fieldchecks::isHttpUrl(value) ? QString() : QStringLiteral("must be an http(s) URL with a host");
    case Kind::Email: return validation::isValidEmail(value) ? QString() : QStringLiteral("must be an e-mail address");
    case Kind::Phone:
        return validation::isValidPhone(value) ? QString()
                                               : QStringLiteral("must be a phone number in international format, "
                                                                "like +34600123456");
    case Kind::Color: return isColor(value) ? QString() : QStringLiteral("must be a colour written #RRGGBB");
    case Kind::Enum:
        return enumValues.contains(value)
            ? QString()
            : QStringLiteral("must be one of: %1").arg(enumValues.join(QStringLiteral(", ")));
    default: return {};
    }
}

QString tooLong(int maxLength)
{
    return QStringLiteral("must be at most %1 characters").arg(maxLength);
}

// One entry of a TextList: its value, then optionally a button text after white space.
QString entryProblem(const ChannelField &f, const QJsonValue &entry)
{
    if (!entry.isString() || entry.toString().trimmed().isEmpty())
        return QStringLiteral("must be non-empty text");
    const QString line = entry.toString().trimmed();
    if (f.maxLength > 0 && line.size() > f.maxLength)
        return tooLong(f.maxLength);
    const auto space = std::find_if(line.cbegin(), line.cend(), [](QChar c) { return c.isSpace(); });
    return formatProblem(f.itemKind, QString(line.cbegin(), space - line.cbegin()), {});
}

// The problem of a given (non-null) value; empty when it fits the field.
QString valueProblem(const ChannelField &f, const QJsonValue &value)
{
    switch (f.kind) {
    case Kind::Bool: return value.isBool() ? QString() : QStringLiteral("must be true or false");
    case Kind::Integer: {
        const double number = value.toDouble(-1);
        if (!value.isDouble() || std::floor(number) != number || number < 1 || number > f.maxLength)
            return QStringLiteral("must be a whole number from 1 to %1").arg(f.maxLength);
        return {};
    }
    case Kind::TextList: {
        if (!value.isArray())
            return QStringLiteral("must be a list of text entries");
        const QJsonArray entries = value.toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QString problem = entryProblem(f, entries.at(i));
            if (!problem.isEmpty())
                return QStringLiteral("entry %1 %2").arg(i + 1).arg(problem);
        }
        return {};
    }
    default: break;
    }
    if (!value.isString())
        return QStringLiteral("must be text");
    const QString text = value.toString();
    if (text.trimmed().isEmpty())
        return {}; // "not given": the required check speaks for it
    if (f.maxLength > 0 && text.size() > f.maxLength)
        return tooLong(f.maxLength);
    return formatProblem(f.kind, text, f.enumValues);
}

// The vendor whose fields apply: Telin NeuAPIX is Telin's newer API with the same credentials; a
// vendor type that cannot carry the channel does not select any vendor's fields.
QString fieldVendor(const ChannelSpec &spec, const QString &vendorType)
{
    if (!spec.httpVendorTypes.contains(vendorType))
        return {};
    return vendorType == QLatin1String("telinNeuApix") ? QStringLiteral("telin") : vendorType;
}

// The field a key names for the vendor; with no vendor, the first field of any vendor by that key
// (vendors that share a key use it the same way).
const ChannelField *lookup(const QList<ChannelField> &fields, const QString &key, const QString &vendor)
{
    for (const ChannelField &f : fields) {
        if (f.key == key && (f.vendor.isEmpty() || vendor.isEmpty() || f.vendor == vendor))
            return &f;
    }
    return nullptr;
}

bool isKey(const QList<ChannelField> &fields, const QString &key)
{
    return std::any_of(fields.cbegin(), fields.cend(), [&](const ChannelField &f) { return f.key == key; });
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Digits only, after an optional leading '+'; the digit count in *digits.
bool isNumber(const QString &text, qsizetype *digits)
{
    const qsizetype start = text.startsWith(u'+') ? 1 : 0;
    for (qsizetype i = start; i < text.size(); ++i) {
        if (!isAsciiDigit(text[i]))
            return false;
    }
    *digits = text.size() - start;
    return *digits > 0;
}

// GSM networks carry an alphanumeric originator of at most 11 characters in the 7-bit alphabet;
// operators reliably pass only Latin letters, digits, spaces and a few marks, so we allow just those.
// Numeric originators are E.164 numbers (15 digits at most) or short codes (3 digits at least).
QString smsProblem(const QString &senderId)
{
    qsizetype digits = 0;
    if (isNumber(senderId, &digits)) {
        if (digits < 3 || digits > 15)
            return QStringLiteral("a numeric sender ID has 3 to 15 digits");
        return {};
    }
    if (senderId.size() > 11)
        return QStringLiteral("an alphanumeric sender ID has at most 11 characters");
    static const QString marks = QStringLiteral(" .-_&'!+#");
    bool hasLetter = false;
    for (const QChar c : senderId) {
        if (isAsciiLetter(c))
            hasLetter = true;
        else if (!isAsciiDigit(c) && !marks.contains(c))
            return QStringLiteral("may hold only Latin letters, digits, spaces and . - _ & ' ! + #");
    }
    if (!hasLetter)
        return QStringLiteral("an alphanumeric sender ID needs at least one letter");
    return {};
}

// RCS sender IDs are Google agent ids ("brand_xyz_agent") or transit bot GUIDs: no spaces.
QString rcsProblem(const QString &senderId)
{
    for (const QChar c : senderId) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && !QStringLiteral("_-.@:").contains(c))
            return QStringLiteral("may hold only Latin letters, digits and _ - . @ :");
    }
    return {};
}

// A number of minDigits to 15 digits, optionally after a '+'. An international number never starts
// with 0 (no country calling code does).
QString phoneSenderProblem(const QString &senderId, qsizetype minDigits, bool international, const QString &message)
{
    qsizetype digits = 0;
    if (!isNumber(senderId, &digits) || digits < minDigits || digits > 15)
        return message;
    if (international && senderId[senderId.size() - digits] == u'0')
        return message;
    return {};
}

// Channels whose sender ID is a label agreed with the provider: any printable text.
QString labelProblem(const QString &senderId)
{
    if (senderId.front().isSpace() || senderId.back().isSpace())
        return QStringLiteral("must not begin or end with white space");
    for (const QChar c : senderId) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return QStringLiteral("must be a single line without control characters");
    }
    return {};
}

} // namespace

const QList<ChannelField> &channelFields(const QString &channel)
{
    static const QList<ChannelField> none;
    const auto it = specs().constFind(channel);
    return it == specs().cend() ? none : it->fields;
}

QStringList httpVendorTypesForChannel(const QString &channel)
{
    return specs().value(channel).httpVendorTypes;
}

bool smppAllowedForChannel(const QString &channel)
{
    return channel == QLatin1String("sms");
}

void checkChannelProperties(const QString &channel, const QString &vendorType, const QJsonObject &properties,
                            QHash<QString, QString> &errors)
{
    const auto spec = specs().constFind(channel);
    if (spec == specs().cend()) {
        report(errors, QStringLiteral("channel"), QStringLiteral("is not a messaging channel"));
        return;
    }
    const QString vendor = fieldVendor(*spec, vendorType);
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QString errorKey = QStringLiteral("properties.") + it.key();
        const ChannelField *f = lookup(spec->fields, it.key(), vendor);
        if (!f) {
            if (isKey(spec->fields, it.key()))
                report(errors, errorKey,
                       QStringLiteral("is not used with %1 connections").arg(labelOf(httpVendorTypes(), vendorType)));
            else
                report(errors, errorKey,
                       QStringLiteral("is not a field of %1 sender IDs").arg(labelOf(messagingChannels(), channel)));
            continue;
        }
        if (it.value().isNull())
            continue;
        const QString problem = valueProblem(*f, it.value());
        if (!problem.isEmpty())
            report(errors, errorKey, problem);
    }
    // A vendor's required fields wait until the sender has a connection: a draft may not have one yet.
    for (const ChannelField &f : spec->fields) {
        if (!f.required || (!f.vendor.isEmpty() && f.vendor != vendor))
            continue;
        if (!isGiven(properties.value(f.key)))
            report(errors, QStringLiteral("properties.") + f.key, QStringLiteral("is required"));
    }
}

QString senderIdProblem(const QString &channel, const QString &senderId)
{
    if (senderId.trimmed().isEmpty())
        return QStringLiteral("is required");
    // The record's column holds 64 characters; no channel's provider issues longer ids.
    if (senderId.size() > 64)
        return tooLong(64);
    if (channel == QLatin1String("sms"))
        return smsProblem(senderId);
    if (channel == QLatin1String("rcs"))
        return rcsProblem(senderId);
    // A WhatsApp sender is the business phone number, written with its country code.
    if (channel == QLatin1String("whatsapp"))
        return phoneSenderProblem(senderId, 7, true,
                                  QStringLiteral("must be a phone number in international format: 7 to 15 digits "
                                                 "with the country code, optionally after a +"));
    // The caller's A-number; operators also place calls from short numbers.
    if (channel == QLatin1String("voice"))
        return phoneSenderProblem(senderId, 3, false,
                                  QStringLiteral("must be the caller's number: 3 to 15 digits, optionally after a +"));
    return labelProblem(senderId);
}

QString guessSenderType(const QString &senderId)
{
    if (senderId.isEmpty())
        return {};
    qsizetype digits = 0;
    if (!isNumber(senderId, &digits))
        return QStringLiteral("alphanumeric");
    if (senderId.startsWith(u'+') || digits > 8)
        return QStringLiteral("longCode");
    return QStringLiteral("shortCode");
}

} // namespace backoffice::server
