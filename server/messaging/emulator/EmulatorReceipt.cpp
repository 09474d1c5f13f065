#include "EmulatorReceipt.h"

#include "Concatenation.h"
#include "TextCoding.h"

namespace backoffice::smpp {

namespace {

constexpr int ReceiptTextLength = 20;

// ASCII letters, digits and punctuation that have the same code in GSM-7: what a receipt may quote
// without a reader on either alphabet seeing something else.
bool sameInGsmAndAscii(QChar c)
{
    const char16_t u = c.unicode();
    if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9'))
        return true;
    return QStringView(u" !\"#%&'()*+,-./:;<=>?").contains(c);
}

} // namespace

QString EmulatorReceipt::errorCode(ReceiptStat stat)
{
    switch (stat) {
    case ReceiptStat::Delivered: return QStringLiteral("000");
    case ReceiptStat::Undeliverable: return QStringLiteral("001");
    case ReceiptStat::Rejected: return QStringLiteral("002");
    case ReceiptStat::Expired: return QStringLiteral("003");
    default: return QStringLiteral("000");
    }
}

QString EmulatorReceipt::textOf(const SubmitSm &submit)
{
    QByteArray payload = submit.shortMessage;
    if (payload.isEmpty())
        payload = submit.tlvs.messagePayload().value_or(QByteArray());
    if (submit.esmClass & EsmClassUdhIndicator) {
        if (auto udh = udhLength(payload))
            payload = payload.sliced(*udh);
    }
    QString text = decodeText(payload, submit.dataCoding).value_or(QString());
    text.truncate(ReceiptTextLength);
    for (QChar &c : text) {
        if (!sameInGsmAndAscii(c))
            c = u'.';
    }
    return text;
}

DeliverSm EmulatorReceipt::toDeliverSm(const QDateTime &doneDate) const
{
    DeliveryReceipt receipt;
    receipt.id = QString::fromLatin1(messageId);
    receipt.submitted = 1;
    receipt.delivered = stat == ReceiptStat::Delivered ? 1 : 0;
    receipt.submitDate = submitDate;
    receipt.doneDate = doneDate;
    receipt.stat = stat;
    receipt.statText = receiptStatText(stat);
    receipt.error = errorCode(stat);
    receipt.text = text;

    DeliverSm pdu;
    pdu.source = submitDestination;
    pdu.destination = submitSource;
    pdu.esmClass = EsmClassDeliveryReceipt;
    pdu.dataCoding = dataCoding::SmscDefault;
    pdu.shortMessage = buildReceiptText(receipt).toLatin1();
    pdu.tlvs.setReceiptedMessageId(messageId);
    pdu.tlvs.setMessageState(quint8(messageStateFor(stat)));
    if (stat != ReceiptStat::Delivered)
        pdu.tlvs.setNetworkErrorCode({3, quint16(errorCode(stat).toUShort())}); // 3 = GSM
    return pdu;
}

} // namespace backoffice::smpp
