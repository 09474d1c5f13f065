#include "MessagingConfigStore.h"

#include "StorageError.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace backoffice::server {

namespace {

bool anyRow(QSqlDatabase db, const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    execOrThrow(q, what);
    return q.next();
}

} // namespace

MessagingConfigStore::MessagingConfigStore(QSqlDatabase db)
    : m_db(db)
{
}

QList<VendorConnectionRow> MessagingConfigStore::vendorConnections()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, host, port, system_id, password, coalesce(system_type, ''), tls_mode,"
                             " limits_enabled, coalesce(rps_limit, 0), coalesce(window_limit, 0), tlv_used,"
                             " inverted_address_mode, coalesce(status_map, ''), coalesce(failover_statuses, ''), disabled"
                             " FROM vendor_smpp_connections ORDER BY id"));
    execOrThrow(q, "read vendor SMPP connections");
    QList<VendorConnectionRow> list;
    while (q.next()) {
        VendorConnectionRow r;
        r.id = q.value(0).toLongLong();
        r.name = q.value(1).toString();
        r.host = q.value(2).toString();
        r.port = quint16(q.value(3).toInt());
        r.systemId = q.value(4).toString();
        r.password = q.value(5).toString();
        r.systemType = q.value(6).toString();
        r.tls = q.value(7).toString() == QLatin1String("tls");
        r.limitsEnabled = q.value(8).toBool();
        r.rpsLimit = q.value(9).toInt();
        r.windowLimit = q.value(10).toInt();
        r.tlvUsed = q.value(11).toBool();
        r.invertedAddressMode = q.value(12).toBool();
        r.statusMap = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
        r.failoverStatuses = q.value(14).toString();
        r.disabled = q.value(15).toBool();
        list.append(r);
    }
    return list;
}

QList<ClientConnectionRow> MessagingConfigStore::clientConnections()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, company_id, network, login, password_hash, coalesce(system_type, ''),"
                             " tls_mode, default_data_coding, coalesce(throughput_limit, 0), disabled"
                             " FROM client_smpp_connections ORDER BY id"));
    execOrThrow(q, "read client SMPP connections");
    QList<ClientConnectionRow> list;
    while (q.next()) {
        ClientConnectionRow r;
        r.id = q.value(0).toLongLong();
        r.name = q.value(1).toString();
        r.companyId = q.value(2).toLongLong();
        r.network = q.value(3).toString();
        r.login = q.value(4).toString();
        r.passwordHash = q.value(5).toString();
        r.systemType = q.value(6).toString();
        r.tls = q.value(7).toString() == QLatin1String("tls");
        r.defaultDataCoding = q.value(8).toString();
        r.throughputLimit = q.value(9).toInt();
        r.disabled = q.value(10).toBool();
        list.append(r);
    }
    return list;
}

QList<HttpConnectionRow> MessagingConfigStore::httpConnections()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, vendor_type, coalesce(vendor_url, ''), api_token,"
                             " coalesce(signature_key, ''), limits_enabled, coalesce(rps_limit, 0),"
                             " coalesce(window_limit, 0), disabled FROM http_connections ORDER BY id"));
    execOrThrow(q, "read HTTP connections");
    QList<HttpConnectionRow> list;
    while (q.next()) {
        HttpConnectionRow r;
        r.id = q.value(0).toLongLong();
        r.name = q.value(1).toString();
        r.vendorType = q.value(2).toString();
        r.vendorUrl = q.value(3).toString();
        r.apiToken = q.value(4).toString();
        r.signatureKey = q.value(5).toString();
        r.limitsEnabled = q.value(6).toBool();
        r.rpsLimit = q.value(7).toInt();
        r.windowLimit = q.value(8).toInt();
        r.disabled = q.value(9).toBool();
        list.append(r);
    }
    return list;
}

