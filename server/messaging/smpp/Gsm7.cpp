#include "Gsm7.h"

#include <array>

namespace backoffice::smpp::gsm7 {

namespace {

// 23.038 section 6.2.1, indexed by septet. 0x1B (ESC) maps to NBSP only to fill the slot: the
// encoder never emits it for a character and the decoder handles ESC before looking here.
constexpr char16_t DefaultTable[128] = {
    u'@',      u'\u00A3', u'$',      u'\u00A5', u'\u00E8', u'\u00E9', u'\u00F9', u'\u00EC', //
    u'\u00F2', u'\u00C7', u'\n',     u'\u00D8', u'\u00F8', u'\r',     u'\u00C5', u'\u00E5', //
    u'\u0394', u'_',      u'\u03A6', u'\u0393', u'\u039B', u'\u03A9', u'\u03A0', u'\u03A8', //
    u'\u03A3', u'\u0398', u'\u039E', u'\u00A0', u'\u00C6', u'\u00E6', u'\u00DF', u'\u00C9', //
    u' ',      u'!',      u'"',      u'#',      u'\u00A4', u'%',      u'&',      u'\'', //
    u'(',      u')',      u'*',      u'+',      u',',      u'-',      u'.',      u'/', //
    u'0',      u'1',      u'2',      u'3',      u'4',      u'5',      u'6',      u'7', //
    u'8',      u'9',      u':',      u';',      u'<',      u'=',      u'>',      u'?', //
    u'\u00A1', u'A',      u'B',      u'C',      u'D',      u'E',      u'F',      u'G', //
    u'H',      u'I',      u'J',      u'K',      u'L',      u'M',      u'N',      u'O', //
    u'P',      u'Q',      u'R',      u'S',      u'T',      u'U',      u'V',      u'W', //
    u'X',      u'Y',      u'Z',      u'\u00C4', u'\u00D6', u'\u00D1', u'\u00DC', u'\u00A7', //
    u'\u00BF', u'a',      u'b',      u'c',      u'd',      u'e',      u'f',      u'g', //
    u'h',      u'i',      u'j',      u'k',      u'l',      u'm',      u'n',      u'o', //
    u'p',      u'q',      u'r',      u's',      u't',      u'u',      u'v',      u'w', //
    u'x',      u'y',      u'z',      u'\u00E4', u'\u00F6', u'\u00F1', u'\u00FC', u'\u00E0', //
};

struct Extension {
    char code;
    char16_t character;
};

// 23.038 section 6.2.1.1: the characters reached through ESC (form feed is the page break).
constexpr Extension ExtensionTable[] = {
    {0x0A, u'\f'}, {0x14, u'^'}, {0x28, u'{'}, {0x29, u'}'}, {0x2F, u'\\'},
    {0x3C, u'['},  {0x3D, u'~'}, {0x3E, u']'}, {0x40, u'|'}, {0x65, u'\u20AC'},
};

constexpr int NotInAlphabet = -1;
// Encoding lookup: the septet for a character, with 0x80 set for extension codes.
constexpr int ExtensionFlag = 0x80;

int lookup(char16_t c)
{
    // Everything but Greek capitals and the euro sign lies below U+0100: one small table for those,
    // a scan of a dozen entries for the rest.
    static const std::array<qint16, 256> latin = [] {
        std::array<qint16, 256> table;
        table.fill(NotInAlphabet);
        for (int septet = 0; septet < 128; ++septet) {
            if (septet != Escape && DefaultTable[septet] < 256)
                table[DefaultTable[septet]] = qint16(septet);
        }
        for (const Extension &e : ExtensionTable) {
            if (e.character < 256)
                table[e.character] = qint16(ExtensionFlag | e.code);
        }
        return table;
    }();
    if (c < 256)
        return latin[c];
    for (int septet = 0x10; septet < 0x1B; ++septet) {
        if (DefaultTable[septet] == c)
            return septet;
    }
    if (c == u'\u20AC')
        return ExtensionFlag | 0x65;
    return NotInAlphabet;
}

} // namespace

int septetsFor(QChar c)
{
    const int code = lookup(c.unicode());
    if (code == NotInAlphabet)
        return 0;
    return (code & ExtensionFlag) ? 2 : 1;
}

bool canEncode(QStringView text)
{
    return septetCount(text) >= 0;
}

int septetCount(QStringView text)
{
    int count = 0;
    for (QChar c : text) {
        const int septets = septetsFor(c);
        if (septets == 0)
            return -1;
        count += septets;
    }
    return count;
}

std::optional<QByteArray> encode(QStringView text)
{
    QByteArray septets;
    septets.reserve(text.size());
    for (QChar c : text) {
        const int code = lookup(c.unicode());
        if (code == NotInAlphabet)
            return std::nullopt;
        if (code & ExtensionFlag)
            septets.append(Escape);
        septets.append(char(code & 0x7F));
    }
    return septets;
}

QString decode(QByteArrayView septets)
{
    QString text;
    text.reserve(septets.size());
    for (qsizetype i = 0; i < septets.size(); ++i) {
        const quint8 septet = quint8(septets[i]);
        if (septet > 0x7F) {
            text.append(QChar::ReplacementCharacter);
            continue;
        }
        if (septet != quint8(Escape)) {
            text.append(QChar(DefaultTable[septet]));
            continue;
        }
        if (i + 1 == septets.size()) {
            text.append(u' ');
            break;
        }
        const quint8 code = quint8(septets[++i]);
        if (code > 0x7F) {
            text.append(QChar::ReplacementCharacter);
            continue;
        }
        char16_t character = code == quint8(Escape) ? u' ' : DefaultTable[code];
        for (const Extension &e : ExtensionTable) {
            if (quint8(e.code) == code)
                character = e.character;
        }
        text.append(QChar(character));
    }
    return text;
}

QByteArray pack(QByteArrayView septets, int fillBits)
{
    fillBits = qBound(0, fillBits, 6);
    const qsizetype bits = fillBits + 7 * septets.size();
    QByteArray packed((bits + 7) / 8, '\0');
    auto put = [&packed](qsizetype bitPos, quint8 septet) {
        const qsizetype byte = bitPos / 8;
        const int shift = int(bitPos % 8);
        packed[byte] = char(quint8(packed[byte]) | quint8(septet << shift));
        if (shift > 1 && byte + 1 < packed.size())
            packed[byte + 1] = char(quint8(packed[byte + 1]) | quint8(septet >> (8 - shift)));
    };
    for (qsizetype i = 0; i < septets.size(); ++i)
        put(fillBits + 7 * i, quint8(septets[i]) & 0x7F);
    if (!septets.isEmpty() && packed.size() * 8 - bits == 7)
        put(bits, 0x0D);
    return packed;
}

QByteArray unpack(QByteArrayView packed, int septetCount, int fillBits)
{
    fillBits = qBound(0, fillBits, 6);
    const qsizetype available = (packed.size() * 8 - fillBits) / 7;
    const qsizetype count = septetCount < 0 ? available : qMin<qsizetype>(septetCount, qMax<qsizetype>(available, 0));
    QByteArray septets(count, Qt::Uninitialized);
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype bitPos = fillBits + 7 * i;
        const qsizetype byte = bitPos / 8;
        const int shift = int(bitPos % 8);
        unsigned value = quint8(packed[byte]) >> shift;
        if (shift > 1 && byte + 1 < packed.size())
            value |= unsigned(quint8(packed[byte + 1])) << (8 - shift);
        septets[i] = char(value & 0x7F);
    }
    return septets;
}

int fillBitsAfterUdh(int udhOctets)
{
    return (7 - (udhOctets * 8) % 7) % 7;
}

} // namespace backoffice::smpp::gsm7
