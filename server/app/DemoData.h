#pragma once

#include "SessionContext.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace backoffice::server {

class EntityService;

// The demo data set: a platform owner with own legal entities and bank accounts, banks, 32 client
// and reseller companies with legal entities, bank accounts and agreements with past, current and
// upcoming versions, and users in every system role. Written through the same service as API calls,
// so it passes the same validation and leaves the same audit trail.
class DemoData final
{
public:
    DemoData(EntityService &entities, QSqlDatabase db);

    // Seeds only a database holding nothing but the platform owner. Returns whether it seeded.
    bool seedIfEmpty();

    static QString adminLogin();
    static QString password();
    // A system session (no restrictions) for server-side writes such as seeding and --init-admin.
    static SessionContext systemSession();

private:
    QJsonObject create(const QString &entity, const QJsonObject &record);
    qint64 createId(const QString &entity, const QJsonObject &record);
    qint64 roleId(const QString &systemKey);
    void createUser(const QJsonObject &record);

    EntityService &m_entities;
    QSqlDatabase m_db;
    SessionContext m_session;
};

// A valid IBAN for a country and basic bank account number (check digits computed, ISO 13616).
QString makeIban(const QString &country, const QString &bban);

} // namespace backoffice::server
