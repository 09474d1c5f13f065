// Schema migrations: an empty database reaches the latest version in one go, a current one is left
// alone, a newer one is refused untouched, and a file that is not a database is reported.
#include "Database.h"
#include "Migrations.h"
#include "ServerInstance.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace backoffice::server;

class MigrationsTest final : public QObject
{
    Q_OBJECT

private slots:
    void emptyDatabaseReachesLatest();
    void applyingTwiceChangesNothing();
    void newerDatabaseIsRefused();
    void notADatabaseIsReported();
    void failedMigrationLeavesNothingBehind();
    void rerateFirstFailureMovesOutOfTheErrorMessage();
};

void MigrationsTest::emptyDatabaseReachesLatest()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("a.sqlite")));
    QString error;
    QVERIFY(db.open(&error));
    QCOMPARE(Migrations::currentVersion(db.connection()), 0);
    QVERIFY2(Migrations::apply(db.connection(), &error), qPrintable(error));
    QCOMPARE(Migrations::currentVersion(db.connection()), Migrations::latestVersion());
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT name FROM companies WHERE is_platform_owner = 1")));
    QVERIFY(query.next());
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
}

void MigrationsTest::applyingTwiceChangesNothing()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("b.sqlite")));
    QString error;
    QVERIFY(db.open(&error));
    QVERIFY(Migrations::apply(db.connection(), &error));
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral("SELECT count(*) FROM companies"));
    query.next();
    const int companies = query.value(0).toInt();
    QVERIFY(Migrations::apply(db.connection(), &error));
    query.exec(QStringLiteral("SELECT count(*) FROM companies"));
    query.next();
    QCOMPARE(query.value(0).toInt(), companies);
}

void MigrationsTest::newerDatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    {
        Database db(path);
        QString error;
        QVERIFY(db.open(&error));
        QVERIFY(Migrations::apply(db.connection(), &error));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("UPDATE meta SET value = '999' WHERE key = 'schema_version'")));
    }
    ServerOptions options;
    options.databasePath = path;
    ServerInstance server(options);
    QString error;
    QVERIFY(!server.start(&error));
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
    Database db(path);
    QVERIFY(db.open(&error));
    QCOMPARE(Migrations::currentVersion(db.connection()), 999);
}

void MigrationsTest::notADatabaseIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.sqlite"));
    QFile junk(path);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    ServerOptions options;
    options.databasePath = path;
    ServerInstance server(options);
    QString error;
    QVERIFY(!server.start(&error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void MigrationsTest::failedMigrationLeavesNothingBehind()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("d.sqlite")));
    QString error;
    QVERIFY(db.open(&error));
    // A table the first migration wants to create already exists: the whole upgrade must roll back.
    QSqlQuery query(db.connection());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE banks (id INTEGER)")));
    QVERIFY(!Migrations::apply(db.connection(), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(Migrations::currentVersion(db.connection()), 0);
    QVERIFY(!query.exec(QStringLiteral("SELECT count(*) FROM companies")));
}

void MigrationsTest::rerateFirstFailureMovesOutOfTheErrorMessage()
{
    // Version 15: a task running during the upgrade kept its first EDR failure in error_message,
    // which from now on holds why a run failed; a finished task's message is what people read.
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("e.sqlite")));
    QString error;
    QVERIFY(db.open(&error));
    QVERIFY2(Migrations::apply(db.connection(), &error, 13), qPrintable(error));
    QSqlQuery query(db.connection());
    const QList<std::pair<QString, QVariant>> tasks{{QStringLiteral("RUNNING"), QStringLiteral("EDR 7: no rate")},
                                                    {QStringLiteral("COMPLETE"), QStringLiteral("1 of 9 EDRs could not be rerated")},
                                                    {QStringLiteral("RUNNING"), QVariant()}};
    for (const auto &[status, message] : tasks) {
        query.prepare(QStringLiteral("INSERT INTO rerate_tasks (status, error_message, company_id, time_from, time_till,"
                                     " created_at, updated_at) VALUES (?, ?, 1, '2026-01-01T00:00:00.000Z',"
                                     " '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z')"));
        query.addBindValue(status);
        query.addBindValue(message.isValid() ? message : QVariant(QMetaType(QMetaType::QString)));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }
    QVERIFY2(Migrations::apply(db.connection(), &error), qPrintable(error));
    QVERIFY(Migrations::latestVersion() >= 15);
    QVERIFY(query.exec(QStringLiteral("SELECT id, coalesce(error_message, '-'), coalesce(first_failure, '-') FROM rerate_tasks ORDER BY id")));
    QStringList rows;
    while (query.next())
        rows << QStringLiteral("%1 %2 | %3").arg(query.value(0).toInt()).arg(query.value(1).toString(), query.value(2).toString());
    QCOMPARE(rows, (QStringList{QStringLiteral("1 - | EDR 7: no rate"), QStringLiteral("2 1 of 9 EDRs could not be rerated | -"),
                                QStringLiteral("3 - | -")}));
}

QTEST_GUILESS_MAIN(MigrationsTest)
#include "tst_migrations.moc"
