#pragma once

#include "Pdu.h"
#include "TextCoding.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>

#include <optional>

// Long messages as several short messages: the parts say which message they belong to (a
// reference), how many parts there are and which one they are, either in a user data header at the
// start of short_message (IE 0x00 with an 8-bit reference, IE 0x08 with a 16-bit one; esm_class
// bit 0x40 set) or in the SAR TLVs sar_msg_ref_num, sar_total_segments, sar_segment_seqnum.
namespace backoffice::smpp {

enum class ConcatenationMethod { Udh8BitReference, Udh16BitReference, SarTlvs };

struct ConcatenationInfo {
    quint16 reference = 0;
    quint8 total = 0; // 1-255
    quint8 sequence = 0; // 1-total

    bool isValid() const { return total >= 1 && sequence >= 1 && sequence <= total; }
    bool operator==(const ConcatenationInfo &) const = default;
};

// UDHL followed by the concatenation IE: 6 octets (8-bit reference, which keeps its low byte) or 7.
QByteArray concatenationUdh(const ConcatenationInfo &info, bool sixteenBitReference);

struct UdhConcatenation {
    ConcatenationInfo info;
    qsizetype udhOctets = 0; // UDHL included: where the payload starts
};
// Finds the concatenation IE in the user data header that starts `userData`. nullopt when the
// header is malformed (UDHL or an IE running past its end) or has no valid concatenation IE.
std::optional<UdhConcatenation> findUdhConcatenation(QByteArrayView userData);
// The length of the user data header (UDHL included), or nullopt when it runs past userData.
std::optional<qsizetype> udhLength(QByteArrayView userData);

void setSarTlvs(TlvList &tlvs, const ConcatenationInfo &info);
// nullopt unless all three SAR TLVs are there, with valid values.
std::optional<ConcatenationInfo> sarTlvs(const TlvList &tlvs);

// One received part: its place in the message and its payload (the UDH taken off).
struct ReceivedPart {
    ConcatenationInfo info;
    QByteArray payload;
};
// The part a submit_sm or deliver_sm carries, from its UDH (when esm_class says there is one) or
// its SAR TLVs; nullopt for a message that is not a part.
std::optional<ReceivedPart> receivedPart(const ShortMessageFields &message);

// submit_sm PDUs for a text: `base` gives addresses, flags and TLVs; each part gets the encoding's
// data_coding, its payload in short_message and the concatenation of `method`. One PDU without any
// UDH or SAR when the text fits one message. Empty when the text does not fit the encoding or
// needs more than 255 parts.
QList<SubmitSm> buildSubmits(const SubmitSm &base, QStringView text, TextEncoding encoding, ConcatenationMethod method,
                             quint16 reference);

} // namespace backoffice::smpp
