#pragma once

#include "EntityDescriptor.h"

namespace backoffice {

// Catalogue entries of the fees that no message causes: additional fees (BO §7.4), fixed or priced
// by the agreement's "Additional services" rates, and the rules that charge a sender ID's usage fee
// every month or week (§6.5, "Sender ID periodic fee rules").
QList<EntityDescriptor> feeEntities();

namespace entities {
inline const QString additionalFees = QStringLiteral("additional-fees");
inline const QString senderIdFeeRules = QStringLiteral("sender-id-fee-rules");
} // namespace entities

// Charge sources of the fees, as charges and invoice lines spell them.
namespace chargesource {
inline const QString senderIdSetupFee = QStringLiteral("senderIdSetupFee");
inline const QString senderIdPeriodicFee = QStringLiteral("senderIdPeriodicFee");
inline const QString additionalFee = QStringLiteral("additionalFee");
} // namespace chargesource

// The sender ID types a fee can depend on (the rate tree's senderIdType values), by key.
QList<EnumValue> senderIdTypes();

} // namespace backoffice
