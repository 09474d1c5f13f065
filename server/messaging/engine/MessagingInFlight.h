#pragma once

// The engine's in-memory state of a part on its way, shared by the files that implement
// MessagingEngine (MessagingEngine.cpp: SMPP and outcomes; MessagingEngineHttp.cpp: HTTP vendors;
// MessagingEngineCharging.cpp: charges and refunds; MessagingEngineReports.cpp: receipts, callbacks).
#include "MessagingEngine.h"
#include "Pdu.h"

namespace backoffice::server {

struct MessagingEngine::InFlight {
    AdmittedPart part;
    smpp::SubmitSm vendorPdu;
    QList<qint64> route;
    int routeIndex = 0;
    bool charged = false;
    bool settled = false; // the reservation is released or turned into the charge
    quint8 clientRegisteredDelivery = 0;
    smpp::Address clientSource;
    smpp::Address clientDestination;
    QString callbackUrl;
    EdrRecord &edr() { return part.edr; }
};

// An API message of several parts: one callback when the last part's outcome is known.
struct MessagingEngine::Transaction {
    int remaining = 0;
    int delivered = 0;
    int failed = 0;
};

// Instants in callbacks to clients: ISO 8601 with milliseconds and an explicit +00:00.
inline QString callbackTime(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) + QStringLiteral("+00:00");
}

} // namespace backoffice::server
