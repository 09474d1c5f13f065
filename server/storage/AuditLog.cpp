#include "AuditLog.h"

#include "EntityRepository.h"
#include "StorageError.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace backoffice::server {

AuditLog::AuditLog(QSqlDatabase db)
    : m_db(std::move(db))
{
}

void AuditLog::record(const AuditEntry &entry)
{
    const auto json = [](const QJsonObject &object) {
        return object.isEmpty() ? QByteArray() : QJsonDocument(object).toJson(QJsonDocument::Compact);
    };
    record(entry, json(entry.oldValue), json(entry.newValue));
}

void AuditLog::record(const AuditEntry &entry, const QByteArray &oldValueText, const QByteArray &newValueText)
{
    const auto text = [](const QByteArray &json) {
        return json.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromUtf8(json));
    };
    QSqlQuery sql(m_db);
    sql.prepare(QStringLiteral("INSERT INTO audit_log (time, user_id, ip_address, table_name, operation, object_id,"
                               " old_value, new_value, company_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    sql.addBindValue(entry.time.toUTC().toString(Qt::ISODateWithMs));
    sql.addBindValue(entry.actor.userId > 0 ? QVariant(entry.actor.userId) : QVariant(QMetaType::fromType<qint64>()));
    sql.addBindValue(entry.actor.ipAddress);
    sql.addBindValue(entry.tableName);
    sql.addBindValue(entry.operation);
    sql.addBindValue(entry.objectId);
    sql.addBindValue(text(oldValueText));
    sql.addBindValue(text(newValueText));
    sql.addBindValue(entry.companyId ? QVariant(*entry.companyId) : QVariant(QMetaType::fromType<qint64>()));
    if (!sql.exec())
        throw StorageError(QStringLiteral("write audit record: ") + sql.lastError().text());
    EntityRepository::forgetTotal(m_db, QStringLiteral("audit_log"));
}

} // namespace backoffice::server
