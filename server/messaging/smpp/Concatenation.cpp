#include "Concatenation.h"

#include "Segmenter.h"

#include <QtEndian>

namespace backoffice::smpp {

namespace {

constexpr quint8 IeConcat8BitRef = 0x00;
constexpr quint8 IeConcat16BitRef = 0x08;

} // namespace

QByteArray concatenationUdh(const ConcatenationInfo &info, bool sixteenBitReference)
{
    QByteArray udh;
    if (sixteenBitReference) {
        udh.append(char(6)).append(char(IeConcat16BitRef)).append(char(4));
        udh.append(char(info.reference >> 8)).append(char(info.reference & 0xFF));
    } else {
        udh.append(char(5)).append(char(IeConcat8BitRef)).append(char(3));
        udh.append(char(info.reference & 0xFF));
    }
    udh.append(char(info.total)).append(char(info.sequence));
    return udh;
}

std::optional<qsizetype> udhLength(QByteArrayView userData)
{
    if (userData.isEmpty())
        return std::nullopt;
    const qsizetype length = 1 + quint8(userData[0]);
    if (length > userData.size())
        return std::nullopt;
    return length;
}

std::optional<UdhConcatenation> findUdhConcatenation(QByteArrayView userData)
{
    const auto length = udhLength(userData);
    if (!length)
        return std::nullopt;
    std::optional<UdhConcatenation> found;
    // Walk every IE, so that a header whose last IE runs past UDHL is rejected as a whole.
    for (qsizetype pos = 1; pos < *length;) {
        if (pos + 2 > *length)
            return std::nullopt;
        const quint8 id = quint8(userData[pos]);
        const qsizetype ieLength = quint8(userData[pos + 1]);
        const qsizetype data = pos + 2;
        if (data + ieLength > *length)
            return std::nullopt;
        ConcatenationInfo info;
        bool isConcat = false;
        if (id == IeConcat8BitRef && ieLength == 3) {
            info = {quint8(userData[data]), quint8(userData[data + 1]), quint8(userData[data + 2])};
            isConcat = true;
        } else if (id == IeConcat16BitRef && ieLength == 4) {
            info = {qFromBigEndian<quint16>(userData.data() + data), quint8(userData[data + 2]),
                    quint8(userData[data + 3])};
            isConcat = true;
        }
        // 23.040 says a repeated IE's last occurrence wins; an invalid one is ignored.
        if (isConcat && info.isValid())
            found = UdhConcatenation {info, *length};
        pos = data + ieLength;
    }
    return found;
}

void setSarTlvs(TlvList &tlvs, const ConcatenationInfo &info)
{
    tlvs.setSarMsgRefNum(info.reference);
    tlvs.setSarTotalSegments(info.total);
    tlvs.setSarSegmentSeqnum(info.sequence);
}

std::optional<ConcatenationInfo> sarTlvs(const TlvList &tlvs)
{
    const auto reference = tlvs.sarMsgRefNum();
    const auto total = tlvs.sarTotalSegments();
    const auto sequence = tlvs.sarSegmentSeqnum();
    if (!reference || !total || !sequence)
        return std::nullopt;
    const ConcatenationInfo info {*reference, *total, *sequence};
    if (!info.isValid())
        return std::nullopt;
    return info;
}

std::optional<ReceivedPart> receivedPart(const ShortMessageFields &message)
{
    if (message.esmClass & EsmClassUdhIndicator) {
        if (const auto udh = findUdhConcatenation(message.shortMessage))
            return ReceivedPart {udh->info, message.shortMessage.sliced(udh->udhOctets)};
        return std::nullopt;
    }
    if (const auto sar = sarTlvs(message.tlvs))
        return ReceivedPart {*sar, message.shortMessage};
    return std::nullopt;
}

QList<SubmitSm> buildSubmits(const SubmitSm &base, QStringView text, TextEncoding encoding, ConcatenationMethod method,
                             quint16 reference)
{
    const bool sixteenBit = method == ConcatenationMethod::Udh16BitReference;
    const int udhOctets = sixteenBit ? ConcatUdhOctets16BitRef : ConcatUdhOctets8BitRef;
    const QList<QByteArray> payloads = splitText(text, encoding, udhOctets);
    if (payloads.isEmpty() || payloads.size() > MaxParts)
        return {};

    QList<SubmitSm> submits;
    submits.reserve(payloads.size());
    for (qsizetype i = 0; i < payloads.size(); ++i) {
        SubmitSm submit = base;
        submit.dataCoding = dataCodingFor(encoding);
        submit.shortMessage = payloads[i];
        if (payloads.size() > 1) {
            const ConcatenationInfo info {reference, quint8(payloads.size()), quint8(i + 1)};
            if (method == ConcatenationMethod::SarTlvs) {
                setSarTlvs(submit.tlvs, info);
            } else {
                submit.esmClass |= EsmClassUdhIndicator;
                submit.shortMessage.prepend(concatenationUdh(info, sixteenBit));
            }
        }
        submits.append(submit);
    }
    return submits;
}

} // namespace backoffice::smpp
