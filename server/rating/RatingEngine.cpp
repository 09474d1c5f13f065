#include "RatingEngine.h"

#include "Database.h"
#include "RateTreeStore.h"
#include "RatingChanges.h"
#include "ServiceEntities.h"

#include <QTimeZone>
#include <algorithm>

namespace backoffice::server {

using rating::QuoteStatus;

struct RatingEngine::Snapshot {
    quint64 generation = 0;
    QHash<qint64, ServiceRow> services;
    QHash<qint64, QList<ScopeRow>> scopesByService; // in creation order
    QHash<qint64, QList<EnabledServiceRow>> enabledByAgreement; // in the order they are tried
    QHash<qint64, EnabledServiceRow> enabledById;
};

namespace {

bool inForce(const QDateTime &from, const QDateTime &till, const QDateTime &at)
{
    return from <= at && (!till.isValid() || at < till);
}

// The scope in force at `at`: the earliest created non-draft scope whose period holds it, so a newer
// overlapping scope does not displace the current one (the same rule as the scopes list).
const ScopeRow *scopeInForce(const QList<ScopeRow> &scopes, const QDateTime &at)
{
    for (const ScopeRow &scope : scopes) {
        if (!scope.draft && inForce(scope.from, scope.till, at))
            return &scope;
    }
    return nullptr;
}

// Reads the volume a scale prices against: the stored counter of the agreement's billing period
// holding the event (or the caller's "what if" volume), remembering what it read for the answer.
class CounterVolumeSource final : public rating::ScaleVolumeSource
{
public:
    CounterVolumeSource(Database &database, const RatingInput &input)
        : m_database(database)
        , m_input(input)
    {
    }

    qint64 periodVolume(qint64 scaleNodeId, rating::CounterGroup group) const override
    {
        m_period = periodOf(m_database, m_input);
        if (m_input.periodVolume)
            m_volume = *m_input.periodVolume;
        else if (m_period.startUtc.isValid())
            m_volume = RatingDataStore(m_database.connection())
                           .volume(m_input.agreementId, scaleNodeId, counterKey(group, m_input), m_period.startUtc);
        return m_volume;
    }

    static QString counterKey(rating::CounterGroup group, const RatingInput &input)
    {
        return group == rating::CounterGroup::SenderId ? input.senderId : QString();
    }

    static PeriodWindow periodOf(Database &database, const RatingInput &input)
    {
        const auto terms = RatingDataStore(database.connection()).agreementTerms(input.agreementId, input.at);
        BillingPeriodKind kind = BillingPeriodKind::Monthly;
        if (!terms || !parseBillingPeriodKind(terms->billingPeriod, &kind))
            return {};
        return billingPeriodContaining(input.at, kind, terms->billingDay,
                                       QTimeZone(terms->billingTimeZone.toUtf8()), terms->splitByMonth)
            .clippedTo(terms->versionFrom, terms->versionTill);
    }

