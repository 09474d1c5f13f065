#include "MessagingEntities.h"
#include "SenderChannelFields.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace backoffice;
using namespace backoffice::server;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList result;
    for (const char *item : items)
        result.append(s(item));
    return result;
}

// Properties that satisfy every required field of the channel with that vendor, so a row can vary
// one value and expect exactly one error (or none).
QJsonObject complete(const QString &channel, const QString &vendor)
{
    QJsonObject p;
    auto put = [&](const char *key, const QJsonValue &value) { p.insert(s(key), value); };
    if (channel == u"rcs" && vendor == u"googleRbm") {
        put("apiAccessKey", s(R"({"type":"service_account","project_id":"demo"})"));
        put("agentId", s("brand_demo_agent"));
    } else if (channel == u"rcs" && vendor == u"gsmaTransit") {
        put("tokenDuration", 3600);
    } else if (channel == u"whatsapp") {
        put("wabaId", s("103302382679112"));
        if (vendor == u"dialog360") {
            put("apiKey", s("d360-key"));
            put("mediaUrl", s("https://waba.360dialog.io/v1/media"));
        } else if (vendor == u"nexmo") {
            put("apiKey", s("nexmo-key"));
            put("apiSecret", s("nexmo-secret"));
        } else if (vendor == u"telin" || vendor == u"telinNeuApix") {
            put("appId", s("app-1"));
            put("phoneNumberId", s("10987654321"));
            put("accessToken", s("telin-token"));
        } else if (vendor == u"gupshup") {
            put("appId", s("app-2"));
            put("apiKey", s("gupshup-key"));
            put("accessMediaToken", s("media-token"));
        } else if (vendor == u"dialog360Cloud") {
            put("apiKey", s("cloud-key"));
        }
    } else if (channel == u"wechat") {
        put("appId", s("wx1234567890abcdef"));
        put("appSecret", s("0123456789abcdef0123456789abcdef"));
        put("token", s("hornes"));
    } else if (channel == u"email") {
        put("apiKey", s("ee-key"));
        put("senderEmail", s("news@hornes.example"));
    } else if (channel == u"telegram") {
        put("apiKey", s("tg-key"));
    } else if (channel == u"push") {
        put("apiKey", s(R"({"type":"service_account"})"));
    }
    return p;
}

QHash<QString, QString> check(const QString &channel, const QString &vendor, const QJsonObject &properties)
{
    QHash<QString, QString> errors;
    checkChannelProperties(channel, vendor, properties, errors);
    return errors;
}

QString describe(const QHash<QString, QString> &errors)
{
    QStringList lines;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        lines.append(it.key() + u": " + it.value());
    lines.sort();
    return lines.join(u"; ");
}

} // namespace

class TestSenderChannelFields : public QObject
{
    Q_OBJECT
private slots:
    void tablesCoverTheCatalogue();
    void credentialsAreSecret();
    void vendorTypes_data();
    void vendorTypes();
    void requiredFields_data();
    void requiredFields();
    void values_data();
    void values();
    void unknownKeys_data();
    void unknownKeys();
    void unknownChannel();
    void senderIds_data();
    void senderIds();
    void senderTypes_data();
    void senderTypes();
};

