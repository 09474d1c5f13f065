#include "OpenApi.h"

#include "EntityCatalogue.h"
#include "Router.h"

#include <QJsonArray>

namespace backoffice::server {

namespace {

QJsonObject ref(const QString &name)
{
    return {{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + name)}};
}

QString schemaName(const QString &routeSchema)
{
    if (routeSchema.startsWith(QLatin1String("entity:"))) {
        const EntityDescriptor *entity = EntityCatalogue::find(routeSchema.mid(7));
        const QString name = entity ? entity->singular : routeSchema.mid(7);
        QString pascal; // "Legal entity" -> "LegalEntity"
        for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            pascal += word.front().toUpper() + word.mid(1);
        return pascal;
    }
    return routeSchema;
}

QJsonObject fieldSchema(const FieldDescriptor &field)
{
    QJsonObject s;
    auto type = [&s](const char *t, const char *format = nullptr) {
        s.insert(QStringLiteral("type"), QLatin1String(t));
        if (format)
            s.insert(QStringLiteral("format"), QLatin1String(format));
    };
    switch (field.type) {
    case FieldType::Id:
    case FieldType::Integer:
    case FieldType::Reference: type("integer", "int64"); break;
    case FieldType::Bool: type("boolean"); break;
    case FieldType::Money: type("string", "decimal"); s.insert(QStringLiteral("pattern"), QStringLiteral("^\\d+(\\.\\d{1,6})?$")); break;
    case FieldType::Date: type("string", "date"); break;
    case FieldType::DateTime: type("string", "date-time"); break;
    case FieldType::Country: type("string"); s.insert(QStringLiteral("description"), QStringLiteral("ISO 3166-1 alpha-2")); break;
    case FieldType::Currency: type("string"); s.insert(QStringLiteral("description"), QStringLiteral("ISO 4217")); break;
    case FieldType::TimeZone: type("string"); s.insert(QStringLiteral("description"), QStringLiteral("IANA time zone")); break;
    case FieldType::EmailList: type("string"); s.insert(QStringLiteral("description"), QStringLiteral("comma separated e-mail addresses")); break;
    case FieldType::StringList: type("array"); s.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}); break;
    case FieldType::ReferenceList: type("array"); s.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}); break;
    case FieldType::Json: type("object"); break;
    default: type("string"); break;
    }
    if (field.type == FieldType::Enum || (field.type == FieldType::StringList && !field.enumValues.isEmpty())) {
        QJsonArray keys;
        for (const EnumValue &value : field.enumValues)
            keys.append(value.key);
        if (field.type == FieldType::Enum)
            s.insert(QStringLiteral("enum"), keys);
        else
            s.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                          {QStringLiteral("enum"), keys}});
    }
    if (field.maxLength > 0)
        s.insert(QStringLiteral("maxLength"), field.maxLength);
    if (field.readOnly)
        s.insert(QStringLiteral("readOnly"), true);
    if (field.secret)
        s.insert(QStringLiteral("writeOnly"), true);
    s.insert(QStringLiteral("title"), field.label);
    if (!field.required || field.readOnly)
        s.insert(QStringLiteral("nullable"), true);
    return s;
}

QJsonObject entitySchema(const EntityDescriptor &entity)
{
    QJsonObject properties;
    QJsonArray required;
    for (const FieldDescriptor &field : entity.fields) {
        properties.insert(field.name, fieldSchema(field));
        if (field.required && !field.readOnly)
            required.append(field.name);
        if (field.isReference()) {
            QJsonObject label{{QStringLiteral("readOnly"), true}};
            if (field.type == FieldType::ReferenceList)
                label.insert(QStringLiteral("type"), QStringLiteral("array"));
            else
                label.insert(QStringLiteral("type"), QStringLiteral("string"));
            properties.insert(field.referenceLabelKey(), label);
        }
    }
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("title"), entity.singular},
                       {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), required);
    return schema;
}

