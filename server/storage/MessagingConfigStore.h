#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace backoffice::server {

struct VendorConnectionRow {
    qint64 id = 0;
    QString name;
    QString host;
    quint16 port = 0;
    QString systemId;
    QString password;
    QString systemType;
    bool tls = false;
    bool limitsEnabled = false;
    int rpsLimit = 0;
    int windowLimit = 0;
    bool tlvUsed = false;
    bool invertedAddressMode = false;
    QJsonObject statusMap;
    QString failoverStatuses;
    bool disabled = false;
};

struct ClientConnectionRow {
    qint64 id = 0;
    QString name;
    qint64 companyId = 0;
    QString network;
    QString login;
    QString passwordHash;
    QString systemType;
    bool tls = false;
    QString defaultDataCoding;
    int throughputLimit = 0;
    bool disabled = false;
};

struct HttpConnectionRow {
    qint64 id = 0;
    QString name;
    QString vendorType;
    QString vendorUrl;
    QString apiToken;
    QString signatureKey;
    bool limitsEnabled = false;
    int rpsLimit = 0;
    int windowLimit = 0;
    bool disabled = false;
};

struct SenderRow {
    qint64 id = 0;
    qint64 companyId = 0;
    qint64 agreementId = 0;
    QString channel;
    QString senderId;
    QString name;
    QString status;
    QString webhookGuid;
    QString vendorType;
    qint64 vendorConnectionId = 0;
    QList<qint64> failoverConnectionIds; // tried by id
    qint64 httpConnectionId = 0;
    QString httpLogin;
    QString httpPassword;
    qint64 smppApiConnectionId = 0;
    bool notificationsEnabled = false;
    int triggerPercent = 0;
    int minimalCount = 0;
    int windowMinutes = 0;
};

struct StopListRow {
    qint64 companyId = 0;
    QString number;           // international digits without '+'
    qint64 senderRecordId = 0; // 0: every sender ID of the company
};

struct ApiKeyRow {
    qint64 id = 0;
    qint64 companyId = 0;
    QString name;
    QString keyHash;
    QString callbackUrl;
    QString moCallbackUrl;
    QDateTime expiresAt; // invalid: never
};

// Reads the messaging configuration the engine keeps in memory, and the few lookups and secret
// writes the configuration rules need besides the generic entity write.
class MessagingConfigStore final
{
public:
    explicit MessagingConfigStore(QSqlDatabase db);

    QList<VendorConnectionRow> vendorConnections();
    QList<ClientConnectionRow> clientConnections();
    QList<HttpConnectionRow> httpConnections();
    QList<SenderRow> senders();
    QList<ApiKeyRow> apiKeys();
    QList<StopListRow> stopList();
    void touchApiKey(qint64 id, const QDateTime &at);

    // Rules' helpers.
    void storeSecret(const char *table, const char *column, qint64 id, const QString &value);
    bool hasSecret(const char *table, const char *column, qint64 id);
    bool clientLoginTaken(const QString &login, qint64 ownId);
    bool webhookGuidTaken(const QString &guid, qint64 ownId);
    bool senderTaken(qint64 agreementId, const QString &channel, const QString &senderId, qint64 ownId);
    QList<qint64> vendorConnectionCompanies(qint64 connectionId);
    bool apiKeyNameTaken(qint64 companyId, const QString &name, qint64 ownId);
    bool stopListEntryTaken(qint64 companyId, const QString &number, qint64 senderRecordId, qint64 ownId);
    void storeApiKey(qint64 id, const QString &keyHash, const QString &keyPrefix);

    // Demo set-up: the company (id and name) of an agreement, and re-pointing connections.
    std::pair<qint64, QString> agreementCompany(qint64 agreementId);
    void pointVendorConnections(const QString &systemId, const QString &host, quint16 port);
    void pointHttpConnection(const QString &name, const QString &vendorUrl);
    bool hasVendorConnections();
    QList<qint64> agreementIds(); // in creation order

private:
    QSqlDatabase m_db;
};

} // namespace backoffice::server
