// Invoices (BO §7.2) through the real server: the job makes a draft per agreement and billing
// period covering exactly the charges inside it, lines rounded once with the own legal entity's
// tax, confirmation with reference number, issue and due dates once the period is over, the PDF
// and the details archive, and what may not be done to an invoice.
#include "Amount.h"
#include "BillingPeriod.h"
#include "TestServer.h"

#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::test;

class TstApiInvoices final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_finance;
    QJsonObject m_agreement;
    qint64 m_agreementId = 0;
    QTimeZone m_zone;
    BillingPeriodKind m_kind = BillingPeriodKind::Monthly;
    int m_chargeSerial = 0;

    PeriodWindow periodOf(const QDateTime &instant) const
    {
        return billingPeriodContaining(instant, m_kind, m_agreement[s("billingDay")].toInt(1), m_zone,
                                       m_agreement[s("splitByMonth")].toBool());
    }

    // A charge written the way the messaging writer writes them, at a chosen instant.
    void addCharge(const QDateTime &at, qint64 micros, const QString &source = s("traffic"), qint64 unitPrice = 45000)
    {
        const QString when = at.toUTC().toString(Qt::ISODateWithMs);
        m_server->execSql(s("INSERT INTO charges (charged_at, transaction_id, company_id, agreement_id, source, service_id,"
                            " units, unit_price, amount, currency, created_at, updated_at)"
                            " VALUES ('%1', 't-%2', %3, %4, '%5', NULL, 1, %6, %7, 'EUR', '%1', '%1')")
                              .arg(when).arg(++m_chargeSerial).arg(m_agreement[s("companyId")].toInteger())
                              .arg(m_agreementId).arg(source).arg(unitPrice).arg(micros));
    }

    QJsonObject invoiceFor(const PeriodWindow &window)
    {
        QUrlQuery query;
        query.addQueryItem(s("agreementId"), QString::number(m_agreementId));
        for (const QJsonValue &item : TestServer::get(*m_finance, s("invoices"), query).body[s("items")].toArray()) {
            if (QDateTime::fromString(item[s("periodStart")].toString(), Qt::ISODateWithMs) == window.startUtc)
                return item.toObject();
        }
        return {};
    }

    QJsonArray linesOf(qint64 invoiceId)
    {
        QUrlQuery query;
        query.addQueryItem(s("invoiceId"), QString::number(invoiceId));
        return TestServer::get(*m_finance, s("invoice-lines"), query).body[s("items")].toArray();
    }

    qint64 chargeSum(const PeriodWindow &window) const
    {
        return m_server->scalar(s("SELECT coalesce(sum(amount), 0) FROM charges WHERE agreement_id = %1"
                                  " AND charged_at >= '%2' AND charged_at < '%3'")
                                    .arg(m_agreementId).arg(window.startUtc.toString(Qt::ISODateWithMs),
                                                            window.endUtc.toString(Qt::ISODateWithMs)))
            .toLongLong();
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
        m_agreement = TestServer::get(*m_finance, s("agreements"), byCode).body[s("items")].toArray().first().toObject();
        m_agreementId = m_agreement[s("id")].toInteger();
        m_zone = QTimeZone(m_agreement[s("billingTimeZone")].toString().toUtf8());
        QVERIFY(m_zone.isValid());
        QVERIFY(parseBillingPeriodKind(m_agreement[s("billingPeriod")].toString(), &m_kind));
    }

    void draftCoversExactlyTheChargesOfItsPeriod()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const PeriodWindow current = periodOf(now);
        const PeriodWindow previous = periodOf(current.startUtc.addMSecs(-1));
        // At the very edges: the first instant belongs to the period, its end to the next one.
        addCharge(previous.startUtc, 1'234'567);
        addCharge(previous.endUtc.addMSecs(-1), 2'000'001);
        addCharge(previous.startUtc.addSecs(3600), 10'000'000, s("senderFee"), 10'000'000);
        addCharge(current.startUtc, 3'333'333);
        m_server->instance().runBillingJobs(now);

        const QJsonObject last = invoiceFor(previous);
        const QJsonObject running = invoiceFor(current);
        QVERIFY2(!last.isEmpty() && !running.isEmpty(), "a draft for the running period and one for the previous");
        QCOMPARE(last[s("status")].toString(), s("DRAFT"));
        QCOMPARE(QDateTime::fromString(last[s("periodEnd")].toString(), Qt::ISODateWithMs), previous.endUtc);
        QCOMPARE(last[s("chargeCount")].toInt(), 3);
        QCOMPARE(money(last[s("total")]).isZero(), false);

        // Lines: exact nets add up to the charges; each net rounded once to cents, tax on it.
        Amount exact;
        Amount net;
        Amount tax;
        const Amount rate = money(last[s("taxRate")]);
        for (const QJsonValue &line : linesOf(last[s("id")].toInteger())) {
            exact += money(line[s("exactNet")]);
            QCOMPARE(money(line[s("net")]), money(line[s("exactNet")]).rounded(2));
            Amount lineTax;
            QVERIFY(Amount::multiplyByFactor(money(line[s("net")]), Amount::fromMicros(rate.micros() / 100), &lineTax));
            QCOMPARE(money(line[s("tax")]), lineTax.rounded(2));
            QCOMPARE(money(line[s("total")]), money(line[s("net")]) + money(line[s("tax")]));
            net += money(line[s("net")]);
            tax += money(line[s("tax")]);
        }
        QCOMPARE(exact.micros(), chargeSum(previous));
        QCOMPARE(money(last[s("net")]), net);
        QCOMPARE(money(last[s("tax")]), tax);
        QCOMPARE(money(last[s("total")]), net + tax);
        QVERIFY(rate > Amount()); // the demo's own legal entities charge VAT/IVA
        // The running period's draft holds the charge at its first instant (the job sums a draft at
        // most every ten minutes and it was made when the server started: Recalculate now).
        QCOMPARE(TestServer::post(*m_finance, s("invoices/%1/recalculate").arg(running[s("id")].toInteger()), {}).status, 200);
        QCOMPARE(money(linesOf(running[s("id")].toInteger()).first()[s("exactNet")]), Amount::fromMicros(3'333'333));

        // A second run changes nothing: the same two invoices, the same totals.
        const qint64 invoices = m_server->count(s("invoices"), s("agreement_id = %1").arg(m_agreementId));
        m_server->instance().runBillingJobs(now);
        QCOMPARE(m_server->count(s("invoices"), s("agreement_id = %1").arg(m_agreementId)), invoices);
        QCOMPARE(invoiceFor(previous)[s("total")], last[s("total")]);
    }

    void recalculatePicksUpNewCharges()
    {
        const PeriodWindow previous = periodOf(periodOf(QDateTime::currentDateTimeUtc()).startUtc.addMSecs(-1));
        const qint64 id = invoiceFor(previous)[s("id")].toInteger();
        addCharge(previous.startUtc.addSecs(60), 5'000'000);
        const auto answer = TestServer::post(*m_finance, s("invoices/%1/recalculate").arg(id), {});
        QVERIFY2(answer.status == 200, answer.raw.constData());
        QCOMPARE(answer.body[s("chargeCount")].toInt(), 4);
        Amount exact;
        for (const QJsonValue &line : linesOf(id))
            exact += money(line[s("exactNet")]);
        QCOMPARE(exact.micros(), chargeSum(previous));
    }

    void confirmationNumbersAndFreezes()
    {
        const PeriodWindow current = periodOf(QDateTime::currentDateTimeUtc());
        const PeriodWindow previous = periodOf(current.startUtc.addMSecs(-1));
        const QJsonObject running = invoiceFor(current);
        auto answer = TestServer::post(*m_finance, s("invoices/%1/confirm").arg(running[s("id")].toInteger()), {});
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.errorCode(), s("period_not_over"));

        const qint64 id = invoiceFor(previous)[s("id")].toInteger();
        answer = TestServer::post(*m_finance, s("invoices/%1/confirm").arg(id), {});
        QVERIFY2(answer.status == 200, answer.raw.constData());
        QCOMPARE(answer.body[s("status")].toString(), s("CONFIRMED"));
        const QString reference = answer.body[s("referenceNumber")].toString();
        QVERIFY2(reference.endsWith(s("-1")), qPrintable(reference)); // the entity's first number
        const QDate issued = QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date();
        QCOMPARE(answer.body[s("issueDate")].toString(), issued.toString(Qt::ISODate));
        QCOMPARE(answer.body[s("dueDate")].toString(), issued.addDays(m_agreement[s("daysForPayment")].toInt()).toString(Qt::ISODate));
        QCOMPARE(m_server->count(s("audit_log"), s("table_name = 'invoices' AND object_id = %1").arg(id)), 1);

        // Frozen: no second confirmation, no recalculation, new charges of the period do not enter it.
        const QJsonValue total = answer.body[s("total")];
        QCOMPARE(TestServer::post(*m_finance, s("invoices/%1/confirm").arg(id), {}).status, 409);
        QCOMPARE(TestServer::post(*m_finance, s("invoices/%1/recalculate").arg(id), {}).status, 409);
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        QCOMPARE(TestServer::get(*m_finance, s("invoices/%1").arg(id)).body[s("total")], total);

        // Only the comment is staff's to change; invoices are neither made nor deleted by hand.
        answer = TestServer::patch(*m_finance, s("invoices/%1").arg(id), j({{s("comment"), s("Sent by post")}, {s("total"), s("1.00")}}));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body[s("comment")].toString(), s("Sent by post"));
        QCOMPARE(answer.body[s("total")], total);
        QCOMPARE(TestServer::remove(*m_finance, s("invoices/%1").arg(id)).status, 403);
        QCOMPARE(TestServer::post(*m_finance, s("invoices"), j({{s("comment"), s("x")}})).status, 403);
        QCOMPARE(TestServer::post(*m_finance, s("invoice-lines"), j({{s("description"), s("x")}})).status, 405);
    }

    void printedInvoiceAndDetails()
    {
        const PeriodWindow previous = periodOf(periodOf(QDateTime::currentDateTimeUtc()).startUtc.addMSecs(-1));
        const qint64 id = invoiceFor(previous)[s("id")].toInteger();
        ApiReply *pdf = m_finance->get(s("invoices/%1/pdf").arg(id));
        QVERIFY(pdf->waitForFinished(30000));
        QCOMPARE(pdf->httpStatus(), 200);
        QVERIFY2(pdf->body().startsWith("%PDF-"), pdf->body().left(200).constData());
        pdf->deleteLater();
        ApiReply *archive = m_finance->get(s("invoices/%1/details").arg(id));
        QVERIFY(archive->waitForFinished(30000));
        QCOMPARE(archive->httpStatus(), 200);
        QVERIFY(archive->body().startsWith("PK"));
        archive->deleteLater();
        // Without the invoices area nothing is shown.
        auto rateManager = m_server->signIn(s("rate.manager"));
        QCOMPARE(TestServer::get(*rateManager, s("invoices/%1/pdf").arg(id)).status, 403);
        QCOMPARE(TestServer::post(*rateManager, s("invoices/%1/confirm").arg(id), {}).status, 403);
    }

    void taxRatesAreChecked()
    {
        const qint64 own = m_agreement[s("ownLegalEntityId")].toInteger();
        auto answer = TestServer::patch(*m_finance, s("own-legal-entities/%1").arg(own), j({{s("taxRate"), s("120")}}));
        QCOMPARE(answer.status, 400);
        answer = TestServer::patch(*m_finance, s("own-legal-entities/%1").arg(own), j({{s("taxRate"), s("21.12345")}}));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.fields()[s("taxRate")].toString(), s("may have at most four decimals"));
    }

    void cleanupTestCase()
    {
        m_finance.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstApiInvoices)
#include "tst_api_invoices.moc"
