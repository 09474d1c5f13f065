#include "ChargeInvoice.h"

#include "ValueFormat.h"

#include <QCoreApplication>

namespace backoffice::views::chargeinvoice {

namespace {

QString text(const QJsonObject &record, const char *key)
{
    return record.value(QLatin1String(key)).toString();
}

} // namespace

QUrlQuery candidatesQuery(const QJsonObject &charge)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("agreementId"),
                       QString::number(charge.value(QLatin1String("agreementId")).toInteger()));
    query.addQueryItem(QStringLiteral("periodEnd.from"), text(charge, "chargedAt"));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("periodEnd"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
    return query;
}

bool covers(const QJsonObject &invoice, const QJsonObject &charge)
{
    const qint64 agreement = charge.value(QLatin1String("agreementId")).toInteger();
    if (agreement <= 0 || invoice.value(QLatin1String("agreementId")).toInteger() != agreement)
        return false;
    const QDateTime at = valueformat::parseInstant(text(charge, "chargedAt"));
    const QDateTime start = valueformat::parseInstant(text(invoice, "periodStart"));
    const QDateTime end = valueformat::parseInstant(text(invoice, "periodEnd"));
    return at.isValid() && start.isValid() && end.isValid() && start <= at && at < end;
}

QJsonObject pick(const QJsonArray &candidates, const QJsonObject &charge)
{
    for (const QJsonValue &candidate : candidates) {
        if (covers(candidate.toObject(), charge))
            return candidate.toObject();
    }
    return {};
}

QString reference(const QJsonObject &invoice)
{
    const QString number = text(invoice, "referenceNumber");
    if (!number.isEmpty())
        return number;
    return QCoreApplication::translate("ChargeInvoice", "#%1 (draft)")
        .arg(invoice.value(QLatin1String("id")).toInteger());
}

} // namespace backoffice::views::chargeinvoice
