#pragma once

#include <QLoggingCategory>

// The SMPP sessions' log category, "backoffice.server.smpp" (warnings by default, like every module):
// QT_LOGGING_RULES="backoffice.server.smpp.debug=true" shows binds, closes and dropped PDUs.
namespace backoffice::smpp {
Q_DECLARE_LOGGING_CATEGORY(lcSmpp)
} // namespace backoffice::smpp
