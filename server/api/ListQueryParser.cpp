#include "ListQueryParser.h"

#include "ApiException.h"
#include "EntityDescriptor.h"
#include "FieldReader.h"
#include "SqlValues.h"

namespace backoffice::server {

namespace {

bool isLabelKey(const EntityDescriptor &entity, const QString &key)
{
    for (const FieldDescriptor &field : entity.fields) {
        if (field.type == FieldType::Reference && field.referenceLabelKey() == key)
            return true;
    }
    return false;
}

bool isTextual(FieldType type)
{
    return type == FieldType::Text || type == FieldType::LongText || type == FieldType::EmailList;
}

bool isRangeType(FieldType type)
{
    return type == FieldType::Date || type == FieldType::DateTime || type == FieldType::Integer
           || type == FieldType::Money || type == FieldType::Id;
}

qint64 number(const QUrlQuery &url, const char *name, qint64 fallback, qint64 min, qint64 max,
              QHash<QString, QString> &errors)
{
    const QString text = url.queryItemValue(QLatin1String(name));
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        errors.insert(QLatin1String(name), QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        return fallback;
    }
    return value;
}

// Turns the text of a filter into the value the column holds (JSON form first, then storage form).
QVariant filterValue(const FieldDescriptor &field, const QString &text, QString *error)
{
    QJsonValue json;
    switch (field.type) {
    case FieldType::Id:
    case FieldType::Integer:
    case FieldType::Reference: {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("must be a whole number");
            return {};
        }
        return n;
    }
    case FieldType::Bool:
        if (text != QLatin1String("true") && text != QLatin1String("false")) {
            *error = QStringLiteral("must be true or false");
            return {};
        }
        return text == QLatin1String("true") ? 1 : 0;
    case FieldType::Money:
    case FieldType::Enum:
    case FieldType::Country:
    case FieldType::Currency:
    case FieldType::TimeZone:
    case FieldType::Date:
    case FieldType::DateTime:
        json = readField(field, QJsonValue(text), QStringLiteral("UTC"), error);
        if (!error->isEmpty())
            return {};
        return toStorage(field, json);
    default:
        return text;
    }
}

} // namespace

ListQuery parseListQuery(const EntityDescriptor &entity, const QUrlQuery &url)
{
    ListQuery query;
    QHash<QString, QString> errors;
    query.offset = number(url, "offset", 0, 0, std::numeric_limits<qint32>::max() * 1000LL, errors);
    query.limit = number(url, "limit", 50, 1, 1000, errors);
    query.search = url.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);

    const QString sort = url.queryItemValue(QStringLiteral("sort"), QUrl::FullyDecoded);
    const QStringList sortKeys = (sort.isEmpty() ? entity.defaultSort : sort).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString key : sortKeys) {
        key = key.trimmed();
        const bool descending = key.startsWith(QLatin1Char('-'));
        if (descending)
            key.remove(0, 1);
        const FieldDescriptor *field = entity.field(key);
        if ((!field || field->secret || field->type == FieldType::ReferenceList || field->type == FieldType::Json)
            && !isLabelKey(entity, key)) {
            errors.insert(QStringLiteral("sort"), QStringLiteral("cannot sort by \"%1\"").arg(key));
            continue;
        }
        query.sort << SortKey{key, descending};
    }

    static const QStringList reserved{QStringLiteral("offset"), QStringLiteral("limit"), QStringLiteral("sort"),
                                      QStringLiteral("q")};
    const auto items = url.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (reserved.contains(name))
            continue;
        QString fieldName = name;
        ListFilter::Op rangeOp = ListFilter::Op::Equals;
        if (name.endsWith(QLatin1String(".from")) || name.endsWith(QLatin1String(".to"))) {
            rangeOp = name.endsWith(QLatin1String(".from")) ? ListFilter::Op::From : ListFilter::Op::To;
            fieldName = name.left(name.lastIndexOf(QLatin1Char('.')));
        }
        if (isLabelKey(entity, fieldName) && rangeOp == ListFilter::Op::Equals) {
            query.filters << ListFilter{fieldName, value.isEmpty() ? ListFilter::Op::IsEmpty : ListFilter::Op::Contains,
                                        value};
            continue;
        }
        const FieldDescriptor *field = entity.field(fieldName);
        if (!field || field->secret || field->type == FieldType::ReferenceList || field->type == FieldType::Json
            || field->type == FieldType::StringList) {
            errors.insert(name, QStringLiteral("is not a filter of %1").arg(entity.plural.toLower()));
            continue;
        }
        if (rangeOp != ListFilter::Op::Equals && !isRangeType(field->type)) {
            errors.insert(name, QStringLiteral("ranges apply to dates, numbers and amounts only"));
            continue;
        }
        if (value.isEmpty()) {
            if (rangeOp == ListFilter::Op::Equals)
                query.filters << ListFilter{fieldName, ListFilter::Op::IsEmpty, {}};
            continue;
        }
        if (rangeOp == ListFilter::Op::Equals && isTextual(field->type)) {
            query.filters << ListFilter{fieldName, ListFilter::Op::Contains, value};
            continue;
        }
        QString error;
        const QVariant stored = filterValue(*field, value, &error);
        if (!error.isEmpty()) {
            errors.insert(name, error);
            continue;
        }
        query.filters << ListFilter{fieldName, rangeOp, stored};
    }
    if (!errors.isEmpty())
        throw ApiException::validation(errors, QStringLiteral("Some query parameters are not valid"));
    return query;
}

} // namespace backoffice::server
