#include "ApiTypes.h"

#include "ApiException.h"

namespace backoffice::server {

QJsonObject ApiRequest::jsonObject() const
{
    if (body.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiException::badRequest(QStringLiteral("The body is not valid JSON: %1 at offset %2")
                                           .arg(error.errorString())
                                           .arg(error.offset));
    if (!document.isObject())
        throw ApiException::badRequest(QStringLiteral("The body must be a JSON object"));
    return document.object();
}

qint64 ApiRequest::idParam(const QString &name) const
{
    bool ok = false;
    const qint64 id = pathParams.value(name).toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiException::notFound();
    return id;
}

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    return json(QJsonDocument(object), status);
}

ApiResponse ApiResponse::json(const QJsonDocument &document, int status)
{
    ApiResponse response;
    response.status = status;
    response.body = document.toJson(QJsonDocument::Compact);
    return response;
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

} // namespace backoffice::server