QJsonObject objectSchema(std::initializer_list<std::pair<const char *, const char *>> fields)
{
    QJsonObject properties;
    for (const auto &[name, type] : fields)
        properties.insert(QLatin1String(name), QJsonObject{{QStringLiteral("type"), QLatin1String(type)}});
    return {{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
}

// A scope's rate tree: nodes in parent-first order (see model/rating for what each field means).
QJsonObject rateTreeSchema()
{
    QJsonObject node = objectSchema({{"id", "integer"}, {"parentId", "integer"}, {"position", "integer"}, {"match", "string"},
                                     {"priceType", "string"}, {"dimension", "string"}, {"price", "string"},
                                     {"scale", "object"}, {"billingRule", "string"}, {"quantityRule", "string"}});
    QJsonObject tree = objectSchema({{"scopeId", "integer"}});
    QJsonObject properties = tree.value(QLatin1String("properties")).toObject();
    properties.insert(QStringLiteral("nodes"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                           {QStringLiteral("items"), node}});
    tree.insert(QStringLiteral("properties"), properties);
    return tree;
}

QJsonObject fixedSchemas()
{
    QJsonObject error = objectSchema({{"error", "object"}});
    error.insert(QStringLiteral("properties"),
                 QJsonObject{{QStringLiteral("error"),
                              objectSchema({{"code", "string"}, {"message", "string"}, {"fields", "object"},
                                            {"references", "array"}})}});
    return {
        {QStringLiteral("Error"), error},
        {QStringLiteral("Health"), objectSchema({{"status", "string"}, {"version", "string"}, {"schemaVersion", "integer"}, {"time", "string"}})},
        {QStringLiteral("LoginRequest"), objectSchema({{"login", "string"}, {"password", "string"}})},
        {QStringLiteral("LoginResponse"), objectSchema({{"token", "string"}, {"expiresAt", "string"}, {"user", "object"},
                                                        {"permissions", "object"}, {"noRestrictions", "boolean"},
                                                        {"mustChangePassword", "boolean"}, {"passwordExpired", "boolean"}})},
        {QStringLiteral("Me"), objectSchema({{"user", "object"}, {"permissions", "object"}, {"noRestrictions", "boolean"},
                                             {"mustChangePassword", "boolean"}, {"passwordExpired", "boolean"}})},
        {QStringLiteral("PasswordChange"), objectSchema({{"currentPassword", "string"}, {"newPassword", "string"}})},
        {QStringLiteral("PermissionCatalogue"), objectSchema({{"areas", "object"}, {"systemRoles", "array"}, {"levels", "array"}})},
        {QStringLiteral("CodeList"), objectSchema({{"items", "array"}, {"total", "integer"}})},
        {QStringLiteral("RateTree"), rateTreeSchema()},
        {QStringLiteral("QuoteRequest"),
         objectSchema({{"agreementId", "integer"}, {"at", "string"}, {"atZone", "string"}, {"channel", "string"},
                       {"resource", "string"}, {"number", "string"}, {"attributes", "object"}, {"senderId", "string"},
                       {"messages", "integer"}, {"segments", "integer"}, {"periodVolume", "integer"}})},
        {QStringLiteral("Quote"),
         objectSchema({{"status", "string"}, {"priced", "boolean"}, {"reason", "string"}, {"serviceId", "integer"},
                       {"serviceName", "string"}, {"enabledServiceId", "integer"}, {"scopeId", "integer"},
                       {"currency", "string"}, {"destination", "object"}, {"attributes", "object"}, {"path", "array"},
                       {"unitPrice", "string"}, {"quantity", "integer"}, {"amount", "string"},
                       {"periodAdjustment", "string"}, {"billingRule", "string"}, {"quantityRule", "string"},
                       {"band", "integer"}, {"bandCount", "integer"}, {"bandText", "string"}, {"scaleMode", "string"},
                       {"counterGroup", "string"}, {"periodVolume", "integer"}, {"period", "object"},
                       {"explain", "string"}, {"considered", "array"}})},
        {QStringLiteral("RateImport"),
         objectSchema({{"id", "string"}, {"state", "string"}, {"progress", "object"}, {"scopeId", "integer"},
                       {"nodeId", "integer"}, {"nodeLabel", "string"}, {"resource", "string"}, {"format", "string"},
                       {"fileName", "string"}, {"fileFormat", "string"}, {"sheets", "array"}, {"sheet", "string"},
                       {"rowCount", "integer"}, {"columnCount", "integer"}, {"error", "object"},
                       {"createdAt", "string"}, {"dimensions", "array"}})},
        {QStringLiteral("SendRequest"),
         objectSchema({{"from", "string"}, {"to", "array"}, {"message", "string"}, {"label", "string"},
                       {"channels", "array"}, {"isFlashed", "boolean"}, {"acceptMO", "boolean"}})},
        {QStringLiteral("SendResponse"),
         objectSchema({{"results", "array"}, {"accepted", "integer"}, {"refused", "integer"}, {"ignored", "array"}})},
        {QStringLiteral("MessagingStatus"),
         objectSchema({{"smppPort", "integer"}, {"vendorConnections", "array"}, {"clientBinds", "array"},
                       {"partsInFlight", "integer"}, {"writer", "object"}, {"callbacks", "object"}})},
        {QStringLiteral("TrafficSeries"), objectSchema({{"minutes", "array"}, {"totals", "object"}})},
        {QStringLiteral("AgreementBalance"),
         objectSchema({{"agreementId", "integer"}, {"currency", "string"}, {"balance", "string"},
                       {"reserved", "string"}, {"creditLimit", "string"}, {"available", "string"}})},
        {QStringLiteral("PackPrice"),
         objectSchema({{"price", "string"}, {"currency", "string"}, {"pricedBy", "integer"}, {"message", "string"}})},
        {QStringLiteral("SetupFeeRequest"), objectSchema({{"mno", "string"}, {"senderIdType", "string"}})},
        {QStringLiteral("SetupFee"),
         objectSchema({{"id", "integer"}, {"senderRecordId", "integer"}, {"agreementId", "integer"}, {"mno", "string"},
                       {"senderIdType", "string"}, {"serviceId", "integer"}, {"amount", "string"}, {"currency", "string"},
                       {"transactionId", "string"}, {"chargedAt", "string"}, {"userId", "integer"}, {"explain", "string"}})},
        {QStringLiteral("FeeQuote"),
         objectSchema({{"found", "boolean"}, {"noService", "boolean"}, {"message", "string"}, {"unitPrice", "string"},
                       {"quantity", "integer"}, {"amount", "string"}, {"currency", "string"}, {"serviceId", "integer"},
                       {"serviceName", "string"}, {"effectiveFrom", "string"}, {"effectiveTill", "string"},
                       {"explain", "string"}, {"agreementId", "integer"}})},
        {QStringLiteral("SenderIdFees"),
         objectSchema({{"senderRecordId", "integer"}, {"senderId", "string"}, {"agreementId", "integer"},
                       {"currency", "string"}, {"at", "string"}, {"setupFee", "object"}, {"setupFeeWrittenOff", "object"},
                       {"periodicFee", "object"}, {"rules", "array"}})},
        {QStringLiteral("AgreementLedger"),
         objectSchema({{"agreementId", "integer"}, {"currency", "string"}, {"from", "string"}, {"till", "string"},
                       {"openingBalance", "string"}, {"closingBalance", "string"}, {"lines", "array"}})},
        {QStringLiteral("RateImportSettings"),
         objectSchema({{"startRow", "integer"}, {"duplicates", "string"}, {"columns", "array"}, {"structure", "array"}})},
        {QStringLiteral("RateImportAnalysis"),
         objectSchema({{"ready", "boolean"}, {"records", "integer"}, {"skippedRows", "integer"}, {"structure", "array"},
                       {"derivable", "array"}, {"columns", "array"}, {"problems", "array"}, {"problemCount", "integer"},
                       {"blockingCount", "integer"}, {"tree", "object"}, {"diff", "object"}})},
    };
}

QJsonObject parameter(const QString &name, const char *in, const char *type, bool required, const QString &description)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("in"), QLatin1String(in)},
            {QStringLiteral("required"), required},
            {QStringLiteral("description"), description},
            {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QLatin1String(type)}}}};
}