// Every channel of the catalogue has a table, every vendor type carries some channel, and a field's
// vendor is one of its channel's vendor types: a vendor added to httpVendorTypes() without a home here
// would leave its connections unusable.
void TestSenderChannelFields::tablesCoverTheCatalogue()
{
    QSet<QString> vendorTypes;
    for (const EnumValue &v : httpVendorTypes())
        vendorTypes.insert(v.key);
    // The record's own columns never reappear inside properties.
    const QStringList columns = list({"companyId",
                                      "channel",
                                      "senderId",
                                      "name",
                                      "agreementId",
                                      "status",
                                      "webhookGuid",
                                      "senderType",
                                      "mcc",
                                      "keyword",
                                      "webhookUrl",
                                      "smppApiConnectionId",
                                      "vendorType",
                                      "vendorConnectionId",
                                      "failoverConnectionIds",
                                      "httpConnectionId",
                                      "httpLogin",
                                      "httpPassword",
                                      "serviceType",
                                      "notificationsEnabled",
                                      "triggerPercent",
                                      "minimalCount",
                                      "windowMinutes",
                                      "properties"});
    QSet<QString> carried;
    for (const EnumValue &channel : messagingChannels()) {
        QHash<QString, QString> errors;
        checkChannelProperties(channel.key, QString(), {}, errors);
        QVERIFY2(!errors.contains(s("channel")), qPrintable(channel.key));
        const QStringList vendors = httpVendorTypesForChannel(channel.key);
        for (const QString &vendor : vendors) {
            QVERIFY2(vendorTypes.contains(vendor), qPrintable(vendor));
            carried.insert(vendor);
        }
        QSet<QString> seen;
        for (const ChannelField &f : channelFields(channel.key)) {
            QVERIFY2(!columns.contains(f.key), qPrintable(f.key));
            QVERIFY2(!f.label.isEmpty(), qPrintable(f.key));
            QVERIFY2(f.vendor.isEmpty() || vendors.contains(f.vendor), qPrintable(f.key + u'/' + f.vendor));
            QVERIFY2(!seen.contains(f.vendor + u'/' + f.key), qPrintable(f.key));
            seen.insert(f.vendor + u'/' + f.key);
            if (f.kind == ChannelField::Kind::Enum)
                QVERIFY(!f.enumValues.isEmpty());
            if (f.kind == ChannelField::Kind::Integer)
                QVERIFY(f.maxLength > 1);
        }
    }
    QCOMPARE(carried, vendorTypes);
    QCOMPARE(channelFields(s("whatsapp")).first().key, s("wabaId")); // form order: the WABA comes first
}

void TestSenderChannelFields::credentialsAreSecret()
{
    for (const EnumValue &channel : messagingChannels()) {
        for (const ChannelField &f : channelFields(channel.key)) {
            const bool credential
                = f.key.endsWith(u"Key") || f.key.endsWith(u"Secret") || f.key.endsWith(u"Token") || f.key == u"token";
            QVERIFY2(f.secret == credential, qPrintable(channel.key + u'.' + f.key));
        }
    }
}

void TestSenderChannelFields::vendorTypes_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QStringList>("vendors");
    QTest::addColumn<bool>("smpp");
    QTest::newRow("sms") << s("sms") << list({"transitSms"}) << true;
    QTest::newRow("rcs") << s("rcs") << list({"googleRbm", "gsmaTransit"}) << false;
    QTest::newRow("viber") << s("viber") << list({"viber", "transitViber"}) << false;
    QTest::newRow("whatsapp") << s("whatsapp")
                              << list({"dialog360", "nexmo", "telin", "telinNeuApix", "gupshup", "dialog360Cloud"})
                              << false;
    QTest::newRow("wechat") << s("wechat") << list({"wechat"}) << false;
    QTest::newRow("email") << s("email") << list({"elasticemail"}) << false;
    QTest::newRow("telegram") << s("telegram") << list({"telegramGateway"}) << false;
    QTest::newRow("push: Firebase, no connection") << s("push") << QStringList() << false;
    QTest::newRow("tts: Asterisk, no connection") << s("tts") << QStringList() << false;
    QTest::newRow("voice: Asterisk, no connection") << s("voice") << QStringList() << false;
    QTest::newRow("mobilePush") << s("mobilePush") << list({"mobilePush"}) << false;
    QTest::newRow("unknown channel") << s("fax") << QStringList() << false;
}

void TestSenderChannelFields::vendorTypes()
{
    QFETCH(QString, channel);
    QFETCH(QStringList, vendors);
    QFETCH(bool, smpp);
    QCOMPARE(httpVendorTypesForChannel(channel), vendors);
    QCOMPARE(smppAllowedForChannel(channel), smpp);
}

