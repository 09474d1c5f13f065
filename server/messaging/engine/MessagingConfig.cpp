#include "MessagingConfig.h"

#include "Database.h"
#include "MessagingChanges.h"

namespace backoffice::server {

QString MessagingConfig::senderKey(qint64 companyId, const QString &channel, const QString &senderId)
{
    return QString::number(companyId) + QLatin1Char('\x1f') + channel + QLatin1Char('\x1f') + senderId;
}

QString MessagingConfig::stopKey(qint64 companyId, const QString &number, qint64 senderRecordId)
{
    return QString::number(companyId) + QLatin1Char('\x1f') + number + QLatin1Char('\x1f')
           + QString::number(senderRecordId);
}

bool MessagingConfig::isStopped(qint64 companyId, const QString &number, qint64 senderRecordId) const
{
    return !stopped.isEmpty()
           && (stopped.contains(stopKey(companyId, number, 0)) || stopped.contains(stopKey(companyId, number, senderRecordId)));
}

QList<const SenderRow *> MessagingConfig::findSenders(qint64 companyId, const QString &channel,
                                                       const QString &senderId) const
{
    QList<const SenderRow *> found;
    for (qint64 id : sendersByKey.value(senderKey(companyId, channel, senderId))) {
        const auto it = senders.constFind(id);
        if (it != senders.cend())
            found.append(&*it);
    }
    std::stable_sort(found.begin(), found.end(), [](const SenderRow *a, const SenderRow *b) {
        return (a->status == QLatin1String("active")) > (b->status == QLatin1String("active"));
    });
    return found;
}

MessagingConfigCache::MessagingConfigCache(Database &database)
    : m_database(database)
{
}

std::shared_ptr<const MessagingConfig> MessagingConfigCache::current()
{
    const quint64 generation = MessagingChanges::generation();
    QMutexLocker lock(&m_mutex);
    if (m_config && m_config->generation == generation)
        return m_config;
    auto config = std::make_shared<MessagingConfig>();
    config->generation = generation;
    MessagingConfigStore store(m_database.connection());
    for (const VendorConnectionRow &row : store.vendorConnections())
        config->vendors.insert(row.id, row);
    for (const ClientConnectionRow &row : store.clientConnections()) {
        config->clients.insert(row.id, row);
        config->clientByLogin.insert(row.login, row.id);
    }
    for (const HttpConnectionRow &row : store.httpConnections())
        config->http.insert(row.id, row);
    for (const SenderRow &row : store.senders()) {
        config->senders.insert(row.id, row);
        config->sendersByKey[MessagingConfig::senderKey(row.companyId, row.channel, row.senderId)].append(row.id);
        if (!row.webhookGuid.isEmpty())
            config->senderByWebhookGuid.insert(row.webhookGuid, row.id);
    }
    for (const ApiKeyRow &row : store.apiKeys())
        config->apiKeysByHash.insert(row.keyHash, row);
    for (const StopListRow &row : store.stopList())
        config->stopped.insert(MessagingConfig::stopKey(row.companyId, row.number, row.senderRecordId));
    m_config = config;
    return m_config;
}

} // namespace backoffice::server
