#pragma once

#include "BalanceBook.h"

namespace backoffice::server {

class MessagingWriter;

// Records the notification of an agreement that fell below its low-balance threshold (kind
// lowBalance), through the traffic writer like the other engine notifications. Thread-safe.
void raiseLowBalanceAlert(MessagingWriter &writer, const BalanceBook::LowBalance &low);

} // namespace backoffice::server
