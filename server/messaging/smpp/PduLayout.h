#pragma once

#include "Pdu.h"

// The body layout of every PDU, written once and used both ways: the encoder walks it with a
// WireWriter and the decoder with a WireReader, so the two cannot disagree about field order,
// sizes or which PDUs carry TLVs.
namespace backoffice::smpp {

class WireReader;
class WireWriter;

void writeBody(WireWriter &writer, const Pdu &pdu);
// pdu.body must already hold the alternative for the header's command id.
void readBody(WireReader &reader, Pdu &pdu);

// A default-constructed body for a command id, or false when the codec does not know the id.
bool emptyBodyFor(quint32 commandId, PduBody *body);

} // namespace backoffice::smpp