void TestSenderChannelFields::requiredFields_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QStringList>("required");
    QTest::newRow("sms") << s("sms") << QString() << QStringList();
    QTest::newRow("rcs without connection") << s("rcs") << QString() << QStringList();
    QTest::newRow("rcs google") << s("rcs") << s("googleRbm") << list({"apiAccessKey", "agentId"});
    QTest::newRow("rcs gsma") << s("rcs") << s("gsmaTransit") << list({"tokenDuration"});
    QTest::newRow("viber") << s("viber") << s("viber") << QStringList();
    QTest::newRow("transit viber") << s("viber") << s("transitViber") << QStringList();
    QTest::newRow("whatsapp without connection") << s("whatsapp") << QString() << list({"wabaId"});
    QTest::newRow("whatsapp on a viber connection") << s("whatsapp") << s("viber") << list({"wabaId"});
    QTest::newRow("dialog360") << s("whatsapp") << s("dialog360") << list({"wabaId", "apiKey", "mediaUrl"});
    QTest::newRow("nexmo") << s("whatsapp") << s("nexmo") << list({"wabaId", "apiKey", "apiSecret"});
    QTest::newRow("telin") << s("whatsapp") << s("telin") << list({"wabaId", "appId", "phoneNumberId", "accessToken"});
    QTest::newRow("telin neuapix") << s("whatsapp") << s("telinNeuApix")
                                   << list({"wabaId", "appId", "phoneNumberId", "accessToken"});
    QTest::newRow("gupshup") << s("whatsapp") << s("gupshup")
                             << list({"wabaId", "appId", "apiKey", "accessMediaToken"});
    QTest::newRow("dialog360 cloud") << s("whatsapp") << s("dialog360Cloud") << list({"wabaId", "apiKey"});
    QTest::newRow("wechat") << s("wechat") << s("wechat") << list({"appId", "appSecret", "token"});
    QTest::newRow("email") << s("email") << s("elasticemail") << list({"apiKey", "senderEmail"});
    QTest::newRow("telegram") << s("telegram") << s("telegramGateway") << list({"apiKey"});
    QTest::newRow("push") << s("push") << QString() << list({"apiKey"});
    QTest::newRow("tts") << s("tts") << QString() << QStringList();
    QTest::newRow("voice") << s("voice") << QString() << QStringList();
    QTest::newRow("mobile push") << s("mobilePush") << s("mobilePush") << QStringList();
}

void TestSenderChannelFields::requiredFields()
{
    QFETCH(QString, channel);
    QFETCH(QString, vendor);
    QFETCH(QStringList, required);

    const QHash<QString, QString> missing = check(channel, vendor, {});
    QStringList expected;
    for (const QString &key : required)
        expected.append(u"properties." + key + u": is required");
    expected.sort();
    QCOMPARE(describe(missing), expected.join(u"; "));

    // Empty text and null count as missing too.
    QJsonObject blank;
    for (const QString &key : required)
        blank.insert(key, key == u"tokenDuration" ? QJsonValue() : QJsonValue(s("  ")));
    QCOMPARE(describe(check(channel, vendor, blank)), expected.join(u"; "));

    const QJsonObject filled = complete(channel, vendor);
    QVERIFY2(check(channel, vendor, filled).isEmpty(), qPrintable(describe(check(channel, vendor, filled))));
}

