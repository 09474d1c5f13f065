// MessagingEngine's path through HTTP vendors (Transit SMS): submit, the vendor's answer, and the
// status its webhook reports.
#include "MessagingEngine.h"

#include "Database.h"
#include "MessagingInFlight.h"
#include "MessagingStore.h"

namespace backoffice::server {

void MessagingEngine::submitOverHttp(InFlight &part)
{
    const std::shared_ptr<const MessagingConfig> config = m_config.current();
    const SenderRow &sender = part.part.sender;
    const auto connection = config->http.constFind(sender.httpConnectionId);
    if (connection == config->http.cend() || connection->disabled) {
        finish(part, edrstatus::failed, QString(),
               QStringLiteral("The HTTP connection of sender ID %1 is disabled or gone").arg(sender.senderId));
        return;
    }
    if (connection->vendorType != QLatin1String("transitSms")) {
        // The record validates; its channel adapter is not built yet.
        finish(part, edrstatus::failed, QString(),
               QStringLiteral("Sending through %1 connections is not available yet").arg(connection->vendorType));
        return;
    }
    EdrRecord &edr = part.edr();
    edr.httpConnectionId = connection->id;
    edr.attempts += 1;
    HttpPart request;
    request.edrId = edr.id;
    request.messageId = edr.messageId;
    request.transactionId = edr.transactionId;
    request.from = edr.sender;
    request.to = edr.destination;
    request.text = edr.text;
    request.partNumber = edr.partNumber;
    request.partCount = edr.partCount;
    if (!sender.webhookGuid.isEmpty()) {
        QMutexLocker lock(&m_webhookMutex);
        if (!m_webhookBaseUrl.isEmpty())
            request.callbackUrl = m_webhookBaseUrl + QStringLiteral("api/v1/webhooks/transit-sms?bot_id=") + sender.webhookGuid;
    }
    request.login = sender.httpLogin;
    request.password = sender.httpPassword;
    m_http->submit(*connection, request);
}

void MessagingEngine::httpAccepted(qint64 edrId, qint64 connectionId, const QString &vendorMessageId)
{
    const auto found = m_inFlight.constFind(edrId);
    if (found == m_inFlight.cend())
        return;
    InFlight &part = **found;
    EdrRecord &edr = part.edr();
    edr.status = edrstatus::sent;
    edr.vendorMessageId = vendorMessageId;
    edr.submittedAt = QDateTime::currentDateTimeUtc();
    m_byVendorMessage.insert(QStringLiteral("http|%1|%2").arg(connectionId).arg(vendorMessageId), edrId);
    m_byVendorMessage.insert(QStringLiteral("ref|") + edr.messageId, edrId);
    if (edr.billingRule == QLatin1String("submitted"))
        charge(part);
    m_writer.writeEdrSoon(edr, SentWriteDelayMs);
}

void MessagingEngine::httpRefused(qint64 edrId, qint64 connectionId, int httpStatus, const QString &reason)
{
    Q_UNUSED(connectionId)
    const auto found = m_inFlight.constFind(edrId);
    if (found != m_inFlight.cend())
        finish(**found, edrstatus::failed, httpStatus > 0 ? QStringLiteral("HTTP %1").arg(httpStatus) : QString(), reason);
}

void MessagingEngine::httpStatusReport(qint64 connectionId, const QString &vendorMessageId, const QString &reference,
                                       const QString &status, const QString &error)
{
    QMetaObject::invokeMethod(
        this, [this, connectionId, vendorMessageId, reference, status, error] {
            applyHttpStatus(connectionId, vendorMessageId, reference, status, error);
        },
                              Qt::QueuedConnection);
}

void MessagingEngine::applyHttpStatus(qint64 connectionId, const QString &vendorMessageId, const QString &reference,
                                      const QString &status, const QString &error)
{
    qint64 edrId = m_byVendorMessage.value(QStringLiteral("http|%1|%2").arg(connectionId).arg(vendorMessageId));
    if (!edrId && !reference.isEmpty())
        edrId = m_byVendorMessage.value(QStringLiteral("ref|") + reference);
    if (!edrId || !m_inFlight.contains(edrId)) {
        // Sent before a restart: take the EDR up from storage.
        MessagingStore store(m_database.connection());
        std::optional<EdrRecord> stored = reference.isEmpty() ? std::nullopt : store.edrByMessageId(reference);
        if (!stored || stored->httpConnectionId != connectionId || edrstatus::isFinal(stored->status))
            return;
        auto part = std::make_shared<InFlight>();
        part->part.edr = *stored;
        part->part.edr.persisted = true;
        part->charged = stored->chargedAt.isValid();
        part->settled = true;
        part->part.sender = m_config.current()->senders.value(stored->senderRecordId);
        edrId = stored->id;
        m_inFlight.insert(edrId, part);
    }
    InFlight &part = *m_inFlight.value(edrId);
    const QString final = status == QLatin1String("SEEN") ? edrstatus::seen
                          : status == QLatin1String("DELIVERED") ? edrstatus::delivered
                          : status == QLatin1String("FAILED")    ? edrstatus::failed
                                                                 : edrstatus::undelivered;
    const bool reached = final == edrstatus::delivered || final == edrstatus::seen;
    part.edr().vendorStatus = status;
    if (reached && part.edr().billingRule == QLatin1String("delivered"))
        charge(part);
    m_byVendorMessage.remove(QStringLiteral("ref|") + part.edr().messageId);
    finish(part, final, reached ? QString() : error.left(16), reached ? QString() : error);
}

} // namespace backoffice::server
