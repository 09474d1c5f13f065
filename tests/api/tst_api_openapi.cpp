// The OpenAPI document describes every route the server answers, with parameters and responses.
#include "TestServer.h"

#include <QtTest>

using namespace backoffice;
using namespace backoffice::test;

class ApiOpenApiTest final : public QObject
{
    Q_OBJECT

private slots:
    void everyRouteIsDocumented();
    void everyEntityHasASchema();
};

void ApiOpenApiTest::everyRouteIsDocumented()
{
    TestServer server(false);
    QVERIFY2(server.isRunning(), qPrintable(server.error()));
    auto client = server.anonymous();
    const auto answer = TestServer::get(*client, QStringLiteral("openapi.json"));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(QLatin1String("openapi")).toString(), QStringLiteral("3.0.3"));
    const QJsonObject paths = answer.body.value(QLatin1String("paths")).toObject();
    const QStringList routes = server.instance().routes();
    QVERIFY(routes.size() > 60);
    int documented = 0;
    for (const QString &route : routes) {
        const QString method = route.section(QLatin1Char(' '), 0, 0).toLower();
        const QString path = QStringLiteral("/api/v1/") + route.section(QLatin1Char(' '), 1);
        const QJsonObject operation = paths.value(path).toObject().value(method).toObject();
        QVERIFY2(!operation.isEmpty(), qPrintable(route + QStringLiteral(" is not in openapi.json")));
        QVERIFY2(!operation.value(QLatin1String("summary")).toString().isEmpty(), qPrintable(route));
        QVERIFY2(!operation.value(QLatin1String("responses")).toObject().isEmpty(), qPrintable(route));
        if (path.contains(QLatin1Char('{'))) {
            const QJsonArray parameters = operation.value(QLatin1String("parameters")).toArray();
            const bool hasPathParameter = std::any_of(parameters.begin(), parameters.end(), [](const QJsonValue &p) {
                return p.toObject().value(QLatin1String("in")).toString() == QLatin1String("path");
            });
            QVERIFY2(hasPathParameter, qPrintable(route));
        }
        ++documented;
    }
    // Nothing documented that the server does not answer.
    int operations = 0;
    for (auto it = paths.begin(); it != paths.end(); ++it)
        operations += it.value().toObject().size();
    QCOMPARE(operations, documented);
}

void ApiOpenApiTest::everyEntityHasASchema()
{
    TestServer server(false);
    auto client = server.anonymous();
    const auto answer = TestServer::get(*client, QStringLiteral("openapi.json"));
    const QJsonObject schemas = answer.body.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
    for (const char *name : {"Company", "LegalEntity", "OwnLegalEntity", "Bank", "BankAccount", "OwnBankAccount", "Agreement",
                             "AgreementVersion", "User", "Role", "AuditRecord", "Error", "LoginRequest"})
        QVERIFY2(schemas.contains(QLatin1String(name)), name);
    const QJsonObject user = schemas.value(QLatin1String("User")).toObject().value(QLatin1String("properties")).toObject();
    QVERIFY(user.value(QLatin1String("password")).toObject().value(QLatin1String("writeOnly")).toBool());
    QVERIFY(user.contains(QLatin1String("companyName")));
}

QTEST_GUILESS_MAIN(ApiOpenApiTest)
#include "tst_api_openapi.moc"