void TestSenderChannelFields::values_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error"); // empty: accepted

    const QString rcs = s("rcs");
    const QString none;
    // Url
    QTest::newRow("url https") << rcs << none << s("website") << QJsonValue(s("https://hornes.example/about")) << none;
    QTest::newRow("url http") << rcs << none << s("privacyPolicyUrl") << QJsonValue(s("http://hornes.example/p"))
                              << none;
    QTest::newRow("url ftp") << rcs << none << s("website") << QJsonValue(s("ftp://hornes.example"))
                             << s("must be an http(s) URL with a host");
    QTest::newRow("url without scheme") << rcs << none << s("logoUrl") << QJsonValue(s("hornes.example/logo.png"))
                                        << s("must be an http(s) URL with a host");
    QTest::newRow("url without host") << rcs << none << s("termsOfServiceUrl") << QJsonValue(s("https://"))
                                      << s("must be an http(s) URL with a host");
    QTest::newRow("url as number") << rcs << none << s("website") << QJsonValue(42) << s("must be text");
    QTest::newRow("url too long") << rcs << none << s("website")
                                  << QJsonValue(s("https://hornes.example/") + QString(480, u'a'))
                                  << s("must be at most 500 characters");
    QTest::newRow("optional url empty") << rcs << none << s("bannerImageUrl") << QJsonValue(QString()) << none;
    QTest::newRow("optional url null") << rcs << none << s("bannerImageUrl") << QJsonValue() << none;
    QTest::newRow("dialog360 media url") << s("whatsapp") << s("dialog360") << s("mediaUrl")
                                         << QJsonValue(s("waba.360dialog.io"))
                                         << s("must be an http(s) URL with a host");
    // Email
    QTest::newRow("email") << rcs << none << s("email") << QJsonValue(s("info@hornes.example")) << none;
    QTest::newRow("email without domain")
        << rcs << none << s("email") << QJsonValue(s("info@")) << s("must be an e-mail address");
    QTest::newRow("sender email") << s("email") << s("elasticemail") << s("senderEmail")
                                  << QJsonValue(s("hornes and hooves")) << s("must be an e-mail address");
    // Phone
    QTest::newRow("phone") << rcs << none << s("phoneNumber") << QJsonValue(s("+34600123456")) << none;
    QTest::newRow("phone grouped") << rcs << none << s("phoneNumber") << QJsonValue(s("+34 600-123-456")) << none;
    QTest::newRow("phone national") << rcs << none << s("phoneNumber") << QJsonValue(s("0600123456"))
                                    << s("must be a phone number in international format, like +34600123456");
    QTest::newRow("phone letters") << rcs << none << s("phoneNumber") << QJsonValue(s("+34 CALL US"))
                                   << s("must be a phone number in international format, like +34600123456");
    // Color
    QTest::newRow("color") << rcs << none << s("color") << QJsonValue(s("#00AaFf")) << none;
    QTest::newRow("color short") << rcs << none << s("color") << QJsonValue(s("#FFF"))
                                 << s("must be a colour written #RRGGBB");
    QTest::newRow("color name") << rcs << none << s("color") << QJsonValue(s("red"))
                                << s("must be a colour written #RRGGBB");
    QTest::newRow("color not hex") << rcs << none << s("color") << QJsonValue(s("#GG0000"))
                                   << s("must be a colour written #RRGGBB");
    // Integer
    const QString gsma = s("gsmaTransit");
    QTest::newRow("integer") << rcs << gsma << s("tokenDuration") << QJsonValue(3600) << none;
    QTest::newRow("integer largest") << rcs << gsma << s("tokenDuration") << QJsonValue(86400) << none;
    QTest::newRow("integer zero") << rcs << gsma << s("tokenDuration") << QJsonValue(0)
                                  << s("must be a whole number from 1 to 86400");
    QTest::newRow("integer too big") << rcs << gsma << s("tokenDuration") << QJsonValue(86401)
                                     << s("must be a whole number from 1 to 86400");
    QTest::newRow("integer fraction") << rcs << gsma << s("tokenDuration") << QJsonValue(1.5)
                                      << s("must be a whole number from 1 to 86400");
    QTest::newRow("integer as text") << rcs << gsma << s("tokenDuration") << QJsonValue(s("3600"))
                                     << s("must be a whole number from 1 to 86400");
    // Bool
    QTest::newRow("bool") << s("viber") << s("viber") << s("sessionsMode") << QJsonValue(true) << none;
    QTest::newRow("bool false") << s("telegram") << s("telegramGateway") << s("isVerified") << QJsonValue(false)
                                << none;
    QTest::newRow("bool as text") << s("viber") << s("viber") << s("sessionsMode") << QJsonValue(s("yes"))
                                  << s("must be true or false");
    QTest::newRow("bool as number") << s("whatsapp") << none << s("isSync") << QJsonValue(1)
                                    << s("must be true or false");
    // Enum
    QTest::newRow("enum") << s("tts") << none << s("provider") << QJsonValue(s("asterisk")) << none;
    QTest::newRow("enum other") << s("voice") << none << s("provider") << QJsonValue(s("freeswitch"))
                                << s("must be one of: asterisk");
    QTest::newRow("enum push") << s("push") << none << s("provider") << QJsonValue(s("firebase")) << none;
    // Text lengths
    QTest::newRow("text at limit") << rcs << none << s("description") << QJsonValue(QString(100, u'x')) << none;
    QTest::newRow("text over limit") << rcs << none << s("description") << QJsonValue(QString(101, u'x'))
                                     << s("must be at most 100 characters");
    QTest::newRow("button text over limit")
        << rcs << none << s("phoneLabel") << QJsonValue(QString(26, u'x')) << s("must be at most 25 characters");
    QTest::newRow("text as object") << s("wechat") << s("wechat") << s("appId") << QJsonValue(QJsonObject())
                                    << s("must be text");
    // TextList
    QTest::newRow("phones") << rcs << none << s("extraPhones")
                            << QJsonValue(QJsonArray {s("+34600123456 Call us"), s("+4930123456")}) << none;
    QTest::newRow("phones bad entry") << rcs << none << s("extraPhones")
                                      << QJsonValue(QJsonArray {s("+34600123456"), s("600 123 456")})
                                      << s("entry 2 must be a phone number in international format, like +34600123456");
    QTest::newRow("phones empty entry") << rcs << none << s("extraPhones") << QJsonValue(QJsonArray {s(" ")})
                                        << s("entry 1 must be non-empty text");
    QTest::newRow("phones not a list") << rcs << none << s("extraPhones") << QJsonValue(s("+34600123456"))
                                       << s("must be a list of text entries");
    QTest::newRow("phones entry too long")
        << rcs << none << s("extraPhones") << QJsonValue(QJsonArray {QString(s("+34600123456 ") + QString(50, u'x'))})
        << s("entry 1 must be at most 58 characters");
    QTest::newRow("websites") << rcs << none << s("extraWebsites")
                              << QJsonValue(QJsonArray {s("https://shop.hornes.example Shop")}) << none;
    QTest::newRow("websites bad") << rcs << none << s("extraWebsites")
                                  << QJsonValue(QJsonArray {s("www.hornes.example")})
                                  << s("entry 1 must be an http(s) URL with a host");
    QTest::newRow("emails") << rcs << none << s("extraEmails")
                            << QJsonValue(QJsonArray {s("sales@hornes.example Write to sales")}) << none;
    QTest::newRow("emails number") << rcs << none << s("extraEmails") << QJsonValue(QJsonArray {7})
                                   << s("entry 1 must be non-empty text");
    QTest::newRow("empty list") << rcs << none << s("extraEmails") << QJsonValue(QJsonArray()) << none;
}

