#include "ValueFormat.h"

#include "Amount.h"
#include "Dictionaries.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace backoffice::views::valueformat {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ValueFormat", text);
}

QString joinedArray(const QJsonValue &value)
{
    QStringList parts;
    for (const QJsonValue &item : value.toArray())
        parts << (item.isString() ? item.toString() : QString::number(item.toInteger()));
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString datePattern()
{
    return QStringLiteral("dd.MM.yyyy");
}

QString dateTimePattern()
{
    return QStringLiteral("dd.MM.yyyy HH:mm");
}

QDateTime parseInstant(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC); // the API speaks UTC; a missing offset is not the viewer's zone
    return dt.toUTC();
}

QString instantText(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z');
}

QString displayDate(const QString &isoDate)
{
    const QDate date = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return date.isValid() ? date.toString(datePattern()) : isoDate;
}

QString displayInstant(const QString &isoInstant, const QString &zoneId)
{
    const QDateTime utc = parseInstant(isoInstant);
    if (!utc.isValid())
        return isoInstant;
    const QTimeZone zone(zoneId.toUtf8());
    const QDateTime shown = (!zoneId.isEmpty() && zone.isValid()) ? utc.toTimeZone(zone) : utc.toLocalTime();
    return shown.toString(dateTimePattern());
}

QString enumLabel(const FieldDescriptor &field, const QString &key)
{
    for (const EnumValue &value : field.enumValues) {
        if (value.key == key)
            return value.label;
    }
    return key;
}

QString displayAmount(const QJsonValue &value, const QString &currency, int minDecimals)
{
    if (!value.isString())
        return QString(); // the API sends money as text; a number here would already be inexact
    const QString text = value.toString();
    const std::optional<Amount> amount = Amount::parse(text);
    const QString shown = amount ? amount->toString(minDecimals) : text;
    if (currency.isEmpty() || shown.isEmpty())
        return shown;
    return shown + QLatin1Char(' ') + currency;
}

bool isNumeric(const FieldDescriptor &field)
{
    return field.type == FieldType::Id || field.type == FieldType::Integer || field.type == FieldType::Money;
}

const FieldDescriptor *zoneFieldFor(const EntityDescriptor &entity, const FieldDescriptor &field)
{
    if (field.type != FieldType::DateTime)
        return nullptr;
    const FieldDescriptor *zone = entity.field(field.name + QStringLiteral("Zone"));
    return (zone && zone->type == FieldType::TimeZone) ? zone : nullptr;
}

QString display(const FieldDescriptor &field, const QJsonObject &record)
{
    const QJsonValue value = record.value(field.name);
    switch (field.type) {
    case FieldType::Reference: {
        const QString label = record.value(field.referenceLabelKey()).toString();
        if (!label.isEmpty())
            return label;
        return value.isDouble() ? QStringLiteral("#%1").arg(value.toInteger()) : QString();
    }
    case FieldType::ReferenceList: {
        const QJsonValue labels = record.value(field.referenceLabelKey());
        return labels.isArray() ? joinedArray(labels) : joinedArray(value);
    }
    case FieldType::Bool:
        return value.toBool() ? tr("Yes") : tr("No");
    case FieldType::Id:
    case FieldType::Integer:
        return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
    case FieldType::Money:
        // A null credit limit means "no limit" (reference §6.3.1); other money fields are just empty.
        if (value.isNull() || value.isUndefined())
            return field.name == QLatin1String("creditLimit") ? tr("unlimited") : QString();
        return value.isString() ? value.toString() : QString::number(value.toDouble(), 'f', 2);
    case FieldType::Date:
        return displayDate(value.toString());
    case FieldType::DateTime: {
        if (value.isNull() || value.isUndefined() || value.toString().isEmpty()) {
            // An open end of a validity period reads as "indefinitely", as the reference shows it.
            return field.name.endsWith(QLatin1String("Till")) ? tr("∞ (indefinitely)") : QString();
        }
        const QString zone = record.value(field.name + QStringLiteral("Zone")).toString();
        return displayInstant(value.toString(), zone);
    }
    case FieldType::Enum:
        return enumLabel(field, value.toString());
    case FieldType::StringList: {
        QStringList labels;
        for (const QJsonValue &item : value.toArray())
            labels << enumLabel(field, item.toString());
        return labels.join(QStringLiteral(", "));
    }
    case FieldType::Country: {
        const QString name = Dictionaries::instance().countryName(value.toString());
        return name.isEmpty() ? value.toString() : name;
    }
    case FieldType::Json:
        if (value.isObject())
            return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        if (value.isArray())
            return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        return value.toString();
    case FieldType::Text:
    case FieldType::LongText:
    case FieldType::Currency:
    case FieldType::TimeZone:
    case FieldType::EmailList:
        break;
    }
    return value.isString() ? value.toString() : value.toVariant().toString();
}

} // namespace backoffice::views::valueformat
