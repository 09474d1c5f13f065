#include "TextDecoding.h"

#include "SheetBuilder.h"

#include <QStringDecoder>

namespace backoffice::spreadsheet {

namespace {

// Windows-1252 differs from Latin-1 only in 0x80..0x9F. The five bytes Windows leaves undefined
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same value, as browsers do.
constexpr char16_t Windows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

QString decodeWindows1252(QByteArrayView bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char c : bytes) {
        const auto byte = uchar(c);
        *out++ = QChar(byte >= 0x80 && byte < 0xA0 ? Windows1252High[byte - 0x80] : char16_t(byte));
    }
    return text;
}

// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode
// table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or -1. Only run once
// Qt's decoder has reported an error, to say where.
qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const uchar lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uchar low = 0x80, high = 0xBF; // allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        for (int k = 1; k < length; ++k) {
            if (i + k >= size)
                return i; // the sequence is cut off by the end of the file
            const uchar next = data[i + k];
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF))
                return i;
        }
        i += length;
    }
    return -1;
}

// 1-based line of a byte offset, counting CRLF, LF and lone CR as one line break each.
qint64 lineAt(QByteArrayView bytes, qsizetype offset)
{
    qint64 line = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')))
            ++line;
    }
    return line;
}

ReadError fileError(const QString &message)
{
    ReadError error;
    error.message = message;
    return error;
}

ReadError nulError(QByteArrayView bytes, qsizetype offset)
{
    return fileError(QStringLiteral("The file holds binary data (a zero byte at offset %1, line %2), not text — if it "
                                    "is UTF-16 text, save it with a byte order mark or as UTF-8")
                         .arg(groupedNumber(offset), groupedNumber(lineAt(bytes, offset))));
}

std::variant<QString, ReadError> decodeUtf8(const QByteArray &data, qsizetype start)
{
    const QByteArrayView bytes = QByteArrayView(data).sliced(start);
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (!decoder.hasError())
        return text;
    const qsizetype bad = firstInvalidUtf8(bytes);
    const qsizetype offset = start + std::max<qsizetype>(bad, 0);
    return fileError(QStringLiteral("The file is not valid UTF-8 text (byte 0x%1 at offset %2, line %3) — save it as "
                                    "UTF-8 or choose the Windows-1252 encoding")
                         .arg(QString::number(uchar(data.at(offset)), 16).toUpper().rightJustified(2, u'0'),
                              groupedNumber(offset), groupedNumber(lineAt(data, offset))));
}

std::variant<QString, ReadError> decodeUtf16(const QByteArray &data, QStringConverter::Encoding encoding)
{
    const QByteArrayView bytes = QByteArrayView(data).sliced(2);
    if (bytes.size() % 2 != 0)
        return fileError(QStringLiteral("The file is not valid UTF-16 text: it ends in the middle of a character"));
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError() || !text.isValidUtf16())
        return fileError(QStringLiteral("The file is not valid UTF-16 text: it holds an unpaired surrogate"));
    const qsizetype nul = text.indexOf(QChar(0));
    if (nul >= 0)
        return fileError(QStringLiteral("The file holds binary data (a zero character at offset %1), not text")
                             .arg(groupedNumber(2 + 2 * nul)));
    return text;
}

} // namespace

std::variant<QString, ReadError> decodeText(const QByteArray &data, TextEncoding encoding)
{
    if (data.startsWith("\xFF\xFE"))
        return decodeUtf16(data, QStringConverter::Utf16LE);
    if (data.startsWith("\xFE\xFF"))
        return decodeUtf16(data, QStringConverter::Utf16BE);

    const bool utf8Bom = data.startsWith("\xEF\xBB\xBF");
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0)
        return nulError(data, nul);
    if (utf8Bom || encoding == TextEncoding::Utf8)
        return decodeUtf8(data, utf8Bom ? 3 : 0);
    if (encoding == TextEncoding::Latin1)
        return QString::fromLatin1(data);
    return decodeWindows1252(data);
}

} // namespace backoffice::spreadsheet
