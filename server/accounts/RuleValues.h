#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

namespace backoffice::server {

// Small readers of record fields shared by the entity rules.
inline QJsonValue fieldOf(const QJsonObject &record, const char *key)
{
    return record.value(QLatin1String(key));
}

// Present and not empty: null, missing and "" all mean "not given".
inline bool isSet(const QJsonValue &value)
{
    return !value.isNull() && !value.isUndefined() && !(value.isString() && value.toString().isEmpty());
}

// A stored date-time field (ISO 8601 in UTC); invalid when absent.
inline QDateTime instantOf(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace backoffice::server
