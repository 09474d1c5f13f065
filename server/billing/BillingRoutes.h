#pragma once

namespace backoffice::server {

class Database;
class EntityService;
class RatingEngine;
class Router;

// Finance views that are not plain collections:
//   GET agreements/{id}/ledger?from=&till=  every balance movement and the charges per UTC day and
//       source, newest first, each with the balance after it; opening and closing balance of the
//       range (default: the last 31 days). Needs View on agreements, and sees what the caller may see.
//   POST enabled-services/pack-price {agreementId, serviceId, effectiveFrom?}  what enabling the pack
//       with billing "charge" would cost, as the form shows before saving: {price, currency,
//       pricedBy} or {price: null, message: "Rate not found: …"} (enabledServices: View)
void addBillingRoutes(Router &router, Database &database, EntityService &entities, RatingEngine &rating);

} // namespace backoffice::server
