#include "Schema.h"

namespace backoffice::server::schema {

QStringList version15()
{
    return {
        // error_message is what people read in the task list: why the last run failed while the
        // task waits to be retried, and at the end how many EDRs could not be priced. The first EDR
        // that could not be priced is kept apart until then, so a failed run's message does not
        // take its place (decision 009, "A run that fails").
        QStringLiteral("ALTER TABLE rerate_tasks ADD COLUMN first_failure TEXT"),
        // A task running during the upgrade kept its first EDR failure in error_message.
        QStringLiteral("UPDATE rerate_tasks SET first_failure = error_message, error_message = NULL"
                       " WHERE status = 'RUNNING'"),
    };
}

} // namespace backoffice::server::schema
