#include "RateImportRoutes.h"

#include "ApiException.h"
#include "AuditLog.h"
#include "Database.h"
#include "DimensionDictionary.h"
#include "EntityCatalogue.h"
#include "EntityService.h"
#include "RateImportJobs.h"
#include "RateImporter.h"
#include "RateNodesText.h"
#include "RateTreeStore.h"
#include "RatingCatalogue.h"
#include "RatingChanges.h"
#include "Router.h"
#include "SessionContext.h"
#include "Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace backoffice::server {

using namespace rateimport;

namespace {

const QString servicesArea = QStringLiteral("services");
constexpr qsizetype MaxUploadBytes = qsizetype(64) * 1024 * 1024;

RouteDoc doc(const char *summary, const char *request, const char *response, QList<int> errors = {400, 401, 403, 404})
{
    RouteDoc d;
    d.summary = QString::fromLatin1(summary);
    d.tag = QStringLiteral("Rate import");
    d.requestSchema = QString::fromLatin1(request);
    d.responseSchema = QString::fromLatin1(response);
    d.errorStatuses = std::move(errors);
    return d;
}

rating::RateTree loadTree(Database &database, qint64 scopeId)
{
    return rating::RateTree(RateTreeStore(database.connection()).loadNodes(scopeId));
}

QStringList matchPath(const rating::RateTree &tree, qint64 nodeId)
{
    QStringList path;
    for (const rating::RateNode *node : tree.pathTo(nodeId))
        path.append(node->match);
    return path;
}

// The node the import goes under, found again by its path: saving a tree renumbers its nodes.
qint64 resolveNode(const rating::RateTree &tree, const QStringList &path)
{
    std::optional<qint64> parent;
    const rating::RateNode *found = nullptr;
    for (const QString &match : path) {
        found = nullptr;
        for (const rating::RateNode *child : tree.children(parent))
            if (child->match == match)
                found = child;
        if (!found)
            throw ApiException::conflict(QStringLiteral("The node this import goes under has been deleted from the tree"));
        parent = found->id;
    }
    return found ? found->id : 0;
}

RateImportJob &jobOf(RateImportJobs &jobs, const ApiRequest &request, const SessionContext &session)
{
    EntityService::requireAccess(session, servicesArea, AccessLevel::Manage);
    RateImportJob *job = jobs.find(request.pathParams.value(QStringLiteral("id")), session.userId);
    if (!job)
        throw ApiException::notFound(QStringLiteral("No such import"));
    return *job;
}

std::optional<qint64> queryId(const ApiRequest &request, const char *name)
{
    bool ok = false;
    const qint64 id = request.query.queryItemValue(QLatin1String(name)).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

ApiResponse startImport(Database &database, EntityService &entities, RateImportJobs &jobs, const ApiRequest &request,
                        const SessionContext &session)
{
    EntityService::requireAccess(session, servicesArea, AccessLevel::Manage);
    QHash<QString, QString> errors;
    const auto scopeId = queryId(request, "scopeId");
    const auto nodeId = queryId(request, "nodeId");
    const QString formatKey = request.query.queryItemValue(QStringLiteral("format"));
    const auto format = importFormatFromKey(formatKey.isEmpty() ? QStringLiteral("standard") : formatKey);
    const QString fileName = request.query.queryItemValue(QStringLiteral("fileName"), QUrl::FullyDecoded);
    const QString encoding = request.query.queryItemValue(QStringLiteral("encoding"));
    if (!scopeId)
        errors.insert(QStringLiteral("scopeId"), QStringLiteral("is required (the scope whose tree receives the rates)"));
    if (!nodeId)
        errors.insert(QStringLiteral("nodeId"), QStringLiteral("is required (the node the rates go under)"));
    if (!format)
        errors.insert(QStringLiteral("format"), QStringLiteral("must be standard, whatsappBasic or whatsappTier"));
    if (!encoding.isEmpty() && encoding != QLatin1String("utf-8") && encoding != QLatin1String("windows-1252")
        && encoding != QLatin1String("latin1"))
        errors.insert(QStringLiteral("encoding"), QStringLiteral("must be utf-8, windows-1252 or latin1"));
    if (request.body.isEmpty())
        errors.insert(QStringLiteral("file"), QStringLiteral("is empty: send the file's bytes as the request body"));
    else if (request.body.size() > MaxUploadBytes)
        errors.insert(QStringLiteral("file"), QStringLiteral("is larger than 64 MiB"));
    const auto fileFormat = spreadsheet::detectFormat(request.body.left(4096), fileName);
    if (!request.body.isEmpty() && !fileFormat)
        errors.insert(QStringLiteral("file"), QStringLiteral("is not a CSV, XLSX or XLS file"));
    if (!errors.isEmpty())
        throw ApiException::validation(errors);

    entities.get(EntityCatalogue::get(entities::serviceScopes), *scopeId, session); // 404 when not visible
    // The node and its ancestors are enough here; the whole tree is read by each analysis.
    const rating::RateTree tree(RateTreeStore(database.connection()).loadPath(*scopeId, *nodeId));
    const rating::RateNode *node = tree.node(*nodeId);
    if (!node)
        throw ApiException::validation({{QStringLiteral("nodeId"), QStringLiteral("is not a node of this scope's rate tree")}});
    if (!node->parentId)
        throw ApiException::validation(
            {{QStringLiteral("nodeId"), QStringLiteral("rates are imported into a resource or a node below it, not into a service domain")}});

    RateImportJob job;
    job.userId = session.userId;
    job.scopeId = *scopeId;
    job.nodeId = *nodeId;
    job.nodePath = matchPath(tree, *nodeId);
    job.nodeLabel = tree.nodeLabel(*nodeId);
    job.resource = tree.resourceKeyOf(*nodeId);
    job.format = *format;
    job.fileName = fileName;
    job.fileFormat = *fileFormat;
    SheetReaderProcess::Request read;
    read.data = request.body;
    read.format = *fileFormat;
    read.sheetName = request.query.queryItemValue(QStringLiteral("sheet"), QUrl::FullyDecoded);
    read.encoding = encoding;
    return ApiResponse::json(jobs.start(std::move(job), read).toJson(), 202);
}

ApiResponse rows(RateImportJob &job, const ApiRequest &request)
{
    bool ok = true;
    const qint64 offset = request.query.hasQueryItem(QStringLiteral("offset"))
        ? request.query.queryItemValue(QStringLiteral("offset")).toLongLong(&ok)
        : 0;
    bool limitOk = true;
    const qint64 limit = request.query.hasQueryItem(QStringLiteral("limit"))
        ? request.query.queryItemValue(QStringLiteral("limit")).toLongLong(&limitOk)
        : 200;
    QHash<QString, QString> errors;
    if (!ok || offset < 0)
        errors.insert(QStringLiteral("offset"), QStringLiteral("must be a whole number from 0"));
    if (!limitOk || limit < 1 || limit > 1000)
        errors.insert(QStringLiteral("limit"), QStringLiteral("must be from 1 to 1000"));
    if (!errors.isEmpty())
        throw ApiException::validation(errors);
    QJsonArray items;
    for (qint64 r = offset; r < qMin<qint64>(offset + limit, job.sheet.rows.size()); ++r)
        items.append(QJsonArray::fromStringList(job.sheet.rows[r]));
    return ApiResponse::json(QJsonObject {{QStringLiteral("items"), items},
                                          {QStringLiteral("total"), job.sheet.rows.size()},
                                          {QStringLiteral("offset"), offset}});
}

void requireReady(const RateImportJob &job)
{
    if (job.state == ImportState::Ready)
        return;
    if (job.state == ImportState::Reading)
        throw ApiException::conflict(QStringLiteral("The file is still being read"), QStringLiteral("import_not_read"));
    throw ApiException::conflict(QStringLiteral("The import is %1").arg(importStateKey(job.state)),
                                 QStringLiteral("import_%1").arg(importStateKey(job.state)));
}

std::shared_ptr<const ImportPlan> plan(Database &database, RateImportJob &job, const ApiRequest &request)
{
    requireReady(job);
    QJsonObject body = request.jsonObject();
    body.remove(QStringLiteral("includeTree")); // how to answer, not what to build
    const QByteArray key = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const quint64 generation = RatingChanges::generation();
    if (job.lastPlan && job.lastPlan->settingsKey == key && job.lastPlan->ratingGeneration == generation)
        return job.lastPlan;
    QHash<QString, QString> errors;
    const ImportSettings settings = ImportSettings::fromJson(body, job.format, errors);
    if (!errors.isEmpty())
        throw ApiException::validation(errors, QStringLiteral("Some import settings are not valid"));
    auto made = std::make_shared<ImportPlan>();
    made->settingsKey = key;
    made->ratingGeneration = generation;
    made->tree = loadTree(database, job.scopeId);
    made->nodeId = resolveNode(made->tree, job.nodePath);
    made->analysis = RateImporter(job.sheet.rows, job.format, settings, made->tree, made->nodeId).analyse();
    job.lastPlan = made;
    return made;
}

// A node and its descendants, parents first, for the audit record.
QList<rating::RateNode> branchOf(const rating::RateTree &tree, qint64 nodeId)
{
    QList<rating::RateNode> branch;
    QList<qint64> pending {nodeId};
    for (qsizetype i = 0; i < pending.size(); ++i) {
        if (const rating::RateNode *node = tree.node(pending[i]))
            branch.append(*node);
        for (const rating::RateNode *child : tree.children(pending[i]))
            pending.append(child->id);
    }
    return branch;
}

QList<rating::RateNode> withStoredIds(QList<rating::RateNode> branch, const QHash<qint64, qint64> &storedIds)
{
    for (rating::RateNode &node : branch) {
        node.id = storedIds.value(node.id);
        if (node.parentId)
            node.parentId = storedIds.value(*node.parentId);
    }
    return branch;
}

// {"nodes": [...], …}: the audit value of an import, written as text (it can hold 100,000 nodes).
QByteArray auditValue(const QList<rating::RateNode> &nodes, const QJsonObject &extra = {})
{
    QByteArray text = "{\"nodes\":" + rating::rateNodesJsonText(nodes);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        text += ",\"" + it.key().toUtf8() + "\":" + QJsonDocument(it.value().toObject()).toJson(QJsonDocument::Compact);
    return text + '}';
}

ApiResponse apply(Database &database, RateImportJob &job, const ApiRequest &request, const SessionContext &session)
{
    const std::shared_ptr<const ImportPlan> made = plan(database, job, request);
    const ImportAnalysis &analysis = made->analysis;
    if (!analysis.ready()) {
        QHash<QString, QString> fields;
        for (const ImportProblem &problem : analysis.problems)
            if (problem.blocking && fields.size() < 20)
                fields.insert(QStringLiteral("problems[%1]").arg(fields.size()), problem.message);
        ApiException refused = ApiException::ruleViolated(
            QStringLiteral("The import has %1 blocking problems; nothing was imported").arg(analysis.blockingCount));
        refused.code = QStringLiteral("import_not_ready");
        refused.fields = fields;
        throw refused;
    }
    const QList<rating::RateNode> before = branchOf(made->tree, made->nodeId);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlDatabase db = database.connection();
    RateTreeStore store(db);
    Transaction transaction(db);
    const QHash<qint64, qint64> storedIds = store.syncBranch(job.scopeId, before, analysis.nodes);
    const QJsonObject summary {{QStringLiteral("fileName"), job.fileName},
                               {QStringLiteral("format"), importFormatKey(job.format)},
                               {QStringLiteral("nodePath"), QJsonArray::fromStringList(job.nodePath)},
                               {QStringLiteral("records"), analysis.records},
                               {QStringLiteral("diff"), analysis.diff.countsJson()}};
    // The branch is what changed; the rest of the tree is not touched.
    AuditLog(db).record({now, session.actor, QStringLiteral("rate_nodes"), QStringLiteral("import"), job.scopeId, {}, {},
                         std::nullopt},
                        auditValue(before),
                        auditValue(withStoredIds(analysis.nodes, storedIds), {{QStringLiteral("import"), summary}}));
    transaction.commit();
    RatingChanges::changed(job.scopeId);
    job.state = ImportState::Applied;
    job.lastPlan.reset();
    return ApiResponse::json(QJsonObject {{QStringLiteral("scopeId"), job.scopeId},
                                          {QStringLiteral("nodeId"), storedIds.value(made->nodeId)},
                                          {QStringLiteral("import"), summary}});
}

ApiResponse dimensionValues(const ApiRequest &request, const SessionContext &session)
{
    EntityService::requireAccess(session, servicesArea, AccessLevel::View);
    const auto dimension = rating::dimensionFromKey(request.query.queryItemValue(QStringLiteral("dimension")));
    if (!dimension || *dimension == rating::Dimension::Resource)
        throw ApiException::validation({{QStringLiteral("dimension"), QStringLiteral("must be a rate attribute (country, network, …)")}});
    bool ok = true;
    const int limit = request.query.hasQueryItem(QStringLiteral("limit"))
        ? request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok)
        : 20;
    if (!ok || limit < 1 || limit > 200)
        throw ApiException::validation({{QStringLiteral("limit"), QStringLiteral("must be from 1 to 200")}});
    const DimensionDictionary &dictionary = DimensionDictionary::of(*dimension);
    QJsonArray items;
    for (const DictionaryEntry *entry : dictionary.search(request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded), limit))
        items.append(QJsonObject {{QStringLiteral("key"), entry->key}, {QStringLiteral("label"), entry->label}});
    return ApiResponse::json(QJsonObject {{QStringLiteral("items"), items},
                                          {QStringLiteral("total"), items.size()},
                                          {QStringLiteral("open"), dictionary.isOpen()}});
}

} // namespace

