// Back-to-first scales at the end of a billing period: parts are charged as they go, at the band
// the period has reached when each is admitted; once the period is over the job corrects the period
// to volume × the final band's price, exactly, once — and again only by what late parts of that
// period still add. The corrections are invoiced with the period they correct.
#include "Amount.h"
#include "MessagingEngine.h"
#include "RateTreeBuilder.h"
#include "TestServer.h"

#include <QTest>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

class TstApiScaleCorrections final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_sender;
    qint64 m_agreement = 0;
    int m_nextNumber = 0;
    qint64 m_costBefore = 0; // of the agreement's traffic before the scale's first part

    qint64 scalar(const QString &select) const { return m_server->scalar(select).toLongLong(); }

    // One request: its parts are admitted before any of them is charged (so before the counter moves).
    void send(int count)
    {
        QStringList to;
        while (count-- > 0)
            to << s("346221%1").arg(500000 + m_nextNumber++);
        QString error;
        QVERIFY2(m_server->sendAndSettle(*m_sender, s("PizzaPlanet"), to, &error), qPrintable(error));
    }

    void runJobs(const QDateTime &at)
    {
        m_server->instance().runBillingJobs(at);
        m_server->instance().messagingEngine()->flush();
    }

    qint64 corrections() const { return m_server->count(s("charges"), s("source = 'scaleAdjustment'")); }

    // Traffic and corrections of the scale's counter: what the period costs now.
    qint64 periodCost() const
    {
        return scalar(s("SELECT coalesce(sum(amount), 0) FROM charges WHERE agreement_id = %1 AND source IN ('traffic', 'scaleAdjustment')")
                          .arg(m_agreement));
    }

    // Each line of the invoice names the price terms its charges share (price type, scale type and
    // tier, counter group, rate): asking for the charges with those terms, as the desktop does for
    // a line, finds exactly the line's count and net.
    void checkLinesHoldTheirCharges(qint64 invoiceId)
    {
        const QJsonObject invoice = TestServer::get(*m_admin, s("invoices/%1").arg(invoiceId)).body;
        QUrlQuery byInvoice;
        byInvoice.addQueryItem(s("invoiceId"), QString::number(invoiceId));
        QSet<QString> tiers;
        for (const QJsonValue &value : TestServer::get(*m_admin, s("invoice-lines"), byInvoice).body[s("items")].toArray()) {
            const QJsonObject line = value.toObject();
            QUrlQuery query;
            query.addQueryItem(s("agreementId"), QString::number(m_agreement));
            query.addQueryItem(s("chargedAt.from"), invoice[s("periodStart")].toString());
            query.addQueryItem(s("chargedAt.to"), invoice[s("periodEnd")].toString());
            query.addQueryItem(s("limit"), s("1000"));
            for (const char *key : {"source", "unitPrice", "priceType", "scaleType", "scaleGroup"})
                query.addQueryItem(QLatin1String(key), line[QLatin1String(key)].toString());
            for (const char *key : {"serviceId", "senderRecordId", "scaleTier", "rateId"}) {
                const qint64 id = line[QLatin1String(key)].toInteger();
                query.addQueryItem(QLatin1String(key), id > 0 ? QString::number(id) : QString());
            }
            Amount sum;
            qint64 count = 0;
            for (const QJsonValue &charge : TestServer::get(*m_admin, s("charges"), query).body[s("items")].toArray()) {
                if (charge[s("band")].toString() != line[s("band")].toString())
                    continue;
                sum += money(charge[s("amount")]);
                ++count;
            }
            QCOMPARE(count, line[s("chargeCount")].toInteger());
            QCOMPARE(sum, money(line[s("exactNet")]));
            if (line[s("source")].toString() == s("traffic") || line[s("source")].toString() == s("scaleAdjustment")) {
                QCOMPARE(line[s("priceType")].toString(), s("scale"));
                QCOMPARE(line[s("scaleType")].toString(), s("backToFirst"));
                QCOMPARE(line[s("scaleGroup")].toString(), s("agreement"));
                QVERIFY(line[s("rateId")].toInteger() > 0);
                tiers.insert(s("%1 %2").arg(line[s("source")].toString()).arg(line[s("scaleTier")].toInteger()));
            }
        }
        // Traffic at the first and second band, corrections to the second (five units) and third (seven).
        QVERIFY2(tiers.contains(s("traffic 1")) && tiers.contains(s("traffic 2")), qPrintable(QStringList(tiers.values()).join(s(", "))));
        QVERIFY2(tiers.contains(s("scaleAdjustment 2")) && tiers.contains(s("scaleAdjustment 3")),
                 qPrintable(QStringList(tiers.values()).join(s(", "))));
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true, [](server::ServerOptions &options) { options.emulateVendorPort = 0; });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_admin = m_server->signIn(s("admin"));
        QVERIFY(m_admin);
        m_sender = m_server->anonymous();
        m_sender->setToken(s("bo_demo_send_api_key_2026"));
        QUrlQuery byCode;
        byCode.addQueryItem(s("code"), s("NW-2025-1002"));
        m_agreement = TestServer::get(*m_admin, s("agreements"), byCode).body[s("items")].toArray().first()[s("id")].toInteger();
        QVERIFY(m_agreement > 0);

        // The demo price plan ends now; a back-to-first plan takes over: 0.05 for the first three
        // units of the period, 0.03 for every unit once it has more, 0.02 once it has more than six.
        const QString now = QDateTime::currentDateTimeUtc().addSecs(-2).toString(Qt::ISODate);
        QUrlQuery paygs;
        paygs.addQueryItem(s("agreementId"), QString::number(m_agreement));
        paygs.addQueryItem(s("serviceType"), s("payg"));
        for (const QJsonValue &enabled : TestServer::get(*m_admin, s("enabled-services"), paygs).body[s("items")].toArray()) {
            const auto ended = TestServer::patch(*m_admin, s("enabled-services/%1").arg(enabled[s("id")].toInteger()),
                                                 j({{s("effectiveTill"), now}, {s("effectiveTillZone"), s("UTC")}}));
            QVERIFY2(ended.status == 200, ended.raw.constData());
        }
        RateTreeBuilder tree;
        tree.scale(tree.depends(0, s("sms"), s("resource")), s("sms-message"), {{0, s("0.05")}, {3, s("0.03")}, {6, s("0.02")}}, s("backToFirst"));
        const auto service = TestServer::post(*m_admin, s("services"), j({{s("name"), s("Back to first")}, {s("type"), s("payg")},
                                                                          {s("currency"), s("EUR")}, {s("timeZone"), s("UTC")}}));
        QVERIFY2(service.status == 201, service.raw.constData());
        const auto scope = TestServer::post(*m_admin, s("service-scopes"), j({{s("serviceId"), service.body[s("id")].toInteger()},
                                                                              {s("effectiveFrom"), s("2024-01-01T00:00:00")}}));
        QCOMPARE(TestServer::put(*m_admin, s("service-scopes/%1/tree").arg(scope.body[s("id")].toInteger()), tree.body()).status, 200);
        const auto enabled = TestServer::post(*m_admin, s("enabled-services"),
                                              j({{s("agreementId"), m_agreement}, {s("serviceId"), service.body[s("id")].toInteger()},
                                                 {s("effectiveFrom"), now}, {s("effectiveFromZone"), s("UTC")}}));
        QVERIFY2(enabled.status == 201, enabled.raw.constData());
        const auto payment = TestServer::post(*m_admin, s("payments"),
                                              j({{s("agreementId"), m_agreement}, {s("paymentDate"), QDate::currentDate().toString(Qt::ISODate)},
                                                 {s("referenceCode"), s("SCALE")}, {s("direction"), s("inbound")}, {s("amount"), s("100")},
                                                 {s("currency"), s("EUR")}, {s("replenishmentAmount"), s("100")}, {s("confirmed"), true}}));
        QVERIFY2(payment.status == 201, payment.raw.constData());
    }

    void periodIsCorrectedOnceItIsOver()
    {
        m_costBefore = periodCost();
        const qint64 before = m_costBefore;
        send(2);
        send(3);
        QCOMPARE(scalar(s("SELECT units FROM rating_volume_counters WHERE agreement_id = %1 AND back_to_first = 1").arg(m_agreement)), 5);
        // While the period runs nothing is corrected.
        runJobs(QDateTime::currentDateTimeUtc());
        QCOMPARE(corrections(), 0);
        const qint64 charged = periodCost() - before;
        QVERIFY(charged > 150'000); // parts priced before the period reached the second band

        // Over: five units at 0.03.
        const QDateTime later = QDateTime::currentDateTimeUtc().addDays(100);
        runJobs(later);
        QCOMPARE(corrections(), 1);
        QCOMPARE(periodCost() - before, 150'000);
        QCOMPARE(scalar(s("SELECT amount FROM charges WHERE source = 'scaleAdjustment'")), 150'000 - charged);
        // The balance moved by the correction too.
        QCOMPARE(money(TestServer::get(*m_admin, s("agreements/%1/balance").arg(m_agreement)).body[s("balance")]).micros(),
                 scalar(s("SELECT balance FROM agreement_balances WHERE agreement_id = %1").arg(m_agreement)));

        // Again: nothing more.
        runJobs(later.addSecs(3600));
        QCOMPARE(corrections(), 1);
        QCOMPARE(periodCost() - before, 150'000);
        // Settled: the job skips the counter until late parts change it.
        QCOMPARE(scalar(s("SELECT checked_units FROM rating_volume_counters WHERE agreement_id = %1 AND back_to_first = 1").arg(m_agreement)), 5);
    }

    void lateTrafficOfThePeriodIsCorrectedToo()
    {
        // Two parts of the same period after the correction, both priced at 0.03 (the period had
        // five units when they came): seven units reach the 0.02 band.
        send(2);
        runJobs(QDateTime::currentDateTimeUtc().addDays(100));
        QCOMPARE(corrections(), 2);
        QCOMPARE(periodCost() - m_costBefore, 7 * 20'000);
        runJobs(QDateTime::currentDateTimeUtc().addDays(101));
        QCOMPARE(corrections(), 2);
    }

    void correctionsAreInvoicedWithTheirPeriod()
    {
        const QString periodStart = m_server->scalar(s("SELECT period_start FROM rating_volume_counters WHERE back_to_first = 1")).toString();
        QUrlQuery byAgreement;
        byAgreement.addQueryItem(s("agreementId"), QString::number(m_agreement));
        qint64 invoiceId = 0;
        QString periodEnd;
        for (const QJsonValue &invoice : TestServer::get(*m_admin, s("invoices"), byAgreement).body[s("items")].toArray()) {
            if (QDateTime::fromString(invoice[s("periodStart")].toString(), Qt::ISODate) == QDateTime::fromString(periodStart, Qt::ISODateWithMs)) {
                invoiceId = invoice[s("id")].toInteger();
                periodEnd = invoice[s("periodEnd")].toString();
            }
        }
        QVERIFY2(invoiceId > 0, qPrintable(periodStart));
        QCOMPARE(TestServer::post(*m_admin, s("invoices/%1/recalculate").arg(invoiceId), {}).status, 200);
        QUrlQuery byInvoice;
        byInvoice.addQueryItem(s("invoiceId"), QString::number(invoiceId));
        Amount lines;
        bool correctionLine = false;
        for (const QJsonValue &line : TestServer::get(*m_admin, s("invoice-lines"), byInvoice).body[s("items")].toArray()) {
            lines += money(line[s("net")]);
            correctionLine = correctionLine || line[s("source")].toString() == s("scaleAdjustment");
        }
        QVERIFY(correctionLine);
        checkLinesHoldTheirCharges(invoiceId);
        const QString inPeriod = s("agreement_id = %1 AND charged_at >= '%2' AND charged_at < '%3'")
                                     .arg(m_agreement)
                                     .arg(periodStart, QDateTime::fromString(periodEnd, Qt::ISODate).toUTC().toString(Qt::ISODateWithMs));
        QCOMPARE(lines.micros(), scalar(s("SELECT coalesce(sum(amount), 0) FROM charges WHERE %1").arg(inPeriod)));
        QCOMPARE(m_server->count(s("charges"), s("source = 'scaleAdjustment' AND %1").arg(inPeriod)), 2);
    }

    void rerateReplaysTheVolumeEachPartSaw()
    {
        // The rates did not change: a rerate prices every part at the volume it was priced at
        // first (not at the seven units the period has now), so nothing moves.
        const qint64 company = TestServer::get(*m_admin, s("agreements/%1").arg(m_agreement)).body[s("companyId")].toInteger();
        const qint64 cost = periodCost();
        QString error;
        const QJsonObject done = m_server->runRerateTask(
            *m_admin,
            j({{s("companyId"), company}, {s("agreementId"), m_agreement},
               {s("timeFrom"), QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate)},
               {s("timeTill"), QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODate)}}),
            &error);
        QVERIFY2(!done.isEmpty(), qPrintable(error));
        QCOMPARE(done[s("processedCount")].toInteger(), 7);
        QCOMPARE(done[s("updatedCount")].toInteger(), 0);
        QCOMPARE(periodCost(), cost);
    }

    void aNewAgreementVersionStartsItsOwnCounter()
    {
        // The agreement's version ends now and a new one with the same terms begins: its invoices
        // are cut there, so the scale's volume restarts there too. Four parts admitted together
        // are priced at the first band (0.05); counted on with the seven units of the old version's
        // counter they would cost 0.02 each.
        QUrlQuery byAgreement;
        byAgreement.addQueryItem(s("agreementId"), QString::number(m_agreement));
        QJsonObject next;
        for (const QJsonValue &version : TestServer::get(*m_admin, s("agreement-versions"), byAgreement).body[s("items")].toArray()) {
            const QDateTime from = QDateTime::fromString(version[s("effectiveFrom")].toString(), Qt::ISODate);
            const QDateTime till = QDateTime::fromString(version[s("effectiveTill")].toString(), Qt::ISODate);
            if (from <= QDateTime::currentDateTimeUtc() && (!till.isValid() || till > QDateTime::currentDateTimeUtc()))
                next = version.toObject(); // the one in force now
        }
        QVERIFY(!next.isEmpty());
        const QString change = QDateTime::currentDateTimeUtc().addSecs(-1).toString(Qt::ISODate);
        const auto ended = TestServer::patch(*m_admin, s("agreement-versions/%1").arg(next[s("id")].toInteger()),
                                             j({{s("effectiveTill"), change}, {s("effectiveTillZone"), s("UTC")}}));
        QVERIFY2(ended.status == 200, ended.raw.constData());
        // The new version ends where the old one did (the demo has a later version from 1 January).
        for (const char *key : {"id", "version", "createdAt", "updatedAt"})
            next.remove(QLatin1String(key));
        next.insert(s("effectiveFrom"), change);
        next.insert(s("effectiveFromZone"), s("UTC"));
        const auto created = TestServer::post(*m_admin, s("agreement-versions"), next);
        QVERIFY2(created.status == 201, created.raw.constData());

        const qint64 since = scalar(s("SELECT coalesce(max(id), 0) FROM charges"));
        send(4);
        const QString counters = s("rating_volume_counters WHERE agreement_id = %1 AND back_to_first = 1").arg(m_agreement);
        QCOMPARE(m_server->count(s("rating_volume_counters"), s("agreement_id = %1 AND back_to_first = 1").arg(m_agreement)), 2);
        QCOMPARE(QDateTime::fromString(m_server->scalar(s("SELECT max(period_start) FROM %1").arg(counters)).toString(), Qt::ISODateWithMs),
                 QDateTime::fromString(change, Qt::ISODate));
        QCOMPARE(scalar(s("SELECT units FROM %1 ORDER BY period_start DESC LIMIT 1").arg(counters)), 4);
        QCOMPARE(scalar(s("SELECT units FROM %1 ORDER BY period_start LIMIT 1").arg(counters)), 7);
        QCOMPARE(m_server->count(s("charges"), s("id > %1 AND source = 'traffic' AND amount = 50000 AND scale_tier = 1"
                                                 " AND scale_type = 'backToFirst'").arg(since)), 4);

        // The new counter's period is corrected on its own: four units at 0.03.
        runJobs(QDateTime::currentDateTimeUtc().addDays(100));
        QCOMPARE(scalar(s("SELECT amount FROM charges WHERE id > %1 AND source = 'scaleAdjustment'").arg(since)), 4 * 30'000 - 4 * 50'000);
        QCOMPARE(m_server->count(s("charges"), s("id > %1 AND source = 'scaleAdjustment'").arg(since)), 1);
    }

    void cleanupTestCase()
    {
        m_sender.reset();
        m_admin.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstApiScaleCorrections)
#include "tst_api_scale_corrections.moc"
