#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

// The text encodings a short message can use, and how data_coding (SMPP 3.4 section 5.2.19, with
// the GSM 03.38 coding groups) names them.
namespace backoffice::smpp {

enum class TextEncoding { Gsm7, Latin1, Ucs2 };

namespace dataCoding {
constexpr quint8 SmscDefault = 0x00; // the SMSC's default alphabet: GSM-7 on most SMSCs
constexpr quint8 Ia5 = 0x01; // IA5 (ASCII)
constexpr quint8 Binary = 0x02; // 8-bit binary (0x04 too)
constexpr quint8 Latin1 = 0x03;
constexpr quint8 Ucs2 = 0x08;
} // namespace dataCoding

// The data_coding value to send text with.
quint8 dataCodingFor(TextEncoding encoding);
// GSM-7 when every character is in the alphabet (its extension table included), else UCS-2: the
// cheapest encoding every handset shows.
TextEncoding chooseEncoding(QStringView text);
// The text in that encoding (GSM-7 as unpacked septets); nullopt when it does not fit it.
std::optional<QByteArray> encodeText(QStringView text, TextEncoding encoding);
// The encoding a data_coding names, or nullopt for binary data and alphabets the engine does not
// read (JIS, Cyrillic, Hebrew…, compressed). smscDefault says what data_coding 0 means for this
// connection (the connection's "Default datacoding" setting).
std::optional<TextEncoding> encodingOf(quint8 dataCoding, TextEncoding smscDefault = TextEncoding::Gsm7);
// The text of a short message; nullopt when encodingOf() has no encoding for data_coding.
std::optional<QString> decodeText(QByteArrayView bytes, quint8 dataCoding,
                                  TextEncoding smscDefault = TextEncoding::Gsm7);
QString decodeText(QByteArrayView bytes, TextEncoding encoding);

} // namespace backoffice::smpp
