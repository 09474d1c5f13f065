#pragma once

#include "MessagingConfigStore.h"

#include <QHash>
#include <QSet>
#include <QMutex>
#include <memory>

namespace backoffice::server {

class Database;

// The messaging configuration as the engine reads it per message: connections, sender IDs and API
// keys with the lookups admission needs. Immutable once built; a new one replaces it after a change.
struct MessagingConfig {
    quint64 generation = 0;
    QHash<qint64, VendorConnectionRow> vendors;
    QHash<qint64, ClientConnectionRow> clients;
    QHash<QString, qint64> clientByLogin;
    QHash<qint64, HttpConnectionRow> http;
    QHash<qint64, SenderRow> senders;
    QHash<QString, QList<qint64>> sendersByKey; // senderKey(company, channel, sender id) -> records
    QHash<QString, qint64> senderByWebhookGuid;
    QHash<QString, ApiKeyRow> apiKeysByHash;
    QSet<QString> stopped; // stopKey(company, number, sender record or 0)

    static QString stopKey(qint64 companyId, const QString &number, qint64 senderRecordId);
    // Whether the company's stop list holds the number for this sender ID or for all of them.
    bool isStopped(qint64 companyId, const QString &number, qint64 senderRecordId) const;
    static QString senderKey(qint64 companyId, const QString &channel, const QString &senderId);
    // The sender records of a company for a channel and sender ID text, active ones first.
    QList<const SenderRow *> findSenders(qint64 companyId, const QString &channel, const QString &senderId) const;
};

// Holds the current MessagingConfig and rebuilds it when MessagingChanges says it is stale.
class MessagingConfigCache final
{
public:
    explicit MessagingConfigCache(Database &database);
    std::shared_ptr<const MessagingConfig> current();

private:
    Database &m_database;
    QMutex m_mutex;
    std::shared_ptr<const MessagingConfig> m_config;
};

} // namespace backoffice::server
