#pragma once

#include "Pdu.h"

#include <QByteArray>
#include <QHostAddress>

// What an SmscServer asks of the code behind it (the messaging engine, the vendor emulator): who may
// bind, and what to do with the messages clients submit. Called on the server's thread.
namespace backoffice::smpp {

class SmscSession;

struct SmscBindRequest {
    CommandId command = CommandId::BindTransceiver; // bind_transmitter, bind_receiver or bind_transceiver
    QByteArray systemId;
    QByteArray password;
    QByteArray systemType;
    quint8 interfaceVersion = InterfaceVersion34;
    Address addressRange;
    QHostAddress peer;
    bool tls = false;
};

struct SmscBindDecision {
    quint32 status = status::Ok; // anything else refuses the bind with that status
    qint64 accountId = 0; // the handler's own key for this client, reported back by SmscSession
    int throughputLimit = 0; // submit_sm (and data_sm) per second for this bind, 0 = none
};

class SmscHandler
{
public:
    virtual ~SmscHandler() = default;

    virtual SmscBindDecision authenticate(const SmscBindRequest &request) = 0;
    // The handler MUST eventually call session.respondSubmit(sequence, status, messageId), inside this
    // call or later (while the session is open: after SmscSession::closed() the session is gone).
    virtual void submitReceived(SmscSession &session, quint32 sequence, const SubmitSm &pdu) = 0;
    // Same contract with respondDataSm. The default refuses: data_sm is rare from ESMEs.
    virtual void dataSmReceived(SmscSession &session, quint32 sequence, const DataSm &pdu);
    virtual void sessionBound(SmscSession &session) { Q_UNUSED(session) }
    // The session is about to be deleted (deleteLater): drop every pointer to it.
    virtual void sessionClosed(SmscSession &session) { Q_UNUSED(session) }
};

} // namespace backoffice::smpp
