// Agreement versions: no overlap, what the agreement says at any instant, and which versions may go.
#include "TestServer.h"

#include <QtTest>

using namespace backoffice;
using namespace backoffice::test;

class ApiAgreementsTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createMakesTheFirstVersion();
    void overlappingVersionsAreRefused();
    void termsAtAnInstant_data();
    void termsAtAnInstant();
    void effectiveDatesAreReadInTheirZone();
    void startedAndOnlyVersionsCannotBeDeleted();
    void upcomingVersionCanBeDeleted();
    void partiesMustBelongTogether();
    void versionTermsChangeOnlyThroughVersions();
    void deletingAnAgreementTakesItsVersions();

private:
    QJsonObject newAgreement(const QString &code, const QString &from, const QString &till);
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    qint64 m_company = 0, m_legalEntity = 0, m_ownLegalEntity = 0, m_ownBankAccount = 0, m_agreement = 0;
};

void ApiAgreementsTest::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    m_admin = m_server->signIn(s("admin"));
    QVERIFY(m_admin);
    auto first = [this](const QString &path, const QString &query) {
        return TestServer::get(*m_admin, path, QUrlQuery(query)).body.value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
    };
    m_company = first(s("companies"), s("name=Kiwi Lab"));
    m_legalEntity = first(s("legal-entities"), QStringLiteral("companyId=%1").arg(m_company));
    m_ownLegalEntity = first(s("own-legal-entities"), s("name=Nordwave Messaging Ltd"));
    m_ownBankAccount = first(s("own-bank-accounts"), QStringLiteral("ownLegalEntityId=%1").arg(m_ownLegalEntity));
}

QJsonObject ApiAgreementsTest::newAgreement(const QString &code, const QString &from, const QString &till)
{
    QJsonObject body{{s("companyId"), m_company}, {s("legalEntityId"), m_legalEntity},
                     {s("ownLegalEntityId"), m_ownLegalEntity}, {s("ownBankAccountId"), m_ownBankAccount},
                     {s("code"), code}, {s("agreementDate"), s("2025-12-01")}, {s("currency"), s("NZD")},
                     {s("effectiveFrom"), from}, {s("effectiveFromZone"), s("Pacific/Auckland")},
                     {s("billingTimeZone"), s("Pacific/Auckland")}, {s("daysForPayment"), 15},
                     {s("billingPeriod"), s("monthly")}, {s("creditLimit"), s("100.00")}};
    if (!till.isEmpty())
        body.insert(s("effectiveTill"), till);
    return body;
}

void ApiAgreementsTest::createMakesTheFirstVersion()
{
    const auto created = TestServer::post(*m_admin, s("agreements"),
                                          newAgreement(s("KL-1"), s("2025-01-01T00:00:00"), s("2026-01-01T00:00:00")));
    QVERIFY2(created.status == 201, created.raw.constData());
    m_agreement = created.body.value(s("id")).toInteger();
    const auto versions = TestServer::get(*m_admin, s("agreement-versions"),
                                          QUrlQuery(QStringLiteral("agreementId=%1").arg(m_agreement)));
    QCOMPARE(versions.body.value(s("total")).toInteger(), 1);
    const QJsonObject version = versions.body.value(s("items")).toArray().first().toObject();
    QCOMPARE(version.value(s("creditLimit")).toString(), s("100.00"));
    QCOMPARE(version.value(s("state")).toString(), s("past"));
    QCOMPARE(version.value(s("effectiveTillZone")).toString(), s("Pacific/Auckland"));
    // Second version continues the first without a gap; the third starts later (upcoming).
    const auto second = TestServer::post(*m_admin, s("agreement-versions"),
                                         {{s("agreementId"), m_agreement}, {s("effectiveFrom"), s("2026-01-01T00:00:00")},
                                          {s("effectiveFromZone"), s("Pacific/Auckland")}, {s("effectiveTill"), s("2030-01-01T00:00:00")},
                                          {s("billingTimeZone"), s("Pacific/Auckland")}, {s("daysForPayment"), 20},
                                          {s("billingPeriod"), s("quarterly")}, {s("billingDay"), 5}, {s("creditLimit"), QJsonValue()}});
    QVERIFY2(second.status == 201, second.raw.constData());
    const auto third = TestServer::post(*m_admin, s("agreement-versions"),
                                        {{s("agreementId"), m_agreement}, {s("effectiveFrom"), s("2030-01-01T00:00:00")},
                                         {s("effectiveFromZone"), s("Pacific/Auckland")}, {s("billingTimeZone"), s("UTC")},
                                         {s("daysForPayment"), 30}, {s("billingPeriod"), s("daily")}, {s("creditLimit"), s("0.004")}});
    QVERIFY2(third.status == 201, third.raw.constData());
    QCOMPARE(third.body.value(s("creditLimit")).toString(), s("0.004"));
    const auto agreement = TestServer::get(*m_admin, QStringLiteral("agreements/%1").arg(m_agreement));
    QCOMPARE(agreement.body.value(s("currentVersionId")), second.body.value(s("id")));
    QVERIFY(agreement.body.value(s("creditLimit")).isNull()); // unlimited now
    QCOMPARE(agreement.body.value(s("billingPeriod")).toString(), s("quarterly"));
}

