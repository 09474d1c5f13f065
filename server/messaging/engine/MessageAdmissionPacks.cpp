// MessageAdmission's part in packs (BO §6.4, §7.3.6–7.3.7): which pack a part takes from, bundle
// members, and bundle packs that buy themselves again.
#include "MessageAdmission.h"

#include "BalanceBook.h"
#include "PackBook.h"
#include "PackPurchases.h"
#include "ServiceEntities.h"

namespace backoffice::server {

namespace {

const QString MonetaryPack = QStringLiteral("monetaryPack");
const QString BundlePack = QStringLiteral("bundlePack");
const QString BundleInitiator = QStringLiteral("bundleInitiator");

// What a priced part takes from its pack: units by the quantity rule, or the price in money.
qint64 packNeed(const RatingOutcome &outcome)
{
    return outcome.serviceType == MonetaryPack ? outcome.quote.amount.micros() : outcome.quote.quantity;
}

} // namespace

QString MessageAdmission::takeFromPacks(AdmittedPart &part, const QDateTime &now)
{
    // Each pass either admits the part or passes one more pack over: at most one pass per pack.
    for (;;) {
        RatingOutcome &outcome = part.outcome;
        if (!outcome.priced())
            return {};
        if (outcome.serviceType == BundleInitiator && outcome.status == QLatin1String("included"))
            return bundleMember(part, now);
        if (!isPackType(outcome.serviceType))
            return {};
        const auto pack = m_rating.packTerms(outcome.enabledServiceId);
        const qint64 need = packNeed(outcome);
        if (pack && m_packs.reserve(*pack, need)) {
            part.packReserved = need;
            return {};
        }
        part.rating.usedUpPacks.append(outcome.enabledServiceId);
        outcome = m_rating.rate(part.rating);
    }
}

QString MessageAdmission::bundleMember(AdmittedPart &part, const QDateTime &now)
{
    RatingInput member = part.rating;
    member.request.domain = QStringLiteral("bundle-grouping");
    member.request.resource = QStringLiteral("bundle-member");
    for (;;) {
        const RatingOutcome outcome = m_rating.rate(member);
        if (!outcome.priced())
            return QStringLiteral("Bundle traffic of service %1 is not priced: %2")
                .arg(part.outcome.serviceName, outcome.reason.isEmpty() ? outcome.status : outcome.reason);
        if (isPackType(outcome.serviceType)) {
            // A bundle pack counts members; a unit or monetary pack covering them works as for any part.
            const auto pack = m_rating.packTerms(outcome.enabledServiceId);
            const qint64 need = packNeed(outcome);
            if (pack && outcome.serviceType == BundlePack && pack->autoExtend) {
                part.rating = member;
                part.outcome = outcome;
                return extendBundle(part, *pack, need, now);
            }
            if (pack && m_packs.reserve(*pack, need)) {
                part.rating = member;
                part.outcome = outcome;
                part.packReserved = need;
                return {};
            }
            member.usedUpPacks.append(outcome.enabledServiceId);
            continue;
        }
        part.rating = member; // over the bundle: the pay-as-you-go price of a bundle member
        part.outcome = outcome;
        return {};
    }
}

QString MessageAdmission::extendBundle(AdmittedPart &part, const PackTerms &pack, qint64 need, const QDateTime &now)
{
    const int round = m_packs.reserveExtending(pack, need);
    if (round < 0)
        return QStringLiteral("A part needs %1 units, more than bundle pack %2 holds (%3)").arg(need).arg(pack.serviceName).arg(pack.size);
    part.packReserved = need;
    if (round == 0)
        return {};
    part.packRound = round;
    if (!pack.charged)
        return {};
    QString reason;
    const auto price = PackPurchases::price(m_rating, pack.agreementId, pack.serviceName, BundlePack, now, &reason);
    if (!price)
        return QStringLiteral("Bundle pack %1 is used up and cannot be bought again: %2").arg(pack.serviceName, reason);
    if (const auto refusal = m_balances.reserve(pack.agreementId, price->currency, price->amount, now))
        return QStringLiteral("Bundle pack %1 is used up and cannot be bought again: %2").arg(pack.serviceName, refusal->reason);
    ChargeRecord purchase;
    purchase.chargedAt = now;
    purchase.transactionId = PackPurchases::transactionId(pack.enabledServiceId, round);
    purchase.companyId = pack.companyId;
    purchase.agreementId = pack.agreementId;
    purchase.source = QStringLiteral("packPurchase");
    purchase.serviceId = price->serviceId;
    purchase.enabledServiceId = pack.enabledServiceId;
    purchase.description = QStringLiteral("Purchase of %1 again (round %2): the last one is used up").arg(pack.serviceName).arg(round);
    purchase.units = 1;
    purchase.unitPrice = price->amount;
    purchase.amount = price->amount;
    purchase.currency = price->currency;
    purchase.pricing = price->pricing;
    part.packPurchase = purchase;
    part.purchaseReserved = price->amount;
    return {};
}

void MessageAdmission::rollback(const QList<AdmittedPart> &parts)
{
    for (const AdmittedPart &part : parts) {
        m_balances.release(part.sender.agreementId, part.reserved + part.purchaseReserved);
        if (part.packRound > 0)
            m_packs.retract(part.outcome.enabledServiceId, part.packRound, part.packReserved);
        else if (part.packReserved)
            m_packs.release(part.outcome.enabledServiceId, part.packReserved);
    }
}

} // namespace backoffice::server
