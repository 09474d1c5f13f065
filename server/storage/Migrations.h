#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace backoffice::server {

struct Migration {
    int version;
    QString description;
    QStringList statements;
};

// Versioned schema changes. All pending migrations are applied in one transaction at start, the
// schema version is kept in the meta table, and a database written by a newer BackOffice is refused
// rather than misread.
class Migrations final
{
public:
    static const QList<Migration> &all();
    static int latestVersion();

    // Reads the schema version (0 for an empty database).
    static int currentVersion(QSqlDatabase db);

    // Brings the database up to targetVersion (default: latest). Returns false with a message when
    // the database is newer than this program or a statement fails (nothing is changed then).
    static bool apply(QSqlDatabase db, QString *error, int targetVersion = -1);
};

} // namespace backoffice::server
