#pragma once

#include <QString>

// command_status for people: "ESME_RINVPASWD (0x0000000e)", or the bare number for vendor codes.
// Used in the reasons sessions report (stateChanged, lastError) and in their logs.
namespace backoffice::smpp {

QString commandStatusText(quint32 status);

} // namespace backoffice::smpp
