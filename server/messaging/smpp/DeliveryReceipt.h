#pragma once

#include "SmppConstants.h"

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

// The delivery receipt text of SMPP 3.4 Appendix B, carried in the short_message of a deliver_sm:
//   id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:…
// The appendix calls the format SMSC-specific, and vendors vary it: key case, "submit_date", dates
// with seconds, missing fields, full words for stat. The parser takes all of those.
namespace backoffice::smpp {

enum class ReceiptStat { Delivered, Expired, Deleted, Undeliverable, Accepted, Unknown, Rejected, Enroute };

// The seven-letter word of the appendix ("DELIVRD").
QString receiptStatText(ReceiptStat stat);
// Appendix words in any case, plus the full words some vendors send ("DELIVERED", "UNDELIVERABLE").
std::optional<ReceiptStat> receiptStatFromText(QStringView text);
// The message_state (section 5.2.28) that goes with a stat, for the TLV of the same deliver_sm.
MessageState messageStateFor(ReceiptStat stat);

struct DeliveryReceipt {
    QString id;
    int submitted = 1; // sub: messages originally submitted
    int delivered = 0; // dlvrd: messages delivered
    // The SMSC's clock, time zone unstated: kept as written, in a UTC QDateTime.
    // Null when the receipt has no such date or it does not parse.
    QDateTime submitDate;
    QDateTime doneDate;
    bool datesWithSeconds = false; // YYMMDDhhmmss rather than YYMMDDhhmm
    ReceiptStat stat = ReceiptStat::Unknown;
    QString statText; // as received (or as built), for vendors' own words
    QString error = QStringLiteral("000"); // err: network-specific, kept as text
    QString text; // the start of the original message

    bool operator==(const DeliveryReceipt &) const = default;
};

QString buildReceiptText(const DeliveryReceipt &receipt);
// nullopt unless the text has both an id and a stat.
std::optional<DeliveryReceipt> parseReceiptText(QStringView text);

} // namespace backoffice::smpp
