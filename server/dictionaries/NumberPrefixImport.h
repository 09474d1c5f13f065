#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace backoffice::server {

class Database;
struct SessionContext;

// CSV import of number prefixes (columns prefix,country,mcc,mnc,network; a header row naming them
// may reorder or omit the optional ones). All or nothing: every line is checked first, and any
// error answers 400 with one field per bad line ("line 3") and writes nothing. A prefix the table
// already holds as a user row is updated; shipped rows cannot be overwritten.
class NumberPrefixImport final
{
public:
    // Answers {created, updated, unchanged, total}. Needs area "dictionaries" at manage.
    static QJsonObject run(Database &database, const QByteArray &csv, const SessionContext &session);

    // RFC 4180 records (quoted fields, "" escapes, CRLF or LF); false with *error on an open quote.
    static bool parseCsv(const QByteArray &data, QList<QStringList> *records, QString *error);
};

} // namespace backoffice::server
