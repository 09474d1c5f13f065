#include "MessagingChanges.h"

#include <atomic>

namespace backoffice::server::MessagingChanges {

namespace {
std::atomic<quint64> s_generation{1};
}

void changed()
{
    s_generation.fetch_add(1, std::memory_order_acq_rel);
}

quint64 generation()
{
    return s_generation.load(std::memory_order_acquire);
}

} // namespace backoffice::server::MessagingChanges