QJsonArray parametersOf(const Route &route)
{
    QJsonArray parameters;
    for (const QString &segment : route.segments) {
        if (segment.startsWith(QLatin1Char('{')))
            parameters.append(parameter(segment.mid(1, segment.size() - 2), "path", "integer", true,
                                        QStringLiteral("record id")));
    }
    for (const QString &name : route.doc.queryParameters)
        parameters.append(parameter(name, "query", "string", false, name));
    if (route.doc.listParameters) {
        parameters.append(parameter(QStringLiteral("offset"), "query", "integer", false, QStringLiteral("rows to skip")));
        parameters.append(parameter(QStringLiteral("limit"), "query", "integer", false, QStringLiteral("page size, 1 to 1000")));
        parameters.append(parameter(QStringLiteral("sort"), "query", "string", false,
                                    QStringLiteral("fields, comma separated, - for descending")));
        parameters.append(parameter(QStringLiteral("q"), "query", "string", false, QStringLiteral("text search")));
        if (const EntityDescriptor *entity = EntityCatalogue::find(route.doc.filterEntity)) {
            for (const FieldDescriptor &field : entity->fields) {
                if (field.secret || field.type == FieldType::Json || field.type == FieldType::ReferenceList
                    || field.type == FieldType::StringList)
                    continue;
                parameters.append(parameter(field.name, "query", "string", false, QStringLiteral("filter: ") + field.label));
            }
        }
    }
    return parameters;
}

