// MessagingEngine's write-offs: the charge of a part that reached its billing point, the refund of
// one the vendor later reported as not sent, and charges other jobs hand over (pack purchases, fees)
// so the in-memory balances follow them.
#include "MessagingEngine.h"

#include "MessagingInFlight.h"
#include "MessagingStore.h"

namespace backoffice::server {

void MessagingEngine::writeOffCharge(const ChargeRecord &charge)
{
    m_writer.writeCharge(charge);
    m_balances.settle(charge.agreementId, Amount(), charge.amount);
}

void MessagingEngine::charge(InFlight &part)
{
    if (part.charged)
        return;
    EdrRecord &edr = part.edr();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ChargeRecord charge;
    charge.chargedAt = now;
    charge.transactionId = edr.transactionId;
    charge.companyId = edr.companyId;
    charge.agreementId = edr.agreementId;
    charge.edrId = edr.id;
    charge.serviceId = edr.serviceId;
    charge.enabledServiceId = edr.enabledServiceId;
    charge.senderRecordId = edr.senderRecordId;
    charge.currency = edr.currency;
    charge.amount = edr.price;
    if (part.part.outcome.hasQuote) {
        charge.units = part.part.outcome.quote.quantity;
        charge.unitPrice = part.part.outcome.quote.unitPrice;
        charge.band = part.part.outcome.quote.bandText;
        charge.pricing = PriceTerms::of(part.part.outcome.quote);
    } else {
        charge.units = 1;
        charge.unitPrice = edr.price;
    }
    charge.description = QStringLiteral("%1 to %2%3, part %4/%5")
                             .arg(edr.channel.toUpper(), edr.country.isEmpty() ? edr.destination : edr.country,
                                  edr.network.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(edr.network))
                             .arg(edr.partNumber).arg(edr.partCount);
    charge.packDebit = edr.packDebit;
    m_writer.writeCharge(charge, RatingEngine::volumeOf(part.part.rating, part.part.outcome));
    m_balances.settle(edr.agreementId, part.settled ? Amount() : part.part.reserved, edr.price);
    if (edr.packDebit)
        m_packs.settle(edr.enabledServiceId, part.settled ? 0 : part.part.packReserved, edr.packDebit);
    part.settled = true;
    part.charged = true;
    edr.chargedAt = now;
}

void MessagingEngine::refund(InFlight &part)
{
    const EdrRecord &edr = part.edr();
    ChargeRecord refund;
    refund.chargedAt = QDateTime::currentDateTimeUtc();
    refund.transactionId = edr.transactionId;
    refund.companyId = edr.companyId;
    refund.agreementId = edr.agreementId;
    refund.source = QStringLiteral("trafficRefund");
    refund.edrId = edr.id;
    refund.serviceId = edr.serviceId;
    refund.enabledServiceId = edr.enabledServiceId;
    refund.senderRecordId = edr.senderRecordId;
    refund.description = QStringLiteral("Refund: the vendor reported %1 part %2/%3 as not sent (%4)")
                             .arg(edr.channel.toUpper()).arg(edr.partNumber).arg(edr.partCount).arg(edr.vendorStatus);
    refund.units = -(part.part.outcome.hasQuote ? part.part.outcome.quote.quantity : 1);
    refund.unitPrice = part.part.outcome.hasQuote ? part.part.outcome.quote.unitPrice : edr.price;
    refund.amount = -edr.price;
    refund.currency = edr.currency;
    if (part.part.outcome.hasQuote) { // a refund is a line of the same terms as the charge it reverses
        refund.band = part.part.outcome.quote.bandText;
        refund.pricing = PriceTerms::of(part.part.outcome.quote);
    }
    refund.packDebit = -edr.packDebit; // the units go back to the pack
    m_writer.writeCharge(refund); // unique per EDR too: refunded once
    m_balances.settle(edr.agreementId, Amount(), refund.amount);
    if (edr.packDebit)
        m_packs.settle(edr.enabledServiceId, 0, refund.packDebit);
}

QList<MessagingEngine::PackPosition> MessagingEngine::packPositions(qint64 agreementId)
{
    QList<PackPosition> positions;
    for (const PackTerms &pack : m_rating.packsInForce(agreementId, QDateTime::currentDateTimeUtc()))
        positions.append({pack, m_packs.state(pack)});
    return positions;
}

void MessagingEngine::releaseReservations(InFlight &part)
{
    const EdrRecord &edr = part.edr();
    m_balances.release(edr.agreementId, part.part.reserved);
    if (part.part.packReserved)
        m_packs.release(edr.enabledServiceId, part.part.packReserved);
}

void MessagingEngine::writePackPurchases(const QList<AdmittedPart> &parts)
{
    for (const AdmittedPart &part : parts) {
        if (part.packRound <= 0)
            continue;
        const qint64 enabledServiceId = part.outcome.enabledServiceId;
        const int round = part.packRound;
        m_writer.enqueue([enabledServiceId, round](MessagingStore &store) { store.setPackRounds(enabledServiceId, round); });
        if (!part.packPurchase)
            continue; // free of charge
        m_writer.writeCharge(*part.packPurchase);
        m_balances.settle(part.packPurchase->agreementId, part.purchaseReserved, part.packPurchase->amount);
    }
}

} // namespace backoffice::server
