#include "HostileBytes.h"

#include "SmppConstants.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QtEndian>

using namespace backoffice::smpp;

QList<QByteArray> corpusFiles()
{
    QList<QByteArray> files;
    const QDir dir(QStringLiteral(SMPP_FUZZ_CORPUS));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            files.append(file.readAll());
    }
    return files;
}

QByteArray randomPdus(int count, quint32 seed)
{
    static constexpr CommandId Commands[] = {
        CommandId::GenericNack,         CommandId::BindReceiver,
        CommandId::BindReceiverResp,    CommandId::BindTransmitter,
        CommandId::BindTransmitterResp, CommandId::QuerySm,
        CommandId::QuerySmResp,         CommandId::SubmitSm,
        CommandId::SubmitSmResp,        CommandId::DeliverSm,
        CommandId::DeliverSmResp,       CommandId::Unbind,
        CommandId::UnbindResp,          CommandId::BindTransceiver,
        CommandId::BindTransceiverResp, CommandId::Outbind,
        CommandId::EnquireLink,         CommandId::EnquireLinkResp,
        CommandId::AlertNotification,   CommandId::DataSm,
        CommandId::DataSmResp,
    };
    QRandomGenerator random(seed);
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        const int bodyLength = int(random.bounded(80));
        QByteArray pdu(16 + bodyLength, '\0');
        qToBigEndian(quint32(pdu.size()), pdu.data());
        qToBigEndian(quint32(Commands[random.bounded(int(std::size(Commands)))]), pdu.data() + 4);
        qToBigEndian(random.bounded(4) == 0 ? random.generate() : 0u, pdu.data() + 8);
        qToBigEndian(random.bounded(1, 20), pdu.data() + 12); // small sequences collide with real ones
        for (int b = 16; b < pdu.size(); ++b) {
            // Mostly printable with NULs, so C-Octet strings often terminate and bodies decode.
            const quint32 roll = random.bounded(10);
            pdu[b] = roll < 2 ? '\0' : roll < 8 ? char('0' + random.bounded(40)) : char(random.bounded(256));
        }
        out += pdu;
    }
    return out;
}
