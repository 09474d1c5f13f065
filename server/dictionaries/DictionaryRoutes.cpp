#include "DictionaryRoutes.h"

#include "ApiException.h"
#include "CodeTables.h"
#include "Database.h"
#include "DestinationResolver.h"
#include "MobileNetworks.h"
#include "NumberPrefixImport.h"
#include "Router.h"
#include "SessionContext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace backoffice::server {

namespace {

RouteDoc doc(const char *summary, const char *tag, const char *schema, QList<int> errors = {401})
{
    RouteDoc d;
    d.summary = QString::fromLatin1(summary);
    d.tag = QString::fromLatin1(tag);
    d.responseSchema = QString::fromLatin1(schema);
    d.errorStatuses = std::move(errors);
    return d;
}

QString queryValue(const ApiRequest &request, const char *name)
{
    return request.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
}

// offset/limit as the collections take them: limit 50 by default, at most 1000.
struct Page {
    qsizetype offset = 0;
    qsizetype limit = 50;
};

Page pageOf(const ApiRequest &request)
{
    Page page;
    QHash<QString, QString> errors;
    const QString offset = queryValue(request, "offset");
    const QString limit = queryValue(request, "limit");
    bool ok = true;
    if (!offset.isEmpty()) {
        page.offset = offset.toLongLong(&ok);
        if (!ok || page.offset < 0)
            errors.insert(QStringLiteral("offset"), QStringLiteral("must be a whole number, 0 or more"));
    }
    if (!limit.isEmpty()) {
        page.limit = limit.toLongLong(&ok);
        if (!ok || page.limit < 1 || page.limit > 1000)
            errors.insert(QStringLiteral("limit"), QStringLiteral("must be a whole number from 1 to 1000"));
    }
    if (!errors.isEmpty())
        throw ApiException::validation(errors, QStringLiteral("Some query parameters are not valid"));
    return page;
}

ApiResponse pageAnswer(const QList<QJsonObject> &matches, const Page &page)
{
    QJsonArray items;
    for (qsizetype i = page.offset; i < matches.size() && items.size() < page.limit; ++i)
        items.append(matches.at(i));
    return ApiResponse::json(QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("total"), matches.size()}});
}

