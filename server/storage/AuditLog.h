#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <optional>

namespace backoffice::server {

// Who is acting: carried from the HTTP request down to the audit record.
struct Actor {
    qint64 userId = 0;      // 0: the system itself (migrations, demo data, scheduled jobs)
    QString ipAddress;
};

struct AuditEntry {
    QDateTime time;
    Actor actor;
    QString tableName;
    QString operation;      // "create" | "update" | "delete"
    qint64 objectId = 0;
    QJsonObject oldValue;   // empty for create
    QJsonObject newValue;   // empty for delete
    std::optional<qint64> companyId;
};

// Appends audit records. Always called inside the transaction of the change it describes, so a
// change and its record commit or vanish together.
class AuditLog final
{
public:
    explicit AuditLog(QSqlDatabase db);
    void record(const AuditEntry &entry);
    // The same with large values already written as compact JSON object text (an import of 100,000
    // rate nodes); the entry's oldValue/newValue are not used.
    void record(const AuditEntry &entry, const QByteArray &oldValueText, const QByteArray &newValueText);

private:
    QSqlDatabase m_db;
};

} // namespace backoffice::server
