#include "DecodeError.h"

namespace backoffice::smpp {

quint32 DecodeError::responseCommandId() const
{
    switch (action) {
    case DecodeAction::GenericNack: return quint32(CommandId::GenericNack);
    case DecodeAction::RespondWithError: return commandId | ResponseBit;
    case DecodeAction::CloseConnection:
    case DecodeAction::Drop: return 0;
    }
    return 0;
}

} // namespace backoffice::smpp
