// PriceTerms::of: the price terms a charge keeps, read from the rating answer that priced it.
#include "PriceTerms.h"
#include "Quote.h"

#include <QTest>

using namespace backoffice;
using namespace backoffice::rating;
using namespace backoffice::server;

class TstPriceTerms final : public QObject
{
    Q_OBJECT

private slots:
    void terms_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("band");
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("group");
        QTest::addColumn<QString>("priceType");
        QTest::addColumn<QString>("scaleType");
        QTest::addColumn<int>("scaleTier");
        QTest::addColumn<QString>("scaleGroup");
        const int ok = int(QuoteStatus::Ok);
        const int tier = int(ScaleMode::Tier);
        const int agreement = int(CounterGroup::Agreement);
        QTest::newRow("flat rate") << ok << 0 << tier << agreement << "flat" << "" << 0 << "";
        QTest::newRow("tier 2 of an agreement scale") << ok << 2 << tier << agreement << "scale" << "tier" << 2 << "agreement";
        QTest::newRow("back-to-first 1 per sender ID") << ok << 1 << int(ScaleMode::BackToFirst) << int(CounterGroup::SenderId)
                                                       << "scale" << "backToFirst" << 1 << "senderId";
        QTest::newRow("free") << int(QuoteStatus::Free) << 0 << tier << agreement << "free" << "" << 0 << "";
        QTest::newRow("a pack's units") << int(QuoteStatus::Included) << 0 << tier << agreement << "included" << "" << 0 << "";
    }

    void terms()
    {
        QFETCH(int, status);
        QFETCH(int, band);
        QFETCH(int, mode);
        QFETCH(int, group);
        QuoteResult quote;
        quote.status = QuoteStatus(status);
        quote.band = band;
        quote.bandCount = band > 0 ? 3 : 0;
        quote.scaleMode = ScaleMode(mode);
        quote.counterGroup = CounterGroup(group);
        quote.nodeId = 130;
        const PriceTerms terms = PriceTerms::of(quote);
        QTEST(terms.priceType, "priceType");
        QTEST(terms.scaleType, "scaleType");
        QTEST(terms.scaleTier, "scaleTier");
        QTEST(terms.scaleGroup, "scaleGroup");
        QCOMPARE(terms.rateId, 130);
    }

    void noQuoteIsPricedByHand()
    {
        QCOMPARE(PriceTerms().priceType, pricetype::manual);
        QCOMPARE(PriceTerms().rateId, 0);
    }
};

QTEST_GUILESS_MAIN(TstPriceTerms)
#include "tst_price_terms.moc"
