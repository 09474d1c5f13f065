// libFuzzer entry point for the SMPP wire layer: whatever bytes a peer sends, the framer and the
// decoder must neither crash nor read out of bounds, and whatever decodes must survive a trip
// through the encoder unchanged. Built with clang -fsanitize=fuzzer,address,undefined when
// BACKOFFICE_FUZZ is ON; the test tst_smpp_fuzzcorpus runs the same function over
// tests/messaging/corpus/ in every build.

#include "Concatenation.h"
#include "DeliveryReceipt.h"
#include "Gsm7.h"
#include "PduDecoder.h"
#include "PduEncoder.h"
#include "PduFramer.h"
#include "Segmenter.h"
#include "TextCoding.h"
#include "Ucs2.h"

#include <QtEndian>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace backoffice::smpp;

namespace {

// An invariant the fuzzer found broken: say which and abort, so libFuzzer keeps the input.
#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "smpp fuzz check failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__);              \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

// What the engine does with a received short message: find its concatenation, read its text, and
// see whether it is a delivery receipt. None of it may fail on garbage.
void readShortMessage(const ShortMessageFields &message)
{
    if (const auto part = receivedPart(message))
        FUZZ_CHECK(part->info.isValid() && part->payload.size() <= message.shortMessage.size());
    if (const auto text = decodeText(message.shortMessage, message.dataCoding)) {
        parseReceiptText(*text);
        // Text read from the GSM alphabet goes back to the same text.
        if (gsm7::canEncode(*text))
            FUZZ_CHECK(gsm7::decode(*gsm7::encode(*text)) == *text);
    }
    const QByteArray septets = gsm7::unpack(message.shortMessage);
    FUZZ_CHECK(gsm7::unpack(gsm7::pack(septets), int(septets.size())) == septets);

    // Any text splits into parts that join back to its encoding, as many as the count says.
    const QString anyText = ucs2::decode(message.shortMessage);
    const TextEncoding encoding = chooseEncoding(anyText);
    const QByteArrayList parts = splitText(anyText, encoding);
    FUZZ_CHECK(parts.size() == countSegments(anyText, encoding).parts);
    FUZZ_CHECK(parts.join() == encodeText(anyText, encoding).value_or(QByteArray()));
}

void checkDecoded(const QByteArrayView bytes, const DecodeResult &result)
{
    if (const auto *error = std::get_if<DecodeError>(&result)) {
        FUZZ_CHECK(!error->reason.isEmpty());
        FUZZ_CHECK(error->commandStatus != status::Ok);
        return;
    }
    const Pdu &pdu = std::get<Pdu>(result);
    // Encoding a decoded PDU cannot fail, cannot grow it (an error response may lose an empty
    // body), and decodes to the same PDU, which encodes to the same bytes.
    const QByteArray encoded = encode(pdu);
    FUZZ_CHECK(!encoded.isEmpty());
    FUZZ_CHECK(encoded.size() <= bytes.size());
    const DecodeResult again = decode(encoded);
    FUZZ_CHECK(std::holds_alternative<Pdu>(again));
    FUZZ_CHECK(std::get<Pdu>(again) == pdu);
    FUZZ_CHECK(encode(std::get<Pdu>(again)) == encoded);

    if (const auto *submit = std::get_if<SubmitSm>(&pdu.body))
        readShortMessage(*submit);
    else if (const auto *deliver = std::get_if<DeliverSm>(&pdu.body))
        readShortMessage(*deliver);
}

QList<FramerOutput> frame(QByteArrayView input, qsizetype chunk)
{
    PduFramer framer;
    QList<FramerOutput> out;
    for (qsizetype at = 0; at < input.size(); at += chunk) {
        framer.feed(input.sliced(at, qMin(chunk, input.size() - at)));
        for (;;) {
            FramerOutput next = framer.next();
            if (std::holds_alternative<NeedMoreData>(next))
                break;
            out.append(std::move(next));
            if (framer.hasFailed())
                return out;
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    // The input as one PDU.
    checkDecoded(input, decode(input));

    // The input as a TCP stream, at once and in small chunks (the first byte picks the size): the
    // chunking must not change what comes out, and each PDU must pass the same checks.
    const QList<FramerOutput> whole = frame(input, qMax<qsizetype>(1, input.size()));
    const qsizetype chunk = size > 0 ? 1 + data[0] % 17 : 1;
    FUZZ_CHECK(frame(input, chunk) == whole);
    // Each framed PDU is what decode() makes of its bytes alone.
    qsizetype offset = 0;
    for (const FramerOutput &output : whole) {
        const auto *error = std::get_if<DecodeError>(&output);
        if (error && error->action == DecodeAction::CloseConnection)
            break;
        const quint32 length = qFromBigEndian<quint32>(input.data() + offset);
        const QByteArrayView pduBytes = input.sliced(offset, length);
        const DecodeResult result = decode(pduBytes);
        if (error)
            FUZZ_CHECK(std::holds_alternative<DecodeError>(result) && std::get<DecodeError>(result) == *error);
        else
            FUZZ_CHECK(std::holds_alternative<Pdu>(result) && std::get<Pdu>(result) == std::get<Pdu>(output));
        checkDecoded(pduBytes, result);
        offset += length;
    }
    return 0;
}
