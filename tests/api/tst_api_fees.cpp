// Fees no message causes (BO §6.5, §7.4): a sender ID's setup fee written off once at the price of
// its Sender ID setup fee node, periodic fee rules whose job charges the usage fee once per period
// N days before it starts (in the agreement's billing zone, DST included) and retries a fee it cannot
// find, and additional fees, fixed or by tariff, all in the balance and the draft invoice.
#include "Amount.h"
#include "Database.h"
#include "MessagingEngine.h"
#include "TestServer.h"

#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

class TstApiFees final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_finance;
    qint64 m_sender = 0; // Cyber Shop's SMS sender ID, on a euro agreement billed in Madrid
    QString m_senderText;
    qint64 m_agreement = 0;
    qint64 m_company = 0;
    QTimeZone m_zone;
    qint64 m_usdAgreement = 0; // Kiwi Lab: no additional services enabled
    qint64 m_usdCompany = 0;
    int m_year = 0; // next year: every period the tests charge ends after the rules were made
    qint64 m_monthlyRule = 0;

    QJsonObject first(const QString &path, const QString &query)
    {
        const QJsonArray items = TestServer::get(*m_admin, path, QUrlQuery(query)).body[s("items")].toArray();
        return items.isEmpty() ? QJsonObject() : items.first().toObject();
    }

    // The stored balance, after checking that the engine's in-memory balance agrees with it.
    Amount balance(qint64 agreement)
    {
        if (auto *engine = m_server->instance().messagingEngine())
            engine->flush();
        const Amount stored = Amount::fromMicros(
            m_server
                ->scalar(
                    s("SELECT coalesce(balance, 0) FROM agreement_balances WHERE agreement_id = %1").arg(agreement))
                .toLongLong());
        const auto engine = TestServer::get(*m_finance, s("agreements/%1/balance").arg(agreement));
        [&] { QCOMPARE(engine.status, 200); }();
        [&] { QCOMPARE(money(engine.body[s("balance")]), stored); }();
        return stored;
    }

    QDateTime local(int month, int day, int hour = 0) const
    {
        return QDateTime(QDate(m_year, month, day), QTime(hour, 0), m_zone).toUTC();
    }

    void runJobs(const QDateTime &at)
    {
        m_server->instance().runBillingJobs(at);
        if (auto *engine = m_server->instance().messagingEngine())
            engine->flush();
    }

    qint64 ruleCharges(qint64 rule) const
    {
        return m_server->count(s("charges"),
                               s("source = 'senderIdPeriodicFee' AND transaction_id IN (SELECT transaction_id"
                                 " FROM sender_id_fee_periods WHERE rule_id = %1)")
                                   .arg(rule));
    }

    QJsonObject rule(std::initializer_list<QPair<QString, QJsonValue>> extra)
    {
        QJsonObject body = j({{s("senderRecordId"), m_sender},
                              {s("effectiveFrom"), s("%1-02-01T00:00:00").arg(m_year)},
                              {s("period"), s("monthly")},
                              {s("startDay"), 1},
                              {s("chargeDaysBefore"), 2},
                              {s("retryHours"), 1},
                              {s("maxRetries"), 3},
                              {s("senderIdType"), s("alphanumeric")},
                              {s("mno"), s("DIGI mobil")}});
        for (const auto &pair : extra) {
            if (pair.second.isUndefined())
                body.remove(pair.first);
            else
                body.insert(pair.first, pair.second);
        }
        return body;
    }

    QJsonArray draftInvoiceLines(qint64 agreement, const QDateTime &at)
    {
        QUrlQuery byAgreement;
        byAgreement.addQueryItem(s("agreementId"), QString::number(agreement));
        byAgreement.addQueryItem(s("limit"), s("100"));
        for (const QJsonValue &value :
             TestServer::get(*m_finance, s("invoices"), byAgreement).body[s("items")].toArray()) {
            const QJsonObject invoice = value.toObject();
            const QDateTime start = QDateTime::fromString(invoice[s("periodStart")].toString(), Qt::ISODateWithMs);
            const QDateTime end = QDateTime::fromString(invoice[s("periodEnd")].toString(), Qt::ISODateWithMs);
            if (start > at || at >= end)
                continue;
            const qint64 id = invoice[s("id")].toInteger();
            [&] { QCOMPARE(invoice[s("status")].toString(), s("DRAFT")); }();
            [&] { QCOMPARE(TestServer::post(*m_finance, s("invoices/%1/recalculate").arg(id), {}).status, 200); }();
            QUrlQuery byInvoice;
            byInvoice.addQueryItem(s("invoiceId"), QString::number(id));
            return TestServer::get(*m_finance, s("invoice-lines"), byInvoice).body[s("items")].toArray();
        }
        return {};
    }

    static Amount netOf(const QJsonArray &lines, const QString &source, QStringList *descriptions = nullptr)
    {
        Amount net;
        for (const QJsonValue &line : lines) {
            if (line[s("source")].toString() != source)
                continue;
            net += money(line[s("net")]);
            if (descriptions)
                descriptions->append(line[s("description")].toString());
        }
        return net;
    }

