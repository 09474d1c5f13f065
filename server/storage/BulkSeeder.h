#pragma once

#include <QSqlDatabase>

namespace backoffice::server {

// Fills a database with many plain rows for benchmarks: companies, each with a legal entity and
// agreements (one version each), written with prepared statements in one transaction. Not for
// real data: it skips validation and audit on purpose, to reach millions of rows in seconds.
struct BulkSeedCounts {
    qint64 companies = 0;
    int agreementsPerCompany = 0;
};

void bulkSeed(QSqlDatabase db, const BulkSeedCounts &counts);

} // namespace backoffice::server
