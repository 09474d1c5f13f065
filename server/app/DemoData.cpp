#include "DemoData.h"

#include "AuthStore.h"
#include "DemoFees.h"
#include "DemoMessaging.h"
#include "DemoNumberPrefixes.h"
#include "DemoServices.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "MessagingConfigStore.h"

#include <QJsonArray>

namespace backoffice::server {

namespace {

QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> pairs)
{
    QJsonObject o;
    for (const auto &pair : pairs)
        o.insert(pair.first, pair.second);
    return o;
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct DemoCompany {
    const char *name;
    const char *type;      // client | reseller
    const char *country;
    const char *currency;
    const char *zone;
    const char *period;    // billing period
    int parent;            // index of the reseller above it, -1: platform owner
};

// Realistic but invented companies: the demo must look like a real customer base.
const DemoCompany companies[] = {
    {"Telecom Monsters", "client", "DE", "EUR", "Europe/Berlin", "monthly", -1},
    {"Hornes and Hooves", "reseller", "GB", "GBP", "Europe/London", "monthly", -1},
    {"Pizza Planet Delivery", "client", "IT", "EUR", "Europe/Rome", "weekly", 1},
    {"Cyber Shop", "client", "ES", "EUR", "Europe/Madrid", "monthly", 1},
    {"Blue Lagoon Travel", "client", "PT", "EUR", "Europe/Lisbon", "monthly", -1},
    {"Northern Lights Bank", "client", "NO", "EUR", "Europe/Oslo", "quarterly", -1},
    {"Sunrise Pharmacy", "client", "FR", "EUR", "Europe/Paris", "monthly", -1},
    {"Metro Taxi Group", "client", "PL", "EUR", "Europe/Warsaw", "daily", -1},
    {"Atlas Logistics", "reseller", "NL", "EUR", "Europe/Amsterdam", "monthly", -1},
    {"Greenfield Energy", "client", "DK", "EUR", "Europe/Copenhagen", "monthly", 8},
    {"Harbor Insurance", "client", "IE", "EUR", "Europe/Dublin", "monthly", 8},
    {"Orion Mobile Games", "client", "FI", "EUR", "Europe/Helsinki", "weekly", -1},
    {"Kiwi Lab", "client", "NZ", "USD", "Pacific/Auckland", "monthly", -1},
    {"Andes Retail", "client", "CL", "USD", "America/Santiago", "monthly", -1},
    {"Maple Health Clinics", "client", "CA", "USD", "America/Toronto", "monthly", -1},
    {"Lone Star Auto", "client", "US", "USD", "America/Chicago", "weekly", -1},
    {"Sakura Cosmetics", "client", "JP", "USD", "Asia/Tokyo", "monthly", -1},
    {"Bosphorus Foods", "client", "TR", "EUR", "Europe/Istanbul", "monthly", -1},
    {"Danube Fintech", "client", "AT", "EUR", "Europe/Vienna", "daily", -1},
    {"Prague Ticketing", "client", "CZ", "EUR", "Europe/Prague", "monthly", -1},
    {"Baltic Couriers", "client", "LT", "EUR", "Europe/Vilnius", "weekly", -1},
    {"Helvetia Watches", "client", "CH", "EUR", "Europe/Zurich", "quarterly", -1},
    {"Gulf Star Airlines", "client", "AE", "USD", "Asia/Dubai", "monthly", -1},
    {"Cape Wine Estates", "client", "ZA", "USD", "Africa/Johannesburg", "monthly", -1},
    {"Mumbai Spice Market", "client", "IN", "USD", "Asia/Kolkata", "monthly", -1},
    {"Aegean Ferries", "client", "GR", "EUR", "Europe/Athens", "monthly", -1},
    {"Nordic Fitness Club", "client", "SE", "EUR", "Europe/Stockholm", "monthly", -1},
    {"Iberia Real Estate", "client", "ES", "EUR", "Europe/Madrid", "monthly", -1},
    {"Carpathian Telecom", "reseller", "RO", "EUR", "Europe/Bucharest", "monthly", -1},
    {"Transilvania Tours", "client", "RO", "EUR", "Europe/Bucharest", "weekly", 28},
    {"Adriatic Marinas", "client", "HR", "EUR", "Europe/Zagreb", "monthly", 28},
    {"Pacific Surf School", "client", "AU", "USD", "Australia/Sydney", "monthly", -1},
    {"Kilimanjaro Safaris", "client", "TZ", "USD", "Africa/Dar_es_Salaam", "monthly", -1},
    {"Samoa Island Resorts", "client", "WS", "USD", "Pacific/Apia", "monthly", -1},
};

struct DemoBank {
    const char *name;
    const char *country;
    const char *address;
    const char *swift;
};

const DemoBank banks[] = {
    {"Prague Financial House", "CZ", "Na Prikope 28, Prague", "PFHBCZPP"},
    {"Vienna Credit Union", "AT", "Graben 21, Vienna", "VCUBATWW"},
    {"Iberian Financial Network", "ES", "Paseo de la Castellana 45, Madrid", "IFNBESMM"},
    {"Nordic Capital Partners", "NO", "Karl Johans gate 12, Oslo", "NCPKNOKK"},
    {"Baltic Commerce Bank", "SE", "Kungsgatan 8, Stockholm", "BCBSSESS"},
    {"Thames Merchant Bank", "GB", "1 Lombard Street, London", "TMBKGB2LXXX"},
    {"Rhine Savings Bank", "DE", "Koenigsallee 60, Duesseldorf", "RSBKDEDD"},
    {"Atlantic Trust Company", "US", "200 Park Avenue, New York", "ATCOUS33"},
};

} // namespace

QString makeIban(const QString &country, const QString &bban)
{
    const QString rearranged = bban + country + QStringLiteral("00");
    int remainder = 0;
    for (const QChar c : rearranged) {
        const QString digits = c.isLetter() ? QString::number(c.toUpper().unicode() - 'A' + 10) : QString(c);
        for (const QChar d : digits)
            remainder = (remainder * 10 + d.digitValue()) % 97;
    }
    return country + QStringLiteral("%1").arg(98 - remainder, 2, 10, QLatin1Char('0')) + bban;
}

DemoData::DemoData(EntityService &entities, QSqlDatabase db)
    : m_entities(entities)
    , m_db(std::move(db))
    , m_session(systemSession())
{
}

QString DemoData::adminLogin()
{
    return QStringLiteral("admin");
}

QString DemoData::password()
{
    return QStringLiteral("Demo-pass-2026");
}

SessionContext DemoData::systemSession()
{
    SessionContext session;
    session.login = QStringLiteral("system");
    session.kind = QStringLiteral("backoffice");
    session.companyId = 1;
    session.platformStaff = true;
    session.noRestrictions = true;
    session.isAdmin = true;
    session.permissions = PermissionCatalogue::everything(UserGroup::BackOffice);
    session.actor = Actor{0, QStringLiteral("demo-data")};
    return session;
}

QJsonObject DemoData::create(const QString &entity, const QJsonObject &record)
{
    return m_entities.create(EntityCatalogue::get(entity), record, m_session);
}

qint64 DemoData::createId(const QString &entity, const QJsonObject &record)
{
    return create(entity, record).value(QLatin1String("id")).toInteger();
}

qint64 DemoData::roleId(const QString &systemKey)
{
    return AuthStore(m_db).systemRoleId(systemKey);
}

void DemoData::createUser(const QJsonObject &record)
{
    QJsonObject withPassword = record;
    withPassword.insert(QStringLiteral("password"), password());
    AuthStore(m_db).waivePasswordChange(createId(entities::users, withPassword));
}

bool DemoData::seedIfEmpty()
{
    seedDemoNumberPrefixes(m_db); // dictionaries: shipped prefixes, idempotent (also fills older demo files)
    if (AuthStore(m_db).hasCompaniesBesidesOwner()) {
        // A demo file from before the messaging engine: give it the messaging set-up too.
        MessagingConfigStore store(m_db);
        if (!store.hasVendorConnections()) {
            QList<DemoAgreement> agreements;
            for (qint64 id : store.agreementIds())
                agreements.append({id, {}, {}});
            if (agreements.size() >= 3)
                seedDemoMessaging(m_entities, m_db, m_session, agreements);
        }
        return false;
    }

    const qint64 ownUk = createId(entities::ownLegalEntities,
                                  obj({{s("name"), s("Nordwave Messaging Ltd")}, {s("companyId"), 1},
                                       {s("legalCompanyName"), s("Nordwave Messaging Limited")}, {s("country"), s("GB")},
                                       {s("legalId"), s("12845761")}, {s("vatId"), s("GB284576110")},
                                       {s("taxId"), s("284576110")}, {s("isDefault"), true},
                                       {s("taxRate"), s("20")}, {s("taxLabel"), s("VAT")}, {s("invoicePrefix"), s("NWL-")},
                                       {s("legalAddress"), s("5 Harbour Exchange Square, London E14 9GE")},
                                       {s("billingAddress"), s("5 Harbour Exchange Square, London E14 9GE")}}));
    const qint64 ownEs = createId(entities::ownLegalEntities,
                                  obj({{s("name"), s("Nordwave Iberia S.L.")}, {s("companyId"), 1},
                                       {s("legalCompanyName"), s("Nordwave Iberia Sociedad Limitada")},
                                       {s("country"), s("ES")}, {s("legalId"), s("B87654321")},
                                       {s("vatId"), s("ESB87654321")}, {s("taxRate"), s("21")}, {s("taxLabel"), s("IVA")},
                                       {s("invoicePrefix"), s("NWI-")},
                                       {s("legalAddress"), s("Calle de Alcala 120, 28009 Madrid")}}));
    m_entities.update(EntityCatalogue::get(entities::companies), 1, {{s("ownLegalEntityId"), ownUk}}, m_session);

    QList<qint64> bankIds;
    for (const DemoBank &bank : banks)
        bankIds << createId(entities::banks, obj({{s("name"), s(bank.name)}, {s("country"), s(bank.country)},
                                                  {s("address"), s(bank.address)}, {s("swiftCode"), s(bank.swift)},
                                                  {s("branchCode"), s("001")}}));
    const qint64 ownAccountUk =
        createId(entities::ownBankAccounts,
                 obj({{s("name"), s("Main GBP account")}, {s("ownLegalEntityId"), ownUk}, {s("bankId"), bankIds[5]},
                      {s("accountHolder"), s("Nordwave Messaging Limited")},
                      {s("accountNumber"), makeIban(s("GB"), s("TMBK40051512345678"))}}));
    const qint64 ownAccountEs =
        createId(entities::ownBankAccounts,
                 obj({{s("name"), s("Main EUR account")}, {s("ownLegalEntityId"), ownEs}, {s("bankId"), bankIds[2]},
                      {s("accountHolder"), s("Nordwave Iberia S.L.")},
                      {s("accountNumber"), makeIban(s("ES"), s("21000418450200051332"))}}));

    QList<qint64> companyIds;
    QList<DemoAgreement> agreementsForServices;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int thisYear = now.date().year();
    int index = 0;
    for (const DemoCompany &company : companies) {
        const bool reseller = QLatin1String(company.type) == QLatin1String("reseller");
        QJsonObject record = obj({{s("name"), s(company.name)}, {s("enabled"), true}, {s("type"), s(company.type)},
                                  {s("ownLegalEntityId"), index % 3 == 0 ? ownEs : ownUk},
                                  {s("creatorOfResellers"), reseller && index == 1},
                                  {s("moderation"), index % 5 == 0},
                                  {s("channels"), QJsonArray{s("sms"), s("whatsapp")}},
                                  {s("description"), QStringLiteral("Demo customer since %1").arg(thisYear - 1 - index % 3)}});
        if (company.parent >= 0)
            record.insert(s("parentCompanyId"), companyIds.at(company.parent));
        const qint64 companyId = createId(entities::companies, record);
        companyIds << companyId;
        if (reseller) // a reseller invoices its own clients from its own legal entity
            createId(entities::ownLegalEntities,
                     obj({{s("name"), QString(s(company.name) + s(" Billing"))}, {s("companyId"), companyId},
                          {s("legalCompanyName"), QString(s(company.name) + s(" Billing Ltd"))}, {s("country"), s(company.country)},
                          {s("legalId"), QStringLiteral("RS-%1").arg(7000 + index)}}));

        const QString legalName = s(company.name) + (index % 2 ? s(" Ltd") : s(" S.A."));
        const qint64 legalEntityId =
            createId(entities::legalEntities,
                     obj({{s("name"), s(company.name)}, {s("companyId"), companyId}, {s("legalCompanyName"), legalName},
                          {s("country"), s(company.country)}, {s("taxId"), QStringLiteral("TX%1").arg(100200 + index)},
                          {s("legalId"), QStringLiteral("REG-%1").arg(55000 + index * 7)},
                          {s("legalAddress"), QStringLiteral("%1 Market Street").arg(10 + index)},
                          {s("billingAddress"), QStringLiteral("PO Box %1").arg(400 + index)}}));
        if (index % 4 == 0)
            createId(entities::legalEntities,
                     obj({{s("name"), QString(s(company.name) + s(" (branch)"))}, {s("companyId"), companyId},
                          {s("legalCompanyName"), QString(legalName + s(" Branch"))}, {s("country"), s(company.country)}}));
        const qint64 bankAccountId =
            createId(entities::bankAccounts,
                     obj({{s("name"), QString(s(company.name) + s(" main"))}, {s("companyId"), companyId},
                          {s("legalEntityId"), legalEntityId}, {s("bankId"), bankIds.at(index % bankIds.size())},
                          {s("accountHolder"), legalName},
                          {s("accountNumber"), makeIban(s("DE"), QStringLiteral("3704004405320%1").arg(13000 + index, 5, 10, QLatin1Char('0')))}}));

        // Three versions: one expired, the one in force, and an upcoming one with new terms.
        const QString zone = s(company.zone);
        const QString firstFrom = QStringLiteral("%1-01-01T00:00:00").arg(thisYear - 1);
        const QString secondFrom = QStringLiteral("%1-07-01T00:00:00").arg(thisYear - 1);
        const QString thirdFrom = QStringLiteral("%1-01-01T00:00:00").arg(thisYear + 1);
        const QJsonObject agreement =
            create(entities::agreements,
                   obj({{s("companyId"), companyId}, {s("direction"), s("client")}, {s("legalEntityId"), legalEntityId},
                        {s("ownLegalEntityId"), index % 3 == 0 ? ownEs : ownUk}, {s("bankAccountId"), bankAccountId},
                        {s("ownBankAccountId"), index % 3 == 0 ? ownAccountEs : ownAccountUk},
                        {s("code"), QStringLiteral("NW-%1-%2").arg(thisYear - 1).arg(1000 + index)},
                        {s("agreementDate"), QStringLiteral("%1-12-15").arg(thisYear - 2)},
                        {s("currency"), s(company.currency)},
                        {s("invoiceEmails"), QStringLiteral("billing@%1.example").arg(index)},
                        {s("accountEmails"), QStringLiteral("accounts@%1.example").arg(index)},
                        {s("versionCode"), s("v1")}, {s("effectiveFrom"), firstFrom}, {s("effectiveFromZone"), zone},
                        {s("effectiveTill"), secondFrom}, {s("effectiveTillZone"), zone},
                        {s("creditLimit"), s("500.00")}, {s("billingTimeZone"), zone}, {s("daysForPayment"), 14},
                        {s("billingPeriod"), s(company.period)}}));
        const qint64 agreementId = agreement.value(s("id")).toInteger();
        agreementsForServices.append({agreementId, s(company.currency), zone});
        create(entities::agreementVersions,
               obj({{s("agreementId"), agreementId}, {s("versionCode"), s("v2")}, {s("effectiveFrom"), secondFrom},
                    {s("effectiveFromZone"), zone}, {s("effectiveTill"), thirdFrom}, {s("effectiveTillZone"), zone},
                    {s("creditLimit"), index % 4 == 0 ? QJsonValue() : QJsonValue(QStringLiteral("%1.00").arg(1000 + index * 250))},
                    {s("billingTimeZone"), zone}, {s("daysForPayment"), 30}, {s("billingPeriod"), s(company.period)}}));
        create(entities::agreementVersions,
               obj({{s("agreementId"), agreementId}, {s("versionCode"), s("v3")}, {s("effectiveFrom"), thirdFrom},
                    {s("effectiveFromZone"), zone}, {s("creditLimit"), QStringLiteral("%1.00").arg(2000 + index * 250)},
                    {s("billingTimeZone"), zone}, {s("daysForPayment"), 30}, {s("billingPeriod"), s("monthly")},
                    {s("billingDay"), 1}}));
        ++index;
    }

    seedDemoServices(m_entities, m_db, m_session, agreementsForServices);
    seedDemoMessaging(m_entities, m_db, m_session, agreementsForServices);
    seedDemoFees(m_entities, m_session);

    const QList<QPair<const char *, const char *>> staff{{"admin", "admin"},
                                                          {"client.manager", "client-manager"},
                                                          {"finance.manager", "finance-manager"},
                                                          {"noc.engineer", "noc-engineer"},
                                                          {"rate.manager", "rate-manager"}};
    const QStringList firstNames{s("Morgan"), s("Alice"), s("Bruno"), s("Chen"), s("Dana")};
    const QStringList lastNames{s("Freeman"), s("Keller"), s("Moreau"), s("Li"), s("Novak")};
    for (qsizetype i = 0; i < staff.size(); ++i) {
        const QString login = s(staff[i].first);
        createUser(obj({{s("kind"), s("backoffice")}, {s("companyId"), 1}, {s("login"), login},
                        {s("firstName"), firstNames[i]}, {s("lastName"), lastNames[i]},
                        {s("email"), QString(login + s("@nordwave.example"))}, {s("jobTitle"), s(staff[i].second)},
                        {s("language"), s("en")}, {s("timeZone"), s("Europe/London")}, {s("enabled"), true},
                        {s("noRestrictions"), login == adminLogin()},
                        {s("roleIds"), QJsonArray{roleId(s(staff[i].second))}}}));
    }
    createUser(obj({{s("kind"), s("backoffice")}, {s("companyId"), companyIds[1]}, {s("login"), s("reseller.manager")},
                    {s("firstName"), s("Rita")}, {s("lastName"), s("Hornes")}, {s("email"), s("rita@hornes.example")},
                    {s("enabled"), true}, {s("roleIds"), QJsonArray{roleId(s("client-manager"))}}}));
    const QList<QPair<const char *, const char *>> portal{{"portal.admin", "portal-admin"},
                                                           {"portal.broadcast", "portal-broadcast-manager"},
                                                           {"portal.finance", "portal-finance-manager"},
                                                           {"portal.noc", "portal-noc-engineer"}};
    for (qsizetype i = 0; i < portal.size(); ++i) {
        const QString login = s(portal[i].first);
        createUser(obj({{s("kind"), s("portal")}, {s("companyId"), companyIds[i]}, {s("login"), login},
                        {s("firstName"), firstNames[(i + 1) % 5]}, {s("lastName"), lastNames[(i + 2) % 5]},
                        {s("email"), QString(login + s("@client.example"))},
                        {s("department"), i == 0 ? s("Admin") : s("First line support")}, {s("enabled"), true},
                        {s("roleIds"), QJsonArray{roleId(s(portal[i].second))}}}));
    }
    create(entities::roles, obj({{s("name"), s("Auditor")}, {s("group"), s("backoffice")},
                                 {s("description"), s("Reads everything in account management and the audit log")},
                                 {s("permissions"), obj({{s("companies"), s("view")}, {s("legalEntities"), s("view")},
                                                         {s("agreements"), s("view")}, {s("banks"), s("view")},
                                                         {s("bankAccounts"), s("view")}, {s("audit"), s("view")},
                                                         {s("export"), s("manage")}})}}));
    return true;
}

} // namespace backoffice::server
