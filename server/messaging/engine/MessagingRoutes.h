#pragma once

namespace backoffice::server {

class EntityService;
class MessagingEngine;
class Router;

// Staff views of the running engine:
//   GET messaging/status            vendor sessions and client binds, live (connections: View)
//   GET messaging/traffic?minutes=  messages per minute by channel and status (reports: View)
//   GET agreements/{id}/balance     balance, reservations, credit limit, available (agreements: View)
void addMessagingRoutes(Router &router, EntityService &entities, MessagingEngine &engine);

} // namespace backoffice::server