bool matchesSearch(const QString &search, std::initializer_list<QString> values)
{
    if (search.isEmpty())
        return true;
    for (const QString &value : values) {
        if (value.contains(search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QJsonObject networkJson(const MobileNetworks::Network &network)
{
    return {{QStringLiteral("mcc"), network.mcc},
            {QStringLiteral("mnc"), network.mnc},
            {QStringLiteral("mccmnc"), network.mccMnc()},
            {QStringLiteral("country"), network.country},
            {QStringLiteral("countryName"), network.countryName},
            {QStringLiteral("network"), network.name()},
            {QStringLiteral("brand"), network.brand},
            {QStringLiteral("operator"), network.operatorName},
            {QStringLiteral("status"), network.status},
            {QStringLiteral("type"), network.type}};
}

ApiResponse mccList(const ApiRequest &request)
{
    const Page page = pageOf(request);
    const QString search = queryValue(request, "q");
    const QString country = queryValue(request, "country").toUpper();
    const QString mcc = queryValue(request, "mcc");
    QList<QJsonObject> matches;
    for (const MobileNetworks::CountryCode &code : MobileNetworks::instance().countryCodes()) {
        if ((!mcc.isEmpty() && code.mcc != mcc) || (!country.isEmpty() && !code.countries.contains(country)))
            continue;
        if (!matchesSearch(search,
                           {code.mcc, code.countries.join(QLatin1Char(' ')), code.countryNames.join(QLatin1Char(' '))}))
            continue;
        matches.append({{QStringLiteral("mcc"), code.mcc},
                        {QStringLiteral("countries"), QJsonArray::fromStringList(code.countries)},
                        {QStringLiteral("countryNames"), QJsonArray::fromStringList(code.countryNames)},
                        {QStringLiteral("country"), code.countries.value(0)},
                        {QStringLiteral("countryName"), code.countryNames.value(0)}});
    }
    return pageAnswer(matches, page);
}

ApiResponse mccMncList(const ApiRequest &request)
{
    const Page page = pageOf(request);
    const QString search = queryValue(request, "q");
    const QString country = queryValue(request, "country").toUpper();
    const QString mcc = queryValue(request, "mcc");
    const QString mnc = queryValue(request, "mnc");
    const QString mccMnc = queryValue(request, "mccmnc").remove(QLatin1Char('/')).remove(QLatin1Char('-'));
    QList<QJsonObject> matches;
    for (const MobileNetworks::Network &network : MobileNetworks::instance().networks()) {
        if ((!mcc.isEmpty() && network.mcc != mcc) || (!mnc.isEmpty() && network.mnc != mnc)
            || (!country.isEmpty() && network.country != country) || (!mccMnc.isEmpty() && network.mccMnc() != mccMnc))
            continue;
        if (!matchesSearch(
                search, {network.mccMnc(), network.brand, network.operatorName, network.countryName, network.country}))
            continue;
        matches.append(networkJson(network));
    }
    return pageAnswer(matches, page);
}

QByteArray csvBody(const ApiRequest &request)
{
    const QByteArray contentType = request.header("content-type").toLower();
    if (contentType.startsWith("text/csv") || contentType.startsWith("text/plain"))
        return request.body;
    const QJsonObject body = request.jsonObject();
    if (!body.value(QLatin1String("csv")).isString())
        throw ApiException::validation(
            {{QStringLiteral("csv"), QStringLiteral("is required (the CSV text, or send it as text/csv)")}});
    return body.value(QLatin1String("csv")).toString().toUtf8();
}

} // namespace

void addDictionaryRoutes(Router &router, Database &database, EntityService &entities, DestinationResolver &resolver)
{
    Q_UNUSED(entities) // number-prefixes CRUD goes through the generic entity routes
    RouteDoc mccDoc = doc("Mobile country codes (MCC) with their countries", "Dictionaries", "CodeList", {400, 401});
    mccDoc.queryParameters = {QStringLiteral("offset"), QStringLiteral("limit"), QStringLiteral("q"),
                              QStringLiteral("country"), QStringLiteral("mcc")};
    router.add(QStringLiteral("GET"), QStringLiteral("dictionaries/mcc"), mccDoc,
               [](const ApiRequest &request, const SessionContext *) { return mccList(request); });

    RouteDoc mccMncDoc = doc("Mobile networks by MCC/MNC (mcc-mnc-list)", "Dictionaries", "CodeList", {400, 401});
    mccMncDoc.queryParameters
        = {QStringLiteral("offset"), QStringLiteral("limit"), QStringLiteral("q"),     QStringLiteral("country"),
           QStringLiteral("mcc"),    QStringLiteral("mnc"),   QStringLiteral("mccmnc")};
    router.add(QStringLiteral("GET"), QStringLiteral("dictionaries/mcc-mnc"), mccMncDoc,
               [](const ApiRequest &request, const SessionContext *) { return mccMncList(request); });

    for (const CodeTable &table : codetables::all()) {
        const QByteArray summary = table.title.toUtf8() + " (key and label)";
        router.add(QStringLiteral("GET"), QStringLiteral("dictionaries/") + table.name,
                   doc(summary.constData(), "Dictionaries", "CodeList"),
                   [name = table.name](const ApiRequest &, const SessionContext *) {
                       QJsonArray items;
                       for (const CodeEntry &entry : codetables::get(name).entries)
                           items.append(QJsonObject {{QStringLiteral("key"), entry.key},
                                                     {QStringLiteral("code"), entry.key},
                                                     {QStringLiteral("label"), entry.label},
                                                     {QStringLiteral("name"), entry.label}});
                       return ApiResponse::json(
                           QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("total"), items.size()}});
                   });
    }

    router.add(QStringLiteral("GET"), QStringLiteral("dictionaries/version"),
               doc("Versions of the shipped reference data (iso-codes, mcc-mnc-list)", "Dictionaries", ""),
               [](const ApiRequest &, const SessionContext *) {
                   const QJsonObject versions = MobileNetworks::instance().dataVersions();
                   return ApiResponse::json(QJsonObject {
                       {QStringLiteral("isoCodes"), versions.value(QLatin1String("iso-codes")).toString()},
                       {QStringLiteral("mccMncList"), versions.value(QLatin1String("mcc-mnc-list")).toString()},
                       {QStringLiteral("mccMncNetworks"), MobileNetworks::instance().networks().size()}});
               });

    router.add(
        QStringLiteral("POST"), QStringLiteral("destinations/resolve"),
        doc("Country, MCC/MNC and network of a phone number {number}", "Dictionaries", "", {400, 401}),
        [&resolver](const ApiRequest &request, const SessionContext *) {
            const QJsonValue number = request.jsonObject().value(QLatin1String("number"));
            if (!number.isString())
                throw ApiException::validation({{QStringLiteral("number"), QStringLiteral("is required (a string)")}});
            return ApiResponse::json(resolver.resolve(number.toString()));
        });

    router.add(QStringLiteral("POST"), QStringLiteral("number-prefixes/import"),
               doc("Import number prefixes from CSV (prefix,country,mcc,mnc,network), all or nothing", "Dictionaries",
                   "", {400, 401, 403}),
               [&database](const ApiRequest &request, const SessionContext *session) {
                   return ApiResponse::json(NumberPrefixImport::run(database, csvBody(request), *session));
               });
}

} // namespace backoffice::server
