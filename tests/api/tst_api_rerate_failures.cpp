// EDR rerate tasks whose run fails (BO §7.5, decision 009): a real storage failure, injected as a
// SQLite trigger that refuses the adjustment of one EDR of the second batch, stops the run with the
// first batch stored whole and the second not at all; the task is SCHEDULED again with the reason
// as its error message, a continuation does not retry it, and once storage works again the next
// billing-job run goes on from the cursor: COMPLETE, the message cleared, every EDR adjusted once,
// both balances (the engine's and the stored one) moved by exactly Σ(new − old). A task still
// RUNNING when the server stops is SCHEDULED again at the next start, saying it was interrupted,
// and then completes the same way.
#include "Amount.h"
#include "MessagingEngine.h"
#include "RateTreeBuilder.h"
#include "RerateJob.h"
#include "TestServer.h"

#include <QTest>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

namespace {
const qint64 RateA = 12'300; // 0.0123 per part
const qint64 RateB = 45'600; // 0.0456
const qint64 RateC = 7'070;  // 0.00707
const qint64 BatchSize = server::RerateJob::BatchSize;
} // namespace

class TstApiRerateFailures final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_finance;
    qint64 m_agreementId = 0;
    qint64 m_companyId = 0;
    qint64 m_scopeId = 0;
    QDateTime m_from;
    QDateTime m_till;
    qint64 m_parts = 0;

    qint64 scalar(const QString &select) const { return m_server->scalar(select).toLongLong(); }
    static QString iso(const QDateTime &at) { return at.toUTC().toString(Qt::ISODateWithMs); }

    bool signIn()
    {
        m_admin = m_server->signIn(s("admin"));
        m_finance = m_server->signIn(s("finance.manager"));
        return m_admin && m_finance;
    }

    // SMS Global's tree in force, replaced by one flat price for every MT part.
    void setRate(qint64 micros)
    {
        const auto put = TestServer::put(*m_admin, s("service-scopes/%1/tree").arg(m_scopeId),
                                         RateTreeBuilder::flatSms(Amount::fromMicros(micros)).body());
        QVERIFY2(put.status == 200, put.raw.constData());
    }

    // The EDRs a task over the test's period matches (columns of e).
    QString matched() const
    {
        return s("e.agreement_id = %1 AND e.accepted_at >= '%2' AND e.accepted_at < '%3' AND e.charged_at IS NOT NULL"
                 " AND e.status IN ('DELIVERED', 'UNDELIVERED', 'SEEN')")
            .arg(m_agreementId)
            .arg(iso(m_from), iso(m_till));
    }

    // Storage refuses the adjustment of the first EDR of the task's second batch, the way a full
    // disk refuses a write: the first batch goes through, the second fails.
    void refuseSecondBatch()
    {
        const qint64 firstOfSecond = scalar(s("SELECT e.id FROM edrs e WHERE %1 ORDER BY e.accepted_at, e.id LIMIT 1 OFFSET %2")
                                                .arg(matched())
                                                .arg(BatchSize));
        QVERIFY(firstOfSecond > 0);
        m_server->execSql(s("CREATE TRIGGER rerate_disk_full BEFORE INSERT ON charges"
                            " WHEN NEW.source = 'rerate' AND NEW.edr_id = %1 BEGIN SELECT RAISE(ABORT, 'disk full'); END")
                              .arg(firstOfSecond));
        QCOMPARE(m_server->count(s("sqlite_master"), s("type = 'trigger' AND name = 'rerate_disk_full'")), 1);
    }

    qint64 scheduleTask()
    {
        const auto created = TestServer::post(*m_finance, s("rerate-tasks"),
                                               j({{s("companyId"), m_companyId}, {s("agreementId"), m_agreementId},
                                                  {s("timeFrom"), iso(m_from)}, {s("timeTill"), iso(m_till)}}));
        [&] { QVERIFY2(created.status == 201, created.raw.constData()); }();
        const qint64 id = created.body[s("id")].toInteger();
        const auto scheduled = TestServer::post(*m_finance, s("rerate-tasks/%1/schedule").arg(id), {});
        [&] { QVERIFY2(scheduled.status == 200, scheduled.raw.constData()); }();
        return id;
    }

    QJsonObject task(qint64 id) { return TestServer::get(*m_finance, s("rerate-tasks/%1").arg(id)).body; }

    Amount engineBalance()
    {
        return money(TestServer::get(*m_finance, s("agreements/%1/balance").arg(m_agreementId)).body[s("balance")]);
    }
    qint64 storedBalance() const
    {
        return scalar(s("SELECT balance FROM agreement_balances WHERE agreement_id = %1").arg(m_agreementId));
    }

    // Every EDR of the period now costs `price` in total: adjusted once, never twice.
    void verifyEachEdrCosts(qint64 price)
    {
        QCOMPARE(scalar(s("SELECT count(*) FROM edrs e WHERE %1 AND e.price = %2"
                          " AND (SELECT sum(c.amount) FROM charges c WHERE c.edr_id = e.id) = %2")
                            .arg(matched())
                            .arg(price)),
                 m_parts);
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true, [](server::ServerOptions &options) { options.emulateVendorPort = 0; });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        QVERIFY(signIn());
        QUrlQuery byCode;
        byCode.addQueryItem(s("code"), s("NW-%1-1002").arg(QDate::currentDate().year() - 1)); // the demo API key's
        const QJsonObject agreement = TestServer::get(*m_finance, s("agreements"), byCode).body[s("items")].toArray().first().toObject();
        m_agreementId = agreement[s("id")].toInteger();
        m_companyId = agreement[s("companyId")].toInteger();
        QVERIFY(m_agreementId > 0 && m_companyId > 0);
        QUrlQuery byName;
        byName.addQueryItem(s("name"), s("SMS Global"));
        for (const QJsonValue &service : TestServer::get(*m_admin, s("services"), byName).body[s("items")].toArray()) {
            if (service[s("name")] == s("SMS Global"))
                m_scopeId = service[s("currentScopeId")].toInteger();
        }
        QVERIFY(m_scopeId > 0);
        setRate(RateA);

        // Two batches' worth of traffic at A.
        auto sender = m_server->anonymous();
        sender->setToken(s("bo_demo_send_api_key_2026"));
        QStringList to;
        for (qint64 i = 0; i < BatchSize + 40; ++i)
            to << s("3462215%1").arg(10000 + i);
        m_from = QDateTime::currentDateTimeUtc().addSecs(-1);
        QString error;
        QVERIFY2(m_server->sendAndSettle(*sender, s("PizzaPlanet"), to, &error), qPrintable(error));
        m_till = QDateTime::currentDateTimeUtc().addSecs(1);
        m_parts = scalar(s("SELECT count(*) FROM edrs e WHERE ") + matched());
        QVERIFY2(m_parts > BatchSize, qPrintable(QString::number(m_parts)));
        verifyEachEdrCosts(RateA);
    }

    void failedRunIsRetriedFromItsCursor()
    {
        const Amount before = engineBalance();
        QCOMPARE(before.micros(), storedBalance());
        const qint64 charges = m_server->count(s("charges"));
        setRate(RateB);
        refuseSecondBatch();

        // Scheduling runs the task at once: the first batch is stored, the second refused.
        const qint64 id = scheduleTask();
        QJsonObject failed;
        QTRY_VERIFY_WITH_TIMEOUT((failed = task(id))[s("errorMessage")].toString().contains(s("disk full")), 20000);
        QCOMPARE(failed[s("status")].toString(), s("SCHEDULED"));
        QVERIFY2(failed[s("errorMessage")].toString().contains(s("failed after %1 of %2 EDRs").arg(BatchSize).arg(m_parts)),
                 qPrintable(failed[s("errorMessage")].toString()));
        QCOMPARE(failed[s("processedCount")].toInteger(), BatchSize);
        QCOMPARE(failed[s("updatedCount")].toInteger(), BatchSize);
        QCOMPARE(failed[s("failedCount")].toInteger(), 0);
        QVERIFY(failed[s("completedAt")].isNull());
        // The first batch whole — its adjustments, balance movement and EDR prices — the second not at all.
        QCOMPARE(m_server->count(s("charges")), charges + BatchSize);
        QCOMPARE(m_server->count(s("charges"), s("rerate_task_id = %1 AND amount = %2").arg(id).arg(RateB - RateA)), BatchSize);
        QCOMPARE(scalar(s("SELECT count(*) FROM edrs e WHERE %1 AND e.price = %2").arg(matched()).arg(RateB)), BatchSize);
        const Amount firstBatch = Amount::fromMicros(BatchSize * (RateB - RateA));
        QCOMPARE(engineBalance(), before - firstBatch);
        QCOMPARE(storedBalance(), (before - firstBatch).micros());

        // Failing again changes nothing but the message; a continuation (another task scheduled)
        // does not retry it: only the billing job does.
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        QCOMPARE(task(id)[s("status")].toString(), s("SCHEDULED"));
        QCOMPARE(task(id)[s("processedCount")].toInteger(), BatchSize);
        QCOMPARE(m_server->count(s("charges")), charges + BatchSize);
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'rerate_tasks' AND object_id = %1 AND new_value LIKE '%disk full%'")
                                                     .arg(id)),
                 2);
        const QString reads = s("table_name = 'rerate_tasks' AND object_id = %1").arg(id);
        const qint64 audits = m_server->count(s("audit_log"), reads);
        QString error;
        const QJsonObject other = m_server->runRerateTask(
            *m_finance, j({{s("companyId"), m_companyId}, {s("agreementId"), m_agreementId},
                           {s("timeFrom"), iso(m_from.addDays(-2))}, {s("timeTill"), iso(m_from.addDays(-1))}}), &error);
        QVERIFY2(!other.isEmpty(), qPrintable(error));
        QCOMPARE(task(id)[s("status")].toString(), s("SCHEDULED"));
        QCOMPARE(m_server->count(s("audit_log"), reads), audits);

        // Storage works again: the next billing-job run goes on from the cursor and completes.
        m_server->execSql(s("DROP TRIGGER rerate_disk_full"));
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        QJsonObject done;
        QTRY_VERIFY_WITH_TIMEOUT((done = task(id))[s("status")].toString() == s("COMPLETE"), 20000);
        QVERIFY2(done[s("errorMessage")].isNull(), qPrintable(done[s("errorMessage")].toString()));
        QCOMPARE(done[s("processedCount")].toInteger(), m_parts);
        QCOMPARE(done[s("updatedCount")].toInteger(), m_parts);
        QCOMPARE(done[s("failedCount")].toInteger(), 0);
        QCOMPARE(m_server->count(s("charges"), s("rerate_task_id = %1").arg(id)), m_parts);
        QCOMPARE(scalar(s("SELECT sum(amount) FROM charges WHERE rerate_task_id = %1").arg(id)), m_parts * (RateB - RateA));
        verifyEachEdrCosts(RateB);
        const Amount all = Amount::fromMicros(m_parts * (RateB - RateA));
        QCOMPARE(engineBalance(), before - all);
        QCOMPARE(storedBalance(), (before - all).micros());
    }

    void interruptedRunIsScheduledAgainAtStart()
    {
        const Amount before = engineBalance();
        QCOMPARE(before.micros(), storedBalance());
        setRate(RateC);
        refuseSecondBatch();
        const qint64 id = scheduleTask();
        QTRY_VERIFY_WITH_TIMEOUT(task(id)[s("errorMessage")].toString().contains(s("disk full")), 20000);
        // What a process killed between the two batches leaves: RUNNING, the first batch stored.
        m_server->execSql(s("DROP TRIGGER rerate_disk_full"));
        m_server->execSql(s("UPDATE rerate_tasks SET status = 'RUNNING', error_message = NULL WHERE id = %1").arg(id));
        QCOMPARE(m_server->count(s("rerate_tasks"), s("id = %1 AND status = 'RUNNING' AND processed_count = %2").arg(id).arg(BatchSize)), 1);

        m_admin.reset();
        m_finance.reset();
        QVERIFY2(m_server->restart(), qPrintable(m_server->error()));
        // Marked at the start, before the first billing-job run (the event loop has not run yet).
        QCOMPARE(m_server->scalar(s("SELECT status FROM rerate_tasks WHERE id = %1").arg(id)).toString(), s("SCHEDULED"));
        const QString message = m_server->scalar(s("SELECT error_message FROM rerate_tasks WHERE id = %1").arg(id)).toString();
        QVERIFY2(message.contains(s("interrupted")) && message.contains(s("%1 of %2 EDRs").arg(BatchSize).arg(m_parts)),
                 qPrintable(message));
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'rerate_tasks' AND object_id = %1 AND new_value LIKE '%interrupted%'")
                                                     .arg(id)),
                 1);

        QVERIFY(signIn());
        QJsonObject done;
        QTRY_VERIFY_WITH_TIMEOUT((done = task(id))[s("status")].toString() == s("COMPLETE"), 20000);
        QVERIFY2(done[s("errorMessage")].isNull(), qPrintable(done[s("errorMessage")].toString()));
        QCOMPARE(done[s("processedCount")].toInteger(), m_parts);
        QCOMPARE(done[s("updatedCount")].toInteger(), m_parts);
        QCOMPARE(m_server->count(s("charges"), s("rerate_task_id = %1 AND amount = %2").arg(id).arg(RateC - RateB)), m_parts);
        verifyEachEdrCosts(RateC);
        // The new engine read the balance with the first batch in it, and followed the rest.
        const Amount all = Amount::fromMicros(m_parts * (RateC - RateB));
        QCOMPARE(engineBalance(), before - all);
        QCOMPARE(storedBalance(), (before - all).micros());
    }

    void cleanupTestCase()
    {
        m_finance.reset();
        m_admin.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstApiRerateFailures)
#include "tst_api_rerate_failures.moc"
