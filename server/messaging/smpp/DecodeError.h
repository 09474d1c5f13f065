#pragma once

#include "SmppConstants.h"

#include <QString>

// Why a PDU could not be decoded, and what the session should answer. The answer follows
// SMPP 3.4: a header that cannot be trusted means the stream is lost (close); a known request with
// a bad field gets its own response with an error status; anything else gets generic_nack.
namespace backoffice::smpp {

enum class DecodeAction {
    // command_length is below 16 or above the limit: the byte stream cannot be re-synchronised.
    CloseConnection,
    // Answer generic_nack with `commandStatus` and the PDU's sequence number.
    GenericNack,
    // Answer the request's own response (commandId | 0x80000000) with `commandStatus`.
    RespondWithError,
    // A broken generic_nack: answering it could start a nack loop, so the PDU is dropped.
    Drop,
};

struct DecodeError {
    DecodeAction action = DecodeAction::CloseConnection;
    quint32 commandStatus = status::SystemError;
    // From the header, or 0 when the header could not be read.
    quint32 commandId = 0;
    quint32 sequenceNumber = 0;
    // For the log: what was wrong, in words.
    QString reason;

    // The command id of the answer the session should send, 0 when it should send none.
    quint32 responseCommandId() const;

    bool operator==(const DecodeError &) const = default;
};

} // namespace backoffice::smpp
