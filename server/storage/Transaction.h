#pragma once

#include <QSqlDatabase>

namespace backoffice::server {

// RAII write transaction: BEGIN IMMEDIATE on construction (SQLite takes the write lock up front,
// so two writers never deadlock upgrading read locks), ROLLBACK unless commit() was called.
class Transaction final
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    void commit(); // throws StorageError on failure

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace backoffice::server
