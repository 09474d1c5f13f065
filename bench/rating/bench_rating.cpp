// Rating throughput on one thread over a tree with 100,000 leaves (country -> MCCMNC), compared in
// the same run with the cheapest thing that could price a message: one QHash<QString, Amount>
// lookup by MCCMNC. The ratio is the figure to watch; absolute rates depend on the machine.
//
// Usage: bench_rating [millions of quotes, default 5]

#include "RatingIndex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <cstdio>

using namespace backoffice;
using namespace backoffice::rating;

namespace {

constexpr int Countries = 250;
constexpr int NetworksPerCountry = 400; // 250 x 400 = 100,000 leaves
constexpr int RequestPool = 1 << 16;

QString countryKey(int country)
{
    return QStringLiteral("C%1").arg(country, 3, 10, QLatin1Char('0'));
}

QString mccmncKey(int country, int network)
{
    return QString::number(200000 + country * 1000 + network);
}

Amount leafPrice(int country, int network)
{
    return Amount::fromMicros(1000 + (country * 7919 + network * 104729) % 90000);
}

struct Fixture {
    RateTree tree;
    QHash<QString, Amount> baseline; // mccmnc -> price
};

Fixture buildFixture()
{
    QList<RateNode> nodes;
    nodes.reserve(Countries * (NetworksPerCountry + 2) + 4);
    qint64 nextId = 1;
    auto add = [&](std::optional<qint64> parent, const QString &match, PriceType type,
                   std::optional<Dimension> dimension = std::nullopt) -> RateNode & {
        RateNode node;
        node.id = nextId++;
        node.parentId = parent;
        node.match = match;
        node.priceType = type;
        node.dimension = dimension;
        nodes.append(node);
        return nodes.last();
    };
    const qint64 root = add(std::nullopt, QStringLiteral("sms"), PriceType::Depends, Dimension::Resource).id;
    const qint64 message = add(root, QStringLiteral("sms-message"), PriceType::Depends, Dimension::Direction).id;
    add(message, QStringLiteral("mo"), PriceType::Free);
    const qint64 mt = add(message, QStringLiteral("mt"), PriceType::Depends, Dimension::Country).id;
    Fixture fixture;
    fixture.baseline.reserve(Countries * NetworksPerCountry);
    for (int c = 0; c < Countries; ++c) {
        const qint64 country = add(mt, countryKey(c), PriceType::Depends, Dimension::MccMnc).id;
        for (int n = 0; n < NetworksPerCountry; ++n) {
            const Amount price = leafPrice(c, n);
            fixture.baseline.insert(mccmncKey(c, n), price);
            if (n % 10 == 9) { // every tenth network on a two-band tier scale
                RateNode &leaf = add(country, mccmncKey(c, n), PriceType::Scale);
                leaf.scale = Scale {ScaleMode::Tier,
                                    CounterGroup::Agreement,
                                    {{0, price}, {1000, Amount::fromMicros(price.micros() / 2)}}};
            } else {
                add(country, mccmncKey(c, n), PriceType::Flat).price = price;
            }
        }
        add(country, RateNode::othersMatch(), PriceType::Flat).price = Amount::fromMicros(90000);
    }
    fixture.tree = RateTree(std::move(nodes));
    return fixture;
}

double perSecond(qint64 count, qint64 nanoseconds)
{
    return nanoseconds > 0 ? double(count) * 1e9 / double(nanoseconds) : 0.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 millions = argc > 1 ? qMax(1, QByteArray(argv[1]).toInt()) : 5;
    const qint64 quotes = millions * 1000000;

    QElapsedTimer timer;
    timer.start();
    const Fixture fixture = buildFixture();
    const qint64 treeNs = timer.nsecsElapsed();
    timer.restart();
    const RatingIndex index(fixture.tree);
    const qint64 indexNs = timer.nsecsElapsed();
    std::printf("tree: %lld nodes, 100000 leaves; built in %.1f ms, indexed (with validation) in %.1f ms\n",
                static_cast<long long>(index.nodeCount()), treeNs / 1e6, indexNs / 1e6);

    // Requests drawn once (fixed seed): 99% known networks, 1% unknown (priced by Others).
    QRandomGenerator random(20261122);
    QList<QuoteRequest> requests(RequestPool);
    QList<QString> keys(RequestPool);
    for (int i = 0; i < RequestPool; ++i) {
        const int c = int(random.bounded(Countries));
        const bool miss = random.bounded(100) == 0;
        const QString mccmnc
            = miss ? QStringLiteral("999%1").arg(i) : mccmncKey(c, int(random.bounded(NetworksPerCountry)));
        QuoteRequest &r = requests[i];
        r.domain = QStringLiteral("sms");
        r.resource = QStringLiteral("sms-message");
        r.setAttribute(Dimension::Direction, QStringLiteral("mt"));
        r.setAttribute(Dimension::Country, countryKey(c));
        r.setAttribute(Dimension::MccMnc, mccmnc);
        r.segments = 1 + int(random.bounded(3));
        r.periodVolume = random.bounded(2000);
        keys[i] = mccmnc;
    }

    // Rating: the hot path (RatingIndex::rate).
    qint64 checksum = 0, ok = 0;
    timer.restart();
    for (qint64 i = 0; i < quotes; ++i) {
        const RateDecision decision = index.rate(requests[i & (RequestPool - 1)]);
        checksum += decision.amount.micros();
        ok += decision.status == QuoteStatus::Ok;
    }
    const qint64 rateNs = timer.nsecsElapsed();

    // Baseline: one QHash<QString, Amount> lookup of the same MCCMNC keys, times the segments.
    qint64 baselineChecksum = 0;
    const Amount others = Amount::fromMicros(90000);
    timer.restart();
    for (qint64 i = 0; i < quotes; ++i) {
        const qsizetype slot = i & (RequestPool - 1);
        const Amount price = fixture.baseline.value(keys[slot], others);
        baselineChecksum += price.micros() * requests[slot].segments;
    }
    const qint64 baselineNs = timer.nsecsElapsed();

    // The full quote with path labels and explain text, on fewer quotes: what an API "explain" costs.
    const qint64 explained = qMin<qint64>(quotes, 200000);
    qint64 explainChars = 0;
    timer.restart();
    for (qint64 i = 0; i < explained; ++i)
        explainChars += index.quote(requests[i & (RequestPool - 1)]).explain.size();
    const qint64 explainNs = timer.nsecsElapsed();

    const double rateQps = perSecond(quotes, rateNs);
    const double baselineQps = perSecond(quotes, baselineNs);
    std::printf("rate():            %lld quotes in %.3f s = %.0f quotes/s (%.0f ns/quote), %lld ok\n",
                static_cast<long long>(quotes), rateNs / 1e9, rateQps, double(rateNs) / double(quotes),
                static_cast<long long>(ok));
    std::printf("baseline QHash:    %lld lookups in %.3f s = %.0f lookups/s (%.0f ns/lookup)\n",
                static_cast<long long>(quotes), baselineNs / 1e9, baselineQps, double(baselineNs) / double(quotes));
    std::printf("ratio:             rate() takes %.2fx the time of one QHash lookup\n",
                baselineQps > 0 ? baselineQps / rateQps : 0.0);
    std::printf("quote() + explain: %lld quotes in %.3f s = %.0f quotes/s\n", static_cast<long long>(explained),
                explainNs / 1e9, perSecond(explained, explainNs));
    std::printf("target 1,000,000 quotes/s per core: %s\n", rateQps >= 1e6 ? "met" : "NOT met");
    std::printf("(checksums %lld %lld %lld)\n", static_cast<long long>(checksum),
                static_cast<long long>(baselineChecksum), static_cast<long long>(explainChars));
    return 0;
}
