#include "BillingEntities.h"

#include "EntityFieldBuilders.h"
#include "MessagingEntities.h"

namespace backoffice {

using namespace catalogue;

namespace {

EntityDescriptor payments()
{
    EntityDescriptor e = entity(entities::payments, "Payment", "Payments", "payments", "referenceCode", {
        // Taken from the agreement; a company sent along must be the agreement's.
        ref("companyId", "Company", entities::companies),
        createOnly(ref("agreementId", "Agreement", entities::agreements, true)),
        f("paymentDate", "Payment date", FieldType::Date, true),
        text("referenceCode", "Reference code", true, 64),
        enumeration("direction", "Direction", {ev("inbound", "Inbound"), ev("outbound", "Outbound")}, false),
        f("amount", "Payment amount", FieldType::Money, true),
        f("currency", "Currency", FieldType::Currency, true),
        // What reaches the balance, in the agreement's currency (the amount itself when the
        // currencies agree and nothing else is given).
        f("replenishmentAmount", "Replenishment amount", FieldType::Money),
        readOnly(f("agreementCurrency", "Agreement currency", FieldType::Currency)),
        // 1 unit of the agreement's currency in the payment's currency, from the two amounts.
        readOnly(text("exchangeRate", "Exchange rate", false, 32)),
        hidden(f("exchangeRateDate", "Exchange rate date", FieldType::Date)),
        text("description", "Description", false, 500),
        hidden(f("confirmed", "Payment confirmed", FieldType::Bool)),
        f("confirmBefore", "Confirm payment before", FieldType::Date),
        readOnly(enumeration("status", "Status", {ev("CONFIRMED", "Confirmed"), ev("NOT_CONFIRMED", "Not confirmed"),
                                                  ev("EXPIRED", "Expired")}, false)),
        hidden(readOnly(f("countedInBalance", "Affects the balance", FieldType::Bool))),
        hidden(readOnly(f("expiresAt", "Leaves the balance at", FieldType::DateTime))),
        hidden(readOnly(f("confirmedAt", "Confirmed at", FieldType::DateTime))),
        hidden(readOnly(enumeration("source", "Source", {ev("manual", "Entered by staff"),
                                                         ev("portal", "Client portal top-up")}, false))),
    });
    return e;
}

EntityDescriptor balanceMovements()
{
    EntityDescriptor e = entity(entities::balanceMovements, "Balance movement", "Balance movements", "payments",
                                "description", {
        readOnly(f("at", "Time", FieldType::DateTime)),
        readOnly(ref("agreementId", "Agreement", entities::agreements)),
        readOnly(enumeration("kind", "Kind", {ev("paymentAdded", "Payment added"), ev("paymentChanged", "Payment changed"),
                                              ev("paymentConfirmed", "Payment confirmed"),
                                              ev("paymentWithdrawn", "Confirmation withdrawn"),
                                              ev("paymentExpired", "Unconfirmed payment expired"),
                                              ev("paymentDeleted", "Payment deleted")}, false)),
        readOnly(f("amount", "Amount", FieldType::Money)),
        readOnly(f("currency", "Currency", FieldType::Currency)),
        // A plain number, not a reference: the movement stays when its payment is deleted.
        readOnly(f("paymentId", "Payment ID", FieldType::Integer)),
        readOnly(text("description", "Description", false, 255)),
        hidden(readOnly(ref("userId", "User", entities::users))),
    }, false);
    e.readOnlyCollection = true;
    e.defaultSort = QStringLiteral("-id");
    return e;
}

// Made by the billing job per agreement and period; staff recalculate, confirm and comment.
EntityDescriptor invoices()
{
    EntityDescriptor e = entity(entities::invoices, "Invoice", "Invoices", "invoices", "referenceNumber", {
        readOnly(ref("companyId", "Company", entities::companies)),
        readOnly(ref("agreementId", "Agreement", entities::agreements)),
        hidden(readOnly(ref("ownLegalEntityId", "Own legal entity", entities::ownLegalEntities))),
        readOnly(enumeration("direction", "Direction", {ev("receivable", "Receivable"), ev("payable", "Payable")}, false)),
        hidden(readOnly(enumeration("billingPeriod", "Period", {ev("daily", "Daily"), ev("weekly", "Weekly"),
                                                                ev("monthly", "Monthly"), ev("quarterly", "Quarterly")},
                                    false))),
        readOnly(f("periodStart", "Period start", FieldType::DateTime)),
        readOnly(f("periodEnd", "Period end", FieldType::DateTime)),
        hidden(readOnly(f("timeZone", "Billing time zone", FieldType::TimeZone))),
        readOnly(text("referenceNumber", "Reference #", false, 40)),
        readOnly(f("total", "Total due", FieldType::Money)),
        hidden(readOnly(f("net", "Net", FieldType::Money))),
        hidden(readOnly(f("tax", "Tax", FieldType::Money))),
        readOnly(f("currency", "Currency", FieldType::Currency)),
        readOnly(enumeration("status", "Status", {ev("DRAFT", "Draft"), ev("CONFIRMED", "Confirmed")}, false)),
        readOnly(f("issueDate", "Issue date", FieldType::Date)),
        hidden(readOnly(f("dueDate", "Due date", FieldType::Date))),
        hidden(readOnly(f("taxRate", "Tax rate (%)", FieldType::Money))),
        hidden(readOnly(text("taxLabel", "Tax label", false, 40))),
        hidden(readOnly(f("chargeCount", "Charges", FieldType::Integer))),
        hidden(text("comment", "Comment", false, 1000)),
        hidden(readOnly(f("calculatedAt", "Calculated", FieldType::DateTime))),
        hidden(readOnly(f("confirmedAt", "Confirmed", FieldType::DateTime))),
        hidden(readOnly(ref("confirmedBy", "Confirmed by", entities::users))),
    });
    e.defaultSort = QStringLiteral("-periodStart");
    return e;
}

// The invoice's charges grouped by source, service, sender ID, rate and scale tier (§7.2 "Charges").
EntityDescriptor invoiceLines()
{
    EntityDescriptor e = entity(entities::invoiceLines, "Invoice line", "Invoice lines", "invoices", "description", QList<FieldDescriptor>{
        readOnly(ref("invoiceId", "Invoice", entities::invoices)),
        readOnly(enumeration("source", "Source", chargeSources(), false)),
        readOnly(text("description", "Description", false, 255)),
        readOnly(ref("serviceId", "Service", entities::services)),
        readOnly(ref("senderRecordId", "Sender ID", entities::senderIds)),
        readOnly(f("unitPrice", "Rate", FieldType::Money)),
        hidden(readOnly(text("band", "Scale band", false, 40))),
    } + priceTermFields() + QList<FieldDescriptor>{
        readOnly(f("chargeCount", "Count", FieldType::Integer)),
        readOnly(f("volume", "Volume", FieldType::Integer)),
        hidden(readOnly(f("exactNet", "Net (exact)", FieldType::Money))),
        readOnly(f("net", "Net", FieldType::Money)),
        readOnly(f("tax", "Tax", FieldType::Money)),
        readOnly(f("total", "Total due", FieldType::Money)),
    }, false);
    e.readOnlyCollection = true;
    e.defaultSort = QStringLiteral("id");
    return e;
}

// A request to price past EDRs again with the rates as they are now (§7.5): the filter is edited
// while the task is a draft; scheduling counts what it matches, and the billing job rerates it.
EntityDescriptor rerateTasks()
{
    FieldDescriptor channels = hidden(f("channels", "Channels", FieldType::StringList));
    channels.enumValues = messagingChannels();
    EntityDescriptor e = entity(entities::rerateTasks, "EDR rerate task", "EDR rerate tasks", "edrRerate", "id", {
        ref("companyId", "Company", entities::companies, true),
        readOnly(enumeration("status", "Status", {ev("DRAFT", "Draft"), ev("SCHEDULED", "Scheduled"), ev("RUNNING", "Running"),
                                                  ev("COMPLETE", "Complete"), ev("CANCELED", "Canceled")}, false)),
        // The EDRs accepted in [timeFrom, timeTill), UTC.
        f("timeFrom", "Time from", FieldType::DateTime, true),
        f("timeTill", "Time till", FieldType::DateTime, true),
        hidden(ref("agreementId", "Agreement", entities::agreements)),
        channels,
        // Empty: as soon as it is scheduled.
        f("scheduledFor", "Scheduled for", FieldType::DateTime),
        hidden(readOnly(f("estimatedCount", "Estimated", FieldType::Integer))),
        hidden(readOnly(f("processedCount", "Processed", FieldType::Integer))),
        hidden(readOnly(f("updatedCount", "Updated", FieldType::Integer))),
        hidden(readOnly(f("failedCount", "Failed", FieldType::Integer))),
        readOnly(text("errorMessage", "Error message", false, 1000)),
        hidden(readOnly(f("startedAt", "Started", FieldType::DateTime))),
        hidden(readOnly(f("completedAt", "Completed", FieldType::DateTime))),
        readOnly(ref("updatedBy", "Updated by", entities::users)),
    });
    e.defaultSort = QStringLiteral("-id");
    return e;
}

} // namespace

QList<EnumValue> chargeSources()
{
    return {ev("traffic", "Traffic"), ev("trafficRefund", "Traffic refund (unsent)"), ev("packPurchase", "Pack purchase"),
            ev("scaleAdjustment", "Back-to-first correction"), ev("senderFee", "Sender ID fee"),
            ev("senderIdSetupFee", "Sender ID setup fee"), ev("senderIdPeriodicFee", "Sender ID usage fee"),
            ev("additionalFee", "Additional fee"), ev("rerate", "Rerate adjustment")};
}

QList<FieldDescriptor> priceTermFields()
{
    return {
        readOnly(enumeration("priceType", "Price type",
                             {ev("flat", "Flat rate"), ev("scale", "Scale"), ev("free", "Free"),
                              ev("included", "Included in a pack"), ev("manual", "Set by staff")}, false)),
        hidden(readOnly(enumeration("scaleType", "Scale type", {ev("tier", "Tier"), ev("backToFirst", "Back-to-first")}, false))),
        hidden(readOnly(f("scaleTier", "Scale tier", FieldType::Integer))),
        hidden(readOnly(enumeration("scaleGroup", "Scale group", {ev("agreement", "Agreement"), ev("senderId", "Sender ID")}, false))),
        hidden(readOnly(f("rateId", "Rate ID", FieldType::Integer))),
    };
}

QList<EntityDescriptor> billingEntities()
{
    return {payments(), balanceMovements(), invoices(), invoiceLines(), rerateTasks()};
}

} // namespace backoffice
