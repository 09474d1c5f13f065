#include "RerateTaskRules.h"

#include "ApiException.h"
#include "BillingEntities.h"
#include "EntityCatalogue.h"
#include "RerateStore.h"
#include "RuleValues.h"

namespace backoffice::server {

void RerateTaskRules::requireDraft(const QJsonObject &record, const QString &doing)
{
    const QString status = fieldOf(record, "status").toString();
    if (status == reratestatus::draft)
        return;
    throw ApiException::conflict(QStringLiteral("Rerate task %1 is %2: only a draft task can be %3")
                                     .arg(fieldOf(record, "id").toInteger())
                                     .arg(status.toLower(), doing),
                                 QStringLiteral("rerate_task_not_draft"));
}

void RerateTaskRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    if (before) {
        requireDraft(*before, QStringLiteral("changed"));
    } else {
        after.insert(QStringLiteral("status"), reratestatus::draft);
        for (const char *counter : {"estimatedCount", "processedCount", "updatedCount", "failedCount"})
            after.insert(QString::fromLatin1(counter), 0);
    }
    after.insert(QStringLiteral("updatedBy"), context.session.userId ? QJsonValue(context.session.userId) : QJsonValue());

    const QDateTime from = instantOf(fieldOf(after, "timeFrom"));
    const QDateTime till = instantOf(fieldOf(after, "timeTill"));
    if (from.isValid() && till.isValid() && till <= from && !errors.contains(QStringLiteral("timeTill")))
        errors.insert(QStringLiteral("timeTill"), QStringLiteral("must be after time from"));

    if (isSet(fieldOf(after, "agreementId")) && isSet(fieldOf(after, "companyId"))) {
        const auto agreement = context.record(entities::agreements, fieldOf(after, "agreementId").toInteger());
        if (agreement && fieldOf(*agreement, "companyId").toInteger() != fieldOf(after, "companyId").toInteger())
            errors.insert(QStringLiteral("agreementId"), QStringLiteral("is not an agreement of the chosen company"));
    }
}

void RerateTaskRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after)
{
    Q_UNUSED(before) Q_UNUSED(after)
    // What the filter matches as saved: the form shows it before the task is scheduled.
    RerateStore store(context.db);
    if (const auto task = store.task(id))
        store.setEstimate(id, store.countMatching(*task));
}

void RerateTaskRules::checkDelete(WriteContext &context, const QJsonObject &record)
{
    Q_UNUSED(context)
    requireDraft(record, QStringLiteral("deleted"));
}

} // namespace backoffice::server
