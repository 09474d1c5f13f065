#include "TextCoding.h"

#include "Gsm7.h"
#include "Latin1.h"
#include "Ucs2.h"

namespace backoffice::smpp {

quint8 dataCodingFor(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Gsm7: return dataCoding::SmscDefault;
    case TextEncoding::Latin1: return dataCoding::Latin1;
    case TextEncoding::Ucs2: return dataCoding::Ucs2;
    }
    return dataCoding::SmscDefault;
}

TextEncoding chooseEncoding(QStringView text)
{
    return gsm7::canEncode(text) ? TextEncoding::Gsm7 : TextEncoding::Ucs2;
}

std::optional<QByteArray> encodeText(QStringView text, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Gsm7: return gsm7::encode(text);
    case TextEncoding::Latin1: return latin1::encode(text);
    case TextEncoding::Ucs2: return ucs2::encode(text);
    }
    return std::nullopt;
}

std::optional<TextEncoding> encodingOf(quint8 dataCoding, TextEncoding smscDefault)
{
    switch (dataCoding) {
    case dataCoding::SmscDefault: return smscDefault;
    case dataCoding::Ia5: // ASCII is Latin-1's lower half
    case dataCoding::Latin1: return TextEncoding::Latin1;
    case dataCoding::Ucs2: return TextEncoding::Ucs2;
    default: break;
    }
    // GSM 03.38 general data coding (00xxxxxx) with bit 5 clear (uncompressed): bits 3-2 name the
    // alphabet. Message class group (1111xxxx): bit 2 chooses 8-bit data over the default alphabet.
    if ((dataCoding & 0xC0) == 0x00 && (dataCoding & 0xF0) != 0x00 && !(dataCoding & 0x20)) {
        switch ((dataCoding >> 2) & 0x03) {
        case 0: return TextEncoding::Gsm7;
        case 2: return TextEncoding::Ucs2;
        default: return std::nullopt;
        }
    }
    if ((dataCoding & 0xF0) == 0xF0)
        return (dataCoding & 0x04) ? std::nullopt : std::optional(TextEncoding::Gsm7);
    return std::nullopt;
}

QString decodeText(QByteArrayView bytes, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Gsm7: return gsm7::decode(bytes);
    case TextEncoding::Latin1: return latin1::decode(bytes);
    case TextEncoding::Ucs2: return ucs2::decode(bytes);
    }
    return {};
}

std::optional<QString> decodeText(QByteArrayView bytes, quint8 dataCoding, TextEncoding smscDefault)
{
    const auto encoding = encodingOf(dataCoding, smscDefault);
    if (!encoding)
        return std::nullopt;
    return decodeText(bytes, *encoding);
}

} // namespace backoffice::smpp