private slots:
    void initTestCase();
    void senderFeesArePreviewed();
    void setupFeeIsWrittenOffOnce();
    void permissions();
    void ruleValidation_data();
    void ruleValidation();
    void monthlyFeeIsChargedOncePerPeriodBeforehand();
    void weeklyFeeRetriesThenFails();
    void additionalFees();
    void additionalFeeErrors();
    void issuedFeeIsCorrectedNotDeleted();
    void chargesAreInTheDraftInvoice();
    void restartChargesNothingTwice();
    void cleanupTestCase();
};

void TstApiFees::initTestCase()
{
    m_server = std::make_unique<TestServer>(true);
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    m_admin = m_server->signIn(s("admin"));
    m_finance = m_server->signIn(s("finance.manager"));
    QVERIFY(m_admin && m_finance);
    const QJsonObject sender = first(s("sender-ids"), s("companyName=Cyber Shop&channel=sms"));
    QVERIFY(!sender.isEmpty());
    m_sender = sender[s("id")].toInteger();
    m_senderText = sender[s("senderId")].toString();
    m_agreement = sender[s("agreementId")].toInteger();
    const auto agreement = TestServer::get(*m_admin, s("agreements/%1").arg(m_agreement));
    QCOMPARE(agreement.body[s("currency")].toString(), s("EUR"));
    m_company = agreement.body[s("companyId")].toInteger();
    m_zone = QTimeZone(agreement.body[s("billingTimeZone")].toString().toUtf8());
    QCOMPARE(m_zone.id(), QByteArray("Europe/Madrid")); // a zone with DST, an hour ahead of UTC in winter
    const QJsonObject usd = first(s("agreements"), s("companyName=Kiwi Lab"));
    m_usdAgreement = usd[s("id")].toInteger();
    m_usdCompany = usd[s("companyId")].toInteger();
    QCOMPARE(usd[s("currency")].toString(), s("USD"));
    m_year = QDate::currentDate().year() + 1;
}

void TstApiFees::senderFeesArePreviewed()
{
    // The demo SMS tree: setup fee by MNO (Vodafone 50), usage fee by MNO (Vodafone 10, DIGI mobil 15).
    QUrlQuery vodafone;
    vodafone.addQueryItem(s("mno"), s("Vodafone"));
    auto answer = TestServer::get(*m_finance, s("sender-ids/%1/fees").arg(m_sender), vodafone);
    QVERIFY2(answer.status == 200, answer.raw.constData());
    QVERIFY(answer.body[s("setupFee")][s("found")].toBool());
    QCOMPARE(money(answer.body[s("setupFee")][s("amount")]), Amount::fromMicros(50'000'000));
    QCOMPARE(answer.body[s("setupFee")][s("currency")].toString(), s("EUR"));
    QCOMPARE(answer.body[s("setupFee")][s("serviceName")].toString(), s("SMS Global"));
    QVERIFY(!answer.body[s("setupFee")][s("effectiveFrom")].toString().isEmpty());
    QCOMPARE(money(answer.body[s("periodicFee")][s("amount")]), Amount::fromMicros(10'000'000));
    QVERIFY(answer.body[s("setupFeeWrittenOff")].isNull());

    QUrlQuery digi;
    digi.addQueryItem(s("mno"), s("DIGI mobil"));
    answer = TestServer::get(*m_finance, s("sender-ids/%1/fees").arg(m_sender), digi);
    QVERIFY(!answer.body[s("setupFee")][s("found")].toBool());
    QVERIFY2(answer.body[s("setupFee")][s("message")].toString().startsWith(s("Rate not found")),
             answer.raw.constData());
    QCOMPARE(money(answer.body[s("periodicFee")][s("amount")]), Amount::fromMicros(15'000'000));

    QUrlQuery badPeriod;
    badPeriod.addQueryItem(s("period"), s("daily"));
    answer = TestServer::get(*m_finance, s("sender-ids/%1/fees").arg(m_sender), badPeriod);
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.fields().contains(s("period")));
    QCOMPARE(TestServer::get(*m_finance, s("sender-ids/999999/fees")).status, 404);
}

