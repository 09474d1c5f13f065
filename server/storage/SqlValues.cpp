#include "SqlValues.h"

#include "Amount.h"
#include "EntityDescriptor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace backoffice::server {

QVariant toStorage(const FieldDescriptor &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant(QMetaType::fromType<QString>()); // a typed NULL binds everywhere
    switch (field.type) {
    case FieldType::Id:
    case FieldType::Integer:
    case FieldType::Reference:
        return QVariant::fromValue<qint64>(value.toInteger());
    case FieldType::Bool:
        return value.toBool() ? 1 : 0;
    case FieldType::Money: {
        const auto amount = Amount::parse(value.toString());
        return amount ? QVariant::fromValue<qint64>(amount->micros()) : QVariant(QMetaType::fromType<qint64>());
    }
    case FieldType::StringList:
    case FieldType::ReferenceList:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case FieldType::Json:
        if (value.isArray())
            return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return value.toString();
    }
}

QJsonValue fromStorage(const FieldDescriptor &field, const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (field.type) {
    case FieldType::Id:
    case FieldType::Integer:
    case FieldType::Reference:
        return QJsonValue(value.toLongLong());
    case FieldType::Bool:
        return value.toLongLong() != 0;
    case FieldType::Money:
        return Amount::fromMicros(value.toLongLong()).toString();
    case FieldType::StringList:
        return QJsonDocument::fromJson(value.toString().toUtf8()).array();
    case FieldType::Json: {
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
        if (document.isArray())
            return document.array();
        return document.object();
    }
    default:
        return value.toString();
    }
}

} // namespace backoffice::server
