#pragma once

#include <QSqlDatabase>

namespace backoffice::server {

// Writes the shipped number prefixes of the demo countries (mobile ranges of ES, DE, GB, FR, IT,
// PT, NL, US, MX, BR, AR with the MCC/MNC of the range holder and its name from the MCC/MNC list)
// that the table does not hold yet. Idempotent; returns how many rows it added.
int seedDemoNumberPrefixes(QSqlDatabase db);

} // namespace backoffice::server