void TstApiFees::setupFeeIsWrittenOffOnce()
{
    const QString path = s("sender-ids/%1/setup-fee").arg(m_sender);
    const Amount before = balance(m_agreement);
    const qint64 audits = m_server->count(s("audit_log"), s("table_name = 'sender_id_setup_fees'"));

    // No rate for this MNO: the reason, nothing written.
    auto answer = TestServer::post(*m_finance, path, j({{s("mno"), s("DIGI mobil")}}));
    QCOMPARE(answer.status, 422);
    QVERIFY2(answer.body[s("error")][s("message")].toString().startsWith(s("Rate not found")), answer.raw.constData());
    QCOMPARE(m_server->count(s("sender_id_setup_fees")), 0);
    QCOMPARE(m_server->count(s("charges"), s("source = 'senderIdSetupFee'")), 0);
    QCOMPARE(balance(m_agreement), before);

    answer = TestServer::post(*m_finance, path, j({{s("mno"), s("Vodafone")}}));
    QVERIFY2(answer.status == 201, answer.raw.constData());
    QCOMPARE(answer.body[s("amount")].toString(), s("50.00"));
    QCOMPARE(answer.body[s("currency")].toString(), s("EUR"));
    QCOMPARE(answer.body[s("mno")].toString(), s("Vodafone"));
    const QString transaction = answer.body[s("transactionId")].toString();
    QCOMPARE(transaction.size(), 36);
    const QString charge = s("source = 'senderIdSetupFee' AND sender_record_id = %1").arg(m_sender);
    QCOMPARE(m_server->count(s("charges"), charge), 1);
    QCOMPARE(m_server->scalar(s("SELECT amount FROM charges WHERE ") + charge).toLongLong(), 50'000'000);
    QCOMPARE(m_server->scalar(s("SELECT transaction_id FROM charges WHERE ") + charge).toString(), transaction);
    QCOMPARE(balance(m_agreement), before - Amount::fromMicros(50'000'000));
    QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'sender_id_setup_fees'")), audits + 1);

    // Once only: the second call is refused and moves nothing.
    answer = TestServer::post(*m_finance, path, j({{s("mno"), s("Vodafone")}}));
    QCOMPARE(answer.status, 409);
    QCOMPARE(answer.errorCode(), s("already_written_off"));
    QCOMPARE(m_server->count(s("charges"), charge), 1);
    QCOMPARE(balance(m_agreement), before - Amount::fromMicros(50'000'000));

    const auto fees = TestServer::get(*m_finance, s("sender-ids/%1/fees").arg(m_sender));
    QCOMPARE(fees.body[s("setupFeeWrittenOff")][s("amount")].toString(), s("50.00"));

    // The ledger shows it among the day's charges.
    const auto ledger = TestServer::get(*m_finance, s("agreements/%1/ledger").arg(m_agreement));
    bool seen = false;
    for (const QJsonValue &line : ledger.body[s("lines")].toArray())
        seen = seen || line[s("source")].toString() == s("senderIdSetupFee");
    QVERIFY2(seen, ledger.raw.constData());
}

void TstApiFees::permissions()
{
    // The client manager sees sender ID fees but may not write them off; the NOC engineer has no finance rights.
    auto client = m_server->signIn(s("client.manager"));
    auto noc = m_server->signIn(s("noc.engineer"));
    QVERIFY(client && noc);
    QCOMPARE(TestServer::get(*client, s("sender-ids/%1/fees").arg(m_sender)).status, 200);
    QCOMPARE(
        TestServer::post(*client, s("sender-ids/%1/setup-fee").arg(m_sender), j({{s("mno"), s("Vodafone")}})).status,
        403);
    QCOMPARE(TestServer::get(*noc, s("sender-ids/%1/fees").arg(m_sender)).status, 403);
    const qint64 rules = m_server->count(s("sender_id_fee_rules"));
    const qint64 fees = m_server->count(s("additional_fees"));
    QCOMPARE(TestServer::post(*noc, s("sender-id-fee-rules"), rule({})).status, 403);
    QCOMPARE(TestServer::post(*client, s("sender-id-fee-rules"), rule({})).status, 403);
    QCOMPARE(TestServer::post(*noc, s("additional-fees"),
                              j({{s("companyId"), m_company},
                                 {s("agreementId"), m_agreement},
                                 {s("feeType"), s("fixed")},
                                 {s("preRatedCost"), s("10")}}))
                 .status,
             403);
    QUrlQuery quote;
    quote.addQueryItem(s("agreementId"), QString::number(m_agreement));
    QCOMPARE(TestServer::get(*noc, s("additional-fees/quote"), quote).status, 403);
    QCOMPARE(TestServer::get(*noc, s("additional-fees")).status, 403);
    QCOMPARE(m_server->count(s("sender_id_fee_rules")), rules);
    QCOMPARE(m_server->count(s("additional_fees")), fees);
}

