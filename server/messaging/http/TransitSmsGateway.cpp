#include "TransitSmsGateway.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace backoffice::server {

namespace {
constexpr int RequestTimeoutMs = 15000;
constexpr int DefaultWindow = 10;
}

TransitSmsGateway::TransitSmsGateway(HttpVendorEvents &events, QObject *parent)
    : QObject(parent)
    , m_events(events)
    , m_network(new QNetworkAccessManager(this))
{
    m_clock.start();
}

void TransitSmsGateway::submit(const HttpConnectionRow &connection, const HttpPart &part)
{
    std::shared_ptr<Link> &link = m_links[connection.id];
    if (!link)
        link = std::make_shared<Link>();
    link->connection = connection; // settings may have changed since the last part
    link->queue.push_back(part);
    pump(*link);
}

void TransitSmsGateway::pump(Link &link)
{
    const int window = link.connection.limitsEnabled && link.connection.windowLimit > 0 ? link.connection.windowLimit
                                                                                         : DefaultWindow;
    const int rps = link.connection.limitsEnabled ? link.connection.rpsLimit : 0;
    while (!link.queue.empty() && link.inFlight < window) {
        const qint64 now = m_clock.nsecsElapsed();
        if (rps > 0 && now < link.nextSlotNs) {
            const qint64 connectionId = link.connection.id;
            QTimer::singleShot(int((link.nextSlotNs - now) / 1000000) + 1, this, [this, connectionId] {
                if (const auto found = m_links.value(connectionId))
                    pump(*found);
            });
            return;
        }
        if (rps > 0)
            link.nextSlotNs = std::max(link.nextSlotNs, now) + 1000000000LL / rps;
        const HttpPart part = link.queue.front();
        link.queue.pop_front();
        send(link, part);
    }
}

void TransitSmsGateway::send(Link &link, const HttpPart &part)
{
    QString base = link.connection.vendorUrl;
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QNetworkRequest request{QUrl(base + QStringLiteral("/messages"))};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(RequestTimeoutMs);
    if (!link.connection.apiToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + link.connection.apiToken.toUtf8());
    else if (!part.login.isEmpty())
        request.setRawHeader("Authorization", "Basic " + (part.login + QLatin1Char(':') + part.password).toUtf8().toBase64());
    QJsonObject body{{QStringLiteral("reference"), part.messageId},
                           {QStringLiteral("transactionId"), part.transactionId},
                           {QStringLiteral("from"), part.from},
                           {QStringLiteral("to"), part.to},
                           {QStringLiteral("text"), part.text},
                           {QStringLiteral("part"), QJsonObject{{QStringLiteral("number"), part.partNumber},
                                                                {QStringLiteral("count"), part.partCount}}}};
    if (!part.callbackUrl.isEmpty())
        body.insert(QStringLiteral("callbackUrl"), part.callbackUrl);
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    ++link.inFlight;
    ++m_inFlightTotal;
    const qint64 connectionId = link.connection.id;
    connect(reply, &QNetworkReply::finished, this, [this, connectionId, part, reply] { finished(connectionId, part, reply); });
}

void TransitSmsGateway::finished(qint64 connectionId, const HttpPart &part, QNetworkReply *reply)
{
    reply->deleteLater();
    --m_inFlightTotal;
    const std::shared_ptr<Link> link = m_links.value(connectionId);
    if (link)
        --link->inFlight;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    const QString vendorId = answer.value(QLatin1String("id")).toString();
    if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300 && !vendorId.isEmpty()) {
        m_events.httpAccepted(part.edrId, connectionId, vendorId);
    } else {
        QString reason = status > 0 ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
        const QString vendorError = answer.value(QLatin1String("error")).toString();
        if (!vendorError.isEmpty())
            reason += QStringLiteral(": ") + vendorError;
        else if (status >= 200 && status < 300)
            reason += QStringLiteral(": the answer has no message id");
        m_events.httpRefused(part.edrId, connectionId, status, reason);
    }
    if (link)
        pump(*link);
}

} // namespace backoffice::server
