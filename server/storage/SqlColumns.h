#pragma once

#include <QDateTime>
#include <QVariant>

namespace backoffice::server {

// How the stores write and read column values: instants as UTC ISO 8601 text with milliseconds
// (so they sort and compare as text), and NULL for an absent id, text or time. One definition for
// every store, so no two of them can disagree on the format.

inline QString iso(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

// An instant column; invalid for NULL.
inline QDateTime instant(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

inline QVariant idOrNull(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

inline QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

inline QVariant timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(iso(time)) : QVariant(QMetaType(QMetaType::QString));
}

} // namespace backoffice::server
