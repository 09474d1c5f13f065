#include "Database.h"

#include <QFileInfo>
#include <QDir>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStorage, "backoffice.server.storage", QtWarningMsg)

namespace backoffice::server {

namespace {
QMutex connectionsMutex;
}

Database::Database(QString path)
    : m_path(std::move(path))
    , m_connectionPrefix(QStringLiteral("backoffice-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Database::~Database()
{
    QMutexLocker lock(&connectionsMutex);
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(m_connectionPrefix)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
}

void Database::releaseThreadConnection() const
{
    const QString name = connectionName();
    QMutexLocker lock(&connectionsMutex);
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString Database::connectionName() const
{
    return m_connectionPrefix + QLatin1Char('-')
           + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

bool Database::open(QString *error)
{
    const QFileInfo info(m_path);
    if (info.exists() && !info.isReadable()) {
        *error = QStringLiteral("Cannot read database file %1: permission denied").arg(m_path);
        return false;
    }
    if (!info.exists() && !QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("Cannot create the folder %1 for the database").arg(info.absolutePath());
        return false;
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        *error = QStringLiteral("Cannot open database %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    // A file that is not SQLite opens fine and fails on the first read, so read something now.
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        *error = QStringLiteral("Cannot read database %1: %2").arg(m_path, probe.lastError().text());
        return false;
    }
    return true;
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionName();
    {
        QMutexLocker lock(&connectionsMutex);
        if (QSqlDatabase::contains(name))
            return QSqlDatabase::database(name, false);
    }
    QSqlDatabase db;
    {
        QMutexLocker lock(&connectionsMutex);
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    }
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        qCWarning(lcStorage) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    QSqlQuery pragma(db);
    // WAL lets readers run while one writer commits; NORMAL sync is durable across application
    // crashes in WAL mode, which is the guarantee we need for a back office.
    for (const char *statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                                  "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-65536"}) {
        if (!pragma.exec(QString::fromLatin1(statement)))
            qCWarning(lcStorage) << statement << pragma.lastError().text();
    }
    return db;
}

} // namespace backoffice::server
