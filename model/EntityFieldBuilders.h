#pragma once

#include "EntityCatalogue.h"

// Small builders that keep the entity catalogue readable as a table of fields. Only for the files
// that define catalogue entries.
namespace backoffice::catalogue {

inline FieldDescriptor f(const char *name, const char *label, FieldType type, bool required = false)
{
    FieldDescriptor d;
    d.name = QString::fromLatin1(name);
    d.label = QString::fromLatin1(label);
    d.type = type;
    d.required = required;
    return d;
}

inline FieldDescriptor text(const char *name, const char *label, bool required = false, int maxLength = 255)
{
    FieldDescriptor d = f(name, label, FieldType::Text, required);
    d.maxLength = maxLength;
    return d;
}

inline FieldDescriptor ref(const char *name, const char *label, const QString &entity, bool required = false)
{
    FieldDescriptor d = f(name, label, FieldType::Reference, required);
    d.referenceEntity = entity;
    return d;
}

inline FieldDescriptor enumeration(const char *name, const char *label, QList<EnumValue> values, bool required = true)
{
    FieldDescriptor d = f(name, label, FieldType::Enum, required);
    d.enumValues = std::move(values);
    return d;
}

inline EnumValue ev(const char *key, const char *label)
{
    return {QString::fromLatin1(key), QString::fromLatin1(label)};
}

inline FieldDescriptor readOnly(FieldDescriptor d)
{
    d.readOnly = true;
    return d;
}

inline FieldDescriptor createOnly(FieldDescriptor d)
{
    d.createOnly = true;
    return d;
}

inline FieldDescriptor hidden(FieldDescriptor d)
{
    d.listed = false;
    return d;
}

inline FieldDescriptor idField()
{
    return readOnly(f("id", "ID", FieldType::Id));
}

inline QList<FieldDescriptor> timestamps()
{
    return {readOnly(f("createdAt", "Created", FieldType::DateTime)),
            readOnly(f("updatedAt", "Updated", FieldType::DateTime))};
}

inline EntityDescriptor entity(const QString &name, const char *singular, const char *plural, const char *area,
                        const char *displayField, QList<FieldDescriptor> fields, bool withTimestamps = true)
{
    EntityDescriptor e;
    e.name = name;
    e.singular = QString::fromLatin1(singular);
    e.plural = QString::fromLatin1(plural);
    e.permissionArea = QString::fromLatin1(area);
    e.displayField = QString::fromLatin1(displayField);
    e.defaultSort = QStringLiteral("-id");
    e.fields << idField() << fields;
    if (withTimestamps)
        e.fields << timestamps();
    return e;
}

} // namespace backoffice::catalogue
