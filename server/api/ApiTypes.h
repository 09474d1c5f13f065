#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace backoffice::server {

struct ApiRequest {
    QString method;               // "GET", "POST", ...
    QString path;                 // below /api/v1/, e.g. "companies/5"
    QUrlQuery query;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString ipAddress;
    QHash<QString, QString> pathParams;    // {id} -> "5"

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    QJsonObject jsonObject() const; // throws ApiException 400 when the body is not a JSON object
    qint64 idParam(const QString &name = QStringLiteral("id")) const; // throws 404 on a malformed id
};

struct ApiResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse json(const QJsonDocument &document, int status = 200);
    static ApiResponse noContent();
};

} // namespace backoffice::server
