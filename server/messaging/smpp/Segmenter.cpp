#include "Segmenter.h"

#include "Gsm7.h"

namespace backoffice::smpp {

namespace {

constexpr int UserDataOctets = 140;

// One character (or surrogate pair) at a time, with its cost in the encoding's units; the split and
// the count share it so they cannot disagree.
struct Unit {
    qsizetype length = 0; // QChars taken from the text
    int cost = 0; // units in the encoding, 0 if it does not fit
};

Unit unitAt(QStringView text, qsizetype i, TextEncoding encoding)
{
    const QChar c = text[i];
    switch (encoding) {
    case TextEncoding::Gsm7: return {1, gsm7::septetsFor(c)};
    case TextEncoding::Latin1: return {1, c.unicode() <= 0xFF ? 1 : 0};
    case TextEncoding::Ucs2:
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            return {2, 2};
        return {1, 1};
    }
    return {1, 0};
}

// Calls part(begin, end) for each part's range of the text; false when a character does not fit.
template<class OnPart> bool forEachPart(QStringView text, TextEncoding encoding, int udhOctets, OnPart part)
{
    const SegmentLimits limits = segmentLimits(encoding, udhOctets);
    int total = 0;
    for (qsizetype i = 0; i < text.size();) {
        const Unit unit = unitAt(text, i, encoding);
        if (unit.cost == 0)
            return false;
        total += unit.cost;
        i += unit.length;
    }
    if (total <= limits.single) {
        part(0, text.size(), total);
        return true;
    }
    qsizetype begin = 0;
    int used = 0;
    for (qsizetype i = 0; i < text.size();) {
        const Unit unit = unitAt(text, i, encoding);
        if (used + unit.cost > limits.perPart) {
            part(begin, i, used);
            begin = i;
            used = 0;
        }
        used += unit.cost;
        i += unit.length;
    }
    part(begin, text.size(), used);
    return true;
}

} // namespace

SegmentLimits segmentLimits(TextEncoding encoding, int udhOctets)
{
    const int partOctets = UserDataOctets - udhOctets;
    switch (encoding) {
    case TextEncoding::Gsm7: return {UserDataOctets * 8 / 7, partOctets * 8 / 7};
    case TextEncoding::Ucs2: return {UserDataOctets / 2, partOctets / 2};
    case TextEncoding::Latin1: return {UserDataOctets, partOctets};
    }
    return {};
}

SegmentCount countSegments(QStringView text, TextEncoding encoding, int udhOctets)
{
    SegmentCount count;
    count.encoding = encoding;
    int lastUsed = 0;
    const bool fits = forEachPart(text, encoding, udhOctets, [&](qsizetype, qsizetype, int used) {
        ++count.parts;
        count.units += used;
        lastUsed = used;
    });
    if (!fits)
        return SegmentCount {encoding, 0, 0, 0};
    const SegmentLimits limits = segmentLimits(encoding, udhOctets);
    count.unitsLeft = (count.parts == 1 ? limits.single : limits.perPart) - lastUsed;
    return count;
}

SegmentCount countSegments(QStringView text)
{
    return countSegments(text, chooseEncoding(text));
}

QList<QByteArray> splitText(QStringView text, TextEncoding encoding, int udhOctets)
{
    QList<QByteArray> parts;
    const bool fits = forEachPart(text, encoding, udhOctets, [&](qsizetype begin, qsizetype end, int) {
        parts.append(encodeText(text.sliced(begin, end - begin), encoding).value_or(QByteArray()));
    });
    if (!fits)
        return {};
    return parts;
}

} // namespace backoffice::smpp