QList<SenderRow> MessagingConfigStore::senders()
{
    QHash<qint64, QList<qint64>> failover;
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT sender_record_id, connection_id FROM sender_id_failover_connections"
                                 " ORDER BY sender_record_id, connection_id"));
        execOrThrow(q, "read failover connections");
        while (q.next())
            failover[q.value(0).toLongLong()].append(q.value(1).toLongLong());
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, company_id, agreement_id, channel, sender_id, name, status,"
                             " coalesce(webhook_guid, ''), vendor_type, coalesce(vendor_connection_id, 0),"
                             " coalesce(http_connection_id, 0), coalesce(http_login, ''), http_password,"
                             " coalesce(smpp_api_connection_id, 0), notifications_enabled, coalesce(trigger_percent, 0),"
                             " coalesce(minimal_count, 0), coalesce(window_minutes, 0) FROM sender_ids ORDER BY id"));
    execOrThrow(q, "read sender IDs");
    QList<SenderRow> list;
    while (q.next()) {
        SenderRow r;
        r.id = q.value(0).toLongLong();
        r.companyId = q.value(1).toLongLong();
        r.agreementId = q.value(2).toLongLong();
        r.channel = q.value(3).toString();
        r.senderId = q.value(4).toString();
        r.name = q.value(5).toString();
        r.status = q.value(6).toString();
        r.webhookGuid = q.value(7).toString();
        r.vendorType = q.value(8).toString();
        r.vendorConnectionId = q.value(9).toLongLong();
        r.httpConnectionId = q.value(10).toLongLong();
        r.httpLogin = q.value(11).toString();
        r.httpPassword = q.value(12).toString();
        r.smppApiConnectionId = q.value(13).toLongLong();
        r.notificationsEnabled = q.value(14).toBool();
        r.triggerPercent = q.value(15).toInt();
        r.minimalCount = q.value(16).toInt();
        r.windowMinutes = q.value(17).toInt();
        r.failoverConnectionIds = failover.value(r.id);
        list.append(r);
    }
    return list;
}

QList<ApiKeyRow> MessagingConfigStore::apiKeys()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, company_id, name, key_hash, coalesce(callback_url, ''),"
                             " coalesce(mo_callback_url, ''), expires_at FROM api_keys WHERE key_hash <> ''"));
    execOrThrow(q, "read API keys");
    QList<ApiKeyRow> list;
    while (q.next()) {
        ApiKeyRow r;
        r.id = q.value(0).toLongLong();
        r.companyId = q.value(1).toLongLong();
        r.name = q.value(2).toString();
        r.keyHash = q.value(3).toString();
        r.callbackUrl = q.value(4).toString();
        r.moCallbackUrl = q.value(5).toString();
        if (!q.value(6).isNull())
            r.expiresAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
        list.append(r);
    }
    return list;
}

void MessagingConfigStore::touchApiKey(qint64 id, const QDateTime &at)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ?"));
    q.addBindValue(at.toString(Qt::ISODateWithMs));
    q.addBindValue(id);
    execOrThrow(q, "note the use of an API key");
}

void MessagingConfigStore::storeSecret(const char *table, const char *column, qint64 id, const QString &value)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(QLatin1String(table), QLatin1String(column)));
    q.addBindValue(value);
    q.addBindValue(id);
    execOrThrow(q, "store a secret");
}

bool MessagingConfigStore::hasSecret(const char *table, const char *column, qint64 id)
{
    return anyRow(m_db,
                  QStringLiteral("SELECT 1 FROM %1 WHERE id = ? AND coalesce(%2, '') <> ''")
                      .arg(QLatin1String(table), QLatin1String(column)),
                  {id}, "check a stored secret");
}

bool MessagingConfigStore::clientLoginTaken(const QString &login, qint64 ownId)
{
    return anyRow(m_db, QStringLiteral("SELECT 1 FROM client_smpp_connections WHERE login = ? AND id <> ?"),
                  {login, ownId}, "check a client SMPP login");
}

