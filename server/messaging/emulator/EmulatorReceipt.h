#pragma once

#include "DeliveryReceipt.h"
#include "Pdu.h"

#include <QDateTime>
#include <QString>

// The delivery receipt a vendor sends for one accepted submit_sm: a deliver_sm from the recipient to
// the sender with esm_class 0x04, the Appendix B text, and the receipted_message_id and message_state
// TLVs (plus network_error_code when it failed), as most SMSCs send them.
namespace backoffice::smpp {

struct EmulatorReceipt {
    QByteArray messageId;
    Address submitSource;
    Address submitDestination;
    QString text; // the start of the message, for "text:"
    ReceiptStat stat = ReceiptStat::Delivered;
    QDateTime submitDate;

    // The err: field the emulator writes: 000 delivered, 001 undeliverable, 002 rejected, 003 expired.
    static QString errorCode(ReceiptStat stat);
    // The first 20 characters of a submit_sm's text (its UDH skipped), reduced to characters that read
    // the same in GSM-7 and ASCII, since the receipt goes out with data_coding 0.
    static QString textOf(const SubmitSm &submit);

    DeliverSm toDeliverSm(const QDateTime &doneDate) const;
};

} // namespace backoffice::smpp
