#pragma once

#include "MessagingStore.h"

#include <QHash>
#include <QObject>
#include <atomic>

class QNetworkAccessManager;
class QNetworkReply;

namespace backoffice::server {

class MessagingWriter;

// Delivery-report and MO callbacks to clients' URLs (CP §13.3.2): each one is recorded before the
// first attempt, every attempt is recorded with its HTTP status, and a failed one is retried after
// the configured delays; after the last it is marked failed. A 2xx answer ends it.
class CallbackDispatcher final : public QObject
{
    Q_OBJECT
public:
    CallbackDispatcher(MessagingWriter &writer, QList<int> retryDelaysMs, qint64 lastId, QObject *parent = nullptr);

    // Callbacks left pending by an earlier run: attempted again now.
    void resume(const QList<CallbackRow> &pending);
    void post(qint64 edrId, const QString &url, const QByteArray &body);

    struct Stats {
        quint64 delivered = 0;
        quint64 failedAttempts = 0;
        quint64 abandoned = 0;
        int pending = 0;
    };
    Stats stats() const;

private:
    struct Pending {
        qint64 id = 0;
        QString url;
        QByteArray body;
        int attempts = 0;
    };
    void attempt(qint64 id);
    void finished(qint64 id, QNetworkReply *reply);

    MessagingWriter &m_writer;
    QList<int> m_delays;
    qint64 m_lastId = 0;
    QNetworkAccessManager *m_network = nullptr;
    QHash<qint64, Pending> m_pending;
    std::atomic<quint64> m_delivered{0};
    std::atomic<quint64> m_failedAttempts{0};
    std::atomic<quint64> m_abandoned{0};
    std::atomic<int> m_pendingCount{0};
};

} // namespace backoffice::server
