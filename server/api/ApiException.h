#pragma once

#include <QHash>
#include <QJsonArray>
#include <QString>

namespace backoffice::server {

// An answer other than success, thrown from anywhere below a route handler and turned into the
// guide's error body by the dispatcher. Only for the caller's mistakes and refusals: storage
// failures are StorageError and answer 500.
struct ApiException {
    int status = 400;
    QString code;
    QString message;
    QHash<QString, QString> fields;
    QJsonArray references;          // 409 referenced: [{entity, field, count}]
    int retryAfterSeconds = 0;      // 429

    static ApiException badRequest(const QString &message);
    static ApiException validation(const QHash<QString, QString> &fields,
                                   const QString &message = QStringLiteral("Some fields are not valid"));
    static ApiException unauthorized(const QString &code, const QString &message);
    static ApiException forbidden(const QString &message, const QString &code = QStringLiteral("forbidden"));
    static ApiException notFound(const QString &message = QStringLiteral("No such record"));
    static ApiException conflict(const QString &message, const QString &code = QStringLiteral("conflict"));
    static ApiException ruleViolated(const QString &message);
    static ApiException tooManyAttempts(int retryAfterSeconds);
};

} // namespace backoffice::server
