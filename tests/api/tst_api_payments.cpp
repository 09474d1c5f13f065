// Payments (BO §7.1) through the real server: a USD payment replenishing a EUR agreement to the
// cent, confirmation, withdrawal, expiry by the job, deletion, the ledger, the messaging engine's
// balance following along, validation that writes nothing, permissions.
#include "Amount.h"
#include "MessagingEngine.h"
#include "TestServer.h"

#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

class TstApiPayments final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_finance;
    qint64 m_agreementId = 0;
    qint64 m_companyId = 0;
    QTimeZone m_zone;

    QDate today() const { return QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date(); }

    // The stored balance, the engine's in-memory one and the ledger's closing balance agree; returns it.
    Amount balance()
    {
        const Amount stored = Amount::fromMicros(
            m_server->scalar(s("SELECT coalesce(balance, 0) FROM agreement_balances WHERE agreement_id = %1").arg(m_agreementId))
                .toLongLong());
        const auto engine = TestServer::get(*m_finance, s("agreements/%1/balance").arg(m_agreementId));
        [&] { QCOMPARE(engine.status, 200); }();
        [&] { QCOMPARE(money(engine.body[s("balance")]), stored); }();
        // The expiry job runs with instants ahead of the clock here, so the ledger is read up to then.
        QUrlQuery range;
        range.addQueryItem(s("till"), QDateTime::currentDateTimeUtc().addDays(10).toString(Qt::ISODateWithMs));
        const auto ledger = TestServer::get(*m_finance, s("agreements/%1/ledger").arg(m_agreementId), range);
        [&] { QCOMPARE(money(ledger.body[s("closingBalance")]), stored); }();
        return stored;
    }

    QJsonObject payment(std::initializer_list<QPair<QString, QJsonValue>> extra)
    {
        QJsonObject body = j({{s("agreementId"), m_agreementId}, {s("paymentDate"), today().toString(Qt::ISODate)},
                              {s("referenceCode"), s("REF-1")}, {s("amount"), s("100.00")}, {s("currency"), s("EUR")},
                              {s("confirmed"), true}});
        for (const auto &pair : extra)
            body.insert(pair.first, pair.second);
        return body;
    }

    qint64 movements(const QString &kind) const
    {
        return m_server->count(s("balance_movements"), s("agreement_id = %1 AND kind = '%2'").arg(m_agreementId).arg(kind));
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_finance = m_server->signIn(s("finance.manager"));
        QVERIFY(m_finance);
        QUrlQuery byCode;
        byCode.addQueryItem(s("code"), s("NW-2025-1002"));
        const QJsonObject agreement = TestServer::get(*m_finance, s("agreements"), byCode).body[s("items")].toArray().first().toObject();
        m_agreementId = agreement[s("id")].toInteger();
        m_companyId = agreement[s("companyId")].toInteger();
        QCOMPARE(agreement[s("currency")].toString(), s("EUR"));
        m_zone = QTimeZone(agreement[s("billingTimeZone")].toString().toUtf8());
        QVERIFY(m_zone.isValid());
    }

    void usdPaymentReplenishesTheEuroBalance()
    {
        const Amount before = balance();
        const auto created = TestServer::post(*m_finance, s("payments"),
                                              payment({{s("referenceCode"), s("231321")}, {s("currency"), s("USD")},
                                                       {s("replenishmentAmount"), s("90.00")},
                                                       {s("exchangeRateDate"), today().toString(Qt::ISODate)}}));
        QVERIFY2(created.status == 201, created.raw.constData());
        QCOMPARE(created.body[s("status")].toString(), s("CONFIRMED"));
        QCOMPARE(created.body[s("companyId")].toInteger(), m_companyId);
        QCOMPARE(created.body[s("agreementCurrency")].toString(), s("EUR"));
        QCOMPARE(created.body[s("exchangeRate")].toString(), s("1.111111")); // 100 USD / 90 EUR
        QCOMPARE(money(created.body[s("replenishmentAmount")]), Amount::fromMicros(90'000'000));
        QCOMPARE(balance(), before + Amount::fromMicros(90'000'000));

        const qint64 id = created.body[s("id")].toInteger();
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'payments' AND operation = 'create' AND object_id = %1").arg(id)), 1);
        QCOMPARE(m_server->count(s("balance_movements"), s("payment_id = %1 AND kind = 'paymentAdded' AND amount = 90000000").arg(id)), 1);
        const QJsonArray lines = TestServer::get(*m_finance, s("agreements/%1/ledger").arg(m_agreementId)).body[s("lines")].toArray();
        QVERIFY(!lines.isEmpty());
        QCOMPARE(lines.first()[s("kind")].toString(), s("paymentAdded"));
        QCOMPARE(money(lines.first()[s("amount")]), Amount::fromMicros(90'000'000));
        QCOMPARE(lines.first()[s("paymentId")].toInteger(), id);
    }

    void badPaymentsAreRefusedAndWriteNothing_data()
    {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QString yesterday = QDate::currentDate().addDays(-3).toString(Qt::ISODate);
        const QString later = QDate::currentDate().addDays(3).toString(Qt::ISODate);
        QTest::newRow("zero amount") << j({{s("amount"), s("0")}}) << s("amount") << s("must be more than zero");
        QTest::newRow("negative amount") << j({{s("amount"), s("-5.00")}}) << s("amount") << s("must not be negative");
        QTest::newRow("other currency without replenishment")
            << j({{s("currency"), s("USD")}, {s("exchangeRateDate"), yesterday}}) << s("replenishmentAmount")
            << s("is required: the payment is not in the agreement's currency (EUR)");
        QTest::newRow("other currency without rate date")
            << j({{s("currency"), s("USD")}, {s("replenishmentAmount"), s("90")}}) << s("exchangeRateDate")
            << s("is required when the currencies differ");
        QTest::newRow("unconfirmed without date") << j({{s("confirmed"), false}}) << s("confirmBefore")
                                                  << s("is required for a payment that is not confirmed");
        QTest::newRow("confirm-before in the past") << j({{s("confirmed"), false}, {s("confirmBefore"), yesterday}})
                                                    << s("confirmBefore") << s("cannot be in the past");
        QTest::newRow("payment date ahead") << j({{s("paymentDate"), later}}) << s("paymentDate") << s("cannot be in the future");
        QTest::newRow("no reference") << j({{s("referenceCode"), s("  ")}}) << s("referenceCode") << s("is required");
        QTest::newRow("unknown currency") << j({{s("currency"), s("XYZ")}}) << s("currency") << s("");
        QTest::newRow("another company") << j({{s("companyId"), 1}}) << s("agreementId")
                                         << s("is not an agreement of the chosen company");
    }

    void badPaymentsAreRefusedAndWriteNothing()
    {
        QFETCH(QJsonObject, changes);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const qint64 payments = m_server->count(s("payments"));
        const qint64 moved = m_server->count(s("balance_movements"));
        const Amount before = balance();
        QJsonObject body = payment({});
        for (auto it = changes.begin(); it != changes.end(); ++it)
            body.insert(it.key(), it.value());
        const auto answer = TestServer::post(*m_finance, s("payments"), body);
        QCOMPARE(answer.status, 400);
        QVERIFY2(answer.fields().contains(field), answer.raw.constData());
        QVERIFY2(answer.fields()[field].toString().startsWith(message), answer.raw.constData());
        QCOMPARE(m_server->count(s("payments")), payments);
        QCOMPARE(m_server->count(s("balance_movements")), moved);
        QCOMPARE(balance(), before);
    }

    void unconfirmedPaymentCountsUntilItsDayIsOver()
    {
        const Amount before = balance();
        const auto created = TestServer::post(*m_finance, s("payments"),
                                              payment({{s("referenceCode"), s("DEFERRED-1")}, {s("amount"), s("50.00")},
                                                       {s("confirmed"), false},
                                                       {s("confirmBefore"), today().toString(Qt::ISODate)}}));
        QVERIFY2(created.status == 201, created.raw.constData());
        const qint64 id = created.body[s("id")].toInteger();
        QCOMPARE(created.body[s("status")].toString(), s("NOT_CONFIRMED"));
        const Amount fifty = Amount::fromMicros(50'000'000);
        QCOMPARE(balance(), before + fifty);
        // It counts through the whole day in the agreement's zone: leaves at the next local midnight.
        const QDateTime expires = QDateTime::fromString(created.body[s("expiresAt")].toString(), Qt::ISODateWithMs);
        QCOMPARE(expires.toTimeZone(m_zone).date(), today().addDays(1));
        QCOMPARE(expires.toTimeZone(m_zone).time(), QTime(0, 0));

        m_server->instance().runBillingJobs(expires.addMSecs(-1));
        QCOMPARE(TestServer::get(*m_finance, s("payments/%1").arg(id)).body[s("status")].toString(), s("NOT_CONFIRMED"));
        m_server->instance().runBillingJobs(expires);
        const QJsonObject expired = TestServer::get(*m_finance, s("payments/%1").arg(id)).body;
        QCOMPARE(expired[s("status")].toString(), s("EXPIRED"));
        QCOMPARE(expired[s("countedInBalance")].toBool(), false);
        QCOMPARE(balance(), before);
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'payments' AND object_id = %1 AND user_id IS NULL AND operation = 'update'").arg(id)), 1);
        m_server->instance().runBillingJobs(expires.addDays(1)); // a second run finds nothing more to do
        QCOMPARE(balance(), before);

        // Still registered and can still be confirmed: it counts again at once.
        const auto confirmed = TestServer::patch(*m_finance, s("payments/%1").arg(id), j({{s("confirmed"), true}}));
        QCOMPARE(confirmed.status, 200);
        QCOMPARE(confirmed.body[s("status")].toString(), s("CONFIRMED"));
        QVERIFY(!confirmed.body[s("confirmedAt")].toString().isEmpty());
        QCOMPARE(balance(), before + fifty);
        QCOMPARE(m_server->count(s("balance_movements"), s("payment_id = %1").arg(id)), 3); // added, expired, confirmed
    }

    void withdrawingAndDeletingMoveTheBalanceBack()
    {
        const Amount before = balance();
        const auto created = TestServer::post(*m_finance, s("payments"), payment({{s("referenceCode"), s("W-1")}, {s("amount"), s("40.00")}}));
        QCOMPARE(created.status, 201);
        const qint64 id = created.body[s("id")].toInteger();
        const Amount forty = Amount::fromMicros(40'000'000);
        QCOMPARE(balance(), before + forty);

        // Withdrawn with a date ahead: not confirmed, still counting until then.
        const QString tomorrow = today().addDays(1).toString(Qt::ISODate);
        auto answer = TestServer::patch(*m_finance, s("payments/%1").arg(id), j({{s("confirmed"), false}, {s("confirmBefore"), tomorrow}}));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body[s("status")].toString(), s("NOT_CONFIRMED"));
        QCOMPARE(balance(), before + forty);
        // Withdrawing needs the date.
        QCOMPARE(TestServer::patch(*m_finance, s("payments/%1").arg(id), j({{s("confirmed"), true}})).status, 200);
        answer = TestServer::patch(*m_finance, s("payments/%1").arg(id), j({{s("confirmed"), false}}));
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.fields().contains(s("confirmBefore")));

        // A changed amount moves the balance by the difference.
        answer = TestServer::patch(*m_finance, s("payments/%1").arg(id), j({{s("amount"), s("45.50")}, {s("replenishmentAmount"), s("45.50")}}));
        QCOMPARE(answer.status, 200);
        QCOMPARE(balance(), before + Amount::fromMicros(45'500'000));
        QCOMPARE(m_server->count(s("balance_movements"), s("payment_id = %1 AND kind = 'paymentChanged' AND amount = 5500000").arg(id)), 1);

        // Deleting a counted payment takes it out; the movement stays in the ledger.
        QCOMPARE(TestServer::remove(*m_finance, s("payments/%1").arg(id)).status, 204);
        QCOMPARE(balance(), before);
        QCOMPARE(m_server->count(s("balance_movements"), s("payment_id = %1 AND kind = 'paymentDeleted' AND amount = -45500000").arg(id)), 1);
        QCOMPARE(m_server->count(s("payments"), s("id = %1").arg(id)), 0);
    }

    void outboundPaymentsTakeMoneyOut()
    {
        const Amount before = balance();
        const auto created = TestServer::post(*m_finance, s("payments"),
                                              payment({{s("referenceCode"), s("REFUND-7")}, {s("direction"), s("outbound")},
                                                       {s("amount"), s("12.345678")}}));
        QCOMPARE(created.status, 201);
        QCOMPARE(balance(), before - Amount::fromMicros(12'345'678));
    }

    void lowBalanceThresholdRaisesOneNotification()
    {
        const Amount current = balance();
        // A threshold just above the balance: the next payment out crosses nothing (already below);
        // set it below, then pay out across it.
        const Amount threshold = current - Amount::fromMicros(10'000'000);
        QCOMPARE(TestServer::patch(*m_finance, s("agreements/%1").arg(m_agreementId),
                                   j({{s("lowBalanceThreshold"), threshold.toString()}})).status, 200);
        balance(); // the engine takes the threshold
        const qint64 before = m_server->count(s("notifications"), s("kind = 'lowBalance'"));
        QCOMPARE(TestServer::post(*m_finance, s("payments"), payment({{s("referenceCode"), s("OUT-1")}, {s("direction"), s("outbound")},
                                                                      {s("amount"), s("25.00")}})).status, 201);
        balance();
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(m_server->count(s("notifications"), s("kind = 'lowBalance'")), before + 1);
        // Further down: no second alert until the balance rose above the threshold again.
        QCOMPARE(TestServer::post(*m_finance, s("payments"), payment({{s("referenceCode"), s("OUT-2")}, {s("direction"), s("outbound")},
                                                                      {s("amount"), s("5.00")}})).status, 201);
        balance();
        m_server->instance().messagingEngine()->flush();
        QCOMPARE(m_server->count(s("notifications"), s("kind = 'lowBalance'")), before + 1);
        QCOMPARE(TestServer::patch(*m_finance, s("agreements/%1").arg(m_agreementId), j({{s("lowBalanceThreshold"), s("-1")}})).status, 400);
    }

    void permissions()
    {
        auto rateManager = m_server->signIn(s("rate.manager"));
        QVERIFY(rateManager);
        QCOMPARE(TestServer::get(*rateManager, s("payments")).status, 403);
        QCOMPARE(TestServer::post(*rateManager, s("payments"), payment({})).status, 403);
        // The ledger is written by payments and jobs only: no route takes a movement.
        QCOMPARE(TestServer::post(*m_finance, s("balance-movements"), j({{s("amount"), s("1")}})).status, 405);
        // A portal user of another company sees none of this agreement's money.
        auto portal = m_server->signIn(s("portal.admin"));
        QVERIFY(portal);
        const auto ledger = TestServer::get(*portal, s("agreements/%1/ledger").arg(m_agreementId));
        QVERIFY2(ledger.status == 404 || ledger.status == 403, ledger.raw.constData());
    }

    void ledgerRangesAreChecked()
    {
        QUrlQuery bad;
        bad.addQueryItem(s("from"), s("yesterday"));
        QCOMPARE(TestServer::get(*m_finance, s("agreements/%1/ledger").arg(m_agreementId), bad).status, 400);
        QUrlQuery reversed;
        reversed.addQueryItem(s("from"), s("2026-12-02T00:00:00Z"));
        reversed.addQueryItem(s("till"), s("2026-12-01T00:00:00Z"));
        QCOMPARE(TestServer::get(*m_finance, s("agreements/%1/ledger").arg(m_agreementId), reversed).status, 400);
        // Opening + lines = closing.
        const QJsonObject ledger = TestServer::get(*m_finance, s("agreements/%1/ledger").arg(m_agreementId)).body;
        Amount sum = money(ledger[s("openingBalance")]);
        for (const QJsonValue &line : ledger[s("lines")].toArray())
            sum += money(line[s("amount")]);
        QCOMPARE(sum, money(ledger[s("closingBalance")]));
    }

    void cleanupTestCase()
    {
        m_finance.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstApiPayments)
#include "tst_api_payments.moc"
