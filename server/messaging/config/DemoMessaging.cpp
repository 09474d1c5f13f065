#include "DemoMessaging.h"

#include "ApiKeyRules.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "MessagingChanges.h"
#include "MessagingConfigStore.h"
#include "MessagingEntities.h"

#include <QJsonArray>

namespace backoffice::server {

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// An alphanumeric SMS sender ID from a company name: letters and digits, at most 11.
QString senderFrom(const QString &companyName)
{
    QString sender;
    for (const QChar c : companyName) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            sender += c;
        if (sender.size() == 11)
            break;
    }
    return sender;
}

} // namespace

void seedDemoMessaging(EntityService &entities, QSqlDatabase db, const SessionContext &session,
                       const QList<DemoAgreement> &agreements)
{
    auto create = [&](const QString &entity, const QJsonObject &record) {
        return entities.create(EntityCatalogue::get(entity), record, session).value(s("id")).toInteger();
    };
    const QJsonObject statusMap{{s("rules"), QJsonArray{QJsonObject{{s("status"), s("REJECTD")},
                                                                    {s("errorCodes"), QJsonArray{}},
                                                                    {s("mapping"), s("unsent")}}}}};
    auto vendor = [&](const char *name) {
        return create(entities::vendorSmppConnections,
                      {{s("name"), s(name)}, {s("host"), s("127.0.0.1")}, {s("port"), 2775},
                       {s("systemId"), s(demomessaging::vendorSystemId)}, {s("password"), s("emul2026")},
                       {s("limitsEnabled"), true}, {s("rpsLimit"), 500}, {s("windowLimit"), 50},
                       {s("failoverStatuses"), s("0x45 0x58 0x14 0x08")}, {s("statusMap"), statusMap}});
    };
    const qint64 primary = vendor("Demo vendor (emulator)");
    const qint64 backup = vendor("Demo backup vendor (emulator)");

    MessagingConfigStore store(db);
    // Pizza Planet Delivery: pay-as-you-go SMS in euros with a credit limit, so every part costs money.
    const auto [demoClient, demoClientName] = store.agreementCompany(agreements.value(2).id);
    create(entities::clientSmppConnections,
           {{s("name"), QString(demoClientName + s(" SMPP"))}, {s("companyId"), demoClient}, {s("network"), s("127.0.0.1/32, ::1")},
            {s("login"), s(demomessaging::clientLogin)}, {s("password"), s(demomessaging::clientPassword)},
            {s("defaultDataCoding"), s("gsm7")}, {s("throughputLimit"), 2000}});

    int seeded = 0;
    for (const DemoAgreement &agreement : agreements) {
        if (seeded == 8)
            break;
        const QString company = store.agreementCompany(agreement.id).second;
        if (company.isEmpty())
            continue;
        create(entities::senderIds,
               {{s("channel"), s("sms")}, {s("senderId"), senderFrom(company)}, {s("name"), company}, {s("agreementId"), agreement.id}, {s("status"), s("active")},
                {s("vendorType"), s("smpp")}, {s("vendorConnectionId"), primary},
                {s("failoverConnectionIds"), QJsonArray{backup}}, {s("notificationsEnabled"), true},
                {s("triggerPercent"), 60}, {s("minimalCount"), 40}, {s("windowMinutes"), 20}});
        ++seeded;
    }

    const qint64 http = create(entities::httpConnections,
                               {{s("name"), s(demomessaging::httpConnectionName)}, {s("vendorType"), s("transitSms")},
                                {s("vendorUrl"), s("http://127.0.0.1:8090")}, {s("apiToken"), s(demomessaging::httpApiToken)},
                                {s("limitsEnabled"), true}, {s("rpsLimit"), 50}, {s("windowLimit"), 10}});
    create(entities::senderIds,
           {{s("channel"), s("sms")}, {s("senderId"), s("PizzaHTTP")}, {s("name"), s("Pizza Planet (HTTP route)")},
            {s("agreementId"), agreements.value(2).id}, {s("status"), s("active")}, {s("vendorType"), s("http")},
            {s("httpConnectionId"), http}, {s("httpLogin"), s("pizza-transit")}, {s("httpPassword"), s("Transit-2026")}});

    // A customer who asked not to be messaged: every send to this number is refused at admission.
    create(entities::stopList, {{s("companyId"), demoClient}, {s("number"), s(demomessaging::stoppedNumber)},
                                {s("reason"), s("Asked by phone not to receive promotions")}});

    const qint64 keyId = create(entities::apiKeys, {{s("companyId"), demoClient}, {s("name"), s("Demo integration")},
                                                    {s("validity"), s("never")}});
    // Demo only: a key everyone can read in the README instead of the random one shown once.
    const QString key = s(demomessaging::apiKey);
    store.storeApiKey(keyId, ApiKeyRules::digest(key), key.left(10));
    MessagingChanges::changed();
}

void pointDemoVendorConnections(QSqlDatabase db, quint16 emulatorPort)
{
    MessagingConfigStore(db).pointVendorConnections(s(demomessaging::vendorSystemId), s("127.0.0.1"), emulatorPort);
    MessagingChanges::changed();
}

void pointDemoHttpConnection(QSqlDatabase db, const QString &emulatorUrl)
{
    MessagingConfigStore(db).pointHttpConnection(s(demomessaging::httpConnectionName), emulatorUrl);
    MessagingChanges::changed();
}

} // namespace backoffice::server