void TstApiFees::ruleValidation_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<QString>("field");
    auto row = [](const char *name, QJsonObject changes, const char *field) {
        QTest::newRow(name) << changes << QString::fromLatin1(field);
    };
    row("monthly start day 29", j({{s("startDay"), 29}}), "startDay");
    row("monthly start day 0", j({{s("startDay"), 0}}), "startDay");
    row("weekly start day 8", j({{s("period"), s("weekly")}, {s("startDay"), 8}}), "startDay");
    row("a month charged 28 days before", j({{s("chargeDaysBefore"), 28}}), "chargeDaysBefore");
    row("a week charged 7 days before", j({{s("period"), s("weekly")}, {s("chargeDaysBefore"), 7}}),
        "chargeDaysBefore");
    row("negative days before", j({{s("chargeDaysBefore"), -1}}), "chargeDaysBefore");
    row("retry every 0 hours", j({{s("retryHours"), 0}}), "retryHours");
    row("negative retries", j({{s("maxRetries"), -1}}), "maxRetries");
    row("till before from", j({{s("effectiveTill"), s("2000-01-01T00:00:00")}}), "effectiveTill");
    row("daily period", j({{s("period"), s("daily")}}), "period");
    row("no start day", j({{s("startDay"), QJsonValue()}}), "startDay");
    row("no effective from", j({{s("effectiveFrom"), QJsonValue()}}), "effectiveFrom");
    row("unknown sender ID", j({{s("senderRecordId"), 999999}}), "senderRecordId");
    row("unknown sender ID type", j({{s("senderIdType"), s("emoji")}}), "senderIdType");
}

void TstApiFees::ruleValidation()
{
    QFETCH(QJsonObject, changes);
    QFETCH(QString, field);
    QJsonObject body = rule({});
    for (auto it = changes.begin(); it != changes.end(); ++it)
        body.insert(it.key(), it.value());
    const qint64 rules = m_server->count(s("sender_id_fee_rules"));
    const qint64 audits = m_server->count(s("audit_log"), s("table_name = 'sender_id_fee_rules'"));
    const auto answer = TestServer::post(*m_finance, s("sender-id-fee-rules"), body);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), s("validation_failed"));
    QVERIFY2(answer.fields().contains(field), answer.raw.constData());
    QCOMPARE(m_server->count(s("sender_id_fee_rules")), rules);
    QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'sender_id_fee_rules'")), audits);
}

