#include "FeeEntities.h"

#include "EntityFieldBuilders.h"
#include "MessagingEntities.h"

namespace backoffice {

using namespace catalogue;

namespace {

// BO §7.4: a fee written off an agreement when it is created. "fixed" takes the pre-rated cost as it
// is; "byTariff" is volume × the rate of the named additional service in the agreement's enabled
// pay-as-you-go "Additional service" tree. Issued fees are never changed or deleted: a correction
// is a new fixed fee naming the one it corrects (correctsFeeId), whose pre-rated cost is credited.
EntityDescriptor additionalFees()
{
    EntityDescriptor e = entity(
        entities::additionalFees, "Additional fee", "Additional fees", "additionalFees", "description",
        {
            createOnly(ref("companyId", "Company", entities::companies, true)),
            createOnly(ref("agreementId", "Agreement", entities::agreements, true)),
            text("description", "Description", false, 255),
            createOnly(enumeration("feeType", "Fee type", {ev("fixed", "Fixed price"), ev("byTariff", "By tariff")})),
            createOnly(f("preRatedCost", "Pre-rated cost", FieldType::Money)),
            createOnly(text("additionalService", "Additional service", false, 120)),
            createOnly(f("volume", "Volume", FieldType::Integer)),
            hidden(createOnly(ref("correctsFeeId", "Corrects fee", entities::additionalFees))),
            readOnly(f("unitPrice", "Rate", FieldType::Money)),
            readOnly(f("amount", "Amount", FieldType::Money)),
            readOnly(f("currency", "Currency", FieldType::Currency)),
            hidden(readOnly(ref("serviceId", "Priced by service", entities::services))),
            readOnly(f("issued", "Issued", FieldType::Bool)),
            readOnly(f("issuedAt", "Time", FieldType::DateTime)),
            readOnly(text("transactionId", "Transaction ID", false, 36)),
            hidden(readOnly(ref("userId", "User", entities::users))),
        });
    e.defaultSort = QStringLiteral("-id");
    return e;
}

// BO §6.5 "Sender ID periodic fee rules": every month (start day 1-28) or week (start weekday 1
// Monday .. 7 Sunday), N days before the period starts, the sender ID's usage fee found in the
// agreement's service tree (Sender ID usage fee, by periodicity, MNO and sender ID type) is written
// off; when no rate is found the job tries again every few hours up to a number of retries, then
// records the failure on the rule and as a notification.
EntityDescriptor senderIdFeeRules()
{
    EntityDescriptor e
        = entity(entities::senderIdFeeRules, "Sender ID fee rule", "Sender ID fee rules", "senderIdFees", "id",
                 {
                     readOnly(ref("companyId", "Company", entities::companies)),
                     readOnly(ref("agreementId", "Agreement", entities::agreements)),
                     createOnly(ref("senderRecordId", "Sender ID", entities::senderIds, true)),
                     f("effectiveFrom", "Effective from", FieldType::DateTime, true),
                     f("effectiveTill", "Effective till", FieldType::DateTime),
                     enumeration("period", "Charge every", {ev("monthly", "Month"), ev("weekly", "Week")}),
                     f("startDay", "Start day", FieldType::Integer, true),
                     f("chargeDaysBefore", "Charge, days beforehand", FieldType::Integer),
                     hidden(f("retryHours", "Retry every (hours)", FieldType::Integer)),
                     hidden(f("maxRetries", "Max retries", FieldType::Integer)),
                     enumeration("senderIdType", "Sender ID type", senderIdTypes(), false),
                     text("mno", "MNO", false, 120),
                     // "enabled" like companies: a rule sent without it is active.
                     f("enabled", "Active", FieldType::Bool),
                     readOnly(f("lastChargedPeriod", "Last charged period", FieldType::DateTime)),
                     readOnly(text("lastError", "Last error", false, 500)),
                     hidden(readOnly(f("lastErrorAt", "Last error at", FieldType::DateTime))),
                 });
    e.defaultSort = QStringLiteral("-id");
    return e;
}

} // namespace

QList<EnumValue> senderIdTypes()
{
    return {ev("alphanumeric", "Alphanumeric"), ev("shortCode", "Short code"), ev("longCode", "Long code")};
}

QList<EntityDescriptor> feeEntities()
{
    return {additionalFees(), senderIdFeeRules()};
}

} // namespace backoffice
