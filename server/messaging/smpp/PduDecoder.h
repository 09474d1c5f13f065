#pragma once

#include "DecodeError.h"
#include "Pdu.h"

#include <QByteArrayView>

#include <optional>
#include <variant>

namespace backoffice::smpp {

using DecodeResult = std::variant<Pdu, DecodeError>;

// Decodes exactly one PDU: `bytes` is the whole PDU, header included, as the framer cut it.
// Strict: command_length must equal bytes.size() and the fields must use every byte of it. Reads
// nothing outside `bytes`, whatever they hold.
DecodeResult decode(QByteArrayView bytes, quint32 maxCommandLength = DefaultMaxCommandLength);

// The header check shared with the framer: a DecodeError with CloseConnection when
// command_length cannot delimit a PDU (below 16 or above the limit), nullopt when it can.
std::optional<DecodeError> checkCommandLength(quint32 commandLength, quint32 maxCommandLength);

} // namespace backoffice::smpp
