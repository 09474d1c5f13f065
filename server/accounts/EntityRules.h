#pragma once

#include "AuditLog.h"
#include "EntityRepository.h"
#include "SessionContext.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>

namespace backoffice::server {

class AuthService;
using FieldErrors = QHash<QString, QString>;

// What a rule sees while a write is checked and carried out: the connection (inside the write's
// transaction once afterWrite runs), the caller and a clock read once per request.
struct WriteContext {
    QSqlDatabase db;
    const SessionContext &session;
    QDateTime now;
    AuthService &auth;
    // Values the create answer shows once and that are neither stored nor audited (a new API key).
    QJsonObject revealOnce;

    EntityRepository repository(const QString &entityName) const;
    std::optional<QJsonObject> record(const QString &entityName, qint64 id) const;
    // Writes an audit record for a change a rule makes besides the main one.
    void audit(const QString &entityName, const QString &operation, qint64 id, const QJsonObject &oldValue,
               const QJsonObject &newValue) const;
};

// Entity-specific behaviour around the generic create/update/delete. The service calls, in order:
// check (before the transaction: field errors or a refusal), then inside the transaction the write
// itself, afterWrite, and the audit record.
class EntityRules
{
public:
    virtual ~EntityRules() = default;

    // Fields a client may send that are not stored columns (password, first version terms, ...).
    virtual QStringList extraInputFields() const { return {}; }
    // The zone in which date-times sent without an offset are read, when the record itself names
    // none (service scopes: the service's time zone). Empty: UTC.
    virtual QString localZone(WriteContext &context, const QJsonObject &body, const QJsonObject *before)
    {
        Q_UNUSED(context) Q_UNUSED(body) Q_UNUSED(before)
        return {};
    }
    // Adjusts and checks the record about to be written; before is null on create.
    virtual void check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
    {
        Q_UNUSED(context) Q_UNUSED(before) Q_UNUSED(after) Q_UNUSED(errors)
    }
    // Side effects inside the transaction (clear other defaults, disable users, first version, ...).
    virtual void afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after)
    {
        Q_UNUSED(context) Q_UNUSED(id) Q_UNUSED(before) Q_UNUSED(after)
    }
    // After the transaction committed (create, update or delete): tell in-memory copies to catch up.
    virtual void committed(qint64 id) { Q_UNUSED(id) }
    // Throws ApiException to refuse a deletion the generic reference check would allow.
    virtual void checkDelete(WriteContext &context, const QJsonObject &record)
    {
        Q_UNUSED(context) Q_UNUSED(record)
    }
    // Side effects of a deletion inside its transaction, before the row goes (a payment leaves the balance).
    virtual void beforeRemove(WriteContext &context, qint64 id, const QJsonObject &record)
    {
        Q_UNUSED(context) Q_UNUSED(id) Q_UNUSED(record)
    }
    // What the audit log and answers must not show (secrets), removed from stored snapshots.
    virtual void redact(QJsonObject &record) const { Q_UNUSED(record) }
};

} // namespace backoffice::server
