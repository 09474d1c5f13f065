#include "StorageError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace backoffice::server {

void execOrThrow(QSqlQuery &query, const char *what)
{
    if (!query.exec())
        throw StorageError(QString::fromLatin1(what) + QStringLiteral(": ") + query.lastError().text());
}

} // namespace backoffice::server
