#pragma once

#include "DemoServices.h"

namespace backoffice::server {

class EntityService;

// The demo's messaging set-up: two vendor SMPP connections to the built-in vendor emulator (the
// second one is the failover), a Transit SMS HTTP connection to the built-in HTTP vendor, a client
// SMPP connection, SMS sender IDs on the first agreements
// with traffic monitoring on, and an API key with a known value so the send API can be tried
// at once. Written through the same checks as the API.
void seedDemoMessaging(EntityService &entities, QSqlDatabase db, const SessionContext &session,
                       const QList<DemoAgreement> &agreements);

// Points the demo's vendor connections at the emulator running in this process (its port changes
// from run to run).
void pointDemoVendorConnections(QSqlDatabase db, quint16 emulatorPort);
void pointDemoHttpConnection(QSqlDatabase db, const QString &emulatorUrl);

namespace demomessaging {
inline const char *const apiKey = "bo_demo_send_api_key_2026";
inline const char *const clientLogin = "pizzaplnt";
inline const char *const clientPassword = "Smpp2026";
// In the demo client's stop list for every sender ID.
inline const char *const stoppedNumber = "34699000111";
inline const char *const vendorSystemId = "nordwave";
inline const char *const httpConnectionName = "Demo Transit SMS (emulator)";
inline const char *const httpApiToken = "demo-transit-token";
} // namespace demomessaging

} // namespace backoffice::server
