#pragma once

namespace backoffice::server {

class EntityService;
class DestinationResolver;
class RatingEngine;
class Router;

// POST rating/quote: prices one message or fee for an agreement at an instant, with the service and
// tree path used and an explain trace, or the reason it cannot be priced.
void addQuoteRoutes(Router &router, EntityService &entities, RatingEngine &engine, DestinationResolver &destinations);

} // namespace backoffice::server
