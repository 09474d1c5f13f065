#pragma once

#include <QJsonValue>
#include <QVariant>

namespace backoffice {
struct FieldDescriptor;
}

namespace backoffice::server {

// Conversions between a field's API form (JSON) and its column value. Inputs are already
// validated by the API layer; a value that still doesn't fit becomes NULL.
QVariant toStorage(const FieldDescriptor &field, const QJsonValue &value);
QJsonValue fromStorage(const FieldDescriptor &field, const QVariant &value);

} // namespace backoffice::server
