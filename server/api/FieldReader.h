#pragma once

#include <QJsonValue>
#include <QString>

namespace backoffice {
struct FieldDescriptor;
}

namespace backoffice::server {

// Checks one incoming field value against its descriptor and returns it in canonical API form
// (trimmed text, upper-case codes, UTC date-times, exact money). On a problem returns undefined
// and sets *error to a message for the field. localZone reads date-times given without an offset.
QJsonValue readField(const FieldDescriptor &field, const QJsonValue &value, const QString &localZone, QString *error);

} // namespace backoffice::server
