#pragma once

#include <QtGlobal>

namespace backoffice::server {

// Increases with every committed change of an agreement or one of its versions, so in-memory
// copies of their terms (the messaging engine's credit limits) catch up at once. Process-wide.
namespace AgreementChanges {

void changed();
quint64 generation();

} // namespace AgreementChanges

} // namespace backoffice::server