void ApiAgreementsTest::overlappingVersionsAreRefused()
{
    const qint64 before = m_server->count(s("agreement_versions"));
    const auto overlap = TestServer::post(*m_admin, s("agreement-versions"),
                                          {{s("agreementId"), m_agreement}, {s("effectiveFrom"), s("2029-06-01T00:00:00")},
                                           {s("effectiveFromZone"), s("Pacific/Auckland")}, {s("billingTimeZone"), s("UTC")},
                                           {s("daysForPayment"), 30}, {s("billingPeriod"), s("monthly")}});
    QCOMPARE(overlap.status, 400);
    QVERIFY(overlap.fields().value(s("effectiveFrom")).toString().contains(s("overlaps")));
    const auto backwards = TestServer::post(*m_admin, s("agreement-versions"),
                                            {{s("agreementId"), m_agreement}, {s("effectiveFrom"), s("2040-01-01T00:00:00Z")},
                                             {s("effectiveTill"), s("2039-01-01T00:00:00Z")}, {s("effectiveFromZone"), s("UTC")},
                                             {s("billingTimeZone"), s("UTC")}, {s("daysForPayment"), 30}, {s("billingPeriod"), s("monthly")}});
    QCOMPARE(backwards.status, 400);
    QVERIFY(backwards.fields().contains(s("effectiveTill")));
    QCOMPARE(m_server->count(s("agreement_versions")), before);
}

void ApiAgreementsTest::termsAtAnInstant_data()
{
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("billingPeriod");
    // Pacific/Auckland is UTC+13 in January: local midnight 2026-01-01 is 2025-12-31T11:00Z.
    QTest::newRow("first version") << s("2025-06-01T00:00:00Z") << s("monthly");
    QTest::newRow("last instant of the first") << s("2025-12-31T10:59:59.999Z") << s("monthly");
    QTest::newRow("first instant of the second") << s("2025-12-31T11:00:00.000Z") << s("quarterly");
    QTest::newRow("third, open ended") << s("2045-01-01T00:00:00Z") << s("daily");
}

void ApiAgreementsTest::termsAtAnInstant()
{
    QFETCH(QString, at);
    QFETCH(QString, billingPeriod);
    const auto terms = TestServer::get(*m_admin, QStringLiteral("agreements/%1/terms").arg(m_agreement),
                                       QUrlQuery(QStringLiteral("at=%1").arg(at)));
    QVERIFY2(terms.status == 200, terms.raw.constData());
    QCOMPARE(terms.body.value(s("billingPeriod")).toString(), billingPeriod);
    const auto before = TestServer::get(*m_admin, QStringLiteral("agreements/%1/terms").arg(m_agreement),
                                        QUrlQuery(s("at=2020-01-01T00:00:00Z")));
    QCOMPARE(before.status, 404);
    QCOMPARE(TestServer::get(*m_admin, QStringLiteral("agreements/%1/terms").arg(m_agreement), QUrlQuery(s("at=yesterday"))).status, 400);
}

void ApiAgreementsTest::effectiveDatesAreReadInTheirZone()
{
    const auto versions = TestServer::get(*m_admin, s("agreement-versions"),
                                          QUrlQuery(QStringLiteral("agreementId=%1&sort=effectiveFrom").arg(m_agreement)));
    const QJsonObject first = versions.body.value(s("items")).toArray().first().toObject();
    // 2025-01-01 00:00 in Auckland (NZDT, +13) is 2024-12-31 11:00 UTC.
    QCOMPARE(first.value(s("effectiveFrom")).toString(), s("2024-12-31T11:00:00.000Z"));
}