void TestSenderChannelFields::values()
{
    QFETCH(QString, channel);
    QFETCH(QString, vendor);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);

    QJsonObject properties = complete(channel, vendor);
    properties.insert(key, value);
    const QHash<QString, QString> errors = check(channel, vendor, properties);
    QCOMPARE(describe(errors), error.isEmpty() ? QString() : u"properties." + key + u": " + error);
}

void TestSenderChannelFields::unknownKeys_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("error"); // empty: accepted

    QTest::newRow("sms has none") << s("sms") << QString() << s("color") << s("is not a field of SMS sender IDs");
    QTest::newRow("a column is not a property")
        << s("sms") << s("transitSms") << s("mcc") << s("is not a field of SMS sender IDs");
    QTest::newRow("viber") << s("viber") << s("viber") << s("wabaId") << s("is not a field of Viber sender IDs");
    QTest::newRow("telegram") << s("telegram") << s("telegramGateway") << s("sessionsMode")
                              << s("is not a field of Telegram Gateway sender IDs");
    QTest::newRow("mobile push") << s("mobilePush") << s("mobilePush") << s("login")
                                 << s("is not a field of Mobile Push sender IDs");
    QTest::newRow("case matters") << s("whatsapp") << QString() << s("WabaId")
                                  << s("is not a field of WhatsApp sender IDs");
    QTest::newRow("nexmo secret on dialog360")
        << s("whatsapp") << s("dialog360") << s("apiSecret") << s("is not used with Dialog360 connections");
    QTest::newRow("dialog360 media on nexmo")
        << s("whatsapp") << s("nexmo") << s("mediaUrl") << s("is not used with Nexmo connections");
    QTest::newRow("telin id on gupshup") << s("whatsapp") << s("gupshup") << s("phoneNumberId")
                                         << s("is not used with Gupshup connections");
    QTest::newRow("gsma on google") << s("rcs") << s("googleRbm") << s("tokenDuration")
                                    << s("is not used with Google RBM connections");
    QTest::newRow("no connection yet: any vendor's") << s("whatsapp") << QString() << s("apiSecret") << QString();
    QTest::newRow("neuapix uses telin's") << s("whatsapp") << s("telinNeuApix") << s("phoneNumberId") << QString();
    QTest::newRow("mismatched connection") << s("whatsapp") << s("viber") << s("mediaUrl") << QString();
}

