#pragma once

#include "TextCoding.h"

#include <QByteArray>
#include <QList>
#include <QStringView>

// How many short messages a text takes and the payload of each. A short message holds 140
// octets of user data; a part of a concatenated message gives some of them to the user data
// header (6 octets with an 8-bit reference, 7 with a 16-bit one), hence 160/153 GSM-7 septets,
// 70/67 UCS-2 units and 140/134 Latin-1 octets with the usual 8-bit reference.
namespace backoffice::smpp {

// Octets of the concatenation UDH the parts leave room for: 6 for IE 0x00 (8-bit reference) and for
// SAR TLVs (the SMSC builds that same header), 7 for IE 0x08 (16-bit reference).
constexpr int ConcatUdhOctets8BitRef = 6;
constexpr int ConcatUdhOctets16BitRef = 7;
// A concatenated message has at most 255 parts (the IE's total is one octet).
constexpr int MaxParts = 255;

// Capacities in the encoding's units: septets (GSM-7), 16-bit units (UCS-2), octets (Latin-1).
struct SegmentLimits {
    int single = 0;
    int perPart = 0;
};
SegmentLimits segmentLimits(TextEncoding encoding, int udhOctets = ConcatUdhOctets8BitRef);

struct SegmentCount {
    TextEncoding encoding = TextEncoding::Gsm7;
    int units = 0; // the text's length in the encoding's units
    int parts = 0; // short messages needed; 0 when the text does not fit the encoding
    int unitsLeft = 0; // room left in the last part

    bool operator==(const SegmentCount &) const = default;
};

// Counts the way the split does, so an extension character or a surrogate pair that would straddle
// a boundary moves to the next part and may add one.
SegmentCount countSegments(QStringView text, TextEncoding encoding, int udhOctets = ConcatUdhOctets8BitRef);
// With chooseEncoding(text).
SegmentCount countSegments(QStringView text);

// The encoded payload of each part (GSM-7 unpacked, UCS-2 big-endian, Latin-1), without any UDH.
// One part when the text fits a single message (an empty text is one empty part); an empty list
// when a character does not fit the encoding. Never cuts an ESC pair or a surrogate pair.
QList<QByteArray> splitText(QStringView text, TextEncoding encoding, int udhOctets = ConcatUdhOctets8BitRef);

} // namespace backoffice::smpp
