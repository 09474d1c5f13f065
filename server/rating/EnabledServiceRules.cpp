#include "EnabledServiceRules.h"

#include "EntityCatalogue.h"
#include "RatingChanges.h"
#include "RatingDataStore.h"
#include "RuleValues.h"
#include "ServiceEntities.h"

#include <QSet>

namespace backoffice::server {

namespace {

// Half-open periods [from, till) overlap when each starts before the other ends.
bool overlaps(const QDateTime &from, const QDateTime &till, const QDateTime &otherFrom, const QDateTime &otherTill)
{
    return (!otherTill.isValid() || from < otherTill) && (!till.isValid() || otherFrom < till);
}

QString periodText(const EnabledServiceRow &row)
{
    const QString till = row.till.isValid() ? row.till.toString(Qt::ISODate) : QStringLiteral("indefinitely");
    return QStringLiteral("%1 – %2").arg(row.from.toString(Qt::ISODate), till);
}

// The pay-as-you-go services of the agreement in force at some time of [from, till) that carry one
// of the same channels: enabling both would leave the price of that traffic undecided.
void checkPaygOverlap(WriteContext &context, qint64 ownId, const QJsonObject &after, const ServiceRow &service,
                      FieldErrors &errors)
{
    RatingDataStore store(context.db);
    const QSet<QString> channels = [&] {
        const QStringList list = store.channelsOf(service.id);
        return QSet<QString>(list.begin(), list.end());
    }();
    if (channels.isEmpty())
        return;
    const QDateTime from = instantOf(fieldOf(after, "effectiveFrom"));
    const QDateTime till = instantOf(fieldOf(after, "effectiveTill"));
    QHash<qint64, ServiceRow> services;
    for (const ServiceRow &row : store.services())
        services.insert(row.id, row);
    for (const EnabledServiceRow &other : store.enabledServices(fieldOf(after, "agreementId").toInteger())) {
        const ServiceRow otherService = services.value(other.serviceId);
        if (other.id == ownId || otherService.type != QLatin1String("payg")
            || !overlaps(from, till, other.from, other.till))
            continue;
        const QStringList otherChannels = store.channelsOf(other.serviceId);
        for (const QString &channel : otherChannels) {
            if (!channels.contains(channel))
                continue;
            errors.insert(QStringLiteral("serviceId"),
                          QStringLiteral("the pay-as-you-go service \"%1\" (enabled service %2, %3) already prices the "
                                         "%4 channel of this agreement in that period")
                              .arg(otherService.name)
                              .arg(other.id)
                              .arg(periodText(other), channel));
            return;
        }
    }
}

} // namespace

void EnabledServiceRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after,
                                FieldErrors &errors)
{
    const QDateTime from = instantOf(fieldOf(after, "effectiveFrom"));
    const QDateTime till = instantOf(fieldOf(after, "effectiveTill"));
    if (from.isValid() && till.isValid() && till <= from)
        errors.insert(QStringLiteral("effectiveTill"), QStringLiteral("must be after effective from"));

    const auto agreement = context.record(entities::agreements, fieldOf(after, "agreementId").toInteger());
    const auto serviceRecord = context.record(entities::services, fieldOf(after, "serviceId").toInteger());
    if (!agreement || !serviceRecord)
        return; // the generic reference check names the missing record
    after.insert(QStringLiteral("companyId"), fieldOf(*agreement, "companyId"));

    ServiceRow service;
    service.id = fieldOf(*serviceRecord, "id").toInteger();
    service.name = fieldOf(*serviceRecord, "name").toString();
    service.type = fieldOf(*serviceRecord, "type").toString();
    service.currency = fieldOf(*serviceRecord, "currency").toString();
    if (!before && fieldOf(*serviceRecord, "archived").toBool())
        errors.insert(QStringLiteral("serviceId"), QStringLiteral("the service is archived and cannot be enabled"));
    const QString agreementCurrency = fieldOf(*agreement, "currency").toString();
    if (!service.currency.isEmpty() && service.currency != agreementCurrency)
        errors.insert(QStringLiteral("serviceId"),
                      QStringLiteral("the service is priced in %1 but the agreement is in %2")
                          .arg(service.currency, agreementCurrency));

    const QJsonValue billing = fieldOf(after, "billing");
    if (isPackType(service.type) && !isSet(billing))
        errors.insert(QStringLiteral("billing"), QStringLiteral("is required for a pack: free of charge or charge"));
    if (!isPackType(service.type) && isSet(billing))
        errors.insert(QStringLiteral("billing"), QStringLiteral("applies to packs only"));
    if (fieldOf(after, "autoExtend").toBool() && service.type != QLatin1String("bundlePack"))
        errors.insert(QStringLiteral("autoExtend"), QStringLiteral("applies to bundle packs only: they are bought again when used up"));

    if (service.type == QLatin1String("payg") && errors.isEmpty())
        checkPaygOverlap(context, before ? fieldOf(*before, "id").toInteger() : 0, after, service, errors);
}

void EnabledServiceRules::committed(qint64 id)
{
    Q_UNUSED(id)
    RatingChanges::changed();
}

} // namespace backoffice::server
