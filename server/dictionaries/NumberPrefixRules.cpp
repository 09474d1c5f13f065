#include "NumberPrefixRules.h"

#include "ApiException.h"
#include "DestinationResolver.h"
#include "Dictionaries.h"
#include "EntityCatalogue.h"
#include "MobileNetworks.h"

#include <algorithm>

namespace backoffice::server {

namespace {

const QLatin1String prefixKey("prefix");
const QLatin1String countryKey("country");
const QLatin1String mccKey("mcc");
const QLatin1String mncKey("mnc");
const QLatin1String networkKey("network");
const QLatin1String sourceKey("source");

bool isDigits(const QString &value)
{
    return !value.isEmpty() && std::all_of(value.begin(), value.end(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
}

QString trimmed(const QJsonObject &row, QLatin1String key)
{
    return row.value(key).toString().trimmed();
}

} // namespace

bool NumberPrefixRules::isShipped(const QJsonObject &record)
{
    return record.value(sourceKey).toString() == QLatin1String("shipped");
}

void NumberPrefixRules::checkValues(QJsonObject &row, FieldErrors &errors)
{
    QString prefix = trimmed(row, prefixKey);
    if (prefix.startsWith(QLatin1Char('+')))
        prefix.remove(0, 1); // "+34609" is how people write it; the table keeps digits
    if (prefix.isEmpty())
        errors.insert(prefixKey, QStringLiteral("is required"));
    else if (!isDigits(prefix))
        errors.insert(prefixKey, QStringLiteral("must contain digits only (country code first, e.g. 34609)"));
    else if (prefix.size() > 15)
        errors.insert(prefixKey, QStringLiteral("has more than 15 digits"));
    else if (prefix.startsWith(QLatin1Char('0')))
        errors.insert(prefixKey, QStringLiteral("must start with the country code, not 0"));
    row.insert(prefixKey, prefix);

    const QString country = trimmed(row, countryKey).toUpper();
    if (country.isEmpty())
        errors.insert(countryKey, QStringLiteral("is required"));
    else if (!Dictionaries::instance().isCountry(country))
        errors.insert(countryKey, QStringLiteral("is not an ISO 3166-1 alpha-2 country code"));
    row.insert(countryKey, country);

    const QString mcc = trimmed(row, mccKey);
    const QString mnc = trimmed(row, mncKey);
    if (!mcc.isEmpty() && (mcc.size() != 3 || !isDigits(mcc)))
        errors.insert(mccKey, QStringLiteral("must be 3 digits"));
    if (!mnc.isEmpty() && ((mnc.size() != 2 && mnc.size() != 3) || !isDigits(mnc)))
        errors.insert(mncKey, QStringLiteral("must be 2 or 3 digits"));
    else if (!mnc.isEmpty() && mcc.isEmpty())
        errors.insert(mncKey, QStringLiteral("needs an MCC"));
    row.insert(mccKey, mcc.isEmpty() ? QJsonValue() : QJsonValue(mcc));
    row.insert(mncKey, mnc.isEmpty() ? QJsonValue() : QJsonValue(mnc));

    QString network = trimmed(row, networkKey);
    if (network.isEmpty() && !mnc.isEmpty()) {
        if (const MobileNetworks::Network *known = MobileNetworks::instance().find(mcc, mnc))
            network = known->name();
    }
    if (network.size() > 120)
        errors.insert(networkKey, QStringLiteral("is longer than 120 characters"));
    row.insert(networkKey, network.isEmpty() ? QJsonValue() : QJsonValue(network));
}

void NumberPrefixRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    if (before && isShipped(*before))
        throw ApiException::forbidden(QStringLiteral("Prefix %1 is shipped with BackOffice and cannot be changed; "
                                                     "add a longer prefix of your own to override it")
                                          .arg(before->value(prefixKey).toString()));
    // Rows written through the API are always the user's own.
    after.insert(sourceKey, QStringLiteral("user"));
    FieldErrors rowErrors;
    checkValues(after, rowErrors);
    for (auto it = rowErrors.cbegin(); it != rowErrors.cend(); ++it) {
        if (!errors.contains(it.key()))
            errors.insert(it.key(), it.value());
    }
    const QString prefix = after.value(prefixKey).toString();
    if (errors.contains(prefixKey) || prefix.isEmpty())
        return;
    ListQuery query;
    query.limit = 2;
    query.filters << ListFilter {QStringLiteral("prefix"), ListFilter::Op::Equals, prefix};
    const ListPage page = context.repository(entities::numberPrefixes).list(query, context.now);
    for (const QJsonValue &value : page.items) {
        const QJsonObject other = value.toObject();
        if (!before || other.value(QLatin1String("id")).toInteger() != before->value(QLatin1String("id")).toInteger()) {
            errors.insert(prefixKey, QStringLiteral("already exists"));
            break;
        }
    }
}

void NumberPrefixRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before,
                                   const QJsonObject &after)
{
    Q_UNUSED(context)
    Q_UNUSED(id)
    Q_UNUSED(before)
    Q_UNUSED(after)
    DestinationResolver::markPrefixesChanged();
}

void NumberPrefixRules::checkDelete(WriteContext &context, const QJsonObject &record)
{
    Q_UNUSED(context)
    if (isShipped(record))
        throw ApiException::forbidden(QStringLiteral("Prefix %1 is shipped with BackOffice and cannot be deleted")
                                          .arg(record.value(prefixKey).toString()));
    // Requests are served one at a time, so the next lookup already sees the row gone.
    DestinationResolver::markPrefixesChanged();
}

} // namespace backoffice::server
