#pragma once

#include "ApiTypes.h"

#include <QList>
#include <QString>
#include <functional>

namespace backoffice::server {

struct SessionContext;

// What the OpenAPI document says about a route; kept next to the route so they cannot drift.
struct RouteDoc {
    static QList<int> defaultErrorStatuses() { return {400, 401, 403}; }

    QString summary;
    QString tag;
    QString requestSchema;          // component schema name of the body, empty: none
    QString responseSchema;         // component schema name of a 200/201 body, empty: see responseKind
    enum class Response { Object, List, Empty, Csv, Document } responseKind = Response::Object;
    bool authenticated = true;
    bool allowedDuringPasswordChange = false; // auth/* routes stay usable until the password is changed
    bool listParameters = false;              // offset, limit, sort, q and field filters
    QString filterEntity;                     // entity whose fields are filters
    QList<int> errorStatuses = defaultErrorStatuses();
    QStringList queryParameters;              // extra documented query parameters
};

using RouteHandler = std::function<ApiResponse(const ApiRequest &, const SessionContext *)>;

struct Route {
    QString method;
    QString pattern;                // "companies/{id}"
    QStringList segments;
    RouteDoc doc;
    RouteHandler handler;
};

class Router final
{
public:
    void add(const QString &method, const QString &pattern, RouteDoc doc, RouteHandler handler);
    // Finds the route for method + path and fills the path parameters; *pathKnown tells a 405 from a 404.
    const Route *match(const QString &method, const QString &path, QHash<QString, QString> *params,
                       bool *pathKnown) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

} // namespace backoffice::server
