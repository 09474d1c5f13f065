#include "ServerInstance.h"

#include "AdditionalFeeRules.h"
#include "ApiException.h"
#include "AuthRoutes.h"
#include "AuthService.h"
#include "AuthStore.h"
#include "BillingRoutes.h"
#include "Database.h"
#include "DictionaryRoutes.h"
#include "DemoData.h"
#include "DemoMessaging.h"
#include "DemoServices.h"
#include "EdrRecord.h"
#include "DestinationResolver.h"
#include "EntityCatalogue.h"
#include "EntityRoutes.h"
#include "EntityService.h"
#include "FeeCharges.h"
#include "FeeEntities.h"
#include "FeePricing.h"
#include "FeeRoutes.h"
#include "HttpFrontend.h"
#include "InvoiceRoutes.h"
#include "Invoicing.h"
#include "MessagingEngine.h"
#include "MessagingRoutes.h"
#include "MetaRoutes.h"
#include "MessagingStore.h"
#include "Migrations.h"
#include "PackPurchases.h"
#include "ScaleAdjustments.h"
#include "PasswordHasher.h"
#include "PaymentExpiry.h"
#include "QuoteRoutes.h"
#include "RateImportJobs.h"
#include "RateImportRoutes.h"
#include "RatingEngine.h"
#include "RatingRoutes.h"
#include "RerateJob.h"
#include "RerateRoutes.h"
#include "SenderIdPeriodicFees.h"
#include "SendApiRoutes.h"
#include "TransitSmsEmulator.h"
#include "TransitSmsWebhook.h"
#include "Router.h"
#include "StorageError.h"
#include "TlsFiles.h"
#include "Transaction.h"
#include "VendorEmulator.h"

#include <QLoggingCategory>
#include <QTimer>

namespace backoffice::server {

namespace {
Q_LOGGING_CATEGORY(lcServer, "backoffice.server")
constexpr int BillingJobsIntervalMs = 60 * 1000;
} // namespace

struct ServerInstance::Private {
    ServerOptions options;
    std::unique_ptr<Database> database;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<EntityService> entities;
    std::unique_ptr<DestinationResolver> destinations;
    std::unique_ptr<RatingEngine> rating;
    std::unique_ptr<rateimport::RateImportJobs> rateImports;
    std::unique_ptr<smpp::VendorEmulator> emulator;
    std::unique_ptr<TransitSmsEmulator> httpEmulator;
    std::unique_ptr<MessagingEngine> messaging;
    std::unique_ptr<Router> router;
    std::unique_ptr<HttpFrontend> http;
    std::unique_ptr<QTimer> billingJobs;
    std::unique_ptr<PackPurchases> packPurchases;
    std::unique_ptr<ScaleAdjustments> scaleAdjustments;
    std::unique_ptr<FeePricing> feePricing;
    std::unique_ptr<FeeCharges> feeCharges;
    std::unique_ptr<SenderIdPeriodicFees> periodicFees;

    // A charge no message caused (packs, fees): through the engine's writer so its in-memory
    // balances follow, or straight to storage when no engine runs (yet).
    void writeOff(const ChargeRecord &charge)
    {
        if (messaging) {
            messaging->writeOffCharge(charge);
            return;
        }
        MessagingStore store(database->connection());
        Transaction transaction(database->connection());
        if (store.insertCharge(charge))
            store.addToBalance(charge.agreementId, charge.currency, -charge.amount, charge.amount, charge.chargedAt);
        transaction.commit();
    }

