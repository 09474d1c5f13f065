#include "Schema.h"

namespace backoffice::server::schema {

QStringList version3()
{
    return {
        // Longest-prefix table from dialled digits to country and network. Rows shipped with
        // BackOffice (source 'shipped') are read-only; staff add or import their own ('user').
        QStringLiteral("CREATE TABLE number_prefixes ("
                       " id INTEGER PRIMARY KEY,"
                       " prefix TEXT NOT NULL UNIQUE,"
                       " country TEXT NOT NULL,"
                       " mcc TEXT,"
                       " mnc TEXT,"
                       " network TEXT,"
                       " source TEXT NOT NULL DEFAULT 'user',"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX number_prefixes_country ON number_prefixes(country)"),
    };
}

} // namespace backoffice::server::schema
