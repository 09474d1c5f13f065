#include "PduEncoder.h"

#include "PduLayout.h"
#include "WireWriter.h"

#include <QtEndian>

namespace backoffice::smpp {

namespace {

QByteArray encodeOrExplain(const Pdu &pdu, QString *problem)
{
    QByteArray out;
    out.reserve(64);
    WireWriter writer(&out);
    writer.u32(0); // command_length, patched below once the body is written
    writer.u32(quint32(pdu.commandId()));
    writer.u32(pdu.commandStatus);
    writer.u32(pdu.sequenceNumber);
    writeBody(writer, pdu);
    if (!writer.ok()) {
        if (problem)
            *problem = writer.problem();
        return {};
    }
    qToBigEndian(quint32(out.size()), out.data());
    return out;
}

} // namespace

QByteArray encode(const Pdu &pdu)
{
    return encodeOrExplain(pdu, nullptr);
}

QString encodeProblem(const Pdu &pdu)
{
    QString problem;
    encodeOrExplain(pdu, &problem);
    return problem;
}

} // namespace backoffice::smpp