QString operationId(const Route &route)
{
    QString path = route.pattern;
    path.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('.'), QLatin1Char('_'));
    path.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    return route.method.toLower() + QLatin1Char('_') + path;
}

QJsonObject operationOf(const Route &route)
{
    QJsonObject responses;
    const bool uploadsFile = route.doc.requestSchema == QLatin1String("binary");
    const QString okStatus = uploadsFile ? QStringLiteral("202")
        : route.method == QLatin1String("POST") && route.doc.responseKind == RouteDoc::Response::Object
            && route.doc.requestSchema.startsWith(QLatin1String("entity:"))
        ? QStringLiteral("201")
        : QStringLiteral("200");
    switch (route.doc.responseKind) {
    case RouteDoc::Response::Empty:
        responses.insert(QStringLiteral("204"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Done")}});
        break;
    case RouteDoc::Response::Csv:
        responses.insert(okStatus, QJsonObject{{QStringLiteral("description"), QStringLiteral("CSV file")},
                                               {QStringLiteral("content"), QJsonObject{{QStringLiteral("text/csv"), QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}}}});
        break;
    default: {
        QJsonObject schema;
        if (route.doc.responseKind == RouteDoc::Response::List)
            schema = {{QStringLiteral("type"), QStringLiteral("object")},
                      {QStringLiteral("properties"),
                       QJsonObject{{QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                                         {QStringLiteral("items"), ref(schemaName(route.doc.responseSchema))}}},
                                   {QStringLiteral("total"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}}}}};
        else if (route.doc.responseSchema.isEmpty())
            schema = {{QStringLiteral("type"), QStringLiteral("object")}};
        else
            schema = ref(schemaName(route.doc.responseSchema));
        responses.insert(okStatus, QJsonObject{{QStringLiteral("description"), QStringLiteral("Success")},
                                               {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), schema}}}}}});
    }
    }
    for (int status : route.doc.errorStatuses)
        responses.insert(QString::number(status),
                         QJsonObject{{QStringLiteral("description"), QStringLiteral("Error")},
                                     {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), ref(QStringLiteral("Error"))}}}}}});
    QJsonObject operation{{QStringLiteral("summary"), route.doc.summary},
                          {QStringLiteral("tags"), QJsonArray{route.doc.tag}},
                          {QStringLiteral("operationId"), operationId(route)},
                          {QStringLiteral("parameters"), parametersOf(route)},
                          {QStringLiteral("responses"), responses}};
    if (uploadsFile)
        operation.insert(QStringLiteral("requestBody"),
                         QJsonObject{{QStringLiteral("required"), true},
                                     {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/octet-stream"),
                                                                              QJsonObject{{QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("format"), QStringLiteral("binary")}}}}}}}});
    else if (!route.doc.requestSchema.isEmpty())
        operation.insert(QStringLiteral("requestBody"),
                         QJsonObject{{QStringLiteral("required"), true},
                                     {QStringLiteral("content"), QJsonObject{{QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), ref(schemaName(route.doc.requestSchema))}}}}}});
    if (!route.doc.authenticated)
        operation.insert(QStringLiteral("security"), QJsonArray());
    return operation;
}

} // namespace

QJsonObject buildOpenApi(const Router &router)
{
    QJsonObject paths;
    for (const Route &route : router.routes()) {
        const QString path = QStringLiteral("/api/v1/") + route.pattern;
        QJsonObject item = paths.value(path).toObject();
        item.insert(route.method.toLower(), operationOf(route));
        paths.insert(path, item);
    }
    QJsonObject schemas = fixedSchemas();
    for (const EntityDescriptor &entity : EntityCatalogue::all())
        schemas.insert(schemaName(QStringLiteral("entity:") + entity.name), entitySchema(entity));
    return {{QStringLiteral("openapi"), QStringLiteral("3.0.3")},
            {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("BackOffice API")},
                                                 {QStringLiteral("version"), QStringLiteral(BACKOFFICE_VERSION)}}},
            {QStringLiteral("paths"), paths},
            {QStringLiteral("components"),
             QJsonObject{{QStringLiteral("schemas"), schemas},
                         {QStringLiteral("securitySchemes"),
                          QJsonObject{{QStringLiteral("bearer"), QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                                                              {QStringLiteral("scheme"), QStringLiteral("bearer")}}}}}}},
            {QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("bearer"), QJsonArray()}}}}};
}

} // namespace backoffice::server