void addRateImportRoutes(Router &router, Database &database, EntityService &entities, RateImportJobs &jobs)
{
    RouteDoc startDoc = doc("Upload a rate sheet (the file's bytes) to import into a node of a scope's rate tree", "binary",
                            "RateImport");
    startDoc.queryParameters = {QStringLiteral("scopeId"), QStringLiteral("nodeId"), QStringLiteral("format"),
                                QStringLiteral("fileName"), QStringLiteral("sheet"), QStringLiteral("encoding")};
    router.add(QStringLiteral("POST"), QStringLiteral("rate-imports"), startDoc,
               [&database, &entities, &jobs](const ApiRequest &request, const SessionContext *session) {
                   return startImport(database, entities, jobs, request, *session);
               });
    router.add(QStringLiteral("GET"), QStringLiteral("rate-imports/{id}"), doc("An import: state, progress, sheet", "", "RateImport"),
               [&jobs](const ApiRequest &request, const SessionContext *session) {
                   return ApiResponse::json(jobOf(jobs, request, *session).toJson());
               });
    RouteDoc rowsDoc = doc("Rows of the imported sheet as text", "", "CodeList", {400, 401, 403, 404, 409});
    rowsDoc.queryParameters = {QStringLiteral("offset"), QStringLiteral("limit")};
    router.add(QStringLiteral("GET"), QStringLiteral("rate-imports/{id}/rows"), rowsDoc,
               [&jobs](const ApiRequest &request, const SessionContext *session) {
                   RateImportJob &job = jobOf(jobs, request, *session);
                   requireReady(job);
                   return rows(job, request);
               });
    router.add(QStringLiteral("POST"), QStringLiteral("rate-imports/{id}/cancel"), doc("Stop reading the file", "", "RateImport"),
               [&jobs](const ApiRequest &request, const SessionContext *session) {
                   RateImportJob &job = jobOf(jobs, request, *session);
                   jobs.cancel(job);
                   return ApiResponse::json(job.toJson());
               });
    RouteDoc removeDoc = doc("Forget an import", "", "");
    removeDoc.responseKind = RouteDoc::Response::Empty;
    router.add(QStringLiteral("DELETE"), QStringLiteral("rate-imports/{id}"), removeDoc,
               [&jobs](const ApiRequest &request, const SessionContext *session) {
                   jobs.remove(jobOf(jobs, request, *session).id);
                   return ApiResponse::noContent();
               });
    router.add(QStringLiteral("POST"), QStringLiteral("rate-imports/{id}/analysis"),
               doc("What the import would build with these settings: mapping, problems, tree and diff", "RateImportSettings",
                   "RateImportAnalysis", {400, 401, 403, 404, 409}),
               [&database, &jobs](const ApiRequest &request, const SessionContext *session) {
                   const bool includeTree = request.jsonObject().value(QLatin1String("includeTree")).toBool();
                   return ApiResponse::json(plan(database, jobOf(jobs, request, *session), request)->analysis.toJson(includeTree));
               });
    router.add(QStringLiteral("POST"), QStringLiteral("rate-imports/{id}/apply"),
               doc("Put the imported rates into the tree (one transaction, audited)", "RateImportSettings", "",
                   {400, 401, 403, 404, 409, 422}),
               [&database, &jobs](const ApiRequest &request, const SessionContext *session) {
                   return apply(database, jobOf(jobs, request, *session), request, *session);
               });
    RouteDoc valuesDoc = doc("Dictionary values of a rate attribute, by incomplete match (manual mapping)", "", "CodeList", {400, 401, 403});
    valuesDoc.queryParameters = {QStringLiteral("dimension"), QStringLiteral("q"), QStringLiteral("limit")};
    router.add(QStringLiteral("GET"), QStringLiteral("rating/dimension-values"), valuesDoc,
               [](const ApiRequest &request, const SessionContext *session) { return dimensionValues(request, *session); });
}

} // namespace backoffice::server
