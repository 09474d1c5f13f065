#include "PackPurchases.h"

#include "BillingStore.h"
#include "Database.h"
#include "EdrRecord.h"
#include "RatingEngine.h"

#include <QLoggingCategory>

namespace backoffice::server {

namespace {

Q_LOGGING_CATEGORY(lcPacks, "backoffice.server.billing")

QString resourceOf(const QString &packType)
{
    if (packType == QLatin1String("monetaryPack"))
        return QStringLiteral("monetary-pack");
    if (packType == QLatin1String("bundlePack"))
        return QStringLiteral("bundle-pack");
    return QStringLiteral("unit-pack");
}

} // namespace

PackPurchases::PackPurchases(Database &database, RatingEngine &rating, WriteOff writeOff)
    : m_database(database)
    , m_rating(rating)
    , m_writeOff(std::move(writeOff))
{
}

std::optional<PackPurchases::Price> PackPurchases::price(RatingEngine &rating, qint64 agreementId,
                                                         const QString &packName, const QString &packType,
                                                         const QDateTime &at, QString *reason)
{
    RatingInput input;
    input.agreementId = agreementId;
    input.at = at;
    input.request.domain = QStringLiteral("service-purchase");
    input.request.resource = resourceOf(packType);
    input.request.setAttributes({{QStringLiteral("pack"), packName}});
    const RatingOutcome outcome = rating.rate(input);
    if (!outcome.priced() || !outcome.hasQuote) {
        *reason = QStringLiteral("Rate not found: no pay-as-you-go service of the agreement prices the purchase of %1 on %2 (%3)")
                      .arg(packName, at.toString(Qt::ISODate), outcome.reason.isEmpty() ? outcome.status : outcome.reason);
        return std::nullopt;
    }
    return Price{outcome.quote.amount, outcome.currency, outcome.serviceId, outcome.serviceName,
                 PriceTerms::of(outcome.quote)};
}

QString PackPurchases::transactionId(qint64 enabledServiceId, int round)
{
    return round <= 1 ? QStringLiteral("pack-%1").arg(enabledServiceId)
                      : QStringLiteral("pack-%1-%2").arg(enabledServiceId).arg(round);
}

int PackPurchases::run(const QDateTime &now)
{
    int charged = 0;
    for (const DuePackPurchase &pack : BillingStore(m_database.connection()).duePackPurchases(now)) {
        if (m_written.contains(pack.enabledServiceId))
            continue;
        QString reason;
        const auto found = price(m_rating, pack.agreementId, pack.serviceName, pack.serviceType, pack.effectiveFrom, &reason);
        if (!found || (found->currency != pack.currency && !found->amount.isZero())) {
            if (!m_unpriced.contains(pack.enabledServiceId))
                qCWarning(lcPacks) << "pack" << pack.serviceName << "on agreement" << pack.agreementId << "not charged:"
                                   << (found ? QStringLiteral("priced in %1, the agreement is in %2").arg(found->currency, pack.currency)
                                             : reason);
            m_unpriced.insert(pack.enabledServiceId);
            continue;
        }
        ChargeRecord charge;
        // Written off now, a job run after the effective-from: a pack enabled with a date in the
        // past is charged in the period that is open, not in one that may be invoiced already.
        charge.chargedAt = now;
        charge.transactionId = transactionId(pack.enabledServiceId);
        charge.companyId = pack.companyId;
        charge.agreementId = pack.agreementId;
        charge.source = QStringLiteral("packPurchase");
        charge.serviceId = found->serviceId;
        charge.enabledServiceId = pack.enabledServiceId;
        charge.description = QStringLiteral("Purchase of %1, effective from %2 UTC")
                                 .arg(pack.serviceName, pack.effectiveFrom.toString(QStringLiteral("dd.MM.yyyy HH:mm")));
        charge.units = 1;
        charge.unitPrice = found->amount;
        charge.amount = found->amount;
        charge.currency = pack.currency;
        charge.pricing = found->pricing;
        m_writeOff(charge);
        m_written.insert(pack.enabledServiceId);
        m_unpriced.remove(pack.enabledServiceId);
        ++charged;
    }
    return charged;
}

} // namespace backoffice::server
