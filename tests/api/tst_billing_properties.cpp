// Properties of the balance over random work: payments created, confirmed, withdrawn, changed,
// deleted and expired by the job, with real traffic charged in between, and the SMS rate changed
// and the traffic rerated (EDR rerate tasks) now and then. Whatever the order:
//   stored balance = Σ balance movements − Σ charges,
//   each payment's movements add up to what it adds to the balance now (deleted ones: zero),
//   the messaging engine's balance = the stored one once traffic has settled,
//   the ledger's opening balance + its lines = its closing balance,
//   Σ charges = Σ of the invoice lines (the drafts recalculated),
//   a rerated EDR's charges add up to its price, and rerating the same filter again changes nothing.
#include "Amount.h"
#include "MessagingEngine.h"
#include "RateTreeBuilder.h"
#include "TestServer.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

class TstBillingProperties final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_finance;
    std::unique_ptr<ApiClient> m_sender;
    std::unique_ptr<ApiClient> m_admin;
    qint64 m_agreementId = 0;
    qint64 m_companyId = 0;
    qint64 m_smsScopeId = 0;
    QDateTime m_trafficFrom;
    QTimeZone m_zone;

    QDate today() const { return QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date(); }

    Amount randomAmount(QRandomGenerator &random)
    {
        // Up to 6 decimals: rates and odd replenishments must stay exact.
        return Amount::fromMicros(qint64(random.bounded(1, 500'000'000)));
    }

    QJsonObject randomPayment(QRandomGenerator &random, int serial)
    {
        const Amount amount = randomAmount(random);
        QJsonObject body = j({{s("agreementId"), m_agreementId}, {s("paymentDate"), today().toString(Qt::ISODate)},
                              {s("referenceCode"), s("P-%1").arg(serial)}, {s("amount"), amount.toString(6)},
                              {s("direction"), random.bounded(5) == 0 ? s("outbound") : s("inbound")}});
        if (random.bounded(3) == 0) {
            body.insert(s("currency"), s("USD"));
            body.insert(s("replenishmentAmount"), randomAmount(random).toString(6));
            body.insert(s("exchangeRateDate"), today().toString(Qt::ISODate));
        } else {
            body.insert(s("currency"), s("EUR"));
        }
        setConfirmation(random, body);
        return body;
    }

    void setConfirmation(QRandomGenerator &random, QJsonObject &body)
    {
        const bool confirmed = random.bounded(2) == 0;
        body.insert(s("confirmed"), confirmed);
        if (!confirmed)
            body.insert(s("confirmBefore"), today().addDays(int(random.bounded(3))).toString(Qt::ISODate));
    }

    qint64 scalar(const QString &select) const { return m_server->scalar(select).toLongLong(); }

    // SMS Global's tree replaced by one flat price per MT part (0.001 to 0.1, six decimals).
    void setRandomRate(QRandomGenerator &random)
    {
        const RateTreeBuilder tree = RateTreeBuilder::flatSms(Amount::fromMicros(qint64(random.bounded(1'000, 100'000))));
        const auto put = TestServer::put(*m_admin, s("service-scopes/%1/tree").arg(m_smsScopeId), tree.body());
        QVERIFY2(put.status == 200, put.raw.constData());
    }

    // A rerate task over all traffic of the test so far (the agreement or the whole company, SMS or
    // every channel), scheduled and waited for; answers the completed task.
    QJsonObject rerate(const QJsonObject &body)
    {
        const auto created = TestServer::post(*m_finance, s("rerate-tasks"), body);
        [&] { QVERIFY2(created.status == 201, created.raw.constData()); }();
        const QString path = s("rerate-tasks/%1").arg(created.body[s("id")].toInteger());
        [&] { QCOMPARE(TestServer::post(*m_finance, path + s("/schedule"), {}).status, 200); }();
        QJsonObject task;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT((task = TestServer::get(*m_finance, path).body).value(s("status")).toString() == s("COMPLETE"),
                                     30000);
        }();
        m_server->instance().messagingEngine()->flush();
        [&] { QCOMPARE(task[s("failedCount")].toInteger(), 0); }();
        return task;
    }

    QJsonObject randomRerateBody(QRandomGenerator &random) const
    {
        QJsonObject body = j({{s("companyId"), m_companyId}, {s("timeFrom"), m_trafficFrom.toString(Qt::ISODateWithMs)},
                              {s("timeTill"), QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::ISODateWithMs)}});
        if (random.bounded(2) == 0)
            body.insert(s("agreementId"), m_agreementId);
        if (random.bounded(2) == 0)
            body.insert(s("channels"), QJsonArray{s("sms")});
        return body;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true, [](server::ServerOptions &options) { options.emulateVendorPort = 0; });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_finance = m_server->signIn(s("finance.manager"));
        QVERIFY(m_finance);
        m_sender = m_server->anonymous();
        m_sender->setToken(s("bo_demo_send_api_key_2026"));
        QUrlQuery byCode;
        byCode.addQueryItem(s("code"), s("NW-2025-1002")); // the demo API key's agreement
        const QJsonObject agreement = TestServer::get(*m_finance, s("agreements"), byCode).body[s("items")].toArray().first().toObject();
        m_agreementId = agreement[s("id")].toInteger();
        m_zone = QTimeZone(agreement[s("billingTimeZone")].toString().toUtf8());
        m_companyId = agreement[s("companyId")].toInteger();
        QVERIFY(m_agreementId > 0 && m_zone.isValid());
        m_admin = m_server->signIn(s("admin"));
        QVERIFY(m_admin);
        QUrlQuery byName;
        byName.addQueryItem(s("name"), s("SMS Global"));
        for (const QJsonValue &service : TestServer::get(*m_admin, s("services"), byName).body[s("items")].toArray()) {
            if (service[s("name")] == s("SMS Global"))
                m_smsScopeId = service[s("currentScopeId")].toInteger();
        }
        QVERIFY(m_smsScopeId > 0);
        m_trafficFrom = QDateTime::currentDateTimeUtc().addSecs(-1);
    }

    void balanceHoldsOverRandomWork_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {20261203u, 7u, 424242u})
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void balanceHoldsOverRandomWork()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        QRandomGenerator rerateRandom(seed ^ 0x5eedu);
        QList<qint64> live;
        QList<qint64> deleted;
        QDateTime jobClock = QDateTime::currentDateTimeUtc();
        QJsonObject lastRerate;
        int rerates = 0;
        for (int step = 0; step < 120; ++step) {
            // Now and then the rate changes and what was sent so far is rerated (once every part has
            // its outcome). A generator of its own: the payments and traffic stay what they were.
            if (rerateRandom.bounded(100) < 6) {
                setRandomRate(rerateRandom);
                QTRY_VERIFY_WITH_TIMEOUT(m_server->count(s("edrs"), s("status IN ('PREPARED', 'SENT')")) == 0, 20000);
                m_server->instance().messagingEngine()->flush();
                lastRerate = randomRerateBody(rerateRandom);
                rerate(lastRerate);
                ++rerates;
            }
            const int action = int(random.bounded(100));
            if (action < 30 || live.isEmpty()) {
                const auto created = TestServer::post(*m_finance, s("payments"), randomPayment(random, step));
                QVERIFY2(created.status == 201, created.raw.constData());
                live.append(created.body[s("id")].toInteger());
            } else if (action < 45) {
                const qint64 id = live.at(int(random.bounded(qsizetype(live.size()))));
                QJsonObject change;
                setConfirmation(random, change);
                const auto answer = TestServer::patch(*m_finance, s("payments/%1").arg(id), change);
                QVERIFY2(answer.status == 200, answer.raw.constData());
            } else if (action < 55) {
                const qint64 id = live.at(int(random.bounded(qsizetype(live.size()))));
                const QJsonObject current = TestServer::get(*m_finance, s("payments/%1").arg(id)).body;
                const QString amount = randomAmount(random).toString(6);
                const QString replenishment = current[s("currency")] == s("EUR") ? amount : randomAmount(random).toString(6);
                const QJsonObject change{{s("amount"), amount}, {s("replenishmentAmount"), replenishment}};
                const auto answer = TestServer::patch(*m_finance, s("payments/%1").arg(id), change);
                QVERIFY2(answer.status == 200, answer.raw.constData());
            } else if (action < 63) {
                const qint64 id = live.takeAt(int(random.bounded(qsizetype(live.size()))));
                QCOMPARE(TestServer::remove(*m_finance, s("payments/%1").arg(id)).status, 204);
                deleted.append(id);
            } else if (action < 73) {
                jobClock = jobClock.addSecs(qint64(random.bounded(1, 36 * 3600)));
                m_server->instance().runBillingJobs(jobClock);
            } else {
                QJsonArray to;
                for (int n = int(random.bounded(1, 4)); n > 0; --n)
                    to.append(s("3462212%1").arg(random.bounded(1000, 9000)));
                const auto sent = TestServer::post(*m_sender, s("messages"),
                                                   j({{s("from"), s("PizzaPlanet")}, {s("to"), to}, {s("message"), s("step %1").arg(step)}}));
                QCOMPARE(sent.status, 200);
            }
        }
        // The job once more at the last instant reached, then let traffic settle: every accepted
        // part charged (the demo plan bills on submit).
        m_server->instance().runBillingJobs(jobClock);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->count(s("edrs"), s("status IN ('PREPARED', 'BILLED')")) == 0, 20000);
        // Rerates leave parts in flight alone: every part has its outcome before the checks.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->count(s("edrs"), s("status = 'SENT'")) == 0, 20000);
        m_server->instance().messagingEngine()->flush();

        const qint64 stored = scalar(s("SELECT coalesce(balance, 0) FROM agreement_balances WHERE agreement_id = %1").arg(m_agreementId));
        const qint64 movements = scalar(s("SELECT coalesce(sum(amount), 0) FROM balance_movements WHERE agreement_id = %1").arg(m_agreementId));
        const qint64 charges = scalar(s("SELECT coalesce(sum(amount), 0) FROM charges WHERE agreement_id = %1").arg(m_agreementId));
        QVERIFY2(charges > 0 && movements != 0, "the random work charged traffic and moved money");
        QCOMPARE(stored, movements - charges);

        // Each payment's movements are what it adds now; a deleted one's cancel out.
        const qint64 effects = scalar(s("SELECT coalesce(sum(CASE WHEN counted_in_balance = 1 THEN"
                                        " (CASE WHEN direction = 'outbound' THEN -replenishment_amount ELSE replenishment_amount END)"
                                        " ELSE 0 END), 0) FROM payments WHERE agreement_id = %1").arg(m_agreementId));
        const qint64 paymentMovements = scalar(s("SELECT coalesce(sum(amount), 0) FROM balance_movements WHERE agreement_id = %1"
                                                 " AND payment_id IN (SELECT id FROM payments)").arg(m_agreementId));
        QCOMPARE(paymentMovements, effects);
        for (qint64 id : std::as_const(deleted))
            QCOMPARE(scalar(s("SELECT coalesce(sum(amount), 0) FROM balance_movements WHERE payment_id = %1").arg(id)), 0);
        // Expired means out of the balance, at every job instant reached.
        QCOMPARE(m_server->count(s("payments"), s("confirmed = 0 AND counted_in_balance = 1 AND expires_at <= '%1'")
                                                    .arg(jobClock.toString(Qt::ISODateWithMs))), 0);

        const auto engine = TestServer::get(*m_finance, s("agreements/%1/balance").arg(m_agreementId));
        QCOMPARE(money(engine.body[s("balance")]).micros(), stored);
        QCOMPARE(money(engine.body[s("reserved")]), Amount());

        QUrlQuery range;
        range.addQueryItem(s("till"), jobClock.addSecs(1).toString(Qt::ISODateWithMs));
        range.addQueryItem(s("from"), QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODateWithMs));
        const QJsonObject ledger = TestServer::get(*m_finance, s("agreements/%1/ledger").arg(m_agreementId), range).body;
        Amount sum = money(ledger[s("openingBalance")]);
        for (const QJsonValue &line : ledger[s("lines")].toArray())
            sum += money(line[s("amount")]);
        QCOMPARE(sum, money(ledger[s("closingBalance")]));
        QCOMPARE(money(ledger[s("closingBalance")]).micros(), stored);

        // Every charge is in exactly one invoice line: Σ lines = Σ charges, per invoice and in all.
        QUrlQuery byAgreement;
        byAgreement.addQueryItem(s("agreementId"), QString::number(m_agreementId));
        byAgreement.addQueryItem(s("limit"), s("1000"));
        qint64 invoiced = 0;
        for (const QJsonValue &invoice : TestServer::get(*m_finance, s("invoices"), byAgreement).body[s("items")].toArray()) {
            const qint64 id = invoice[s("id")].toInteger();
            QCOMPARE(TestServer::post(*m_finance, s("invoices/%1/recalculate").arg(id), {}).status, 200);
            QUrlQuery byInvoice;
            byInvoice.addQueryItem(s("invoiceId"), QString::number(id));
            byInvoice.addQueryItem(s("limit"), s("1000"));
            qint64 lines = 0;
            for (const QJsonValue &line : TestServer::get(*m_finance, s("invoice-lines"), byInvoice).body[s("items")].toArray())
                lines += money(line[s("exactNet")]).micros();
            const qint64 inPeriod = scalar(s("SELECT coalesce(sum(amount), 0) FROM charges WHERE agreement_id = %1"
                                             " AND charged_at >= '%2' AND charged_at < '%3'")
                                               .arg(m_agreementId)
                                               .arg(invoice[s("periodStart")].toString(), invoice[s("periodEnd")].toString()));
            QCOMPARE(lines, inPeriod);
            invoiced += lines;
        }
        QCOMPARE(invoiced, charges);

        if (rerates == 0)
            return;
        // A rerated part costs what its charges add up to (the adjustments close the gap).
        QCOMPARE(m_server->count(s("edrs e"), s("e.agreement_id = %1 AND e.status IN ('DELIVERED', 'UNDELIVERED', 'SEEN')"
                                                " AND e.charged_at IS NOT NULL AND e.price <>"
                                                " (SELECT sum(c.amount) FROM charges c WHERE c.edr_id = e.id)").arg(m_agreementId)),
                 0);
        // The last rerate once more, the rate as it was: nothing changes.
        const qint64 chargeRows = m_server->count(s("charges"));
        QJsonObject again = lastRerate;
        again.insert(s("timeTill"), QDateTime::currentDateTimeUtc().addSecs(1).toString(Qt::ISODateWithMs));
        const QJsonObject copy = rerate(again);
        QVERIFY(copy[s("processedCount")].toInteger() > 0);
        QCOMPARE(copy[s("updatedCount")].toInteger(), 0);
        QCOMPARE(m_server->count(s("charges")), chargeRows);
        QCOMPARE(scalar(s("SELECT balance FROM agreement_balances WHERE agreement_id = %1").arg(m_agreementId)), stored);
        QCOMPARE(money(TestServer::get(*m_finance, s("agreements/%1/balance").arg(m_agreementId)).body[s("balance")]).micros(), stored);
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        m_sender.reset();
        m_finance.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstBillingProperties)
#include "tst_billing_properties.moc"
