#pragma once

namespace backoffice::server {

class Database;
class MessagingEngine;
class Router;

// The clients' send API, authenticated by API key (CP §13.1, §13.3.1):
//   POST messages   {"from","to":[…] or "a,b","message","label","channels","isFlashed"}
//                   → {"results":[{"to","transactionId"} | {"to","error"}],"accepted","refused","ignored"}
//   POST send_sms   (served at /api/send_sms) the portal-compatible form: a JSON object or an array
//                   of them, answered {"results":["<number>: <transaction id or error>", …]}
// At most 700 recipients per request (the rest are ignored, and listed), duplicates ignored.
void addSendApiRoutes(Router &router, Database &database, MessagingEngine &engine);

} // namespace backoffice::server
