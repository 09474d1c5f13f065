#include "EntityDescriptor.h"

namespace backoffice {

QString FieldDescriptor::referenceLabelKey() const
{
    if (!isReference())
        return {};
    QString base = name;
    if (type == FieldType::Reference && base.endsWith(QLatin1String("Id")))
        base.chop(2);
    else if (type == FieldType::ReferenceList && base.endsWith(QLatin1String("Ids")))
        base.chop(3);
    return base + (type == FieldType::ReferenceList ? QStringLiteral("Names") : QStringLiteral("Name"));
}

const FieldDescriptor *EntityDescriptor::field(const QString &fieldName) const
{
    for (const FieldDescriptor &f : fields) {
        if (f.name == fieldName)
            return &f;
    }
    return nullptr;
}

QStringList EntityDescriptor::fieldNames() const
{
    QStringList names;
    names.reserve(fields.size());
    for (const FieldDescriptor &f : fields)
        names << f.name;
    return names;
}

} // namespace backoffice
