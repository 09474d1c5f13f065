#include "DemoFees.h"

#include "EntityCatalogue.h"
#include "EntityService.h"
#include "FeeEntities.h"
#include "MessagingEntities.h"

#include <QJsonArray>

namespace backoffice::server {

void seedDemoFees(EntityService &entities, const SessionContext &session)
{
    ListQuery query;
    query.limit = 20;
    query.sort = {SortKey {QStringLiteral("id"), false}};
    const ListPage senders = entities.list(EntityCatalogue::get(entities::senderIds), query, session);
    const EntityDescriptor &agreements = EntityCatalogue::get(entities::agreements);
    for (const QJsonValue &value : senders.items) {
        const QJsonObject sender = value.toObject();
        const QJsonObject agreement
            = entities.get(agreements, sender.value(QLatin1String("agreementId")).toInteger(), session);
        if (agreement.value(QLatin1String("currency")).toString() != QLatin1String("EUR"))
            continue;
        const QDate today = QDate::currentDate();
        entities.create(
            EntityCatalogue::get(entities::senderIdFeeRules),
            {{QStringLiteral("senderRecordId"), sender.value(QLatin1String("id"))},
             {QStringLiteral("effectiveFrom"),
              QString(QDate(today.year(), today.month(), 1).toString(Qt::ISODate) + QStringLiteral("T00:00:00"))},
             {QStringLiteral("period"), QStringLiteral("monthly")},
             {QStringLiteral("startDay"), 1},
             {QStringLiteral("chargeDaysBefore"), 3},
             {QStringLiteral("retryHours"), 6},
             {QStringLiteral("maxRetries"), 3},
             {QStringLiteral("senderIdType"), QStringLiteral("alphanumeric")},
             {QStringLiteral("mno"), QStringLiteral("DIGI mobil")}},
            session);
        return;
    }
}

} // namespace backoffice::server
