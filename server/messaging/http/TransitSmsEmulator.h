#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <memory>

class QHttpServer;
class QNetworkAccessManager;
class QTcpServer;

namespace backoffice::server {

// A Transit SMS vendor for tests and the demo, over real HTTP: accepts POST /messages (the
// TransitSmsGateway's request), answers {"id"}, and after statusDelayMs POSTs the status to the
// request's callbackUrl, signed with the signature key when one is set. Destinations ending 9991
// are refused (HTTP 400), 9996 end UNDELIVERED, the rest DELIVERED.
class TransitSmsEmulator final : public QObject
{
    Q_OBJECT
public:
    struct Config {
        quint16 port = 0;
        QString apiToken; // required Bearer token; empty: any
        QString signatureKey;
        int statusDelayMs = 300;
    };
    struct Stats {
        int requests = 0;
        int accepted = 0;
        int refused = 0;
        int statusesSent = 0;
    };

    explicit TransitSmsEmulator(Config config, QObject *parent = nullptr);
    ~TransitSmsEmulator() override;

    bool start(QString *error);
    quint16 port() const;
    QString baseUrl() const; // "http://127.0.0.1:PORT"
    Stats stats() const { return m_stats; }

private:
    void report(const QString &callbackUrl, const QJsonObject &status);

    Config m_config;
    std::unique_ptr<QHttpServer> m_http;
    QTcpServer *m_socket = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    quint64 m_nextId = 1;
    Stats m_stats;
};

} // namespace backoffice::server
