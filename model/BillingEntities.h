#pragma once

#include "EntityDescriptor.h"

namespace backoffice {

// Catalogue entries of finance: payments (BO §7.1) and the balance movements they cause, invoices
// and their lines (§7.2), EDR rerate tasks (§7.5).
QList<EntityDescriptor> billingEntities();
// What a charge can be for (charges.source), as the API spells it, with the label people read.
QList<EnumValue> chargeSources();
// How a charge's price was found (BO §7.2 "Charge details"): price type, scale type, tier, counter
// group and the rate tree node, read-only, for charges and the invoice lines grouping them.
QList<FieldDescriptor> priceTermFields();

namespace entities {
inline const QString payments = QStringLiteral("payments");
inline const QString balanceMovements = QStringLiteral("balance-movements");
inline const QString invoices = QStringLiteral("invoices");
inline const QString invoiceLines = QStringLiteral("invoice-lines");
inline const QString rerateTasks = QStringLiteral("rerate-tasks");
} // namespace entities

// Payment statuses as the API spells them.
namespace paymentstatus {
inline const QString confirmed = QStringLiteral("CONFIRMED");
inline const QString notConfirmed = QStringLiteral("NOT_CONFIRMED");
inline const QString expired = QStringLiteral("EXPIRED");
} // namespace paymentstatus

// Rerate task statuses as the API spells them: DRAFT → SCHEDULED → RUNNING → COMPLETE, and
// DRAFT or SCHEDULED → CANCELED.
namespace reratestatus {
inline const QString draft = QStringLiteral("DRAFT");
inline const QString scheduled = QStringLiteral("SCHEDULED");
inline const QString running = QStringLiteral("RUNNING");
inline const QString complete = QStringLiteral("COMPLETE");
inline const QString canceled = QStringLiteral("CANCELED");
} // namespace reratestatus

} // namespace backoffice
