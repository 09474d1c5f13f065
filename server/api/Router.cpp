#include "Router.h"

namespace backoffice::server {

void Router::add(const QString &method, const QString &pattern, RouteDoc doc, RouteHandler handler)
{
    m_routes.append({method, pattern, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(doc),
                     std::move(handler)});
}

const Route *Router::match(const QString &method, const QString &path, QHash<QString, QString> *params,
                           bool *pathKnown) const
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    *pathKnown = false;
    const Route *best = nullptr;
    int bestLiterals = -1;
    QHash<QString, QString> bestParams;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> captured;
        int literals = 0;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString &expected = route.segments.at(i);
            if (expected.startsWith(QLatin1Char('{')) && expected.endsWith(QLatin1Char('}'))) {
                captured.insert(expected.mid(1, expected.size() - 2), segments.at(i));
            } else if (expected == segments.at(i)) {
                ++literals;
            } else {
                matches = false;
            }
        }
        if (!matches)
            continue;
        *pathKnown = true;
        // "companies/export.csv" must win over "companies/{id}": prefer the most literal match.
        if (route.method == method && literals > bestLiterals) {
            best = &route;
            bestLiterals = literals;
            bestParams = captured;
        }
    }
    if (best)
        *params = bestParams;
    return best;
}

} // namespace backoffice::server
