// MessagingEngine's reports to clients when a part is done: the SMPP delivery receipt (or its
// outbox entry while the client is not bound) and the HTTP status callback per message.
#include "MessagingEngine.h"

#include "CallbackDispatcher.h"
#include "ClientSmppGateway.h"
#include "DeliveryReceipt.h"
#include "MessagingInFlight.h"
#include "MessagingStore.h"
#include "PduEncoder.h"

#include <QJsonDocument>

namespace backoffice::server {

namespace {

smpp::ReceiptStat receiptStatOf(const QString &status)
{
    if (status == edrstatus::delivered)
        return smpp::ReceiptStat::Delivered;
    if (status == edrstatus::failed)
        return smpp::ReceiptStat::Rejected;
    return smpp::ReceiptStat::Undeliverable;
}

} // namespace

void MessagingEngine::receiptToClient(const InFlight &part)
{
    const EdrRecord &edr = part.part.edr;
    const quint8 wanted = part.clientRegisteredDelivery & 0x03;
    if (edr.origin != QLatin1String("smpp") || !edr.clientConnectionId || wanted == 0
        || (wanted == 2 && edr.status == edrstatus::delivered))
        return; // not asked for (2: on failure only)
    smpp::DeliveryReceipt receipt;
    receipt.id = edr.messageId;
    receipt.submitted = 1;
    receipt.delivered = edr.status == edrstatus::delivered ? 1 : 0;
    receipt.submitDate = edr.acceptedAt;
    receipt.doneDate = edr.doneAt;
    receipt.stat = receiptStatOf(edr.status);
    receipt.statText = smpp::receiptStatText(receipt.stat);
    receipt.error = edr.errorCode.isEmpty() || edr.errorCode.startsWith(QLatin1String("0x"))
                        ? (edr.status == edrstatus::delivered ? QStringLiteral("000") : QStringLiteral("001"))
                        : edr.errorCode.left(3);
    receipt.text = edr.text.left(20);
    smpp::DeliverSm pdu;
    pdu.source = part.clientDestination;
    pdu.destination = part.clientSource;
    pdu.esmClass = smpp::EsmClassDeliveryReceipt;
    pdu.shortMessage = smpp::buildReceiptText(receipt).toLatin1();
    pdu.tlvs.setReceiptedMessageId(edr.messageId.toLatin1());
    pdu.tlvs.setMessageState(quint8(smpp::messageStateFor(receipt.stat)));
    if (m_clients->deliver(edr.clientConnectionId, pdu))
        return;
    const QByteArray bytes = smpp::encode(smpp::makePdu(0, pdu));
    const qint64 client = edr.clientConnectionId;
    const QDateTime now = edr.doneAt;
    m_writer.enqueue([client, bytes, now](MessagingStore &s) { s.addToOutbox(client, bytes, now); });
}

void MessagingEngine::callbackForPart(const InFlight &part)
{
    const EdrRecord &edr = part.part.edr;
    if (edr.origin != QLatin1String("api"))
        return;
    const auto found = m_transactions.constFind(edr.transactionId);
    if (found == m_transactions.cend())
        return;
    Transaction &transaction = **found;
    transaction.remaining -= 1;
    transaction.delivered += edr.status == edrstatus::delivered || edr.status == edrstatus::seen ? 1 : 0;
    transaction.failed += edr.status == edrstatus::failed ? 1 : 0;
    if (transaction.remaining > 0)
        return;
    // A message is delivered when every part is; failed when no part got to the network.
    const int parts = edr.partCount;
    const QString status = transaction.delivered == parts ? edrstatus::delivered
                           : transaction.failed == parts  ? edrstatus::failed
                                                          : edrstatus::undelivered;
    m_transactions.remove(edr.transactionId);
    if (part.callbackUrl.isEmpty())
        return;
    const QJsonObject body{{QStringLiteral("transactionID"), edr.transactionId},
                           {QStringLiteral("dnis"), edr.destination},
                           {QStringLiteral("status"), status},
                           {QStringLiteral("eventTime"), callbackTime(edr.doneAt)},
                           {QStringLiteral("channel"), edr.channel.toUpper()}};
    m_callbacks->post(edr.id, part.callbackUrl, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace backoffice::server