void TstApiFees::monthlyFeeIsChargedOncePerPeriodBeforehand()
{
    // Monthly from the 1st, two days beforehand, in Madrid: February's fee is due at local midnight
    // of 30 January, which is 23:00 UTC on the 29th.
    const auto created = TestServer::post(*m_finance, s("sender-id-fee-rules"), rule({}));
    QVERIFY2(created.status == 201, created.raw.constData());
    m_monthlyRule = created.body[s("id")].toInteger();
    QCOMPARE(created.body[s("agreementId")].toInteger(), m_agreement);
    QCOMPARE(created.body[s("enabled")].toBool(), true);
    QCOMPARE(created.body[s("effectiveFrom")].toString(), local(2, 1).toString(Qt::ISODateWithMs)); // read in Madrid
    QCOMPARE(
        m_server->count(s("audit_log"), s("table_name = 'sender_id_fee_rules' AND object_id = %1").arg(m_monthlyRule)),
        1);

    const QDateTime februaryDue = local(1, 30);
    QCOMPARE(februaryDue, QDateTime(QDate(m_year, 1, 29), QTime(23, 0), Qt::UTC));
    const Amount before = balance(m_agreement);
    runJobs(februaryDue.addSecs(-1));
    QCOMPARE(ruleCharges(m_monthlyRule), 0);
    runJobs(februaryDue);
    QCOMPARE(ruleCharges(m_monthlyRule), 1);
    QCOMPARE(balance(m_agreement), before - Amount::fromMicros(15'000'000));
    const QString periods = s("SELECT period_start FROM sender_id_fee_periods WHERE rule_id = %1 ORDER BY period_start")
                                .arg(m_monthlyRule);
    QCOMPARE(m_server->scalar(periods).toString(), local(2, 1).toString(Qt::ISODateWithMs));
    QCOMPARE(m_server
                 ->scalar(s("SELECT amount FROM charges WHERE source = 'senderIdPeriodicFee' AND sender_record_id = %1"
                            " ORDER BY id DESC LIMIT 1")
                              .arg(m_sender))
                 .toLongLong(),
             15'000'000);

    // Again, later the same day and the next: still the one charge.
    runJobs(februaryDue.addSecs(3600));
    runJobs(februaryDue.addDays(1));
    QCOMPARE(ruleCharges(m_monthlyRule), 1);
    QCOMPARE(balance(m_agreement), before - Amount::fromMicros(15'000'000));

    // Across the month end: March's fee is due at local midnight of 27 February.
    const QDateTime marchDue = local(2, 27);
    runJobs(marchDue.addSecs(-1));
    QCOMPARE(ruleCharges(m_monthlyRule), 1);
    runJobs(marchDue);
    QCOMPARE(ruleCharges(m_monthlyRule), 2);

    // April begins in summer time: its period starts at 22:00 UTC on 31 March.
    const QDateTime aprilDue = local(3, 30);
    runJobs(aprilDue.addSecs(-1));
    QCOMPARE(ruleCharges(m_monthlyRule), 2);
    runJobs(aprilDue);
    QCOMPARE(ruleCharges(m_monthlyRule), 3);
    QCOMPARE(local(4, 1), QDateTime(QDate(m_year, 3, 31), QTime(22, 0), Qt::UTC));
    QCOMPARE(
        m_server->scalar(s("SELECT max(period_start) FROM sender_id_fee_periods WHERE rule_id = %1").arg(m_monthlyRule))
            .toString(),
        local(4, 1).toString(Qt::ISODateWithMs));
    QCOMPARE(balance(m_agreement), before - Amount::fromMicros(45'000'000));

    const auto read = TestServer::get(*m_finance, s("sender-id-fee-rules/%1").arg(m_monthlyRule));
    QCOMPARE(read.body[s("lastChargedPeriod")].toString(), local(4, 1).toString(Qt::ISODateWithMs));
    QVERIFY(read.body[s("lastError")].isNull() || read.body[s("lastError")].toString().isEmpty());

    // Disabled, the rule charges nothing more.
    QCOMPARE(TestServer::patch(*m_finance, s("sender-id-fee-rules/%1").arg(m_monthlyRule), j({{s("enabled"), false}}))
                 .status,
             200);
    runJobs(local(4, 29));
    QCOMPARE(ruleCharges(m_monthlyRule), 3);
}

void TstApiFees::weeklyFeeRetriesThenFails()
{
    // No usage fee for Movistar in the tree: tried at the due time, then every 3 hours, 2 retries.
    QDate monday(m_year, 3, 1);
    while (monday.dayOfWeek() != Qt::Monday)
        monday = monday.addDays(1);
    const auto created
        = TestServer::post(*m_finance, s("sender-id-fee-rules"),
                           rule({{s("period"), s("weekly")},
                                 {s("startDay"), 1},
                                 {s("chargeDaysBefore"), 1},
                                 {s("mno"), s("Movistar")},
                                 {s("retryHours"), 3},
                                 {s("maxRetries"), 2},
                                 {s("effectiveFrom"), QString(monday.toString(Qt::ISODate) + s("T00:00:00"))}}));
    QVERIFY2(created.status == 201, created.raw.constData());
    const qint64 id = created.body[s("id")].toInteger();
    const QDateTime due = QDateTime(monday.addDays(-1), QTime(0, 0), m_zone).toUTC();
    auto period = [&](const char *column) {
        return m_server->scalar(
            s("SELECT %1 FROM sender_id_fee_periods WHERE rule_id = %2").arg(QLatin1String(column)).arg(id));
    };
    const QString failures = s("kind = 'senderIdFeeFailed' AND sender_record_id = %1").arg(m_sender);
    const qint64 notifications = m_server->count(s("notifications"), failures);

    runJobs(due);
    QCOMPARE(period("attempts").toInt(), 1);
    QCOMPARE(period("state").toString(), s("pending"));
    runJobs(due.addSecs(2 * 3600)); // not yet time to retry
    QCOMPARE(period("attempts").toInt(), 1);
    runJobs(due.addSecs(3 * 3600));
    QCOMPARE(period("attempts").toInt(), 2);
    QCOMPARE(m_server->count(s("notifications"), failures), notifications);
    runJobs(due.addSecs(6 * 3600)); // the second retry fails too: given up
    QCOMPARE(period("attempts").toInt(), 3);
    QCOMPARE(period("state").toString(), s("failed"));
    QCOMPARE(m_server->count(s("notifications"), failures), notifications + 1);
    runJobs(due.addSecs(9 * 3600));
    QCOMPARE(period("attempts").toInt(), 3);
    QCOMPARE(m_server->count(s("notifications"), failures), notifications + 1);
    QCOMPARE(ruleCharges(id), 0);

    const auto read = TestServer::get(*m_finance, s("sender-id-fee-rules/%1").arg(id));
    QVERIFY2(read.body[s("lastError")].toString().contains(s("Rate not found")), read.raw.constData());
    // The sender ID's fees show the rule in red.
    const auto fees = TestServer::get(*m_finance, s("sender-ids/%1/fees").arg(m_sender));
    bool red = false;
    for (const QJsonValue &item : fees.body[s("rules")].toArray())
        red = red || (item[s("ruleId")].toInteger() == id && !item[s("found")].toBool());
    QVERIFY2(red, fees.raw.constData());
}

