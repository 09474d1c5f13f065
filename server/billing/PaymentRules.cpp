#include "PaymentRules.h"

#include "AgreementChanges.h"
#include "BillingPeriod.h"
#include "BillingStore.h"
#include "EntityCatalogue.h"
#include "PaymentEffect.h"
#include "RuleValues.h"

#include <QTimeZone>

namespace backoffice::server {

namespace {

Amount moneyOf(const QJsonObject &record, const char *field)
{
    return Amount::parse(fieldOf(record, field).toString()).value_or(Amount());
}

QDate dateOf(const QJsonObject &record, const char *field)
{
    return QDate::fromString(fieldOf(record, field).toString(), Qt::ISODate);
}

void checkAmounts(QJsonObject &after, const QString &agreementCurrency, FieldErrors &errors)
{
    const Amount amount = moneyOf(after, "amount");
    if (isSet(fieldOf(after, "amount")) && amount <= Amount())
        errors.insert(QStringLiteral("amount"), QStringLiteral("must be more than zero"));
    const bool sameCurrency = fieldOf(after, "currency").toString() == agreementCurrency;
    if (sameCurrency && !isSet(fieldOf(after, "replenishmentAmount")))
        after.insert(QStringLiteral("replenishmentAmount"), amount.toString());
    if (!sameCurrency) {
        if (!isSet(fieldOf(after, "replenishmentAmount")))
            errors.insert(QStringLiteral("replenishmentAmount"),
                          QStringLiteral("is required: the payment is not in the agreement's currency (%1)").arg(agreementCurrency));
        if (!isSet(fieldOf(after, "exchangeRateDate")))
            errors.insert(QStringLiteral("exchangeRateDate"), QStringLiteral("is required when the currencies differ"));
    }
    const Amount replenishment = moneyOf(after, "replenishmentAmount");
    if (isSet(fieldOf(after, "replenishmentAmount")) && replenishment <= Amount())
        errors.insert(QStringLiteral("replenishmentAmount"), QStringLiteral("must be more than zero"));
    const bool showRate = !sameCurrency && amount > Amount() && replenishment > Amount();
    after.insert(QStringLiteral("exchangeRate"),
                 showRate ? QJsonValue(exchangeRate(amount, replenishment)) : QJsonValue(QJsonValue::Null));
    if (sameCurrency)
        after.insert(QStringLiteral("exchangeRateDate"), QJsonValue::Null);
}

// Confirmation, confirm-before date and what follows from them (expiry instant, whether it counts).
void checkConfirmation(const WriteContext &context, const QJsonObject *before, QJsonObject &after,
                       const QTimeZone &zone, FieldErrors &errors)
{
    const QDate today = context.now.toTimeZone(zone).date();
    const bool confirmed = fieldOf(after, "confirmed").toBool();
    const bool wasConfirmed = before && fieldOf(*before, "confirmed").toBool();
    if (confirmed) {
        after.insert(QStringLiteral("confirmBefore"), QJsonValue::Null);
        after.insert(QStringLiteral("expiresAt"), QJsonValue::Null);
        after.insert(QStringLiteral("countedInBalance"), true);
        if (!wasConfirmed)
            after.insert(QStringLiteral("confirmedAt"), context.now.toString(Qt::ISODateWithMs));
        return;
    }
    after.insert(QStringLiteral("confirmedAt"), QJsonValue::Null);
    const QDate confirmBefore = dateOf(after, "confirmBefore");
    if (!confirmBefore.isValid()) {
        errors.insert(QStringLiteral("confirmBefore"), QStringLiteral("is required for a payment that is not confirmed"));
        return;
    }
    const bool dateChanged = !before || wasConfirmed || fieldOf(*before, "confirmBefore") != fieldOf(after, "confirmBefore");
    if (dateChanged && confirmBefore < today)
        errors.insert(QStringLiteral("confirmBefore"),
                      QStringLiteral("cannot be in the past (today is %1 in %2)").arg(today.toString(Qt::ISODate),
                                                                                      QString::fromUtf8(zone.id())));
    // It counts through the whole confirm-before day, local time.
    const QDateTime expires = localToUtc(confirmBefore.addDays(1), QTime(0, 0), zone);
    after.insert(QStringLiteral("expiresAt"), expires.toString(Qt::ISODateWithMs));
    after.insert(QStringLiteral("countedInBalance"), context.now < expires);
}

QString movementKind(const QJsonObject *before, const QJsonObject &after)
{
    if (!before)
        return QStringLiteral("paymentAdded");
    const bool counted = fieldOf(after, "countedInBalance").toBool();
    const bool wasCounted = fieldOf(*before, "countedInBalance").toBool();
    if (counted && !wasCounted)
        return QStringLiteral("paymentConfirmed");
    if (!counted && wasCounted)
        return QStringLiteral("paymentWithdrawn");
    return QStringLiteral("paymentChanged");
}

QString describe(const QString &kind, const QJsonObject &payment)
{
    const QString reference = fieldOf(payment, "referenceCode").toString();
    const QString paid = QStringLiteral("%1 %2").arg(fieldOf(payment, "amount").toString(), fieldOf(payment, "currency").toString());
    if (kind == QLatin1String("paymentAdded"))
        return QStringLiteral("Payment %1 added (%2)").arg(reference, paid);
    if (kind == QLatin1String("paymentConfirmed"))
        return QStringLiteral("Payment %1 confirmed (%2)").arg(reference, paid);
    if (kind == QLatin1String("paymentWithdrawn"))
        return QStringLiteral("Payment %1 no longer counts: confirmation withdrawn").arg(reference);
    if (kind == QLatin1String("paymentDeleted"))
        return QStringLiteral("Payment %1 deleted (%2)").arg(reference, paid);
    return QStringLiteral("Payment %1 changed (%2)").arg(reference, paid);
}

void move(WriteContext &context, qint64 paymentId, const QJsonObject &payment, const QString &kind, Amount delta)
{
    if (delta.isZero())
        return;
    BalanceMovement movement;
    movement.agreementId = fieldOf(payment, "agreementId").toInteger();
    movement.at = context.now;
    movement.kind = kind;
    movement.amount = delta;
    movement.currency = fieldOf(payment, "agreementCurrency").toString();
    movement.paymentId = paymentId;
    movement.description = describe(kind, payment);
    movement.userId = context.session.userId;
    BillingStore(context.db).moveBalance(movement);
}

} // namespace

void PaymentRules::check(WriteContext &context, const QJsonObject *before, QJsonObject &after, FieldErrors &errors)
{
    const auto agreement = context.record(entities::agreements, fieldOf(after, "agreementId").toInteger());
    if (!agreement)
        return; // the generic reference check names the missing agreement
    const qint64 companyId = fieldOf(*agreement, "companyId").toInteger();
    if (isSet(fieldOf(after, "companyId")) && fieldOf(after, "companyId").toInteger() != companyId)
        errors.insert(QStringLiteral("agreementId"), QStringLiteral("is not an agreement of the chosen company"));
    after.insert(QStringLiteral("companyId"), companyId);
    const QString agreementCurrency = fieldOf(*agreement, "currency").toString();
    after.insert(QStringLiteral("agreementCurrency"), agreementCurrency);
    after.insert(QStringLiteral("referenceCode"), fieldOf(after, "referenceCode").toString().trimmed());
    if (!isSet(fieldOf(after, "direction")))
        after.insert(QStringLiteral("direction"), QStringLiteral("inbound"));
    if (!before)
        after.insert(QStringLiteral("source"), QStringLiteral("manual"));

    QTimeZone zone(fieldOf(*agreement, "billingTimeZone").toString().toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDate paymentDate = dateOf(after, "paymentDate");
    const QDate today = context.now.toTimeZone(zone).date();
    if (paymentDate.isValid() && paymentDate > today)
        errors.insert(QStringLiteral("paymentDate"), QStringLiteral("cannot be in the future (today is %1 in %2)")
                                                         .arg(today.toString(Qt::ISODate), QString::fromUtf8(zone.id())));
    checkAmounts(after, agreementCurrency, errors);
    checkConfirmation(context, before, after, zone, errors);
}

void PaymentRules::afterWrite(WriteContext &context, qint64 id, const QJsonObject *before, const QJsonObject &after)
{
    const Amount delta = balanceEffect(after) - (before ? balanceEffect(*before) : Amount());
    move(context, id, after, movementKind(before, after), delta);
}

void PaymentRules::beforeRemove(WriteContext &context, qint64 id, const QJsonObject &record)
{
    move(context, id, record, QStringLiteral("paymentDeleted"), -balanceEffect(record));
}

void PaymentRules::committed(qint64 id)
{
    Q_UNUSED(id)
    // The messaging engine re-reads balance movements when agreements change.
    AgreementChanges::changed();
}

} // namespace backoffice::server