void TestSenderChannelFields::unknownKeys()
{
    QFETCH(QString, channel);
    QFETCH(QString, vendor);
    QFETCH(QString, key);
    QFETCH(QString, error);

    QJsonObject properties = complete(channel, vendor);
    const ChannelField *known = nullptr;
    for (const ChannelField &f : channelFields(channel)) {
        if (f.key == key)
            known = &f;
    }
    properties.insert(key,
                      known && known->kind == ChannelField::Kind::Url ? QJsonValue(s("https://cdn.example/m"))
                                                                      : QJsonValue(s("value")));
    const QHash<QString, QString> errors = check(channel, vendor, properties);
    QCOMPARE(describe(errors), error.isEmpty() ? QString() : u"properties." + key + u": " + error);
}

void TestSenderChannelFields::unknownChannel()
{
    QHash<QString, QString> errors;
    checkChannelProperties(s("fax"), QString(), QJsonObject {{s("x"), 1}}, errors);
    QCOMPARE(describe(errors), s("channel: is not a messaging channel"));
    QVERIFY(channelFields(s("fax")).isEmpty());

    // An earlier message for the channel stays.
    errors = {{s("channel"), s("is required")}};
    checkChannelProperties(QString(), QString(), {}, errors);
    QCOMPARE(errors.value(s("channel")), s("is required"));
}

