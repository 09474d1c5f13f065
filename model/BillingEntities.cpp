#include "BillingEntities.h"

#include "EntityFieldBuilders.h"

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

} // namespace

QList<EntityDescriptor> billingEntities()
{
    return {payments(), balanceMovements()};
}

} // namespace backoffice
