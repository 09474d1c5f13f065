#pragma once

#include <QSqlDatabase>
#include <QString>

namespace backoffice::server {

enum class SqlDialect { SQLite, PostgreSQL };

// Where the data lives and how to reach it. Each thread gets its own connection (QSqlDatabase
// connections must not cross threads); they are opened lazily and closed with the Database.
class Database final
{
public:
    explicit Database(QString path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (and for SQLite creates) the database and checks it is readable. On failure returns
    // false with a message naming the file and the cause.
    bool open(QString *error);

    // The calling thread's connection, opened on first use with WAL, foreign keys and a busy timeout.
    QSqlDatabase connection() const;
    // Closes the calling thread's connection: a thread that ends calls it last, once no query of
    // its own is left (Qt refuses to close a connection from another thread).
    void releaseThreadConnection() const;
    SqlDialect dialect() const { return m_dialect; }
    const QString &path() const { return m_path; }

private:
    QString connectionName() const;

    QString m_path;
    QString m_connectionPrefix;
    SqlDialect m_dialect = SqlDialect::SQLite;
};

} // namespace backoffice::server
