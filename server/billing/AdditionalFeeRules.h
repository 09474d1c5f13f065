#pragma once

#include "EdrRecord.h"
#include "EntityRules.h"

#include <QHash>

namespace backoffice::server {

class FeeCharges;
class FeePricing;

// Additional fees (BO §7.4). The agreement must be the company's; "fixed" takes the pre-rated cost
// (> 0, in the agreement's currency); "byTariff" is volume × the rate of the named additional
// service in the agreement's enabled "Additional service" tree ("No additional services enabled for
// this agreement" when no enabled service has one). A fee is issued when it is created: the row,
// its audit record and the text of its charge commit together, then the charge goes to the
// engine's writer (additionalFee, the fee's transaction id). Issued fees are not deleted (409)
// and only their description changes; a mistake is corrected by a new fixed fee that names it in
// correctsFeeId, whose pre-rated cost is credited back (at most what the fee still amounts to).
class AdditionalFeeRules final : public EntityRules
{
public:
    AdditionalFeeRules(FeePricing &pricing, FeeCharges &charges);

    void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors) override;
    void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after) override;
    void committed(qint64 id) override;
    void checkDelete(WriteContext &context, const QJsonObject &record) override;

private:
    void checkFixed(WriteContext &context, QJsonObject &after, FieldErrors &errors);
    void checkByTariff(WriteContext &context, QJsonObject &after, const QString &currency, FieldErrors &errors);

    FeePricing &m_pricing;
    FeeCharges &m_charges;
    QHash<qint64, ChargeRecord> m_pending; // written in the transaction, handed over once it commits
};

} // namespace backoffice::server
