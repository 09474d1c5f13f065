#include "NumberText.h"

#include <charconv>
#include <cmath>

namespace backoffice::spreadsheet {

namespace {

constexpr int MaxSignificantDigits = 15;

// Digits "d.ddde±x" from std::to_chars in scientific form, into plain notation. Plain char
// buffers: this runs for every number of a sheet.
QString plainFromScientific(const char *begin, const char *end)
{
    const bool negative = begin != end && *begin == '-';
    if (negative)
        ++begin;
    char digits[32];
    int count = 0;
    const char *p = begin;
    for (; p != end && *p != 'e' && count < int(sizeof digits); ++p) {
        if (*p != '.')
            digits[count++] = *p;
    }
    int exponent = 0;
    if (p != end)
        std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), end, exponent);
    while (count > 1 && digits[count - 1] == '0')
        --count;

    // The value is 0.<digits> × 10^(exponent + 1): `point` digits stand before the decimal point.
    const int point = exponent + 1;
    QString text;
    text.reserve(count + std::abs(point) + 3);
    if (negative)
        text.append(u'-');
    const auto appendDigits = [&text, &digits](int from, int to) {
        for (int i = from; i < to; ++i)
            text.append(QChar(u'0' + (digits[i] - '0')));
    };
    if (point <= 0) {
        text.append(u"0.");
        text.append(QString(-point, u'0'));
        appendDigits(0, count);
    } else if (point >= count) {
        appendDigits(0, count);
        text.append(QString(point - count, u'0'));
    } else {
        appendDigits(0, point);
        text.append(u'.');
        appendDigits(point, count);
    }
    return text;
}

} // namespace

std::optional<QString> numberText(double value)
{
    if (!std::isfinite(value))
        return std::nullopt;
    if (value == 0) // also -0, which a sheet shows as 0
        return QStringLiteral("0");

    // Shortest round-trip digits first; to_chars guarantees no shorter text reads back the same.
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    if (error != std::errc())
        return std::nullopt;
    int significant = 0;
    for (const char *p = buffer; p != end && *p != 'e'; ++p)
        significant += (*p >= '0' && *p <= '9') ? 1 : 0;
    if (significant > MaxSignificantDigits) {
        // More than 15 digits means the double is not the exact image of a short decimal (an
        // artefact of binary arithmetic such as 0.1 + 0.2): round to what a double holds.
        auto rounded = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific,
                                     MaxSignificantDigits - 1);
        if (rounded.ec != std::errc())
            return std::nullopt;
        end = rounded.ptr;
    }
    return plainFromScientific(buffer, end);
}

std::optional<QString> numberText(QStringView text)
{
    text = text.trimmed();
    // A plain ASCII copy for from_chars; longer text is no number a sheet writes.
    char buffer[128];
    if (text.isEmpty() || text.size() >= qsizetype(sizeof buffer))
        return std::nullopt;
    qsizetype length = 0;
    for (const QChar c : text) {
        if (c.unicode() > 0x7f)
            return std::nullopt;
        buffer[length++] = char(c.unicode());
    }
    const char *begin = buffer;
    if (*begin == '+') // from_chars refuses a plus sign; "+5" is still 5
        ++begin;
    double value = 0;
    const auto [end, error] = std::from_chars(begin, buffer + length, value);
    if (error != std::errc() || end != buffer + length)
        return std::nullopt;
    return numberText(value);
}

} // namespace backoffice::spreadsheet