void TstApiFees::additionalFees()
{
    // The preview the form shows before saving: 3 × 5 EUR.
    QUrlQuery quote;
    quote.addQueryItem(s("agreementId"), QString::number(m_agreement));
    quote.addQueryItem(s("additionalService"), s("Dedicated support hour"));
    quote.addQueryItem(s("volume"), s("3"));
    auto answer = TestServer::get(*m_finance, s("additional-fees/quote"), quote);
    QVERIFY2(answer.status == 200, answer.raw.constData());
    QVERIFY(answer.body[s("found")].toBool());
    QCOMPARE(answer.body[s("unitPrice")].toString(), s("5.00"));
    QCOMPARE(answer.body[s("amount")].toString(), s("15.00"));
    QCOMPARE(answer.body[s("currency")].toString(), s("EUR"));
    QCOMPARE(answer.body[s("serviceName")].toString(), s("Additional services"));

    const Amount before = balance(m_agreement);
    answer = TestServer::post(*m_finance, s("additional-fees"),
                              j({{s("companyId"), m_company},
                                 {s("agreementId"), m_agreement},
                                 {s("description"), s("Onboarding workshop")},
                                 {s("feeType"), s("fixed")},
                                 {s("preRatedCost"), s("120.50")}}));
    QVERIFY2(answer.status == 201, answer.raw.constData());
    QCOMPARE(answer.body[s("amount")].toString(), s("120.50"));
    QCOMPARE(answer.body[s("currency")].toString(), s("EUR"));
    QVERIFY(answer.body[s("issued")].toBool());
    QVERIFY(!answer.body[s("issuedAt")].toString().isEmpty());
    const QString fixedTransaction = answer.body[s("transactionId")].toString();
    QCOMPARE(fixedTransaction.size(), 36);
    QCOMPARE(m_server
                 ->scalar(s("SELECT amount FROM charges WHERE source = 'additionalFee' AND transaction_id = '%1'")
                              .arg(fixedTransaction))
                 .toLongLong(),
             120'500'000);
    QCOMPARE(balance(m_agreement), before - Amount::fromMicros(120'500'000));

    answer = TestServer::post(*m_finance, s("additional-fees"),
                              j({{s("companyId"), m_company},
                                 {s("agreementId"), m_agreement},
                                 {s("feeType"), s("byTariff")},
                                 {s("additionalService"), s("Dedicated support hour")},
                                 {s("volume"), 3}}));
    QVERIFY2(answer.status == 201, answer.raw.constData());
    QCOMPARE(answer.body[s("amount")].toString(), s("15.00"));
    QCOMPARE(answer.body[s("unitPrice")].toString(), s("5.00"));
    const QString tariff
        = s("source = 'additionalFee' AND transaction_id = '%1'").arg(answer.body[s("transactionId")].toString());
    QCOMPARE(m_server->count(s("charges"), tariff), 1);
    QCOMPARE(m_server->scalar(s("SELECT amount FROM charges WHERE ") + tariff).toLongLong(), 15'000'000);
    QCOMPARE(m_server->scalar(s("SELECT units FROM charges WHERE ") + tariff).toLongLong(), 3);
    QCOMPARE(m_server->scalar(s("SELECT unit_price FROM charges WHERE ") + tariff).toLongLong(), 5'000'000);
    QCOMPARE(balance(m_agreement), before - Amount::fromMicros(135'500'000));
    QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'additional_fees'")), 2);
}

