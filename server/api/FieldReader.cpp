#include "FieldReader.h"

#include "Amount.h"
#include "BillingPeriod.h"
#include "Dictionaries.h"
#include "EntityDescriptor.h"
#include "Validation.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <cmath>

namespace backoffice::server {

namespace {

QJsonValue fail(QString *error, const QString &message)
{
    *error = message;
    return QJsonValue(QJsonValue::Undefined);
}

bool integral(const QJsonValue &value, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (std::floor(d) != d || std::fabs(d) > 9.0e15)
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

QJsonValue readDateTime(const QString &text, const QString &localZone, QString *error)
{
    // An explicit offset or Z is an instant; a bare local time is read in the field's zone.
    static const QRegularExpression withOffset(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
    if (withOffset.match(text).hasMatch()) {
        const QDateTime instant = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!instant.isValid())
            return fail(error, QStringLiteral("is not a date-time (2026-01-31T10:00:00Z)"));
        return instant.toUTC().toString(Qt::ISODateWithMs);
    }
    QDateTime local = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!local.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return fail(error, QStringLiteral("is not a date-time (2026-01-31T10:00:00 or 2026-01-31)"));
        local = QDateTime(date, QTime(0, 0));
    }
    const QTimeZone zone(localZone.isEmpty() ? QByteArrayLiteral("UTC") : localZone.toUtf8());
    if (!zone.isValid())
        return fail(error, QStringLiteral("needs a valid time zone to be read"));
    return localToUtc(local.date(), local.time(), zone).toString(Qt::ISODateWithMs);
}

} // namespace

QJsonValue readField(const FieldDescriptor &field, const QJsonValue &value, const QString &localZone, QString *error)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (field.type) {
    case FieldType::Id:
    case FieldType::Integer:
    case FieldType::Reference: {
        qint64 number = 0;
        if (!integral(value, &number))
            return fail(error, QStringLiteral("must be a whole number"));
        if (field.type == FieldType::Reference && number <= 0)
            return fail(error, QStringLiteral("must be the id of a record"));
        return QJsonValue(number);
    }
    case FieldType::Bool:
        if (!value.isBool())
            return fail(error, QStringLiteral("must be true or false"));
        return value;
    case FieldType::Money: {
        const QString text = value.isString() ? value.toString().trimmed()
                                              : (value.isDouble() && std::floor(value.toDouble()) == value.toDouble()
                                                     ? QString::number(static_cast<qint64>(value.toDouble()))
                                                     : QString());
        if (text.isEmpty())
            return value.isString() ? QJsonValue::Null
                                    : fail(error, QStringLiteral("must be an amount as a string, e.g. \"1500.00\""));
        QString problem;
        const auto amount = Amount::parse(text, &problem);
        if (!amount)
            return fail(error, problem.isEmpty() ? QStringLiteral("is not an amount") : problem);
        if (amount->isNegative())
            return fail(error, QStringLiteral("must not be negative"));
        return amount->toString();
    }
    default:
        break;
    }

    if (field.type == FieldType::StringList || field.type == FieldType::ReferenceList) {
        if (!value.isArray())
            return fail(error, QStringLiteral("must be a list"));
        QJsonArray out;
        QSet<QString> seen;
        for (const QJsonValue &item : value.toArray()) {
            if (field.type == FieldType::ReferenceList) {
                qint64 id = 0;
                if (!integral(item, &id) || id <= 0)
                    return fail(error, QStringLiteral("must be a list of record ids"));
                if (!seen.contains(QString::number(id)))
                    out.append(id);
                seen.insert(QString::number(id));
                continue;
            }
            const QString key = item.toString().trimmed();
            if (!item.isString() || key.isEmpty())
                return fail(error, QStringLiteral("must be a list of texts"));
            if (!field.enumValues.isEmpty()) {
                const bool known = std::any_of(field.enumValues.begin(), field.enumValues.end(),
                                               [&key](const EnumValue &v) { return v.key == key; });
                if (!known)
                    return fail(error, QStringLiteral("has an unknown value \"%1\"").arg(key));
            }
            if (!seen.contains(key))
                out.append(key);
            seen.insert(key);
        }
        return out;
    }
    if (field.type == FieldType::Json) {
        if (!value.isObject())
            return fail(error, QStringLiteral("must be a JSON object"));
        return value;
    }

    if (!value.isString())
        return fail(error, QStringLiteral("must be a text"));
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return QJsonValue::Null;
    if (field.maxLength > 0 && text.size() > field.maxLength)
        return fail(error, QStringLiteral("must be at most %1 characters").arg(field.maxLength));

    switch (field.type) {
    case FieldType::Enum: {
        for (const EnumValue &v : field.enumValues) {
            if (v.key == text)
                return text;
        }
        QStringList keys;
        for (const EnumValue &v : field.enumValues)
            keys << v.key;
        return fail(error, QStringLiteral("must be one of: %1").arg(keys.join(QStringLiteral(", "))));
    }
    case FieldType::Country:
        if (!Dictionaries::instance().isCountry(text.toUpper()))
            return fail(error, QStringLiteral("is not an ISO 3166-1 country code"));
        return text.toUpper();
    case FieldType::Currency:
        if (!Dictionaries::instance().isCurrency(text.toUpper()))
            return fail(error, QStringLiteral("is not an ISO 4217 currency code"));
        return text.toUpper();
    case FieldType::TimeZone:
        if (!Dictionaries::instance().isTimeZone(text))
            return fail(error, QStringLiteral("is not a known time zone"));
        return text;
    case FieldType::Date: {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return fail(error, QStringLiteral("is not a date (YYYY-MM-DD)"));
        return date.toString(Qt::ISODate);
    }
    case FieldType::DateTime:
        return readDateTime(text, localZone, error);
    case FieldType::EmailList: {
        const QStringList bad = validation::invalidEmails(text);
        if (!bad.isEmpty())
            return fail(error, QStringLiteral("has addresses that are not valid: %1").arg(bad.join(QStringLiteral(", "))));
        QStringList parts;
        for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
            parts << part;
        return parts.join(QStringLiteral(", "));
    }
    default:
        return text;
    }
}

} // namespace backoffice::server
