#pragma once

#include "EntityDescriptor.h"

namespace backoffice {

// Catalogue entries of the messaging engine: vendor SMPP, client SMPP and HTTP connections (BO
// §11.1–11.3), sender IDs (§6.5), the clients' API keys (CP §13.1), stop list (CP §7.4), and what traffic leaves
// behind: EDRs, charges and traffic notifications (read-only collections).
QList<EntityDescriptor> messagingEntities();

namespace entities {
inline const QString vendorSmppConnections = QStringLiteral("vendor-smpp-connections");
inline const QString clientSmppConnections = QStringLiteral("client-smpp-connections");
inline const QString httpConnections = QStringLiteral("http-connections");
inline const QString senderIds = QStringLiteral("sender-ids");
inline const QString apiKeys = QStringLiteral("api-keys");
inline const QString stopList = QStringLiteral("stop-list");
inline const QString edrs = QStringLiteral("edrs");
inline const QString charges = QStringLiteral("charges");
inline const QString notifications = QStringLiteral("notifications");
} // namespace entities

// The channels a sender ID can be set up for (§6.5), by key: "sms", "rcs", "viber", …
QList<EnumValue> messagingChannels();
// The vendor types of HTTP connections (§11.3), by key: "viber", "transitSms", …
QList<EnumValue> httpVendorTypes();

} // namespace backoffice