void TstApiFees::additionalFeeErrors()
{
    const qint64 fees = m_server->count(s("additional_fees"));
    const qint64 charges = m_server->count(s("charges"), s("source = 'additionalFee'"));
    auto post = [this](const QJsonObject &body) { return TestServer::post(*m_finance, s("additional-fees"), body); };

    // No Additional services tree on the dollar agreement.
    auto answer = post(j({{s("companyId"), m_usdCompany},
                          {s("agreementId"), m_usdAgreement},
                          {s("feeType"), s("byTariff")},
                          {s("additionalService"), s("Dedicated support hour")},
                          {s("volume"), 3}}));
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.fields().value(s("feeType")).toString(), s("No additional services enabled for this agreement"));
    QUrlQuery quote;
    quote.addQueryItem(s("agreementId"), QString::number(m_usdAgreement));
    const auto preview = TestServer::get(*m_finance, s("additional-fees/quote"), quote);
    QVERIFY(!preview.body[s("found")].toBool());
    QCOMPARE(preview.body[s("message")].toString(), s("No additional services enabled for this agreement"));

    answer = post(j({{s("companyId"), m_company},
                     {s("agreementId"), m_agreement},
                     {s("feeType"), s("byTariff")},
                     {s("additionalService"), s("Unicorn grooming")},
                     {s("volume"), 1}}));
    QCOMPARE(answer.status, 400);
    QVERIFY2(answer.fields().value(s("additionalService")).toString().startsWith(s("Rate not found")),
             answer.raw.constData());
    answer = post(j({{s("companyId"), m_company},
                     {s("agreementId"), m_agreement},
                     {s("feeType"), s("byTariff")},
                     {s("additionalService"), s("Dedicated support hour")}}));
    QVERIFY(answer.fields().contains(s("volume")));
    answer = post(j({{s("companyId"), m_company},
                     {s("agreementId"), m_agreement},
                     {s("feeType"), s("fixed")},
                     {s("preRatedCost"), s("0")}}));
    QVERIFY(answer.fields().contains(s("preRatedCost")));
    answer = post(j({{s("companyId"), m_company},
                     {s("agreementId"), m_agreement},
                     {s("feeType"), s("fixed")},
                     {s("preRatedCost"), s("-5")}}));
    QVERIFY(answer.fields().contains(s("preRatedCost")));
    answer = post(j({{s("companyId"), m_company}, {s("agreementId"), m_agreement}, {s("feeType"), s("fixed")}}));
    QVERIFY(answer.fields().contains(s("preRatedCost")));
    answer = post(j({{s("companyId"), m_usdCompany},
                     {s("agreementId"), m_agreement},
                     {s("feeType"), s("fixed")},
                     {s("preRatedCost"), s("5")}}));
    QVERIFY(answer.fields().contains(s("agreementId")));
    QCOMPARE(answer.status, 400);
    QCOMPARE(m_server->count(s("additional_fees")), fees);
    QCOMPARE(m_server->count(s("charges"), s("source = 'additionalFee'")), charges);
}

void TstApiFees::issuedFeeIsCorrectedNotDeleted()
{
    const QJsonObject fee = first(s("additional-fees"), s("description=Onboarding workshop"));
    const qint64 id = fee[s("id")].toInteger();
    QVERIFY(id > 0);
    const auto refused = TestServer::remove(*m_finance, s("additional-fees/%1").arg(id));
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), s("fee_issued"));
    QCOMPARE(TestServer::get(*m_finance, s("additional-fees/%1").arg(id)).status, 200);
    // What it charged stays: the amount cannot be changed.
    const auto patched
        = TestServer::patch(*m_finance, s("additional-fees/%1").arg(id), j({{s("preRatedCost"), s("1")}}));
    QCOMPARE(patched.status, 400);

    // A correction credits part of it back, at most what is left.
    const Amount before = balance(m_agreement);
    auto answer = TestServer::post(*m_finance, s("additional-fees"),
                                   j({{s("companyId"), m_company},
                                      {s("agreementId"), m_agreement},
                                      {s("feeType"), s("fixed")},
                                      {s("correctsFeeId"), id},
                                      {s("preRatedCost"), s("20.50")},
                                      {s("description"), s("Workshop was shorter")}}));
    QVERIFY2(answer.status == 201, answer.raw.constData());
    QCOMPARE(answer.body[s("amount")].toString(), s("-20.50"));
    QCOMPARE(balance(m_agreement), before + Amount::fromMicros(20'500'000));
    answer = TestServer::post(*m_finance, s("additional-fees"),
                              j({{s("companyId"), m_company},
                                 {s("agreementId"), m_agreement},
                                 {s("feeType"), s("fixed")},
                                 {s("correctsFeeId"), id},
                                 {s("preRatedCost"), s("100.01")}}));
    QCOMPARE(answer.status, 400);
    QVERIFY2(answer.fields().value(s("preRatedCost")).toString().contains(s("100.00")), answer.raw.constData());
}

