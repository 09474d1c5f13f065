#pragma once

#include "SessionContext.h"

#include <QSqlDatabase>

namespace backoffice::server {

class EntityService;

// The demo rate plans: SMS with the Spain example of the staff manual (Vodafone flat, DIGI on a
// tier scale, the rest of Spain and of the world), WhatsApp by pricing category, RCS by message
// type, the "Additional services" rates of additional fees by tariff (a support hour at 5 EUR…), and a
// 1,000-message unit pack; then enables them on the demo agreements by currency (SMS, RCS and
// additional services in euros, SMS and WhatsApp in dollars, the pack on some euro agreements).
// Written through the same checks as the API.
struct DemoAgreement {
    qint64 id = 0;
    QString currency;
    QString zone;
};
void seedDemoServices(EntityService &entities, QSqlDatabase db, const SessionContext &session,
                      const QList<DemoAgreement> &agreements);

} // namespace backoffice::server
