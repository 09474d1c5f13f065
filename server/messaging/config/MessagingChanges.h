#pragma once

#include <QtGlobal>

namespace backoffice::server {

// What the messaging engine's in-memory configuration (connections, sender IDs, API keys) must
// catch up with. Every rule that writes one of those records calls changed() after its commit; the
// engine compares generation() with what it loaded. Process-wide, like RatingChanges.
namespace MessagingChanges {

void changed();
quint64 generation();

} // namespace MessagingChanges

} // namespace backoffice::server
