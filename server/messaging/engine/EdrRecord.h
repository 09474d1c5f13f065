#pragma once

#include "Amount.h"
#include "PriceTerms.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace backoffice::server {

// The states of a message part, as clients see them in callbacks (CP §13.3.2).
namespace edrstatus {
inline const QString prepared = QStringLiteral("PREPARED");   // accepted, priced, money reserved
inline const QString sent = QStringLiteral("SENT");           // the vendor accepted it
inline const QString delivered = QStringLiteral("DELIVERED");
inline const QString undelivered = QStringLiteral("UNDELIVERED");
inline const QString failed = QStringLiteral("FAILED");       // refused by us or by every vendor tried
inline const QString seen = QStringLiteral("SEEN");           // read by the recipient (channels that tell)
bool isFinal(const QString &status);
} // namespace edrstatus

// One row of the edrs table: a message part sent (or refused) for a client, with every state
// transition's time. The engine keeps the in-flight ones in memory and writes the whole row each
// time it changes (the writer coalesces changes of one batch).
struct EdrRecord {
    qint64 id = 0;
    QDateTime acceptedAt;
    QString transactionId; // one per recipient message
    QString messageId; // this part
    int partNumber = 1;
    int partCount = 1;
    qint64 companyId = 0;
    qint64 agreementId = 0;
    QString channel;
    qint64 senderRecordId = 0;
    QString sender;
    QString destination;
    QString status = edrstatus::prepared;
    QString errorCode;
    QString errorText;
    QString origin; // smpp | api
    qint64 clientConnectionId = 0;
    qint64 apiKeyId = 0;
    QString label;
    QString text;
    int dataCoding = 0;
    QString country;
    QString mccMnc;
    QString network;
    qint64 vendorConnectionId = 0; // the SMPP connection it went out on
    qint64 httpConnectionId = 0; // or the HTTP one
    QString vendorMessageId;
    QString vendorStatus;
    int attempts = 0;
    QDateTime submittedAt;
    QDateTime doneAt;
    qint64 enabledServiceId = 0;
    qint64 serviceId = 0;
    Amount price;
    QString currency;
    QString billingRule; // submitted | delivered
    QDateTime chargedAt;
    qint64 packDebit = 0; // what the part takes from its pack (units, or micro-units of a monetary pack)
    std::optional<qint64> periodVolume; // the scale volume it was priced against, when a scale priced it
    // The row is in storage already (its first write committed): later writes only update the
    // columns that change after admission.
    bool persisted = false;
};

// A write-off for one billable event (here: a traffic part). (source, edrId) is unique in storage,
// so writing the same charge twice leaves one row and one balance movement; a rerate adjustment is
// unique per (edrId, rerateTaskId) instead.
struct ChargeRecord {
    QDateTime chargedAt;
    QString transactionId;
    qint64 companyId = 0;
    qint64 agreementId = 0;
    QString source = QStringLiteral("traffic");
    qint64 edrId = 0;
    qint64 serviceId = 0;
    qint64 enabledServiceId = 0;
    qint64 senderRecordId = 0;
    QString description;
    qint64 units = 0;
    Amount unitPrice;
    Amount amount;
    QString currency;
    QString band;
    PriceTerms pricing; // how unitPrice was found (flat, scale tier, pack, free, typed in)
    qint64 packDebit = 0; // taken from the enabled pack's sub-balance instead of the money balance
    qint64 rerateTaskId = 0; // the EDR rerate task that wrote this adjustment (source rerate)
};

} // namespace backoffice::server
