#include "RatingChanges.h"

#include <QMutex>
#include <atomic>

namespace backoffice::server::RatingChanges {

namespace {

std::atomic<quint64> s_generation{1};
QMutex s_mutex;
QHash<qint64, quint64> s_scopeRevisions; // guarded by s_mutex

} // namespace

void changed(std::optional<qint64> scopeId)
{
    QMutexLocker lock(&s_mutex);
    const quint64 next = s_generation.load() + 1;
    if (scopeId)
        s_scopeRevisions.insert(*scopeId, next);
    s_generation.store(next);
}

quint64 generation()
{
    return s_generation.load(std::memory_order_acquire);
}

quint64 scopeRevision(qint64 scopeId)
{
    QMutexLocker lock(&s_mutex);
    return s_scopeRevisions.value(scopeId, 0);
}

} // namespace backoffice::server::RatingChanges
