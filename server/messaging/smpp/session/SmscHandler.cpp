#include "SmscHandler.h"

#include "SmscSession.h"

namespace backoffice::smpp {

void SmscHandler::dataSmReceived(SmscSession &session, quint32 sequence, const DataSm &pdu)
{
    Q_UNUSED(pdu)
    session.respondDataSm(sequence, status::InvalidCommandId, {});
}

} // namespace backoffice::smpp
