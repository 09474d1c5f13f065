#pragma once

#include <QHash>
#include <QtGlobal>
#include <optional>

namespace backoffice::server {

// What the rating engine's in-memory copy must catch up with. Every writer of services, scopes,
// rate trees or enabled services calls changed(); a tree replacement names its scope, so only that
// scope's index is rebuilt. Process-wide (several servers in one test process only rebuild more).
namespace RatingChanges {

void changed(std::optional<qint64> scopeId = std::nullopt);
// Increases with every change; the engine reloads when it differs from what it loaded.
quint64 generation();
// The generation at which a scope's tree last changed (0: never since start).
quint64 scopeRevision(qint64 scopeId);

} // namespace RatingChanges

} // namespace backoffice::server
