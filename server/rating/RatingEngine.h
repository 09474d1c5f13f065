#pragma once

#include "BillingPeriod.h"
#include "Quote.h"
#include "RatingDataStore.h"
#include "RatingIndex.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <memory>
#include <optional>

namespace backoffice::server {

class Database;

// One thing to price for an agreement at an instant. The destination is resolved already: the
// request's attributes hold country, network, MCC/MNC… as the tree matches them.
struct RatingInput {
    qint64 agreementId = 0;
    QDateTime at; // UTC
    rating::QuoteRequest request;
    QString senderId; // the counter of sender-ID scales
    std::optional<qint64> periodVolume; // "what if": use this volume instead of the stored counters
    // Enabled packs with too little left for this part: passed over as if they did not cover it.
    QList<qint64> usedUpPacks;
};

// An enabled pack as the pack book needs it: what one round holds (units, or micro-units for a
// monetary pack), whether its purchase is charged, and whether a bundle pack extends itself.
struct PackTerms {
    qint64 enabledServiceId = 0;
    qint64 agreementId = 0;
    qint64 companyId = 0;
    qint64 serviceId = 0;
    QString serviceName;
    QString type; // unitPack | monetaryPack | bundlePack
    qint64 size = 0;
    bool charged = false;
    bool autoExtend = false;
    int rounds = 1;
    QDateTime from;
    QDateTime till;
};

// How one enabled service was considered, in the order the engine tried them.
struct ConsideredService {
    qint64 enabledServiceId = 0;
    qint64 serviceId = 0;
    QString serviceName;
    QString serviceType;
    QString outcome; // "used", "notIncluded", "noRate", "archived", "noScope", "notEffective", "usedUp"
};

// The engine's answer: which enabled service priced the traffic (or why none did) and the quote.
struct RatingOutcome {
    // ok | free | included | blocked | noRate | unusable | invalidInput (from the tree), or
    // noService (nothing enabled prices this traffic) | archived (what would have priced it is archived)
    QString status;
    QString reason; // for people; empty when priced
    qint64 enabledServiceId = 0;
    qint64 serviceId = 0;
    qint64 scopeId = 0;
    QString serviceName;
    QString serviceType;
    QString currency;
    bool hasQuote = false;
    rating::QuoteResult quote;
    qint64 periodVolume = 0; // for a scale: the volume before this quote
    PeriodWindow period; // for a scale: the billing period counted in
    QList<ConsideredService> considered;

    bool priced() const { return status == QLatin1String("ok") || status == QLatin1String("free")
                                 || status == QLatin1String("included"); }
};

// Rates traffic against the services enabled on agreements: packs, then bundle initiators, then
// pay-as-you-go, the earliest enabled first within each; a tree answering "not included" hands over
// to the next service, and so does a pack the caller found used up (RatingInput::usedUpPacks). The
// services, scopes and enabled services live in memory (reloaded after any change, see
// RatingChanges) and each scope's tree as a RatingIndex, rebuilt only when that tree changed, so a
// quote runs no SQL unless it reaches a scale and needs the period's volume.
class RatingEngine final
{
public:
    explicit RatingEngine(Database &database);
    ~RatingEngine();

    RatingOutcome rate(const RatingInput &input);

    // The company of an agreement that has services enabled, from memory; nullopt otherwise (the
    // caller then asks storage). Lets a quote check access without SQL.
    std::optional<qint64> agreementCompany(qint64 agreementId);

    // The terms of an enabled pack (nullopt for anything else), from memory.
    std::optional<PackTerms> packTerms(qint64 enabledServiceId);
    // The agreement's packs in force at `at`, in the order they are used.
    QList<PackTerms> packsInForce(qint64 agreementId, const QDateTime &at);

    // Counts the quote's units in the scale counter it was priced against (the charging path calls
    // this once per charged message part). No-op for quotes that did not reach a scale.
    void recordVolume(const RatingInput &input, const RatingOutcome &outcome);
    // What recordVolume would add, for a caller that writes it in its own transaction; nullopt for
    // quotes that did not reach a scale.
    static std::optional<VolumeEntry> volumeOf(const RatingInput &input, const RatingOutcome &outcome);

private:
    struct Snapshot;
    std::shared_ptr<const Snapshot> snapshot();
    std::shared_ptr<const rating::RatingIndex> indexFor(qint64 scopeId);

    Database &m_database;
    QMutex m_mutex;
    std::shared_ptr<const Snapshot> m_snapshot;
    struct CachedIndex {
        quint64 revision = 0;
        std::shared_ptr<const rating::RatingIndex> index;
    };
    QHash<qint64, CachedIndex> m_indexes; // by scope id, guarded by m_mutex
};

} // namespace backoffice::server