void ApiAgreementsTest::startedAndOnlyVersionsCannotBeDeleted()
{
    const auto versions = TestServer::get(*m_admin, s("agreement-versions"),
                                          QUrlQuery(QStringLiteral("agreementId=%1&sort=effectiveFrom").arg(m_agreement)));
    const qint64 past = versions.body.value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
    const auto refused = TestServer::remove(*m_admin, QStringLiteral("agreement-versions/%1").arg(past));
    QCOMPARE(refused.status, 422);
    const auto edit = TestServer::patch(*m_admin, QStringLiteral("agreement-versions/%1").arg(past), {{s("daysForPayment"), 3}});
    QCOMPARE(edit.status, 422);

    const auto single = TestServer::post(*m_admin, s("agreements"), newAgreement(s("KL-2"), s("2031-01-01T00:00:00"), {}));
    QCOMPARE(single.status, 201);
    const auto only = TestServer::get(*m_admin, s("agreement-versions"),
                                      QUrlQuery(QStringLiteral("agreementId=%1").arg(single.body.value(s("id")).toInteger())));
    const qint64 onlyId = only.body.value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
    const auto onlyRefused = TestServer::remove(*m_admin, QStringLiteral("agreement-versions/%1").arg(onlyId));
    QCOMPARE(onlyRefused.status, 422);
    QVERIFY(onlyRefused.body.value(s("error")).toObject().value(s("message")).toString().contains(s("only")));
}

void ApiAgreementsTest::upcomingVersionCanBeDeleted()
{
    const auto versions = TestServer::get(*m_admin, s("agreement-versions"),
                                          QUrlQuery(QStringLiteral("agreementId=%1&state=upcoming").arg(m_agreement)));
    QCOMPARE(versions.body.value(s("total")).toInteger(), 1);
    const qint64 upcoming = versions.body.value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
    QCOMPARE(TestServer::remove(*m_admin, QStringLiteral("agreement-versions/%1").arg(upcoming)).status, 204);
}

void ApiAgreementsTest::partiesMustBelongTogether()
{
    const auto otherCompany = TestServer::get(*m_admin, s("companies"), QUrlQuery(s("name=Andes Retail")));
    const qint64 other = otherCompany.body.value(s("items")).toArray().first().toObject().value(s("id")).toInteger();
    const auto otherLe = TestServer::get(*m_admin, s("legal-entities"), QUrlQuery(QStringLiteral("companyId=%1").arg(other)));
    QJsonObject body = newAgreement(s("KL-3"), s("2031-01-01T00:00:00"), {});
    body.insert(s("legalEntityId"), otherLe.body.value(s("items")).toArray().first().toObject().value(s("id")));
    const auto refused = TestServer::post(*m_admin, s("agreements"), body);
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.fields().contains(s("legalEntityId")));
    body = newAgreement(s("KL-4"), s("2031-01-01T00:00:00"), {});
    body.insert(s("currency"), s("XYZ"));
    QVERIFY(TestServer::post(*m_admin, s("agreements"), body).fields().contains(s("currency")));
}

void ApiAgreementsTest::versionTermsChangeOnlyThroughVersions()
{
    const auto answer = TestServer::patch(*m_admin, QStringLiteral("agreements/%1").arg(m_agreement),
                                          {{s("billingPeriod"), s("weekly")}, {s("currency"), s("EUR")}});
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.fields().contains(s("billingPeriod")));
    QVERIFY(answer.fields().contains(s("currency")));
}

void ApiAgreementsTest::deletingAnAgreementTakesItsVersions()
{
    const auto created = TestServer::post(*m_admin, s("agreements"), newAgreement(s("KL-9"), s("2032-01-01T00:00:00"), {}));
    const qint64 id = created.body.value(s("id")).toInteger();
    QCOMPARE(m_server->count(s("agreement_versions"), QStringLiteral("agreement_id = %1").arg(id)), 1);
    QCOMPARE(TestServer::remove(*m_admin, QStringLiteral("agreements/%1").arg(id)).status, 204);
    QCOMPARE(m_server->count(s("agreement_versions"), QStringLiteral("agreement_id = %1").arg(id)), 0);
    QCOMPARE(m_server->count(s("audit_log"), QStringLiteral("table_name = 'agreement_versions' AND operation = 'delete'")), 2);
}

QTEST_GUILESS_MAIN(ApiAgreementsTest)
#include "tst_api_agreements.moc"
