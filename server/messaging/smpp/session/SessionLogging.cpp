#include "SessionLogging.h"

namespace backoffice::smpp {
Q_LOGGING_CATEGORY(lcSmpp, "backoffice.server.smpp", QtWarningMsg)
} // namespace backoffice::smpp
