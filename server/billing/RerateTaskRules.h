#pragma once

#include "EntityRules.h"

namespace backoffice::server {

// EDR rerate tasks (BO §7.5): created as drafts; only a draft's filter can be changed or the draft
// deleted (409 rerate_task_not_draft otherwise). The period must end after it starts, an agreement
// given must be the company's. The estimate (the EDRs the filter matches now) follows every save
// and is counted again when the task is scheduled (RerateRoutes).
class RerateTaskRules final : public EntityRules
{
public:
    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void checkDelete(WriteContext &context, const QJsonObject &record) override;

    // Refuses (409) a change of a task that is no longer a draft.
    static void requireDraft(const QJsonObject &record, const QString &doing);
};

} // namespace backoffice::server
