#pragma once

#include <functional>

namespace backoffice::server {

class Database;
class EntityService;
class Router;

// The actions of an EDR rerate task besides editing its draft (BO §7.5), edrRerate: Manage:
//   POST rerate-tasks/{id}/schedule  DRAFT → SCHEDULED: counts the EDRs the filter matches
//                                    (estimatedCount); an empty scheduledFor becomes now
//   POST rerate-tasks/{id}/cancel    DRAFT or SCHEDULED → CANCELED (409 rerate_task_running,
//                                    rerate_task_complete; a canceled task is answered as it is)
// Both answer the task as GET rerate-tasks/{id} shows it and write an audit record. `scheduled`
// is told after a task was scheduled, so the job can start it without waiting for its next run.
void addRerateRoutes(Router &router, Database &database, EntityService &entities, std::function<void()> scheduled);

} // namespace backoffice::server
