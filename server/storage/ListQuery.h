#pragma once

#include <QList>
#include <QString>
#include <QVariant>
#include <optional>

namespace backoffice::server {

struct ListFilter {
    enum class Op { Contains, Equals, IsEmpty, From, To };
    QString field;   // a field name or a reference label key ("companyName")
    Op op = Op::Equals;
    QVariant value;  // already in storage form (micro-units for money, 0/1 for booleans)
};

struct SortKey {
    QString field;
    bool descending = false;
};

// A validated request for one page of a collection. The API layer builds it from the URL and has
// already rejected unknown fields and malformed values.
struct ListQuery {
    qint64 offset = 0;
    qint64 limit = 50;           // <= 0: no limit (exports)
    QList<SortKey> sort;
    QList<ListFilter> filters;
    QString search;
    std::optional<QList<qint64>> companyScope; // set: only rows owned by these companies
};

} // namespace backoffice::server
