#pragma once

namespace backoffice::server {

class MessagingEngine;
class Router;

// The status webhook of Transit SMS vendors (BO §11.3.14; the URL given to the vendor, as the
// manual has it for webhook vendors):
//   POST webhooks/transit-sms?bot_id=<webhook GUID of the sender ID>
//   {"id": "<vendor id>" | "reference": "<our message id>", "status": "DELIVERED|UNDELIVERED|FAILED|SEEN",
//    "error": "…"}
// When the connection has a signature key, X-Signature must carry the hex HMAC-SHA256 of the body.
void addTransitSmsWebhook(Router &router, MessagingEngine &engine);

} // namespace backoffice::server
