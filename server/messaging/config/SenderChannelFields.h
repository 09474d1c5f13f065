#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace backoffice::server {

// One channel-specific field of a sender ID (BO §6.5.2–6.5.11). Fields the manual shows for every
// channel (sender ID, name, status, webhook GUID, connection, login/password, monitoring
// thresholds, ...) are columns of the sender ID record; only what is left lives here, stored under
// the record's `properties` JSON object by `key`.
struct ChannelField {
    QString key; // camelCase key inside `properties`
    QString label; // shown next to the editor
    enum class Kind {
        Text, // a string
        Url, // an absolute http(s) URL with a host
        Email, // an e-mail address
        Integer, // a whole number from 1 to maxLength (maxLength is the largest value, not a length)
        Bool, // true or false
        Enum, // one of enumValues
        Phone, // international format: '+' and 6 to 15 digits
        Color, // "#RRGGBB"
        TextList // a JSON array of strings, one entry per line in a form; each entry is checked as itemKind
    } kind
        = Kind::Text;
    bool required = false;
    int maxLength = 0; // characters of the value (of each entry for TextList); 0: no limit
    QStringList enumValues;
    // Non-empty: the field exists only when the sender's HTTP connection has this vendorType (the
    // WhatsApp vendors "dialog360", "nexmo", "telin", "gupshup", "dialog360Cloud"; RCS's "googleRbm"
    // and "gsmaTransit"). A Telin NeuAPIX connection uses the "telin" fields.
    QString vendor;
    // For TextList: what each entry is. An entry may carry a button text after its value, separated by
    // white space ("+34600123456 Call us"), which is why the value itself never contains spaces.
    Kind itemKind = Kind::Text;
    // A credential (API key, secret, token): the API should not echo it back and forms should mask it.
    bool secret = false;
};

// The channel-specific fields of a channel ("sms", "rcs", "whatsapp", ...), in form order; empty for
// a channel without any (SMS, Mobile Push) or an unknown channel. With a WhatsApp or RCS vendor, the
// fields to show are those whose vendor is empty or that vendor.
const QList<ChannelField> &channelFields(const QString &channel);

// The HTTP connection vendor types (keys of httpVendorTypes()) that can carry a channel. Empty for the
// channels whose provider is set up on the sender itself rather than through an HTTP connection
// (Push: Firebase; TTS and Voice: Asterisk).
QStringList httpVendorTypesForChannel(const QString &channel);
// Only SMS can go over a vendor SMPP connection.
bool smppAllowedForChannel(const QString &channel);

// Checks `properties` against the channel's fields. vendorType is the vendorType of the sender's HTTP
// connection, empty when it has none yet; a vendor type that cannot carry the channel counts as empty
// (the caller reports the mismatch on the connection). Without a vendor, vendor-specific fields are
// optional and accepted for any of the channel's vendors. Errors go under "properties.<key>"; an
// unknown channel under "channel". A null value counts as absent.
void checkChannelProperties(const QString &channel, const QString &vendorType, const QJsonObject &properties,
                            QHash<QString, QString> &errors);

// Whether the sender ID text fits the channel; empty when it does, otherwise the message for the
// "senderId" field. The text is taken as given: the caller trims it first.
QString senderIdProblem(const QString &channel, const QString &senderId);

// The kind of an SMS sender ID: "alphanumeric" when it holds anything but digits; all digits (an
// optional leading '+' aside): "shortCode" up to 8 digits, "longCode" beyond, or with a '+' (short
// codes are national and never written internationally). Empty for an empty sender ID.
QString guessSenderType(const QString &senderId);

} // namespace backoffice::server
