// Invoices over billing periods that are hard to get right (issue 5): a weekly period split at the
// month end in a zone fourteen hours ahead of UTC, daily periods over a DST change (a 23-hour day),
// monthly periods from the 15th eleven hours behind UTC, quarterly periods over DST, and a
// +05:45 zone. The job runs on a clock walked over each range; afterwards every charge is in
// exactly one invoice, the invoices tile time without gaps or overlaps, their lines add up to their
// charges, and boundaries computed by hand hold.
#include "Amount.h"
#include "TestServer.h"

#include <QRandomGenerator>
#include <QTest>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

namespace {

QDateTime utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
}

} // namespace

class TstApiInvoicePeriods final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_finance;
    qint64 m_company = 0;
    qint64 m_legalEntity = 0;
    qint64 m_ownEntity = 0;
    qint64 m_ownAccount = 0;
    int m_serial = 0;

    qint64 first(const QString &path, const QString &query)
    {
        return TestServer::get(*m_finance, path, QUrlQuery(query)).body[s("items")].toArray().first()[s("id")].toInteger();
    }

    void addCharge(qint64 agreement, const QDateTime &at, qint64 micros)
    {
        const QString when = at.toUTC().toString(Qt::ISODateWithMs);
        m_server->execSql(s("INSERT INTO charges (charged_at, transaction_id, company_id, agreement_id, source, units, unit_price,"
                            " amount, currency, created_at, updated_at) VALUES ('%1', 'p-%2', %3, %4, 'traffic', 1, %5, %5, 'EUR', '%1', '%1')")
                              .arg(when).arg(++m_serial).arg(m_company).arg(agreement).arg(micros));
    }

    qint64 scalar(const QString &select) const { return m_server->scalar(select).toLongLong(); }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(true);
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        m_finance = m_server->signIn(s("admin"));
        QVERIFY(m_finance);
        m_company = first(s("companies"), s("name=Kiwi Lab"));
        m_legalEntity = first(s("legal-entities"), s("companyId=%1").arg(m_company));
        m_ownEntity = first(s("own-legal-entities"), s("name=Nordwave Iberia S.L."));
        m_ownAccount = first(s("own-bank-accounts"), s("ownLegalEntityId=%1").arg(m_ownEntity));
        QVERIFY(m_company && m_legalEntity && m_ownEntity && m_ownAccount);
    }

    void periodsCoverEveryChargeOnce_data()
    {
        QTest::addColumn<QString>("period");
        QTest::addColumn<int>("billingDay");
        QTest::addColumn<bool>("splitByMonth");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("till");
        QTest::addColumn<int>("stepHours");
        // A boundary known by hand: a period starts exactly there and, if set, ends at `knownEnd`.
        QTest::addColumn<QDateTime>("knownStart");
        QTest::addColumn<QDateTime>("knownEnd");
        // A second agreement version from its effectiveFrom (the first then ends there), or none.
        QTest::addColumn<QJsonObject>("version2");
        // Kiritimati is UTC+14: Saturday 1 February 00:00 local is Friday 31 January 10:00 UTC;
        // the week from Monday 27 January is cut there.
        QTest::newRow("weekly, split by month, UTC+14") << s("weekly") << 1 << true << s("Pacific/Kiritimati")
                                                        << utc("2025-01-19T00:00:00Z") << utc("2025-02-20T00:00:00Z") << 24
                                                        << utc("2025-01-26T10:00:00Z") << utc("2025-01-31T10:00:00Z") << QJsonObject();
        // New York springs forward on Sunday 9 March 2025: that day is 23 hours long.
        QTest::newRow("daily over DST, New York") << s("daily") << 1 << false << s("America/New_York")
                                                  << utc("2025-03-07T00:00:00Z") << utc("2025-03-12T00:00:00Z") << 6
                                                  << utc("2025-03-09T05:00:00Z") << utc("2025-03-10T04:00:00Z") << QJsonObject();
        // Pago Pago is UTC−11: the period from 15 February starts at 11:00 UTC that day.
        QTest::newRow("monthly from the 15th, UTC-11") << s("monthly") << 15 << false << s("Pacific/Pago_Pago")
                                                       << utc("2025-01-01T00:00:00Z") << utc("2025-04-20T00:00:00Z") << 72
                                                       << utc("2025-02-15T11:00:00Z") << utc("2025-03-15T11:00:00Z") << QJsonObject();
        // Madrid: the quarter from 1 April starts at 22:00 UTC on 31 March (summer time, +02:00),
        // and the one before began at 23:00 UTC on 31 December (winter time).
        QTest::newRow("quarterly over DST, Madrid") << s("quarterly") << 1 << false << s("Europe/Madrid")
                                                    << utc("2024-12-01T00:00:00Z") << utc("2025-08-01T00:00:00Z") << 240
                                                    << utc("2024-12-31T23:00:00Z") << utc("2025-03-31T22:00:00Z") << QJsonObject();
        QTest::newRow("monthly, UTC+05:45") << s("monthly") << 1 << false << s("Asia/Kathmandu")
                                            << utc("2025-02-10T00:00:00Z") << utc("2025-05-10T00:00:00Z") << 72
                                            << utc("2025-03-31T18:15:00Z") << utc("2025-04-30T18:15:00Z") << QJsonObject();
        // Monthly in Madrid until 1 March 2025, then weekly from Monday in Tokyo: the first weekly
        // period starts at the change (28 February 23:00 UTC), not on the Monday before, and ends
        // on Monday 3 March 00:00 in Tokyo (2 March 15:00 UTC).
        QTest::newRow("version change, monthly to weekly") << s("monthly") << 1 << false << s("Europe/Madrid")
                                                           << utc("2025-01-10T00:00:00Z") << utc("2025-03-25T00:00:00Z") << 24
                                                           << utc("2025-02-28T23:00:00Z") << utc("2025-03-02T15:00:00Z")
                                                           << j({{s("effectiveFrom"), s("2025-03-01T00:00:00")},
                                                                 {s("effectiveFromZone"), s("Europe/Madrid")},
                                                                 {s("billingPeriod"), s("weekly")}, {s("billingDay"), 1},
                                                                 {s("billingTimeZone"), s("Asia/Tokyo")}, {s("daysForPayment"), 10}});
    }

    void periodsCoverEveryChargeOnce()
    {
        QFETCH(QString, period);
        QFETCH(int, billingDay);
        QFETCH(bool, splitByMonth);
        QFETCH(QString, zone);
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, till);
        QFETCH(int, stepHours);
        QFETCH(QDateTime, knownStart);
        QFETCH(QDateTime, knownEnd);
        QFETCH(QJsonObject, version2);

        QJsonObject body = j({{s("companyId"), m_company}, {s("legalEntityId"), m_legalEntity}, {s("ownLegalEntityId"), m_ownEntity},
                              {s("ownBankAccountId"), m_ownAccount}, {s("code"), s("PERIODS-%1").arg(++m_serial)},
                              {s("agreementDate"), s("2024-01-01")}, {s("currency"), s("EUR")},
                              {s("effectiveFrom"), s("2024-01-01T00:00:00")}, {s("effectiveFromZone"), s("UTC")},
                              {s("billingTimeZone"), zone}, {s("daysForPayment"), 10}, {s("billingPeriod"), period},
                              {s("splitByMonth"), splitByMonth}});
        if (period != s("daily"))
            body.insert(s("billingDay"), billingDay);
        if (!version2.isEmpty()) {
            body.insert(s("effectiveTill"), version2[s("effectiveFrom")]);
            body.insert(s("effectiveTillZone"), version2[s("effectiveFromZone")]);
        }
        const auto created = TestServer::post(*m_finance, s("agreements"), body);
        QVERIFY2(created.status == 201, created.raw.constData());
        const qint64 agreement = created.body[s("id")].toInteger();
        if (!version2.isEmpty()) {
            version2.insert(s("agreementId"), agreement);
            const auto next = TestServer::post(*m_finance, s("agreement-versions"), version2);
            QVERIFY2(next.status == 201, next.raw.constData());
        }

        // Charges at random instants, and at the known boundary and a millisecond before it.
        QRandomGenerator random(quint32(m_serial) * 7919u);
        const qint64 span = from.msecsTo(till);
        addCharge(agreement, knownStart, 1'000'001);
        addCharge(agreement, knownStart.addMSecs(-1), 2'000'003);
        addCharge(agreement, knownEnd.addMSecs(-1), 3'000'007);
        for (int n = 0; n < 60; ++n)
            addCharge(agreement, from.addMSecs(qint64(random.bounded(double(span)))), qint64(random.bounded(1, 5'000'000)));

        // The job on a clock walked over the range, then past it so the last periods settle.
        for (QDateTime now = from; now <= till.addDays(3); now = now.addSecs(qint64(stepHours) * 3600))
            m_server->instance().runBillingJobs(now);
        m_server->instance().runBillingJobs(till.addDays(3));

        const QString ofAgreement = s("agreement_id = %1").arg(agreement);
        // Every charge in exactly one invoice of its agreement.
        QCOMPARE(scalar(s("SELECT count(*) FROM charges c WHERE c.%1 AND (SELECT count(*) FROM invoices i WHERE i.%1"
                          " AND i.period_start <= c.charged_at AND c.charged_at < i.period_end) <> 1").arg(ofAgreement)), 0);
        // Invoices tile time: sorted by start, each ends where the next starts.
        QUrlQuery query;
        query.addQueryItem(s("agreementId"), QString::number(agreement));
        query.addQueryItem(s("sort"), s("periodStart"));
        query.addQueryItem(s("limit"), s("500"));
        const QJsonArray invoices = TestServer::get(*m_finance, s("invoices"), query).body[s("items")].toArray();
        QVERIFY(invoices.size() >= 3);
        bool sawKnown = false;
        for (qsizetype i = 0; i < invoices.size(); ++i) {
            const QDateTime start = QDateTime::fromString(invoices.at(i)[s("periodStart")].toString(), Qt::ISODateWithMs);
            const QDateTime end = QDateTime::fromString(invoices.at(i)[s("periodEnd")].toString(), Qt::ISODateWithMs);
            QVERIFY(start < end);
            if (i + 1 < invoices.size())
                QCOMPARE(QDateTime::fromString(invoices.at(i + 1)[s("periodStart")].toString(), Qt::ISODateWithMs), end);
            if (start == knownStart) {
                sawKnown = true;
                QCOMPARE(end, knownEnd);
            }
            // The lines add up to the period's charges, exactly.
            const qint64 id = invoices.at(i)[s("id")].toInteger();
            QCOMPARE(TestServer::post(*m_finance, s("invoices/%1/recalculate").arg(id), {}).status, 200);
            QUrlQuery byInvoice;
            byInvoice.addQueryItem(s("invoiceId"), QString::number(id));
            Amount exact;
            for (const QJsonValue &line : TestServer::get(*m_finance, s("invoice-lines"), byInvoice).body[s("items")].toArray())
                exact += money(line[s("exactNet")]);
            QCOMPARE(exact.micros(), scalar(s("SELECT coalesce(sum(amount), 0) FROM charges WHERE %1 AND charged_at >= '%2' AND charged_at < '%3'")
                                                .arg(ofAgreement, start.toString(Qt::ISODateWithMs), end.toString(Qt::ISODateWithMs))));
        }
        QVERIFY2(sawKnown, qPrintable(knownStart.toString(Qt::ISODate)));
    }

    void cleanupTestCase()
    {
        m_finance.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstApiInvoicePeriods)
#include "tst_api_invoice_periods.moc"
