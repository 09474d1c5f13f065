#include "ScaleAdjustments.h"

#include "BillingPeriod.h"
#include "Database.h"
#include "EdrRecord.h"
#include "RateTreeStore.h"
#include "RatingDataStore.h"
#include "ScaleCounterStore.h"
#include "ScalePricing.h"

#include <QLoggingCategory>
#include <QTimeZone>

namespace backoffice::server {

namespace {

Q_LOGGING_CATEGORY(lcScales, "backoffice.server.billing")

// The scale of a node as its tree has it now; nullopt when the node or its scale is gone.
std::optional<rating::Scale> scaleOf(Database &database, qint64 scopeId, qint64 nodeId)
{
    if (!scopeId)
        return std::nullopt;
    const QList<rating::RateNode> path = RateTreeStore(database.connection()).loadPath(scopeId, nodeId);
    if (path.isEmpty() || !path.constLast().scale)
        return std::nullopt;
    return path.constLast().scale;
}

} // namespace

ScaleAdjustments::ScaleAdjustments(Database &database, WriteOff writeOff)
    : m_database(database)
    , m_writeOff(std::move(writeOff))
{
}

QString ScaleAdjustments::transactionId(qint64 agreementId, qint64 nodeId, const QString &counterKey,
                                        const QDateTime &periodStart)
{
    return QStringLiteral("scale-%1-%2-%3-%4")
        .arg(agreementId)
        .arg(nodeId)
        .arg(counterKey, periodStart.toUTC().toString(Qt::ISODate));
}

int ScaleAdjustments::run(const QDateTime &now)
{
    ScaleCounterStore store(m_database.connection());
    const RatingDataStore terms(m_database.connection());
    int written = 0;
    for (const BackToFirstCounter &counter : store.backToFirstCounters(now.addDays(-400))) {
        const auto agreement = terms.agreementTerms(counter.agreementId, counter.periodStart);
        BillingPeriodKind kind = BillingPeriodKind::Monthly;
        if (!agreement || !parseBillingPeriodKind(agreement->billingPeriod, &kind))
            continue;
        const PeriodWindow period = billingPeriodContaining(counter.periodStart, kind, agreement->billingDay,
                                                            QTimeZone(agreement->billingTimeZone.toUtf8()),
                                                            agreement->splitByMonth)
                                       .clippedTo(agreement->versionFrom, agreement->versionTill);
        if (!period.endUtc.isValid() || period.endUtc > now)
            continue; // still running: its volume may grow
        const QString id = transactionId(counter.agreementId, counter.nodeId, counter.counterKey, counter.periodStart);
        const auto scale = scaleOf(m_database, counter.scopeId, counter.nodeId);
        Amount total;
        if (!scale || scale->mode != rating::ScaleMode::BackToFirst
            || !rating::ScalePricing::backToFirstPeriodTotal(scale->bands, counter.units, &total)) {
            if (!m_warned.contains(id))
                qCWarning(lcScales) << "back-to-first counter" << id << "not corrected: its scale is no longer in the tree";
            m_warned.insert(id);
            continue;
        }
        const Amount missing = total - counter.charged - store.corrected(id);
        if (missing.isZero()) {
            // Marked only when nothing is missing: a correction just handed to the writer is
            // confirmed by the next run, once it is stored.
            store.markChecked(counter);
            continue;
        }
        const int band = rating::ScalePricing::bandIndexReached(scale->bands, counter.units);
        const Amount bandPrice = scale->bands.at(band).price;
        // In the period it corrects, unless that period's invoice is final: then in the open one.
        const QDateTime periodLast = period.endUtc.addMSecs(-1);
        ChargeRecord charge;
        charge.chargedAt = store.confirmedInvoiceCovers(counter.agreementId, periodLast) ? now : periodLast;
        charge.transactionId = id;
        charge.companyId = counter.companyId;
        charge.agreementId = counter.agreementId;
        charge.source = QStringLiteral("scaleAdjustment");
        charge.serviceId = counter.serviceId;
        charge.units = counter.units;
        charge.unitPrice = bandPrice;
        charge.amount = missing;
        charge.currency = counter.currency;
        charge.band = QStringLiteral("back-to-first %1 of %2").arg(band + 1).arg(scale->bands.size());
        charge.pricing.priceType = pricetype::scale;
        charge.pricing.scaleType = rating::scaleModeKey(scale->mode);
        charge.pricing.scaleTier = band + 1;
        charge.pricing.scaleGroup = rating::counterGroupKey(scale->counterGroup);
        charge.pricing.rateId = counter.nodeId;
        charge.description = QStringLiteral("Back-to-first correction %1 – %2: %3 units at %4%5")
                                 .arg(period.startUtc.toString(Qt::ISODate), period.endUtc.toString(Qt::ISODate))
                                 .arg(counter.units)
                                 .arg(bandPrice.toString(), counter.counterKey.isEmpty()
                                                                ? QString()
                                                                : QStringLiteral(", sender ID %1").arg(counter.counterKey));
        m_writeOff(charge);
        ++written;
    }
    return written;
}

} // namespace backoffice::server