    qint64 volume() const { return m_volume; }
    const PeriodWindow &period() const { return m_period; }

private:
    Database &m_database;
    const RatingInput &m_input;
    mutable qint64 m_volume = 0;
    mutable PeriodWindow m_period;
};

QString statusKey(QuoteStatus status)
{
    return rating::quoteStatusKey(status);
}

} // namespace

RatingEngine::RatingEngine(Database &database)
    : m_database(database)
{
}

RatingEngine::~RatingEngine() = default;

std::shared_ptr<const RatingEngine::Snapshot> RatingEngine::snapshot()
{
    const quint64 generation = RatingChanges::generation();
    QMutexLocker lock(&m_mutex);
    if (m_snapshot && m_snapshot->generation == generation)
        return m_snapshot;
    auto fresh = std::make_shared<Snapshot>();
    fresh->generation = generation;
    RatingDataStore store(m_database.connection());
    for (const ServiceRow &service : store.services())
        fresh->services.insert(service.id, service);
    for (const ScopeRow &scope : store.scopes())
        fresh->scopesByService[scope.serviceId].append(scope);
    for (const EnabledServiceRow &enabled : store.enabledServices()) {
        fresh->enabledByAgreement[enabled.agreementId].append(enabled);
        fresh->enabledById.insert(enabled.id, enabled);
    }
    // Packs first, then bundle initiators (their traffic counts against bundle packs, decision 008),
    // then pay-as-you-go services; the earliest enabled first within each.
    const auto rank = [&](const EnabledServiceRow &row) {
        const QString type = fresh->services.value(row.serviceId).type;
        return isPackType(type) ? 0 : type == QLatin1String("bundleInitiator") ? 1 : 2;
    };
    for (auto it = fresh->enabledByAgreement.begin(); it != fresh->enabledByAgreement.end(); ++it) {
        std::stable_sort(it->begin(), it->end(), [&](const EnabledServiceRow &a, const EnabledServiceRow &b) {
            const int rankA = rank(a);
            const int rankB = rank(b);
            if (rankA != rankB)
                return rankA < rankB;
            return a.from != b.from ? a.from < b.from : a.id < b.id;
        });
    }
    m_snapshot = fresh;
    return m_snapshot;
}

std::shared_ptr<const rating::RatingIndex> RatingEngine::indexFor(qint64 scopeId)
{
    const quint64 revision = RatingChanges::scopeRevision(scopeId);
    QMutexLocker lock(&m_mutex);
    const auto cached = m_indexes.constFind(scopeId);
    if (cached != m_indexes.constEnd() && cached->revision == revision)
        return cached->index;
    auto index = std::make_shared<const rating::RatingIndex>(rating::RateTree(RateTreeStore(m_database.connection()).loadNodes(scopeId)));
    m_indexes.insert(scopeId, {revision, index});
    return index;
}

std::optional<qint64> RatingEngine::agreementCompany(qint64 agreementId)
{
    const std::shared_ptr<const Snapshot> data = snapshot();
    const auto rows = data->enabledByAgreement.constFind(agreementId);
    if (rows == data->enabledByAgreement.cend() || rows->isEmpty())
        return std::nullopt;
    return rows->first().companyId;
}

namespace {

PackTerms packTermsOf(const EnabledServiceRow &row, const ServiceRow &service)
{
    PackTerms terms;
    terms.enabledServiceId = row.id;
    terms.agreementId = row.agreementId;
    terms.companyId = row.companyId;
    terms.serviceId = service.id;
    terms.serviceName = service.name;
    terms.type = service.type;
    terms.size = service.type == QLatin1String("monetaryPack") ? service.amountMicros : service.units;
    terms.charged = row.charged;
    terms.autoExtend = row.autoExtend;
    terms.rounds = row.rounds;
    terms.from = row.from;
    terms.till = row.till;
    return terms;
}

} // namespace

std::optional<PackTerms> RatingEngine::packTerms(qint64 enabledServiceId)
{
    const std::shared_ptr<const Snapshot> data = snapshot();
    const auto row = data->enabledById.constFind(enabledServiceId);
    if (row == data->enabledById.cend())
        return std::nullopt;
    const ServiceRow service = data->services.value(row->serviceId);
    if (!isPackType(service.type))
        return std::nullopt;
    return packTermsOf(*row, service);
}

QList<PackTerms> RatingEngine::packsInForce(qint64 agreementId, const QDateTime &at)
{
    const std::shared_ptr<const Snapshot> data = snapshot();
    QList<PackTerms> packs;
    for (const EnabledServiceRow &row : data->enabledByAgreement.value(agreementId)) {
        const ServiceRow service = data->services.value(row.serviceId);
        if (isPackType(service.type) && inForce(row.from, row.till, at))
            packs.append(packTermsOf(row, service));
    }
    return packs;
}

RatingOutcome RatingEngine::rate(const RatingInput &input)
{
    RatingOutcome outcome;
    const std::shared_ptr<const Snapshot> data = snapshot();
    const QList<EnabledServiceRow> enabled = data->enabledByAgreement.value(input.agreementId);
    bool sawArchived = false;
    for (const EnabledServiceRow &row : enabled) {
        const ServiceRow service = data->services.value(row.serviceId);
        ConsideredService considered{row.id, service.id, service.name, service.type, {}};
        auto skip = [&](const char *why) {
            considered.outcome = QString::fromLatin1(why);
            outcome.considered.append(considered);
        };
        if (!inForce(row.from, row.till, input.at)) {
            skip("notEffective");
            continue;
        }
        if (input.usedUpPacks.contains(row.id)) {
            skip("usedUp");
            continue;
        }
        if (service.archived) {
            sawArchived = true;
            skip("archived");
            continue;
        }
        const ScopeRow *scope = scopeInForce(data->scopesByService.value(service.id), input.at);
        if (!scope) {
            skip("noScope");
            continue;
        }
        const std::shared_ptr<const rating::RatingIndex> index = indexFor(scope->id);
        CounterVolumeSource volumes(m_database, input);
        rating::QuoteRequest request = input.request;
        request.volumeSource = &volumes;
        const rating::RateDecision decision = index->rate(request);
        const bool otherChannel = decision.status == QuoteStatus::NoRate && decision.unmatched == rating::Dimension::Resource;
        // A tree without a say hands over to the next service; so does a pack that does not cover
        // the traffic at all. Anything else is the answer.
        if (decision.status == QuoteStatus::NotIncluded || otherChannel
            || (isPackType(service.type) && decision.status == QuoteStatus::NoRate)) {
            skip(decision.status == QuoteStatus::NotIncluded ? "notIncluded" : "noRate");
            continue;
        }
        considered.outcome = QStringLiteral("used");
        outcome.considered.append(considered);
        outcome.status = statusKey(decision.status);
        outcome.enabledServiceId = row.id;
        outcome.serviceId = service.id;
        outcome.scopeId = scope->id;
        outcome.serviceName = service.name;
        outcome.serviceType = service.type;
        outcome.currency = service.currency;
        outcome.hasQuote = true;
        outcome.quote = index->describe(decision);
        outcome.quote.explain = QStringLiteral("Service %1, scope %2, %3")
                                    .arg(service.name)
                                    .arg(scope->id)
                                    .arg(outcome.quote.explain);
        outcome.periodVolume = volumes.volume();
        outcome.period = volumes.period();
        if (decision.status == QuoteStatus::Blocked)
            outcome.reason = QStringLiteral("Blocked by service %1: this traffic is not processed").arg(service.name);
        else if (decision.status == QuoteStatus::NoRate)
            outcome.reason = QStringLiteral("Service %1 has no rate for this %2").arg(service.name, rating::dimensionKey(decision.unmatched));
        else if (decision.status == QuoteStatus::Unusable)
            outcome.reason = QStringLiteral("The rate node reached in service %1 is missing critical data").arg(service.name);
        else if (decision.status == QuoteStatus::InvalidInput)
            outcome.reason = QStringLiteral("The quantities are out of range");
        return outcome;
    }
    outcome.status = sawArchived ? QStringLiteral("archived") : QStringLiteral("noService");
    outcome.reason = sawArchived ? QStringLiteral("The service that would price this traffic is archived")
                                 : QStringLiteral("No service enabled on the agreement prices this traffic at that time");
    return outcome;
}

void RatingEngine::recordVolume(const RatingInput &input, const RatingOutcome &outcome)
{
    if (auto entry = volumeOf(input, outcome)) {
        entry->charged = outcome.quote.amount;
        RatingDataStore(m_database.connection()).addVolume(*entry);
    }
}

std::optional<VolumeEntry> RatingEngine::volumeOf(const RatingInput &input, const RatingOutcome &outcome)
{
    if (!outcome.hasQuote || outcome.quote.bandCount == 0 || !outcome.period.startUtc.isValid())
        return std::nullopt;
    return VolumeEntry{input.agreementId, outcome.quote.nodeId,
                       CounterVolumeSource::counterKey(outcome.quote.counterGroup, input), outcome.period.startUtc,
                       outcome.quote.quantity, Amount(), outcome.quote.scaleMode == rating::ScaleMode::BackToFirst};
}

} // namespace backoffice::server
