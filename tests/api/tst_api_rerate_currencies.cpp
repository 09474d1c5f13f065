// A company-wide EDR rerate task (BO §7.5, no agreement named) over a company with agreements in
// two currencies: Pizza Planet's EUR agreement priced by SMS Global, and a USD agreement with a
// pay-as-you-go service of its own, both with real traffic through the engine and the emulator.
// Each agreement is rerated in its own currency: each adjustment charge in its agreement's
// currency, each balance (the engine's and the stored one) moved by exactly its own Σ(new − old) —
// one up, one down —, each agreement's draft invoice carrying only its own adjustment; nothing is
// summed across currencies.
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
const qint64 EurBefore = 12'300; // 0.0123 EUR per part
const qint64 EurAfter = 45'600;  // 0.0456 EUR: the EUR agreement pays more
const qint64 UsdBefore = 21'000; // 0.021 USD
const qint64 UsdAfter = 17'450;  // 0.01745 USD: the USD agreement gets money back
} // namespace

class TstApiRerateCurrencies final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_finance;
    std::unique_ptr<ApiClient> m_sender;
    qint64 m_companyId = 0;
    qint64 m_eur = 0; // agreement ids
    qint64 m_usd = 0;
    qint64 m_eurScope = 0; // the scopes whose trees price each agreement's SMS
    qint64 m_usdScope = 0;
    int m_serial = 0;

    qint64 scalar(const QString &select) const { return m_server->scalar(select).toLongLong(); }
    static QString iso(const QDateTime &at) { return at.toUTC().toString(Qt::ISODateWithMs); }

    void setRate(qint64 scope, qint64 micros)
    {
        const auto put = TestServer::put(*m_admin, s("service-scopes/%1/tree").arg(scope), RateTreeBuilder::flatSms(Amount::fromMicros(micros)).body());
        QVERIFY2(put.status == 200, put.raw.constData());
    }

    qint64 createId(const QString &path, const QJsonObject &body)
    {
        const auto created = TestServer::post(*m_admin, path, body);
        [&] { QVERIFY2(created.status == 201, qPrintable(path + s(": ") + QString::fromUtf8(created.raw))); }();
        return created.body[s("id")].toInteger();
    }

    qint64 firstId(const QString &path, const QString &query)
    {
        return TestServer::get(*m_admin, path, QUrlQuery(query)).body[s("items")].toArray().first()[s("id")].toInteger();
    }

    // Sends one-part messages from `from` to `count` new numbers and waits until all are charged.
    void send(const QString &from, int count)
    {
        QStringList to;
        while (count-- > 0)
            to << s("3462216%1").arg(1000 + ++m_serial);
        QString error;
        QVERIFY2(m_server->sendAndSettle(*m_sender, from, to, &error), qPrintable(error));
    }

    Amount engineBalance(qint64 agreement, QString *currency = nullptr)
    {
        const QJsonObject body = TestServer::get(*m_finance, s("agreements/%1/balance").arg(agreement)).body;
        if (currency)
            *currency = body[s("currency")].toString();
        return money(body[s("balance")]);
    }
    Amount storedBalance(qint64 agreement) const
    {
        return Amount::fromMicros(scalar(s("SELECT balance FROM agreement_balances WHERE agreement_id = %1").arg(agreement)));
    }

    // The EDRs of an agreement in [from, till) a task matches.
    qint64 parts(qint64 agreement, const QDateTime &from, const QDateTime &till) const
    {
        return m_server->count(s("edrs"), s("agreement_id = %1 AND accepted_at >= '%2' AND accepted_at < '%3' AND charged_at IS NOT NULL"
                                            " AND status IN ('DELIVERED', 'UNDELIVERED', 'SEEN')")
                                              .arg(agreement)
                                              .arg(iso(from), iso(till)));
    }

    // The rerate lines of the agreement's draft for the running period, after a recalculation.
    Amount draftRerate(qint64 agreement, QString *currency)
    {
        QUrlQuery query;
        query.addQueryItem(s("agreementId"), QString::number(agreement));
        query.addQueryItem(s("sort"), s("periodStart"));
        const QJsonArray invoices = TestServer::get(*m_finance, s("invoices"), query).body[s("items")].toArray();
        if (invoices.isEmpty())
            return Amount::fromMicros(-1);
        const QJsonObject current = invoices.last().toObject();
        *currency = current[s("currency")].toString();
        const qint64 id = current[s("id")].toInteger();
        if (TestServer::post(*m_finance, s("invoices/%1/recalculate").arg(id), {}).status != 200)
            return Amount::fromMicros(-1);
        QUrlQuery lines;
        lines.addQueryItem(s("invoiceId"), QString::number(id));
        Amount total;
        for (const QJsonValue &line : TestServer::get(*m_finance, s("invoice-lines"), lines).body[s("items")].toArray()) {
            if (line[s("source")] == s("rerate"))
                total += money(line[s("exactNet")]);
        }
        return total;
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

        // Pizza Planet's EUR agreement (the demo API key's company), priced by SMS Global.
        const int lastYear = QDate::currentDate().year() - 1;
        QUrlQuery byCode;
        byCode.addQueryItem(s("code"), s("NW-%1-1002").arg(lastYear));
        const QJsonObject eur = TestServer::get(*m_finance, s("agreements"), byCode).body[s("items")].toArray().first().toObject();
        m_eur = eur[s("id")].toInteger();
        m_companyId = eur[s("companyId")].toInteger();
        QCOMPARE(eur[s("currency")].toString(), s("EUR"));
        QUrlQuery byName;
        byName.addQueryItem(s("name"), s("SMS Global"));
        for (const QJsonValue &service : TestServer::get(*m_admin, s("services"), byName).body[s("items")].toArray()) {
            if (service[s("name")] == s("SMS Global"))
                m_eurScope = service[s("currentScopeId")].toInteger();
        }
        QVERIFY(m_eurScope > 0);

        // A second agreement of the same company, in USD, with its own pay-as-you-go SMS service
        // and its own sender ID on the demo vendor.
        m_usd = createId(s("agreements"),
                         j({{s("companyId"), m_companyId}, {s("legalEntityId"), eur[s("legalEntityId")]},
                            {s("ownLegalEntityId"), eur[s("ownLegalEntityId")]}, {s("ownBankAccountId"), eur[s("ownBankAccountId")]},
                            {s("code"), s("PP-USD-1")}, {s("agreementDate"), s("%1-12-15").arg(lastYear - 1)},
                            {s("currency"), s("USD")}, {s("effectiveFrom"), s("%1-01-01T00:00:00").arg(lastYear)},
                            {s("effectiveFromZone"), s("UTC")}, {s("billingTimeZone"), s("UTC")}, {s("daysForPayment"), 14},
                            {s("billingPeriod"), s("monthly")}, {s("creditLimit"), s("500.00")}}));
        const qint64 service = createId(s("services"), j({{s("name"), s("SMS Americas USD")}, {s("type"), s("payg")},
                                                          {s("currency"), s("USD")}, {s("timeZone"), s("UTC")}}));
        m_usdScope = createId(s("service-scopes"), j({{s("serviceId"), service}, {s("effectiveFrom"), s("2024-01-01T00:00:00")}}));
        createId(s("enabled-services"),
                 j({{s("agreementId"), m_usd}, {s("serviceId"), service},
                    {s("effectiveFrom"), QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate)},
                    {s("effectiveFromZone"), s("UTC")}}));
        createId(s("sender-ids"), j({{s("channel"), s("sms")}, {s("senderId"), s("PizzaUSD")}, {s("name"), s("Pizza Planet USD")},
                                     {s("agreementId"), m_usd}, {s("status"), s("active")}, {s("vendorType"), s("smpp")},
                                     {s("vendorConnectionId"), firstId(s("vendor-smpp-connections"), s("name=Demo vendor (emulator)"))}}));
        setRate(m_eurScope, EurBefore);
        setRate(m_usdScope, UsdBefore);
    }

    void eachAgreementIsReratedInItsOwnCurrency()
    {
        const QDateTime from = QDateTime::currentDateTimeUtc().addSecs(-1);
        send(s("PizzaPlanet"), 7);
        send(s("PizzaUSD"), 5);
        const QDateTime till = QDateTime::currentDateTimeUtc().addSecs(1);
        const qint64 eurParts = parts(m_eur, from, till);
        const qint64 usdParts = parts(m_usd, from, till);
        QVERIFY2(eurParts >= 5 && usdParts >= 3, qPrintable(s("%1 EUR, %2 USD parts").arg(eurParts).arg(usdParts)));
        // Charged in their own currencies at the old prices.
        QCOMPARE(m_server->count(s("charges"), s("agreement_id = %1 AND source = 'traffic' AND currency = 'USD' AND amount = %2"
                                                 " AND charged_at >= '%3'").arg(m_usd).arg(UsdBefore).arg(iso(from))),
                 usdParts);
        QString currency;
        const Amount eurBefore = engineBalance(m_eur, &currency);
        QCOMPARE(currency, s("EUR"));
        const Amount usdBefore = engineBalance(m_usd, &currency);
        QCOMPARE(currency, s("USD"));
        QCOMPARE(storedBalance(m_eur), eurBefore);
        QCOMPARE(storedBalance(m_usd), usdBefore);

        setRate(m_eurScope, EurAfter);
        setRate(m_usdScope, UsdAfter);
        QString error;
        const QJsonObject task = m_server->runRerateTask(
            *m_finance, j({{s("companyId"), m_companyId}, {s("timeFrom"), iso(from)}, {s("timeTill"), iso(till)}}), &error);
        QVERIFY2(!task.isEmpty(), qPrintable(error));
        QVERIFY(task[s("agreementId")].isNull());
        QCOMPARE(task[s("processedCount")].toInteger(), eurParts + usdParts);
        QCOMPARE(task[s("updatedCount")].toInteger(), eurParts + usdParts);
        QCOMPARE(task[s("failedCount")].toInteger(), 0);
        QVERIFY2(task[s("errorMessage")].isNull(), qPrintable(task[s("errorMessage")].toString()));
        const qint64 id = task[s("id")].toInteger();

        // One adjustment per part, in its agreement's currency, for its own difference.
        QCOMPARE(m_server->count(s("charges"), s("rerate_task_id = %1").arg(id)), eurParts + usdParts);
        QCOMPARE(m_server->count(s("charges"), s("rerate_task_id = %1 AND agreement_id = %2 AND currency = 'EUR' AND amount = %3")
                                                   .arg(id).arg(m_eur).arg(EurAfter - EurBefore)),
                 eurParts);
        QCOMPARE(m_server->count(s("charges"), s("rerate_task_id = %1 AND agreement_id = %2 AND currency = 'USD' AND amount = %3")
                                                   .arg(id).arg(m_usd).arg(UsdAfter - UsdBefore)),
                 usdParts);
        // Every EDR costs its new price in its own currency.
        for (const auto &[agreement, price] : {std::pair{m_eur, EurAfter}, std::pair{m_usd, UsdAfter}}) {
            QCOMPARE(scalar(s("SELECT count(*) FROM edrs e WHERE e.agreement_id = %1 AND e.accepted_at >= '%2' AND e.accepted_at < '%3'"
                              " AND e.charged_at IS NOT NULL AND e.price = %4"
                              " AND (SELECT sum(c.amount) FROM charges c WHERE c.edr_id = e.id AND c.currency = e.currency) = %4")
                                .arg(agreement).arg(iso(from), iso(till)).arg(price)),
                     agreement == m_eur ? eurParts : usdParts);
        }

        // Each balance moves by its own difference: EUR down, USD up; in memory and in storage.
        const Amount eurMoved = Amount::fromMicros(eurParts * (EurAfter - EurBefore));
        const Amount usdMoved = Amount::fromMicros(usdParts * (UsdAfter - UsdBefore));
        QVERIFY(eurMoved > Amount() && usdMoved < Amount());
        QCOMPARE(engineBalance(m_eur), eurBefore - eurMoved);
        QCOMPARE(engineBalance(m_usd), usdBefore - usdMoved);
        QCOMPARE(storedBalance(m_eur), eurBefore - eurMoved);
        QCOMPARE(storedBalance(m_usd), usdBefore - usdMoved);

        // Each agreement's draft invoice takes its own adjustment, in its own currency.
        m_server->instance().runBillingJobs(QDateTime::currentDateTimeUtc());
        QCOMPARE(draftRerate(m_eur, &currency), eurMoved);
        QCOMPARE(currency, s("EUR"));
        QCOMPARE(draftRerate(m_usd, &currency), usdMoved);
        QCOMPARE(currency, s("USD"));
    }

    void cleanupTestCase()
    {
        m_sender.reset();
        m_finance.reset();
        m_admin.reset();
        m_server.reset();
    }
};

QTEST_MAIN(TstApiRerateCurrencies)
#include "tst_api_rerate_currencies.moc"