bool MessagingConfigStore::webhookGuidTaken(const QString &guid, qint64 ownId)
{
    return anyRow(m_db, QStringLiteral("SELECT 1 FROM sender_ids WHERE webhook_guid = ? AND id <> ?"), {guid, ownId},
                  "check a webhook GUID");
}

bool MessagingConfigStore::senderTaken(qint64 agreementId, const QString &channel, const QString &senderId, qint64 ownId)
{
    return anyRow(m_db,
                  QStringLiteral("SELECT 1 FROM sender_ids WHERE agreement_id = ? AND channel = ? AND sender_id = ? AND id <> ?"),
                  {agreementId, channel, senderId, ownId}, "check a sender ID");
}

bool MessagingConfigStore::stopListEntryTaken(qint64 companyId, const QString &number, qint64 senderRecordId,
                                              qint64 ownId)
{
    return anyRow(m_db,
                  QStringLiteral("SELECT 1 FROM stop_list WHERE company_id = ? AND number = ?"
                                 " AND coalesce(sender_record_id, 0) = ? AND id <> ?"),
                  {companyId, number, senderRecordId, ownId}, "check a stop list entry");
}

QList<StopListRow> MessagingConfigStore::stopList()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT company_id, number, coalesce(sender_record_id, 0) FROM stop_list"));
    execOrThrow(q, "read the stop list");
    QList<StopListRow> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong()});
    return list;
}

QList<qint64> MessagingConfigStore::vendorConnectionCompanies(qint64 connectionId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT company_id FROM vendor_smpp_connection_companies WHERE connection_id = ?"));
    q.addBindValue(connectionId);
    execOrThrow(q, "read the companies of a vendor connection");
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

bool MessagingConfigStore::apiKeyNameTaken(qint64 companyId, const QString &name, qint64 ownId)
{
    return anyRow(m_db, QStringLiteral("SELECT 1 FROM api_keys WHERE company_id = ? AND name = ? AND id <> ?"),
                  {companyId, name, ownId}, "check an API key name");
}

void MessagingConfigStore::storeApiKey(qint64 id, const QString &keyHash, const QString &keyPrefix)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE api_keys SET key_hash = ?, key_prefix = ? WHERE id = ?"));
    q.addBindValue(keyHash);
    q.addBindValue(keyPrefix);
    q.addBindValue(id);
    execOrThrow(q, "store an API key");
}

std::pair<qint64, QString> MessagingConfigStore::agreementCompany(qint64 agreementId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT c.id, c.name FROM agreements a JOIN companies c ON c.id = a.company_id WHERE a.id = ?"));
    q.addBindValue(agreementId);
    execOrThrow(q, "read the company of an agreement");
    if (!q.next())
        return {0, {}};
    return {q.value(0).toLongLong(), q.value(1).toString()};
}

void MessagingConfigStore::pointVendorConnections(const QString &systemId, const QString &host, quint16 port)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE vendor_smpp_connections SET host = ?, port = ? WHERE system_id = ?"));
    q.addBindValue(host);
    q.addBindValue(port);
    q.addBindValue(systemId);
    execOrThrow(q, "point vendor connections at an SMSC");
}

void MessagingConfigStore::pointHttpConnection(const QString &name, const QString &vendorUrl)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE http_connections SET vendor_url = ? WHERE name = ?"));
    q.addBindValue(vendorUrl);
    q.addBindValue(name);
    execOrThrow(q, "point an HTTP connection at a vendor");
}

bool MessagingConfigStore::hasVendorConnections()
{
    return anyRow(m_db, QStringLiteral("SELECT 1 FROM vendor_smpp_connections LIMIT 1"), {}, "look for vendor connections");
}

QList<qint64> MessagingConfigStore::agreementIds()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM agreements ORDER BY id"));
    execOrThrow(q, "list agreements");
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

} // namespace backoffice::server
