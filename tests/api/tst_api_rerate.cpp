// EDR rerate tasks (BO §7.5) through the real server with the vendor emulator: traffic charged at
// rate A, the rate changed to B, a task over the period writes exactly Σ(B − A) per EDR as rerate
// adjustments, the balance moves by the same micro-units and the EDRs take the new price; the same
// filter again changes nothing; adjustments land in the open period, never in a confirmed invoice;
// bad filters answer 400 and write nothing; the status transitions and their 409s; permissions.
#include "Amount.h"
#include "MessagingEngine.h"
#include "RateTreeBuilder.h"
#include "TestServer.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

namespace {
const qint64 RateA = 12'300;  // 0.0123 per part
const qint64 RateB = 45'600;  // 0.0456
const qint64 RateC = 7'070;   // 0.00707
} // namespace

class TstApiRerate final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_finance;
    std::unique_ptr<ApiClient> m_sender;
    qint64 m_agreementId = 0;
    qint64 m_companyId = 0;
    qint64 m_scopeId = 0;
    qint64 m_serviceId = 0;
    int m_serial = 0;

    qint64 scalar(const QString &select) const { return m_server->scalar(select).toLongLong(); }

    static QString iso(const QDateTime &at) { return at.toUTC().toString(Qt::ISODateWithMs); }

    // SMS Global's tree in force, replaced by one flat price for every MT part.
    void setRate(qint64 micros)
    {
        const auto put = TestServer::put(*m_admin, s("service-scopes/%1/tree").arg(m_scopeId),
                                         RateTreeBuilder::flatSms(Amount::fromMicros(micros)).body());
        QVERIFY2(put.status == 200, put.raw.constData());
    }

    // Sends to `recipients` numbers (one of them a two-part text) and waits until every part's
    // outcome is stored.
    void sendTraffic(int recipients)
    {
        QJsonArray to;
        for (int i = 0; i < recipients; ++i)
            to.append(s("3462213%1").arg(1000 + ++m_serial));
        const auto sent = TestServer::post(*m_sender, s("messages"),
                                           j({{s("from"), s("PizzaPlanet")}, {s("to"), to}, {s("message"), s("Your order is on its way")}}));
        QVERIFY2(sent.status == 200, sent.raw.constData());
        QCOMPARE(sent.body[s("accepted")].toInt(), recipients);
        const QString longText = QString(170, QLatin1Char('x')); // two GSM-7 parts
        const auto twoParts = TestServer::post(*m_sender, s("messages"),
                                               j({{s("from"), s("PizzaPlanet")}, {s("to"), s("3462214%1").arg(1000 + ++m_serial)},
                                                  {s("message"), longText}}));
        QCOMPARE(twoParts.body[s("accepted")].toInt(), 1);
        settle();
    }

    void settle()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_server->count(s("edrs"), s("agreement_id = %1 AND status NOT IN"
                                                              " ('DELIVERED', 'UNDELIVERED', 'FAILED', 'SEEN')").arg(m_agreementId)) == 0,
                                 20000);
        m_server->instance().messagingEngine()->flush();
    }

    // The EDRs a task over [from, till) matches: charged, final, not failed (columns of `alias`).
    QString matched(const QDateTime &from, const QDateTime &till, const QString &alias = {}) const
    {
        return s("%1agreement_id = %2 AND %1accepted_at >= '%3' AND %1accepted_at < '%4' AND %1charged_at IS NOT NULL"
                 " AND %1status IN ('DELIVERED', 'UNDELIVERED', 'SEEN')")
            .arg(alias.isEmpty() ? QString() : alias + QLatin1Char('.'))
            .arg(m_agreementId)
            .arg(iso(from), iso(till));
    }

    QJsonObject taskBody(const QDateTime &from, const QDateTime &till) const
    {
        return j({{s("companyId"), m_companyId}, {s("agreementId"), m_agreementId}, {s("channels"), QJsonArray{s("sms")}},
                  {s("timeFrom"), iso(from)}, {s("timeTill"), iso(till)}});
    }

    qint64 createTask(const QJsonObject &body)
    {
        const auto created = TestServer::post(*m_finance, s("rerate-tasks"), body);
        [&] { QVERIFY2(created.status == 201, created.raw.constData()); }();
        [&] { QCOMPARE(created.body[s("status")].toString(), s("DRAFT")); }();
        return created.body[s("id")].toInteger();
    }

    // Schedules the task and waits for the job (started by the schedule itself) to complete it.
    QJsonObject runTask(qint64 id)
    {
        const auto scheduled = TestServer::post(*m_finance, s("rerate-tasks/%1/schedule").arg(id), {});
        [&] { QVERIFY2(scheduled.status == 200, scheduled.raw.constData()); }();
        QJsonObject task;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT((task = TestServer::get(*m_finance, s("rerate-tasks/%1").arg(id)).body)
                                             .value(s("status")).toString() == s("COMPLETE"),
                                     20000);
        }();
        m_server->instance().messagingEngine()->flush();
        return task;
    }

    Amount engineBalance()
    {
        return money(TestServer::get(*m_finance, s("agreements/%1/balance").arg(m_agreementId)).body[s("balance")]);
    }
    qint64 storedBalance() const
    {
        return scalar(s("SELECT balance FROM agreement_balances WHERE agreement_id = %1").arg(m_agreementId));
    }

    QJsonArray invoices()
    {
        QUrlQuery query;
        query.addQueryItem(s("agreementId"), QString::number(m_agreementId));
        query.addQueryItem(s("sort"), s("periodStart"));
        return TestServer::get(*m_finance, s("invoices"), query).body[s("items")].toArray();
    }

    QJsonArray linesOf(qint64 invoiceId)
    {
        QUrlQuery query;
        query.addQueryItem(s("invoiceId"), QString::number(invoiceId));
        return TestServer::get(*m_finance, s("invoice-lines"), query).body[s("items")].toArray();
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true, [](server::ServerOptions &options) { options.emulateVendorPort = 0; });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_admin = m_server->signIn(s("admin"));
        m_finance = m_server->signIn(s("finance.manager"));
        QVERIFY(m_admin && m_finance);
        m_sender = m_server->anonymous();
        m_sender->setToken(s("bo_demo_send_api_key_2026"));
        QUrlQuery byCode;
        byCode.addQueryItem(s("code"), s("NW-%1-1002").arg(QDate::currentDate().year() - 1)); // the demo API key's
        const QJsonObject agreement = TestServer::get(*m_finance, s("agreements"), byCode).body[s("items")].toArray().first().toObject();
        m_agreementId = agreement[s("id")].toInteger();
        m_companyId = agreement[s("companyId")].toInteger();
        QVERIFY(m_agreementId > 0 && m_companyId > 0);
        QUrlQuery byName;
        byName.addQueryItem(s("name"), s("SMS Global"));
        for (const QJsonValue &service : TestServer::get(*m_admin, s("services"), byName).body[s("items")].toArray()) {
            if (service[s("name")] == s("SMS Global")) {
                m_serviceId = service[s("id")].toInteger();
                m_scopeId = service[s("currentScopeId")].toInteger();
            }
        }
        QVERIFY(m_scopeId > 0);
        setRate(RateA);
    }

    void rerateChargesTheDifference()
    {
        const QDateTime from = QDateTime::currentDateTimeUtc().addSecs(-1);
        sendTraffic(4);
        const QDateTime till = QDateTime::currentDateTimeUtc().addSecs(1);
        const qint64 parts = m_server->count(s("edrs"), matched(from, till));
        QVERIFY2(parts >= 4, "most of the traffic was charged");
        // Charged at A, once per part.
        QCOMPARE(scalar(s("SELECT count(*) FROM charges c JOIN edrs e ON e.id = c.edr_id WHERE c.source = 'traffic'"
                          " AND c.amount = %1 AND %2").arg(RateA).arg(matched(from, till, s("e")))),
                 parts);
        const Amount before = engineBalance();
        QCOMPARE(before.micros(), storedBalance());

        setRate(RateB);
        const qint64 id = createTask(taskBody(from, till));
        QCOMPARE(TestServer::get(*m_finance, s("rerate-tasks/%1").arg(id)).body[s("estimatedCount")].toInteger(), parts);
        const QJsonObject task = runTask(id);
        QCOMPARE(task[s("estimatedCount")].toInteger(), parts);
        QCOMPARE(task[s("processedCount")].toInteger(), parts);
        QCOMPARE(task[s("updatedCount")].toInteger(), parts);
        QCOMPARE(task[s("failedCount")].toInteger(), 0);
        QVERIFY(task[s("errorMessage")].isNull());
        QVERIFY(!task[s("completedAt")].toString().isEmpty());

        // Exactly Σ(B − A): one adjustment per part, in micro-units.
        QCOMPARE(m_server->count(s("charges"), s("rerate_task_id = %1").arg(id)), parts);
        QCOMPARE(m_server->count(s("charges"), s("rerate_task_id = %1 AND source = 'rerate' AND amount = %2 AND units = 0")
                                                   .arg(id).arg(RateB - RateA)),
                 parts);
        QCOMPARE(scalar(s("SELECT sum(amount) FROM charges WHERE rerate_task_id = %1").arg(id)), parts * (RateB - RateA));
        // The balance moves by the same amount, in memory and in storage.
        QCOMPARE(engineBalance(), before - Amount::fromMicros(parts * (RateB - RateA)));
        QCOMPARE(storedBalance(), before.micros() - parts * (RateB - RateA));
        // Every part now costs B, and its charges add up to it.
        QCOMPARE(m_server->count(s("edrs"), matched(from, till) + s(" AND price = %1").arg(RateB)), parts);
        QCOMPARE(scalar(s("SELECT count(*) FROM edrs e WHERE %1 AND (SELECT sum(c.amount) FROM charges c WHERE c.edr_id = e.id) = %2")
                            .arg(matched(from, till, s("e")))
                            .arg(RateB)),
                 parts);

        // The ledger shows the adjustment; the running period's draft takes it as its own line.
        const QJsonArray ledger = TestServer::get(*m_finance, s("agreements/%1/ledger").arg(m_agreementId)).body[s("lines")].toArray();
        const bool inLedger = std::any_of(ledger.begin(), ledger.end(), [&](const QJsonValue &line) {
            return line[s("source")] == s("rerate") && money(line[s("amount")]) == -Amount::fromMicros(parts * (RateB - RateA));
        });
        QVERIFY2(inLedger, QJsonDocument(ledger).toJson().constData());
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        const QJsonObject current = invoices().last().toObject();
        QCOMPARE(TestServer::post(*m_finance, s("invoices/%1/recalculate").arg(current[s("id")].toInteger()), {}).status, 200);
        bool hasLine = false;
        for (const QJsonValue &line : linesOf(current[s("id")].toInteger())) {
            if (line[s("source")] != s("rerate"))
                continue;
            hasLine = true;
            QVERIFY2(line[s("description")].toString().startsWith(s("Rerate adjustment")), qPrintable(line[s("description")].toString()));
            QCOMPARE(money(line[s("exactNet")]), Amount::fromMicros(parts * (RateB - RateA)));
            QCOMPARE(line[s("volume")].toInteger(), 0);
        }
        QVERIFY(hasLine);

        // Created, scheduled and completed: three audit records.
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'rerate_tasks' AND object_id = %1").arg(id)), 3);
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'rerate_tasks' AND object_id = %1 AND new_value LIKE '%\"COMPLETE\"%'").arg(id)), 1);

        // The same filter again, the rates unchanged: nothing to do.
        const qint64 chargesBefore = m_server->count(s("charges"));
        const Amount balanceBefore = engineBalance();
        const QJsonObject again = runTask(createTask(taskBody(from, till)));
        QCOMPARE(again[s("processedCount")].toInteger(), parts);
        QCOMPARE(again[s("updatedCount")].toInteger(), 0);
        QCOMPARE(again[s("failedCount")].toInteger(), 0);
        QCOMPARE(m_server->count(s("charges")), chargesBefore);
        QCOMPARE(engineBalance(), balanceBefore);
        QCOMPARE(storedBalance(), balanceBefore.micros());

        // A later rate change can rerate the same EDRs once more: back to A gives the difference back.
        setRate(RateA);
        const qint64 back = createTask(taskBody(from, till));
        QCOMPARE(runTask(back)[s("updatedCount")].toInteger(), parts);
        QCOMPARE(scalar(s("SELECT sum(amount) FROM charges WHERE rerate_task_id = %1").arg(back)), -parts * (RateB - RateA));
        QCOMPARE(engineBalance(), before);
    }

    void confirmedInvoiceIsNeverChanged()
    {
        setRate(RateA);
        // Traffic of the previous billing period: sent now, then moved back into that period.
        const qint64 lastEdr = scalar(s("SELECT coalesce(max(id), 0) FROM edrs"));
        sendTraffic(3);
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        const QJsonObject current = invoices().last().toObject();
        const QDateTime currentStart = QDateTime::fromString(current[s("periodStart")].toString(), Qt::ISODateWithMs);
        if (currentStart.secsTo(QDateTime::currentDateTimeUtc()) < 600)
            QSKIP("the billing period began minutes ago: the previous one cannot be confirmed yet");
        const QDateTime past = currentStart.addSecs(-3600);
        const QString moved = iso(past);
        const QString edrsSent = s("agreement_id = %1 AND id > %2").arg(m_agreementId).arg(lastEdr);
        m_server->execSql(s("UPDATE charges SET charged_at = '%1' WHERE edr_id IN (SELECT id FROM edrs WHERE %2)").arg(moved, edrsSent));
        m_server->execSql(s("UPDATE edrs SET accepted_at = '%1', charged_at = '%1' WHERE %2").arg(moved, edrsSent));
        const qint64 parts = m_server->count(s("edrs"), matched(past, past.addSecs(1)));
        QVERIFY(parts >= 3 && parts <= 5); // three recipients, one of them with a two-part text

        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        const QJsonArray list = invoices();
        QJsonObject previous;
        for (const QJsonValue &invoice : list) {
            if (QDateTime::fromString(invoice[s("periodEnd")].toString(), Qt::ISODateWithMs) == currentStart)
                previous = invoice.toObject();
        }
        QVERIFY2(!previous.isEmpty(), QJsonDocument(list).toJson().constData());
        const qint64 previousId = previous[s("id")].toInteger();
        const auto confirmed = TestServer::post(*m_finance, s("invoices/%1/confirm").arg(previousId), {});
        QVERIFY2(confirmed.status == 200, confirmed.raw.constData());
        const QJsonArray linesBefore = linesOf(previousId);

        setRate(RateC);
        const QJsonObject task = runTask(createTask(taskBody(past.addSecs(-60), past.addSecs(60))));
        QCOMPARE(task[s("updatedCount")].toInteger(), parts);
        // The adjustments are charged now, in the open period: the confirmed invoice stays as it was.
        QCOMPARE(m_server->count(s("charges"), s("rerate_task_id = %1 AND charged_at >= '%2'").arg(task[s("id")].toInteger())
                                                   .arg(iso(currentStart))),
                 parts);
        const QJsonObject after = TestServer::get(*m_finance, s("invoices/%1").arg(previousId)).body;
        QCOMPARE(after[s("status")].toString(), s("CONFIRMED"));
        QCOMPARE(after[s("total")].toString(), confirmed.body[s("total")].toString());
        QVERIFY(linesOf(previousId) == linesBefore);
        QCOMPARE(TestServer::post(*m_finance, s("invoices/%1/recalculate").arg(previousId), {}).errorCode(), s("invoice_confirmed"));
        const qint64 currentId = current[s("id")].toInteger();
        QCOMPARE(TestServer::post(*m_finance, s("invoices/%1/recalculate").arg(currentId), {}).status, 200);
        Amount rerated;
        for (const QJsonValue &line : linesOf(currentId)) {
            if (line[s("source")] == s("rerate"))
                rerated += money(line[s("exactNet")]);
        }
        QCOMPARE(rerated, Amount::fromMicros(scalar(s("SELECT sum(amount) FROM charges WHERE source = 'rerate' AND agreement_id = %1"
                                                      " AND charged_at >= '%2'").arg(m_agreementId).arg(iso(currentStart)))));
        setRate(RateA);
    }

    void badFiltersWriteNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("change"); // 0: till = from, 1: till before from, 2: another company's agreement, 3: no company
        QTest::newRow("till equals from") << s("timeTill") << 0;
        QTest::newRow("till before from") << s("timeTill") << 1;
        QTest::newRow("agreement of another company") << s("agreementId") << 2;
        QTest::newRow("no company") << s("companyId") << 3;
    }

    void badFiltersWriteNothing()
    {
        QFETCH(QString, field);
        QFETCH(int, change);
        const QDateTime from = QDateTime::currentDateTimeUtc().addDays(-2);
        QJsonObject body = taskBody(from, from.addDays(1));
        if (change == 0)
            body.insert(s("timeTill"), iso(from));
        if (change == 1)
            body.insert(s("timeTill"), iso(from.addSecs(-1)));
        if (change == 2) {
            QUrlQuery other;
            other.addQueryItem(s("code"), s("NW-%1-1000").arg(QDate::currentDate().year() - 1)); // Telecom Monsters
            const qint64 foreign = TestServer::get(*m_finance, s("agreements"), other).body[s("items")].toArray().first()[s("id")].toInteger();
            QVERIFY(foreign > 0 && foreign != m_agreementId);
            body.insert(s("agreementId"), foreign);
        }
        if (change == 3)
            body.remove(s("companyId"));
        const qint64 tasks = m_server->count(s("rerate_tasks"));
        const qint64 audit = m_server->count(s("audit_log"));
        const auto answer = TestServer::post(*m_finance, s("rerate-tasks"), body);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorCode(), s("validation_failed"));
        QVERIFY2(answer.fields().contains(field), answer.raw.constData());
        QCOMPARE(m_server->count(s("rerate_tasks")), tasks);
        QCOMPARE(m_server->count(s("audit_log")), audit);

        // The same refusal when a draft is changed into it.
        const qint64 id = createTask(taskBody(from, from.addDays(1)));
        QJsonObject change2 = body;
        change2.remove(s("companyId"));
        if (change == 3)
            change2.insert(s("companyId"), QJsonValue());
        const QJsonObject stored = TestServer::get(*m_finance, s("rerate-tasks/%1").arg(id)).body;
        const auto patched = TestServer::patch(*m_finance, s("rerate-tasks/%1").arg(id), change2);
        QCOMPARE(patched.status, 400);
        QVERIFY2(patched.fields().contains(field), patched.raw.constData());
        QVERIFY(TestServer::get(*m_finance, s("rerate-tasks/%1").arg(id)).body == stored);
    }

    void transitions()
    {
        const QDateTime from = QDateTime::currentDateTimeUtc().addDays(-3);
        const qint64 id = createTask(taskBody(from, from.addDays(1)));
        const QString path = s("rerate-tasks/%1").arg(id);
        // A draft is edited and can be deleted.
        const auto edited = TestServer::patch(*m_finance, path, j({{s("channels"), QJsonArray{s("sms"), s("whatsapp")}},
                                                                   {s("scheduledFor"), iso(QDateTime::currentDateTimeUtc().addDays(1))}}));
        QVERIFY2(edited.status == 200, edited.raw.constData());
        QCOMPARE(edited.body[s("channels")].toArray().size(), 2);
        QCOMPARE(TestServer::patch(*m_finance, path, j({{s("channels"), QJsonArray{s("pigeon")}}})).status, 400);

        // Scheduled for tomorrow: it waits, and can no longer be edited or scheduled again.
        const auto scheduled = TestServer::post(*m_finance, path + s("/schedule"), {});
        QVERIFY2(scheduled.status == 200, scheduled.raw.constData());
        QCOMPARE(scheduled.body[s("status")].toString(), s("SCHEDULED"));
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        QCOMPARE(TestServer::get(*m_finance, path).body[s("status")].toString(), s("SCHEDULED"));
        auto refused = TestServer::patch(*m_finance, path, j({{s("timeTill"), iso(from.addDays(2))}}));
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.errorCode(), s("rerate_task_not_draft"));
        QCOMPARE(TestServer::post(*m_finance, path + s("/schedule"), {}).errorCode(), s("rerate_task_not_draft"));
        QCOMPARE(TestServer::remove(*m_finance, path).errorCode(), s("rerate_task_not_draft"));

        // Canceled (twice: the same answer); then nothing moves it.
        const auto canceled = TestServer::post(*m_finance, path + s("/cancel"), {});
        QVERIFY2(canceled.status == 200, canceled.raw.constData());
        QCOMPARE(canceled.body[s("status")].toString(), s("CANCELED"));
        QCOMPARE(TestServer::post(*m_finance, path + s("/cancel"), {}).body[s("status")].toString(), s("CANCELED"));
        QCOMPARE(TestServer::post(*m_finance, path + s("/schedule"), {}).status, 409);
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc().addDays(2));
        QCOMPARE(TestServer::get(*m_finance, path).body[s("status")].toString(), s("CANCELED"));
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'rerate_tasks' AND object_id = %1").arg(id)), 4);

        // A scheduled task runs once its time has come, and a complete one cannot be canceled.
        const qint64 later = createTask(taskBody(from, from.addDays(1)));
        QCOMPARE(TestServer::patch(*m_finance, s("rerate-tasks/%1").arg(later),
                                   j({{s("scheduledFor"), iso(QDateTime::currentDateTimeUtc().addDays(1))}})).status, 200);
        QCOMPARE(TestServer::post(*m_finance, s("rerate-tasks/%1/schedule").arg(later), {}).status, 200);
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc().addDays(1).addSecs(60));
        QCOMPARE(TestServer::get(*m_finance, s("rerate-tasks/%1").arg(later)).body[s("status")].toString(), s("COMPLETE"));
        refused = TestServer::post(*m_finance, s("rerate-tasks/%1/cancel").arg(later), {});
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.errorCode(), s("rerate_task_complete"));
        QCOMPARE(TestServer::patch(*m_finance, s("rerate-tasks/%1").arg(later), j({{s("channels"), QJsonArray{}}})).errorCode(),
                 s("rerate_task_not_draft"));

        // A running task cannot be canceled either.
        const qint64 running = createTask(taskBody(from, from.addDays(1)));
        m_server->execSql(s("UPDATE rerate_tasks SET status = 'RUNNING' WHERE id = %1").arg(running));
        refused = TestServer::post(*m_finance, s("rerate-tasks/%1/cancel").arg(running), {});
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.errorCode(), s("rerate_task_running"));
        QCOMPARE(TestServer::remove(*m_finance, s("rerate-tasks/%1").arg(running)).status, 409);
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc()); // it goes on, and completes
        QCOMPARE(TestServer::get(*m_finance, s("rerate-tasks/%1").arg(running)).body[s("status")].toString(), s("COMPLETE"));

        // Only a draft is deleted.
        const qint64 draft = createTask(taskBody(from, from.addDays(1)));
        QCOMPARE(TestServer::remove(*m_finance, s("rerate-tasks/%1").arg(draft)).status, 204);
        QCOMPARE(TestServer::post(*m_finance, s("rerate-tasks/%1/schedule").arg(draft), {}).status, 404);
    }

    void permissions()
    {
        const QDateTime from = QDateTime::currentDateTimeUtc().addDays(-3);
        const qint64 id = createTask(taskBody(from, from.addDays(1)));
        const qint64 tasks = m_server->count(s("rerate_tasks"));
        // No finance rights at all.
        auto noc = m_server->signIn(s("noc.engineer"));
        QVERIFY(noc);
        QCOMPARE(TestServer::get(*noc, s("rerate-tasks")).status, 403);
        QCOMPARE(TestServer::get(*noc, s("rerate-tasks/%1").arg(id)).status, 403);
        QCOMPARE(TestServer::post(*noc, s("rerate-tasks"), taskBody(from, from.addDays(1))).status, 403);
        QCOMPARE(TestServer::post(*noc, s("rerate-tasks/%1/schedule").arg(id), {}).status, 403);
        QCOMPARE(TestServer::post(*noc, s("rerate-tasks/%1/cancel").arg(id), {}).status, 403);
        // Rate managers see rerate tasks but do not run them.
        auto rates = m_server->signIn(s("rate.manager"));
        QVERIFY(rates);
        QCOMPARE(TestServer::get(*rates, s("rerate-tasks/%1").arg(id)).status, 200);
        QCOMPARE(TestServer::post(*rates, s("rerate-tasks"), taskBody(from, from.addDays(1))).status, 403);
        QCOMPARE(TestServer::post(*rates, s("rerate-tasks/%1/schedule").arg(id), {}).status, 403);
        QCOMPARE(TestServer::patch(*rates, s("rerate-tasks/%1").arg(id), j({{s("channels"), QJsonArray{}}})).status, 403);
        QCOMPARE(m_server->count(s("rerate_tasks")), tasks);
        QCOMPARE(TestServer::get(*m_finance, s("rerate-tasks/%1").arg(id)).body[s("status")].toString(), s("DRAFT"));
    }

    void cleanupTestCase()
    {
        m_sender.reset();
        m_finance.reset();
        m_admin.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstApiRerate)
#include "tst_api_rerate.moc"
