#include "ApiException.h"

namespace backoffice::server {

ApiException ApiException::badRequest(const QString &message)
{
    return {400, QStringLiteral("bad_request"), message, {}, {}, 0};
}

ApiException ApiException::validation(const QHash<QString, QString> &fields, const QString &message)
{
    return {400, QStringLiteral("validation_failed"), message, fields, {}, 0};
}

ApiException ApiException::unauthorized(const QString &code, const QString &message)
{
    return {401, code, message, {}, {}, 0};
}

ApiException ApiException::forbidden(const QString &message, const QString &code)
{
    return {403, code, message, {}, {}, 0};
}

ApiException ApiException::notFound(const QString &message)
{
    return {404, QStringLiteral("not_found"), message, {}, {}, 0};
}

ApiException ApiException::conflict(const QString &message, const QString &code)
{
    return {409, code, message, {}, {}, 0};
}

ApiException ApiException::ruleViolated(const QString &message)
{
    return {422, QStringLiteral("rule_violated"), message, {}, {}, 0};
}

ApiException ApiException::tooManyAttempts(int retryAfterSeconds)
{
    return {429, QStringLiteral("too_many_attempts"),
            QStringLiteral("Too many failed sign-in attempts. Try again in %1 seconds.").arg(retryAfterSeconds), {}, {},
            retryAfterSeconds};
}

} // namespace backoffice::server