    std::unique_ptr<RerateJob> rerate;
    bool rerateQueued = false; // a continuation of the rerate job is waiting in the event loop
};

ServerInstance::ServerInstance(ServerOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
}

ServerInstance::~ServerInstance()
{
    stop();
}

bool ServerInstance::start(QString *error)
{
    if (!PasswordHasher::initialize()) {
        *error = QStringLiteral("libsodium could not be initialised");
        return false;
    }
    d->database = std::make_unique<Database>(d->options.databasePath);
    if (!d->database->open(error))
        return false;
    if (!Migrations::apply(d->database->connection(), error))
        return false;
    try {
        syncSystemRoles(d->database->connection(), QDateTime::currentDateTimeUtc());
        d->auth = std::make_unique<AuthService>(*d->database);
        d->entities = std::make_unique<EntityService>(*d->database, *d->auth);
        d->destinations = std::make_unique<DestinationResolver>(*d->database);
        d->rating = std::make_unique<RatingEngine>(*d->database);
        d->router = std::make_unique<Router>();
        addMetaRoutes(*d->router, *d->database, *d->entities);
        addDictionaryRoutes(*d->router, *d->database, *d->entities, *d->destinations);
        addAuthRoutes(*d->router, *d->auth);
        addRatingRoutes(*d->router, *d->database, *d->entities);
        addQuoteRoutes(*d->router, *d->entities, *d->rating, *d->destinations);
        addBillingRoutes(*d->router, *d->database, *d->entities, *d->rating);
        addInvoiceRoutes(*d->router, *d->database, *d->entities);
        d->feePricing = std::make_unique<FeePricing>(*d->database, *d->rating);
        d->feeCharges = std::make_unique<FeeCharges>(
            *d->database, [this](const ChargeRecord &charge) { d->writeOff(charge); },
            [this] {
                if (d->messaging)
                    d->messaging->flush();
            });
        d->entities->setRules(entities::additionalFees, std::make_shared<AdditionalFeeRules>(*d->feePricing, *d->feeCharges));
        d->periodicFees = std::make_unique<SenderIdPeriodicFees>(*d->database, *d->feePricing, *d->feeCharges);
        addFeeRoutes(*d->router, *d->database, *d->feePricing, *d->feeCharges);
        addRerateRoutes(*d->router, *d->database, *d->entities, [this] { runRerateSoon(); });
        d->rateImports = std::make_unique<rateimport::RateImportJobs>();
        addRateImportRoutes(*d->router, *d->database, *d->entities, *d->rateImports);
        for (const EntityDescriptor &entity : EntityCatalogue::all())
            addEntityRoutes(*d->router, *d->entities, entity);
        if (d->options.seedDemoData)
            DemoData(*d->entities, d->database->connection()).seedIfEmpty();
        if (d->options.emulateVendorPort) {
            smpp::VendorEmulatorConfig emulator;
            emulator.port = *d->options.emulateVendorPort;
            d->emulator = std::make_unique<smpp::VendorEmulator>(emulator);
            if (!d->emulator->start(error))
                return false;
            TransitSmsEmulator::Config http;
            http.apiToken = QString::fromLatin1(demomessaging::httpApiToken);
            d->httpEmulator = std::make_unique<TransitSmsEmulator>(http);
            if (!d->httpEmulator->start(error))
                return false;
            if (d->options.seedDemoData) {
                pointDemoVendorConnections(d->database->connection(), d->emulator->port());
                pointDemoHttpConnection(d->database->connection(), d->httpEmulator->baseUrl());
            }
        }
        if (d->options.messaging) {
            MessagingOptions messaging;
            messaging.smppAddress = d->options.smppAddress;
            messaging.smppPort = d->options.smppPort;
            messaging.callbackRetryDelaysMs = d->options.callbackRetryDelaysMs;
            if (d->options.smppTlsPort) {
                QSslConfiguration tls;
                if (!loadServerTls(d->options.smppTlsCertificatePath, d->options.smppTlsKeyPath, &tls, error))
                    return false;
                messaging.smppTls = tls;
                messaging.smppTlsAddress = d->options.smppTlsAddress;
                messaging.smppTlsPort = *d->options.smppTlsPort;
            }
            d->messaging = std::make_unique<MessagingEngine>(*d->database, *d->destinations, *d->rating, messaging);
            if (!d->messaging->start(error))
                return false;
            addSendApiRoutes(*d->router, *d->database, *d->messaging);
            addMessagingRoutes(*d->router, *d->entities, *d->messaging);
            addTransitSmsWebhook(*d->router, *d->messaging);
        }
    } catch (const StorageError &e) {
        *error = QStringLiteral("Cannot prepare the database %1: %2").arg(d->options.databasePath, e.message());
        return false;
    } catch (const ApiException &e) {
        // Only the demo data set writes here; a refusal means the data set and the rules disagree.
        QStringList details;
        for (auto it = e.fields.begin(); it != e.fields.end(); ++it)
            details << it.key() + QStringLiteral(": ") + it.value();
        *error = QStringLiteral("The demo data set was refused: %1 %2").arg(e.message, details.join(QStringLiteral("; ")));
        return false;
    }
    d->http = std::make_unique<HttpFrontend>(*d->router, *d->auth);
    if (!d->http->listen(d->options.address, d->options.port, error))
        return false;
    if (d->messaging)
        d->messaging->setWebhookBaseUrl(baseUrl());
    d->packPurchases = std::make_unique<PackPurchases>(*d->database, *d->rating,
                                                       [this](const ChargeRecord &charge) { d->writeOff(charge); });
    d->scaleAdjustments = std::make_unique<ScaleAdjustments>(*d->database,
                                                             [this](const ChargeRecord &charge) { d->writeOff(charge); });
    d->rerate = std::make_unique<RerateJob>(*d->database, *d->rating, *d->destinations, [this](const ChargeRecord &charge) {
        if (d->messaging)
            d->messaging->followStoredCharge(charge);
    });
    try {
        // Before the first billing-job run, which then goes on with them.
        d->rerate->recoverInterrupted(QDateTime::currentDateTimeUtc());
    } catch (const StorageError &e) {
        // They stay RUNNING, and the job goes on with RUNNING tasks all the same.
        qCWarning(lcServer) << "rerate tasks interrupted by the last stop could not be marked:" << e.message();
    }
    // Scheduled finance work; the first run at once, so what expired while the server was down goes.
    d->billingJobs = std::make_unique<QTimer>();
    d->billingJobs->setInterval(BillingJobsIntervalMs);
    connect(d->billingJobs.get(), &QTimer::timeout, this, [this] { runBillingJobs(QDateTime::currentDateTimeUtc()); });
    d->billingJobs->start();
    QTimer::singleShot(0, this, [this] { runBillingJobs(QDateTime::currentDateTimeUtc()); });
    return true;
}

void ServerInstance::runBillingJobs(const QDateTime &now)
{
    if (!d->database)
        return;
    try {
        PaymentExpiry(*d->database).run(now);
        int charged = d->packPurchases ? d->packPurchases->run(now) : 0;
        charged += d->scaleAdjustments ? d->scaleAdjustments->run(now) : 0;
        if (charged > 0 && d->messaging)
            d->messaging->flush(); // the charges are in the invoices made next
        if (d->feeCharges)
            d->feeCharges->recover(now); // fees whose charge the writer did not get to store
        if (d->periodicFees)
            d->periodicFees->run(now); // flushes what it charged, for the invoices made next
        if (d->rerate && d->rerate->run(now))
            runRerateSoon(); // a long task goes on in slices, the API answering in between
        Invoicing(*d->database).run(now);
    } catch (const StorageError &e) {
        qCWarning(lcServer) << "billing jobs failed:" << e.message();
    }
}

void ServerInstance::runRerateSoon()
{
    if (d->rerateQueued)
        return;
    d->rerateQueued = true;
    QTimer::singleShot(0, this, [this] {
        d->rerateQueued = false;
        try {
            if (d->rerate && d->rerate->run(QDateTime::currentDateTimeUtc(), RerateJob::Pass::Continuation))
                runRerateSoon();
        } catch (const StorageError &e) {
            qCWarning(lcServer) << "EDR rerate failed:" << e.message();
        }
    });
}

void ServerInstance::stop()
{
    d->billingJobs.reset();
    d->packPurchases.reset();
    d->scaleAdjustments.reset();
    d->periodicFees.reset();
    d->rerate.reset();
    if (d->http)
        d->http->close();
    d->http.reset();
    if (d->messaging)
        d->messaging->stop();
    d->messaging.reset();
    if (d->emulator)
        d->emulator->stop();
    d->emulator.reset();
    d->httpEmulator.reset();
    d->router.reset();
    d->rating.reset();
    d->destinations.reset();
    d->entities.reset();
    d->feeCharges.reset();
    d->feePricing.reset();
    d->auth.reset();
    d->database.reset();
}

quint16 ServerInstance::port() const
{
    return d->http ? d->http->port() : 0;
}

QString ServerInstance::baseUrl() const
{
    QString host = d->options.address.toString();
    if (d->options.address == QHostAddress::Any || d->options.address == QHostAddress::AnyIPv4)
        host = QStringLiteral("127.0.0.1");
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("http://%1:%2/").arg(host).arg(port());
}

Database *ServerInstance::database() const
{
    return d->database.get();
}

QStringList ServerInstance::routes() const
{
    QStringList list;
    if (d->router) {
        for (const Route &route : d->router->routes())
            list << route.method + QLatin1Char(' ') + route.pattern;
    }
    return list;
}

EntityService *ServerInstance::entityService() const
{
    return d->entities.get();
}

MessagingEngine *ServerInstance::messagingEngine() const
{
    return d->messaging.get();
}

quint16 ServerInstance::emulatorPort() const
{
    return d->emulator ? d->emulator->port() : 0;
}

quint16 ServerInstance::smppPort() const
{
    return d->messaging ? d->messaging->smppPort() : 0;
}

quint16 ServerInstance::smppTlsPort() const
{
    return d->messaging ? d->messaging->smppTlsPort() : 0;
}

QString ServerInstance::demoAdminLogin()
{
    return DemoData::adminLogin();
}

QString ServerInstance::demoPassword()
{
    return DemoData::password();
}

} // namespace backoffice::server