void TstApiFees::chargesAreInTheDraftInvoice()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    runJobs(now);
    const QJsonArray lines = draftInvoiceLines(m_agreement, now);
    QVERIFY(!lines.isEmpty());
    QStringList setup;
    QCOMPARE(netOf(lines, s("senderIdSetupFee"), &setup), Amount::fromMicros(50'000'000));
    QCOMPARE(setup.size(), 1);
    QVERIFY2(setup.first().startsWith(s("Sender ID setup fee"))
                 && setup.first().contains(QString(s("sender ") + m_senderText)),
             qPrintable(setup.first()));
    QStringList additional;
    // 120.50 + 3 × 5 − 20.50
    QCOMPARE(netOf(lines, s("additionalFee"), &additional), Amount::fromMicros(115'000'000));
    QVERIFY2(additional.contains(s("Additional fee — Onboarding workshop")), qPrintable(additional.join(s(" | "))));

    // February's usage fee was charged on 29 January (UTC) of next year: in that period's draft.
    const QJsonArray january = draftInvoiceLines(m_agreement, local(1, 30));
    QStringList usage;
    QCOMPARE(netOf(january, s("senderIdPeriodicFee"), &usage), Amount::fromMicros(15'000'000));
    QVERIFY2(usage.size() == 1 && usage.first().startsWith(s("Sender ID usage fee")), qPrintable(usage.join(s(" | "))));
}

void TstApiFees::restartChargesNothingTwice()
{
    // The same database under a new server: the periods already recorded are not charged again.
    const QString path = m_server->databasePath();
    const qint64 charges = ruleCharges(m_monthlyRule);
    const qint64 all
        = m_server->count(s("charges"), s("source IN ('senderIdPeriodicFee', 'senderIdSetupFee', 'additionalFee')"));
    QCOMPARE(charges, 3);
    QCOMPARE(
        TestServer::patch(*m_finance, s("sender-id-fee-rules/%1").arg(m_monthlyRule), j({{s("enabled"), true}})).status,
        200);
    m_finance.reset();
    m_admin.reset();
    m_server->instance().stop();

    server::ServerOptions options;
    options.databasePath = path;
    options.messaging = false;
    server::ServerInstance again(options);
    QString error;
    QVERIFY2(again.start(&error), qPrintable(error));
    auto count = [&again](const QString &where) {
        QSqlQuery q(again.database()->connection());
        q.exec(s("SELECT count(*) FROM charges WHERE ") + where);
        return q.next() ? q.value(0).toLongLong() : -1;
    };
    for (const QDateTime &at : {local(1, 30), local(2, 27), local(3, 30), local(3, 30).addSecs(7200)})
        again.runBillingJobs(at);
    QCOMPARE(
        count(s("source = 'senderIdPeriodicFee' AND transaction_id IN (SELECT transaction_id FROM sender_id_fee_periods"
                " WHERE rule_id = %1)")
                  .arg(m_monthlyRule)),
        charges);
    QCOMPARE(count(s("source IN ('senderIdPeriodicFee', 'senderIdSetupFee', 'additionalFee')")), all);
    // The next period is still charged, once.
    again.runBillingJobs(local(4, 29));
    again.runBillingJobs(local(4, 29).addSecs(60));
    QCOMPARE(
        count(s("source = 'senderIdPeriodicFee' AND transaction_id IN (SELECT transaction_id FROM sender_id_fee_periods"
                " WHERE rule_id = %1)")
                  .arg(m_monthlyRule)),
        charges + 1);
    again.stop();
}

void TstApiFees::cleanupTestCase()
{
    m_finance.reset();
    m_admin.reset();
    m_server.reset();
}

QTEST_GUILESS_MAIN(TstApiFees)
#include "tst_api_fees.moc"
