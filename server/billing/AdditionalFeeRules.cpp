#include "AdditionalFeeRules.h"

#include "ApiException.h"
#include "EntityCatalogue.h"
#include "FeeCharges.h"
#include "FeeEntities.h"
#include "FeePricing.h"
#include "FeeStore.h"
#include "RuleValues.h"

#include <QUuid>

namespace backoffice::server {

namespace {

Amount moneyOf(const QJsonObject &record, const char *field)
{
    return Amount::parse(fieldOf(record, field).toString()).value_or(Amount());
}

QString chargeText(const QJsonObject &fee)
{
    const QString description = fieldOf(fee, "description").toString().trimmed();
    QString text = QStringLiteral("Additional fee");
    if (isSet(fieldOf(fee, "correctsFeeId")))
        text = QStringLiteral("Correction of additional fee %1").arg(fieldOf(fee, "correctsFeeId").toInteger());
    if (fieldOf(fee, "feeType").toString() == QLatin1String("byTariff"))
        text += QStringLiteral(": %1 × %2")
                    .arg(fieldOf(fee, "volume").toInteger())
                    .arg(fieldOf(fee, "additionalService").toString());
    if (!description.isEmpty())
        text += QStringLiteral(" — ") + description;
    return text;
}

} // namespace

AdditionalFeeRules::AdditionalFeeRules(FeePricing &pricing, FeeCharges &charges)
    : m_pricing(pricing)
    , m_charges(charges)
{ }

void AdditionalFeeRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after,
                               FieldErrors &errors)
{
    if (before)
        return; // issued: what it charged is fixed; the catalogue leaves only the description open
    const auto agreement = context.record(entities::agreements, fieldOf(after, "agreementId").toInteger());
    if (!agreement)
        return; // the generic reference check names the missing agreement
    if (isSet(fieldOf(after, "companyId"))
        && fieldOf(after, "companyId").toInteger() != fieldOf(*agreement, "companyId").toInteger())
        errors.insert(QStringLiteral("agreementId"), QStringLiteral("is not an agreement of the chosen company"));
    after.insert(QStringLiteral("companyId"), fieldOf(*agreement, "companyId"));
    const QString currency = fieldOf(*agreement, "currency").toString();
    after.insert(QStringLiteral("currency"), currency);

    const QString type = fieldOf(after, "feeType").toString();
    if (type == QLatin1String("fixed"))
        checkFixed(context, after, errors);
    else if (type == QLatin1String("byTariff"))
        checkByTariff(context, after, currency, errors);
    after.insert(QStringLiteral("issued"), true);
    after.insert(QStringLiteral("issuedAt"), context.now.toString(Qt::ISODateWithMs));
    after.insert(QStringLiteral("transactionId"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (context.session.userId)
        after.insert(QStringLiteral("userId"), context.session.userId);
}

void AdditionalFeeRules::checkFixed(WriteContext &context, QJsonObject &after, FieldErrors &errors)
{
    for (const char *field : {"additionalService", "volume"}) {
        if (isSet(fieldOf(after, field)))
            errors.insert(QLatin1String(field), QStringLiteral("applies to fees by tariff only"));
    }
    if (!isSet(fieldOf(after, "preRatedCost"))) {
        errors.insert(QStringLiteral("preRatedCost"), QStringLiteral("is required for a fixed price"));
        return;
    }
    const Amount cost = moneyOf(after, "preRatedCost");
    if (cost <= Amount()) {
        errors.insert(QStringLiteral("preRatedCost"), QStringLiteral("must be more than zero"));
        return;
    }
    Amount amount = cost;
    if (isSet(fieldOf(after, "correctsFeeId"))) {
        const qint64 correctedId = fieldOf(after, "correctsFeeId").toInteger();
        const auto corrected = context.record(entities::additionalFees, correctedId);
        if (!corrected)
            return; // the generic reference check names it
        if (fieldOf(*corrected, "agreementId").toInteger() != fieldOf(after, "agreementId").toInteger()) {
            errors.insert(QStringLiteral("correctsFeeId"), QStringLiteral("is a fee of another agreement"));
            return;
        }
        if (isSet(fieldOf(*corrected, "correctsFeeId"))) {
            errors.insert(QStringLiteral("correctsFeeId"),
                          QStringLiteral("is a correction itself: correct the fee it corrects"));
            return;
        }
        const Amount left = FeeStore(context.db).amountAfterCorrections(correctedId).value_or(Amount());
        if (cost > left) {
            errors.insert(QStringLiteral("preRatedCost"),
                          QStringLiteral("is more than fee %1 still amounts to (%2 %3)")
                              .arg(correctedId)
                              .arg(left.toString(), fieldOf(after, "currency").toString()));
            return;
        }
        amount = -cost; // credited back
    }
    after.insert(QStringLiteral("unitPrice"), amount.toString());
    after.insert(QStringLiteral("amount"), amount.toString());
}

void AdditionalFeeRules::checkByTariff(WriteContext &context, QJsonObject &after, const QString &currency,
                                       FieldErrors &errors)
{
    if (isSet(fieldOf(after, "preRatedCost")))
        errors.insert(QStringLiteral("preRatedCost"),
                      QStringLiteral("applies to fixed prices only: by tariff the rate prices the fee"));
    if (isSet(fieldOf(after, "correctsFeeId")))
        errors.insert(QStringLiteral("correctsFeeId"), QStringLiteral("a correction is a fixed fee"));
    const qint64 volume = fieldOf(after, "volume").toInteger();
    if (!isSet(fieldOf(after, "volume"))) {
        errors.insert(QStringLiteral("volume"), QStringLiteral("is required for a fee by tariff"));
        return;
    }
    if (volume < 1) {
        errors.insert(QStringLiteral("volume"), QStringLiteral("must be at least 1"));
        return;
    }
    const QString service = fieldOf(after, "additionalService").toString().trimmed();
    after.insert(QStringLiteral("additionalService"),
                 service.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(service));
    const FeeQuote fee = m_pricing.additionalService(fieldOf(after, "agreementId").toInteger(), currency, service,
                                                     volume, context.now);
    if (!fee.found) {
        errors.insert(fee.noService ? QStringLiteral("feeType") : QStringLiteral("additionalService"), fee.message);
        return;
    }
    after.insert(QStringLiteral("unitPrice"), fee.unitPrice.toString());
    after.insert(QStringLiteral("amount"), fee.amount.toString());
    after.insert(QStringLiteral("serviceId"), fee.serviceId);
}

void AdditionalFeeRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before,
                                    const QJsonObject &after)
{
    if (before)
        return;
    ChargeRecord charge;
    charge.chargedAt = context.now;
    charge.transactionId = fieldOf(after, "transactionId").toString();
    charge.companyId = fieldOf(after, "companyId").toInteger();
    charge.agreementId = fieldOf(after, "agreementId").toInteger();
    charge.source = chargesource::additionalFee;
    charge.serviceId = fieldOf(after, "serviceId").toInteger();
    charge.description = chargeText(after);
    const bool byTariff = fieldOf(after, "feeType").toString() == QLatin1String("byTariff");
    charge.units = byTariff ? fieldOf(after, "volume").toInteger() : 1;
    charge.unitPrice = moneyOf(after, "unitPrice");
    charge.amount = moneyOf(after, "amount");
    charge.currency = fieldOf(after, "currency").toString();
    // By tariff the rate's terms go with the charge (the price itself was fixed at validation, in
    // this same transaction, from the same rate); a fixed fee is priced by hand.
    if (byTariff)
        charge.pricing = m_pricing
                             .additionalService(charge.agreementId, charge.currency,
                                                fieldOf(after, "additionalService").toString(), charge.units, context.now)
                             .pricing;
    FeeStore(context.db).setAdditionalFeeChargeDescription(id, charge.description);
    m_pending.insert(id, charge);
}

void AdditionalFeeRules::committed(qint64 id)
{
    const auto pending = m_pending.constFind(id);
    if (pending == m_pending.cend())
        return;
    const ChargeRecord charge = *pending;
    m_pending.remove(id);
    m_charges.hand(charge);
    m_charges.flush(); // the ledger and the draft invoice show it at once
}

void AdditionalFeeRules::checkDelete(WriteContext &context, const QJsonObject &record)
{
    Q_UNUSED(context)
    if (fieldOf(record, "issued").toBool())
        throw ApiException::conflict(
            QStringLiteral("Additional fee %1 is issued: its charge is in the balance and the "
                           "invoice. Correct it with a new fixed fee naming it in correctsFeeId.")
                .arg(fieldOf(record, "id").toInteger()),
            QStringLiteral("fee_issued"));
}

} // namespace backoffice::server
