#include "CallbackDispatcher.h"

#include "MessagingWriter.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

namespace backoffice::server {

namespace {
constexpr int AttemptTimeoutMs = 10000;
}

CallbackDispatcher::CallbackDispatcher(MessagingWriter &writer, QList<int> retryDelaysMs, qint64 lastId,
                                       QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_delays(std::move(retryDelaysMs))
    , m_lastId(lastId)
    , m_network(new QNetworkAccessManager(this))
{
}

void CallbackDispatcher::resume(const QList<CallbackRow> &pending)
{
    for (const CallbackRow &row : pending) {
        m_pending.insert(row.id, {row.id, row.url, row.body, row.attempts});
        attempt(row.id);
    }
    m_pendingCount = int(m_pending.size());
}

void CallbackDispatcher::post(qint64 edrId, const QString &url, const QByteArray &body)
{
    const qint64 id = ++m_lastId;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_writer.enqueue([=](MessagingStore &store) { store.insertCallback(id, edrId, url, body, now); });
    m_pending.insert(id, {id, url, body, 0});
    m_pendingCount = int(m_pending.size());
    // The first attempt waits for the record, so every attempt has a callback row to belong to.
    m_writer.afterCommit(this, [this, id](bool committed) {
        if (committed)
            attempt(id);
    });
}

void CallbackDispatcher::attempt(qint64 id)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    QNetworkRequest request{QUrl(it->url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(AttemptTimeoutMs);
    QNetworkReply *reply = m_network->post(request, it->body);
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { finished(id, reply); });
}

void CallbackDispatcher::finished(qint64 id, QNetworkReply *reply)
{
    reply->deleteLater();
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool ok = reply->error() == QNetworkReply::NoError && httpStatus >= 200 && httpStatus < 300;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    it->attempts += 1;
    QString state = QStringLiteral("delivered");
    QDateTime next;
    QString result = ok ? QStringLiteral("HTTP %1").arg(httpStatus)
                        : (httpStatus > 0 ? QStringLiteral("HTTP %1").arg(httpStatus) : reply->errorString());
    if (ok) {
        ++m_delivered;
    } else if (it->attempts <= m_delays.size()) {
        ++m_failedAttempts;
        const int delay = m_delays.at(it->attempts - 1);
        state = QStringLiteral("pending");
        next = now.addMSecs(delay);
        QTimer::singleShot(delay, this, [this, id] { attempt(id); });
    } else {
        ++m_failedAttempts;
        ++m_abandoned;
        state = QStringLiteral("failed");
    }
    m_writer.enqueue([=](MessagingStore &store) {
        store.recordCallbackAttempt(id, now, httpStatus, result, state, next);
    });
    if (state != QLatin1String("pending"))
        m_pending.erase(it);
    m_pendingCount = int(m_pending.size());
}

CallbackDispatcher::Stats CallbackDispatcher::stats() const
{
    return {m_delivered.load(), m_failedAttempts.load(), m_abandoned.load(), m_pendingCount.load()};
}

} // namespace backoffice::server
