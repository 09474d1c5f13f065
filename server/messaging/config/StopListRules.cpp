#include "StopListRules.h"

#include "MessagingChanges.h"
#include "MessagingConfigStore.h"
#include "MessagingEntities.h"
#include "RuleValues.h"

#include <QRegularExpression>

namespace backoffice::server {

void StopListRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    QString number = fieldOf(after, "number").toString();
    number.remove(QRegularExpression(QStringLiteral("[\\s\\-().]")));
    if (number.startsWith(QLatin1Char('+')))
        number.remove(0, 1);
    after.insert(QStringLiteral("number"), number);
    if (number.isEmpty())
        return; // "is required"
    if (!QRegularExpression(QStringLiteral("^[1-9][0-9]{6,14}$")).match(number).hasMatch()) {
        errors.insert(QStringLiteral("number"),
                      QStringLiteral("must be a number in international format: 7 to 15 digits with the country code"));
        return;
    }
    const qint64 companyId = fieldOf(after, "companyId").toInteger();
    const qint64 senderRecordId = fieldOf(after, "senderRecordId").toInteger();
    if (senderRecordId) {
        const auto sender = context.record(entities::senderIds, senderRecordId);
        if (sender && fieldOf(*sender, "companyId").toInteger() != companyId)
            errors.insert(QStringLiteral("senderRecordId"), QStringLiteral("is a sender ID of another company"));
    }
    const qint64 ownId = before ? fieldOf(*before, "id").toInteger() : 0;
    if (companyId && MessagingConfigStore(context.db).stopListEntryTaken(companyId, number, senderRecordId, ownId))
        errors.insert(QStringLiteral("number"), senderRecordId ? QStringLiteral("is already in the stop list for this sender ID")
                                                               : QStringLiteral("is already in the stop list for every sender ID"));
}

void StopListRules::committed(qint64 id)
{
    Q_UNUSED(id)
    MessagingChanges::changed();
}

} // namespace backoffice::server
