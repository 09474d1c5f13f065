#include "PduDecoder.h"

#include "PduLayout.h"
#include "WireReader.h"

#include <QtEndian>

namespace backoffice::smpp {

namespace {

DecodeError closeConnection(const QString &reason)
{
    DecodeError error;
    error.action = DecodeAction::CloseConnection;
    error.commandStatus = status::InvalidCommandLength;
    error.reason = reason;
    return error;
}

} // namespace

std::optional<DecodeError> checkCommandLength(quint32 commandLength, quint32 maxCommandLength)
{
    if (commandLength < HeaderLength)
        return closeConnection(
            QStringLiteral("command_length %1 is shorter than the 16-octet header").arg(commandLength));
    if (commandLength > maxCommandLength)
        return closeConnection(
            QStringLiteral("command_length %1 is over the limit of %2").arg(commandLength).arg(maxCommandLength));
    return std::nullopt;
}

DecodeResult decode(QByteArrayView bytes, quint32 maxCommandLength)
{
    if (bytes.size() < qsizetype(HeaderLength))
        return closeConnection(QStringLiteral("%1 octets are not a PDU header").arg(bytes.size()));

    const char *data = bytes.data();
    const quint32 commandLength = qFromBigEndian<quint32>(data);
    if (auto error = checkCommandLength(commandLength, maxCommandLength))
        return *error;

    Pdu pdu;
    const quint32 commandId = qFromBigEndian<quint32>(data + 4);
    pdu.commandStatus = qFromBigEndian<quint32>(data + 8);
    pdu.sequenceNumber = qFromBigEndian<quint32>(data + 12);

    DecodeError error;
    error.commandId = commandId;
    error.sequenceNumber = pdu.sequenceNumber;
    // Nobody answers a generic_nack, not even a broken one.
    const bool isNack = commandId == quint32(CommandId::GenericNack);
    error.action = isNack ? DecodeAction::Drop : DecodeAction::GenericNack;

    if (commandLength != quint64(bytes.size())) {
        error.commandStatus = status::InvalidCommandLength;
        error.reason
            = QStringLiteral("command_length %1 but the PDU has %2 octets").arg(commandLength).arg(bytes.size());
        return error;
    }
    if (!emptyBodyFor(commandId, &pdu.body)) {
        error.commandStatus = status::InvalidCommandId;
        error.reason = QStringLiteral("unknown command_id 0x%1").arg(commandId, 8, 16, QLatin1Char('0'));
        return error;
    }

    WireReader reader(bytes.sliced(HeaderLength));
    readBody(reader, pdu);
    switch (reader.problem()) {
    case WireReader::Problem::None: return pdu;
    case WireReader::Problem::Field:
        // A request with a bad field is answered by its own response, which is what ESMEs and
        // SMSCs match their windows on; responses and generic_nack cannot be answered that way.
        if (!isNack && !(commandId & ResponseBit))
            error.action = DecodeAction::RespondWithError;
        break;
    case WireReader::Problem::Structural: break;
    }
    error.commandStatus = reader.status();
    error.reason = QStringLiteral("%1: %2").arg(QLatin1String(commandName(commandId)), reader.reason());
    return error;
}

} // namespace backoffice::smpp
