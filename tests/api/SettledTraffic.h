#pragma once

#include <QString>
#include <QStringList>

namespace backoffice {
class ApiClient;
namespace server {
class ServerInstance;
}
} // namespace backoffice

namespace backoffice::test {

// Sends one-part messages through the send API as `sender` (100 recipients a request) and waits
// until every part is charged or failed, then flushes the engine's writer, so the charges are in
// the database. Shared by the API and the GUI tests' servers. False with *error otherwise.
bool sendAndSettle(server::ServerInstance &server, ApiClient &sender, const QString &from, const QStringList &to,
                   QString *error);

} // namespace backoffice::test