void TestSenderChannelFields::senderIds_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("senderId");
    QTest::addColumn<QString>("error"); // empty: valid

    const QString none;
    const QString sms = s("sms");
    QTest::newRow("sms alphanumeric") << sms << s("HoHo") << none;
    QTest::newRow("sms 11 characters") << sms << s("HornesHoove") << none;
    QTest::newRow("sms 12 characters") << sms << s("HornesHooves")
                                       << s("an alphanumeric sender ID has at most 11 characters");
    QTest::newRow("sms spaces and marks") << sms << s("H&H Shop-24") << none;
    QTest::newRow("sms dot and apostrophe") << sms << s("Bob's.Cafe") << none;
    QTest::newRow("sms letters after digits") << sms << s("24Shop") << none;
    QTest::newRow("sms at sign") << sms << s("Shop@Home")
                                 << s("may hold only Latin letters, digits, spaces and . - _ & ' ! + #");
    QTest::newRow("sms accented") << sms << s("Café")
                                  << s("may hold only Latin letters, digits, spaces and . - _ & ' ! + #");
    QTest::newRow("sms no letter") << sms << s("123-456") << s("an alphanumeric sender ID needs at least one letter");
    QTest::newRow("sms short code") << sms << s("7777") << none;
    QTest::newRow("sms three digits") << sms << s("112") << none;
    QTest::newRow("sms two digits") << sms << s("12") << s("a numeric sender ID has 3 to 15 digits");
    QTest::newRow("sms long code") << sms << s("491701234567") << none;
    QTest::newRow("sms international") << sms << s("+491701234567") << none;
    QTest::newRow("sms 15 digits") << sms << s("123456789012345") << none;
    QTest::newRow("sms 16 digits") << sms << s("1234567890123456") << s("a numeric sender ID has 3 to 15 digits");
    QTest::newRow("sms empty") << sms << QString() << s("is required");

    const QString whatsapp = s("whatsapp");
    const QString waProblem = s("must be a phone number in international format: 7 to 15 digits with the country code, "
                                "optionally after a +");
    QTest::newRow("whatsapp number") << whatsapp << s("995597975687") << none;
    QTest::newRow("whatsapp with plus") << whatsapp << s("+995597975687") << none;
    QTest::newRow("whatsapp name") << whatsapp << s("Hornes and Hooves") << waProblem;
    QTest::newRow("whatsapp national") << whatsapp << s("0597975687") << waProblem;
    QTest::newRow("whatsapp too short") << whatsapp << s("+12345") << waProblem;
    QTest::newRow("whatsapp too long") << whatsapp << s("+1234567890123456") << waProblem;

    const QString voiceProblem = s("must be the caller's number: 3 to 15 digits, optionally after a +");
    QTest::newRow("voice a-number") << s("voice") << s("+4930123456") << none;
    QTest::newRow("voice national") << s("voice") << s("030123456") << none;
    QTest::newRow("voice name") << s("voice") << s("Hornes and Hooves") << voiceProblem;

    QTest::newRow("rcs agent id") << s("rcs") << s("hornes_hooves-agent.1") << none;
    QTest::newRow("rcs bot guid") << s("rcs") << s("3f2c9a1e-0b7d-4e2a-9c1f-2d3e4f5a6b7c") << none;
    QTest::newRow("rcs with space") << s("rcs") << s("hornes agent")
                                    << s("may hold only Latin letters, digits and _ - . @ :");

    QTest::newRow("viber name") << s("viber") << s("Hornes and Hooves") << none;
    QTest::newRow("email label") << s("email") << s("HoHo") << none;
    QTest::newRow("wechat") << s("wechat") << s("wechat") << none;
    QTest::newRow("tts") << s("tts") << s("VoiceTTS") << none;
    QTest::newRow("telegram 64") << s("telegram") << QString(64, u'T') << none;
    QTest::newRow("telegram 65") << s("telegram") << QString(65, u'T') << s("must be at most 64 characters");
    QTest::newRow("push line break") << s("push") << s("Ho\nHo")
                                     << s("must be a single line without control characters");
    QTest::newRow("mobile push padded") << s("mobilePush") << s(" HoHo") << s("must not begin or end with white space");
    QTest::newRow("blank") << s("mobilePush") << s("   ") << s("is required");
}

void TestSenderChannelFields::senderIds()
{
    QFETCH(QString, channel);
    QFETCH(QString, senderId);
    QFETCH(QString, error);
    QCOMPARE(senderIdProblem(channel, senderId), error);
}

void TestSenderChannelFields::senderTypes_data()
{
    QTest::addColumn<QString>("senderId");
    QTest::addColumn<QString>("type");
    QTest::newRow("letters") << s("HoHo") << s("alphanumeric");
    QTest::newRow("letters and digits") << s("Shop24") << s("alphanumeric");
    QTest::newRow("digits with space") << s("12 34") << s("alphanumeric");
    QTest::newRow("three digits") << s("123") << s("shortCode");
    QTest::newRow("eight digits") << s("12345678") << s("shortCode");
    QTest::newRow("nine digits") << s("123456789") << s("longCode");
    QTest::newRow("msisdn") << s("491701234567") << s("longCode");
    QTest::newRow("plus") << s("+12345") << s("longCode");
    QTest::newRow("empty") << QString() << QString();
}

void TestSenderChannelFields::senderTypes()
{
    QFETCH(QString, senderId);
    QFETCH(QString, type);
    QCOMPARE(guessSenderType(senderId), type);
}

QTEST_GUILESS_MAIN(TestSenderChannelFields)
#include "tst_senderchannelfields.moc"
