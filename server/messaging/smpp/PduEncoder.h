#pragma once

#include "Pdu.h"

#include <QByteArray>
#include <QString>

namespace backoffice::smpp {

// The PDU on the wire, header included. Empty when a field breaks its SMPP limit (a C-Octet string
// over its maximum or holding a NUL, a time that is not 16 characters, a short message over 254
// octets, a TLV over 65535 octets): sending it would only earn an error from the peer.
QByteArray encode(const Pdu &pdu);

// Why encode() returns nothing for this PDU, or an empty string when it encodes.
QString encodeProblem(const Pdu &pdu);

} // namespace backoffice::smpp
