#pragma once

#include <QString>

class QSqlQuery;
#include <stdexcept>

namespace backoffice::server {

// A failure of the database itself (not of the caller's input): the API answers it with 500 and
// logs it; callers never show its text to clients as a validation message.
class StorageError final : public std::runtime_error
{
public:
    explicit StorageError(const QString &message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

// Runs a prepared query; a failure becomes a StorageError naming what was being done.
void execOrThrow(QSqlQuery &query, const char *what);

} // namespace backoffice::server
