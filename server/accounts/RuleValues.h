#pragma once

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

} // namespace backoffice::server
