#include "FeePricing.h"

#include "Database.h"
#include "RatingCatalogue.h"
#include "RatingDataStore.h"
#include "RatingEngine.h"

#include <QJsonValue>

namespace backoffice::server {

namespace {

QJsonValue instantOrNull(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

// The later start and the earlier end of the enabled service and the scope that priced the fee.
void fillEffective(Database &database, const RatingOutcome &outcome, qint64 agreementId, FeeQuote *quote)
{
    RatingDataStore store(database.connection());
    for (const EnabledServiceRow &row : store.enabledServices(agreementId)) {
        if (row.id != outcome.enabledServiceId)
            continue;
        quote->effectiveFrom = row.from;
        quote->effectiveTill = row.till;
    }
    for (const ScopeRow &scope : store.scopes()) {
        if (scope.id != outcome.scopeId)
            continue;
        if (!quote->effectiveFrom.isValid() || scope.from > quote->effectiveFrom)
            quote->effectiveFrom = scope.from;
        if (scope.till.isValid() && (!quote->effectiveTill.isValid() || scope.till < quote->effectiveTill))
            quote->effectiveTill = scope.till;
    }
}

} // namespace

QJsonObject FeeQuote::toJson() const
{
    QJsonObject json {{QStringLiteral("found"), found}};
    if (!found) {
        json.insert(QStringLiteral("message"), message);
        if (noService)
            json.insert(QStringLiteral("noService"), true);
        return json;
    }
    json.insert(QStringLiteral("unitPrice"), unitPrice.toString());
    json.insert(QStringLiteral("quantity"), quantity);
    json.insert(QStringLiteral("amount"), amount.toString());
    json.insert(QStringLiteral("currency"), currency);
    json.insert(QStringLiteral("serviceId"), serviceId);
    json.insert(QStringLiteral("serviceName"), serviceName);
    json.insert(QStringLiteral("effectiveFrom"), instantOrNull(effectiveFrom));
    json.insert(QStringLiteral("effectiveTill"), instantOrNull(effectiveTill));
    json.insert(QStringLiteral("explain"), explain);
    return json;
}

FeePricing::FeePricing(Database &database, RatingEngine &rating)
    : m_database(database)
    , m_rating(rating)
{ }

FeeQuote FeePricing::senderIdSetupFee(const SenderIdFeeInput &input)
{
    return senderIdFee(input, QStringLiteral("sender-id-setup-fee"), QStringLiteral("setup fee"));
}

FeeQuote FeePricing::senderIdUsageFee(const SenderIdFeeInput &input)
{
    return senderIdFee(input, QStringLiteral("sender-id-usage-fee"), QStringLiteral("usage fee"));
}

FeeQuote FeePricing::senderIdFee(const SenderIdFeeInput &input, const QString &resource, const QString &what)
{
    FeeQuote quote;
    const QString attributes
        = QStringLiteral("MNO %1, sender ID type %2%3")
              .arg(input.mno.isEmpty() ? QStringLiteral("(none)") : input.mno,
                   input.senderIdType.isEmpty() ? QStringLiteral("(none)") : input.senderIdType,
                   input.periodicity.isEmpty() ? QString() : QStringLiteral(", ") + input.periodicity);
    if (!rating::RatingCatalogue::resource(input.channel, resource)) {
        quote.noService = true;
        quote.message = QStringLiteral("Rate not found: the %1 channel has no sender ID %2").arg(input.channel, what);
        return quote;
    }
    RatingInput rate;
    rate.agreementId = input.agreementId;
    rate.at = input.at;
    rate.senderId = input.senderId;
    rate.request.domain = input.channel;
    rate.request.resource = resource;
    rate.request.setAttribute(rating::Dimension::Mno, input.mno);
    rate.request.setAttribute(rating::Dimension::SenderIdType, input.senderIdType);
    rate.request.setAttribute(rating::Dimension::Periodicity, input.periodicity);
    const RatingOutcome outcome = m_rating.rate(rate);
    if (!outcome.priced() || !outcome.hasQuote) {
        quote.noService = outcome.status == QLatin1String("noService");
        quote.message
            = QStringLiteral("Rate not found: no service of the agreement prices the sender ID %1 of %2 (%3) at %4: %5")
                  .arg(what, input.senderId, attributes, input.at.toString(Qt::ISODate),
                       outcome.reason.isEmpty() ? outcome.status : outcome.reason);
        return quote;
    }
    if (outcome.currency != input.agreementCurrency && !outcome.quote.amount.isZero()) {
        quote.message
            = QStringLiteral("Rate not found: service %1 prices the sender ID %2 in %3, the agreement is in %4")
                  .arg(outcome.serviceName, what, outcome.currency, input.agreementCurrency);
        return quote;
    }
    quote.found = true;
    quote.unitPrice = outcome.quote.amount;
    quote.amount = outcome.quote.amount;
    quote.currency = input.agreementCurrency;
    quote.serviceId = outcome.serviceId;
    quote.serviceName = outcome.serviceName;
    quote.explain = outcome.quote.explain;
    quote.pricing = PriceTerms::of(outcome.quote);
    quote.pricing = PriceTerms::of(outcome.quote);
    fillEffective(m_database, outcome, input.agreementId, &quote);
    return quote;
}

FeeQuote FeePricing::additionalService(qint64 agreementId, const QString &agreementCurrency, const QString &serviceName,
                                       qint64 volume, const QDateTime &at)
{
    FeeQuote quote;
    RatingInput rate;
    rate.agreementId = agreementId;
    rate.at = at;
    rate.request.domain = QStringLiteral("additional-service");
    rate.request.resource = QStringLiteral("additional-service-fee");
    rate.request.setAttribute(rating::Dimension::AdditionalService, serviceName);
    const RatingOutcome outcome = m_rating.rate(rate);
    if (outcome.status == QLatin1String("noService") || outcome.status == QLatin1String("archived")) {
        quote.noService = true;
        quote.message = QStringLiteral("No additional services enabled for this agreement");
        return quote;
    }
    const QString named = serviceName.isEmpty() ? QStringLiteral("(no name)") : serviceName;
    if (!outcome.priced() || !outcome.hasQuote) {
        quote.message
            = QStringLiteral("Rate not found: service %1 has no rate for the additional service %2 (%3)")
                  .arg(outcome.serviceName, named, outcome.reason.isEmpty() ? outcome.status : outcome.reason);
        return quote;
    }
    if (outcome.currency != agreementCurrency && !outcome.quote.unitPrice.isZero()) {
        quote.message = QStringLiteral("Rate not found: service %1 prices %2 in %3, the agreement is in %4")
                            .arg(outcome.serviceName, named, outcome.currency, agreementCurrency);
        return quote;
    }
    // The node's price per unit, whatever its quantity rule: an additional fee counts its own volume.
    const Amount unit = outcome.status == QLatin1String("ok") ? outcome.quote.unitPrice : Amount();
    Amount amount;
    if (volume < 1 || !Amount::multiply(unit, volume, &amount)) {
        quote.message = QStringLiteral("The volume is out of range");
        return quote;
    }
    quote.found = true;
    quote.unitPrice = unit;
    quote.quantity = volume;
    quote.amount = amount;
    quote.currency = agreementCurrency;
    quote.serviceId = outcome.serviceId;
    quote.serviceName = outcome.serviceName;
    quote.explain = outcome.quote.explain;
    fillEffective(m_database, outcome, agreementId, &quote);
    return quote;
}

} // namespace backoffice::server
