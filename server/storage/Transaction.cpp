#include "Transaction.h"

#include "StorageError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace backoffice::server {

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    QSqlQuery begin(m_db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        throw StorageError(QStringLiteral("Cannot begin a transaction: ") + begin.lastError().text());
    m_active = true;
}

Transaction::~Transaction()
{
    if (m_active) {
        QSqlQuery rollback(m_db);
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

void Transaction::commit()
{
    QSqlQuery commitQuery(m_db);
    if (!commitQuery.exec(QStringLiteral("COMMIT")))
        throw StorageError(QStringLiteral("Cannot commit: ") + commitQuery.lastError().text());
    m_active = false;
}

} // namespace backoffice::server
