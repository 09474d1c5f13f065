#include "Migrations.h"

#include "Schema.h"
#include "StorageError.h"
#include "Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace backoffice::server {

const QList<Migration> &Migrations::all()
{
    static const QList<Migration> migrations{
        {1, QStringLiteral("accounts, agreements, users, roles, sessions and audit"), schema::version1()},
        {2, QStringLiteral("services, scopes and rate trees"), schema::version2()},
        {3, QStringLiteral("number prefixes for destination resolution"), schema::version3()},
        {4, QStringLiteral("enabled services and scale volume counters"), schema::version4()},
        {5, QStringLiteral("index on the rate tree's parent link"), schema::version5()},
        {6, QStringLiteral("messaging: connections, sender IDs, API keys, EDRs, charges, balances, callbacks"),
         schema::version6()},
        {7, QStringLiteral("stop list"), schema::version7()},
        {8, QStringLiteral("payments, balance ledger, low-balance thresholds"), schema::version8()},
        {9, QStringLiteral("invoices, invoice lines and numbering, taxes"), schema::version9()},
        {10, QStringLiteral("one pack purchase charge per enabled pack"), schema::version10()},
        {11, QStringLiteral("pack sub-balances, bundle packs with auto-extend, back-to-first corrections"), schema::version11()},
        {12, QStringLiteral("EDR rerate tasks and their adjustment charges"), schema::version12()},
        {13, QStringLiteral("sender ID setup and periodic fees, additional fees"), schema::version13()},
        {14, QStringLiteral("price terms of charges and invoice lines"), schema::version14()},
        {15, QStringLiteral("rerate tasks: the first EDR failure apart from the task's error message"), schema::version15()},
    };
    return migrations;
}

int Migrations::latestVersion()
{
    return all().constLast().version;
}

int Migrations::currentVersion(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")))
        return 0; // no meta table yet: an empty database
    return query.next() ? query.value(0).toInt() : 0;
}

bool Migrations::apply(QSqlDatabase db, QString *error, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    const int current = currentVersion(db);
    if (current > latestVersion()) {
        *error = QStringLiteral("The database has schema version %1, newer than this BackOffice understands (%2). "
                                "Use a newer BackOffice or a backup of the database.")
                     .arg(current)
                     .arg(latestVersion());
        return false;
    }
    if (current >= targetVersion)
        return true;
    try {
        Transaction transaction(db);
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")))
            throw StorageError(query.lastError().text());
        for (const Migration &migration : all()) {
            if (migration.version <= current || migration.version > targetVersion)
                continue;
            for (const QString &statement : migration.statements) {
                if (!query.exec(statement))
                    throw StorageError(QStringLiteral("migration %1 failed: %2 in: %3")
                                           .arg(migration.version)
                                           .arg(query.lastError().text(), statement.left(200)));
            }
        }
        query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        query.addBindValue(QString::number(targetVersion));
        if (!query.exec())
            throw StorageError(query.lastError().text());
        transaction.commit();
    } catch (const StorageError &e) {
        *error = QStringLiteral("Cannot upgrade the database schema: ") + e.message();
        return false;
    }
    return true;
}

} // namespace backoffice::server
