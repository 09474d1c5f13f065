#pragma once

#include "EdrRecord.h"
#include "MessagingConfig.h"
#include "RatingEngine.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <memory>

namespace backoffice::server {

class BalanceBook;
class DestinationResolver;
class PackBook;

// One message (to one recipient) as a client handed it to us, already cut into parts.
struct Submission {
    QString origin; // smpp | api
    qint64 companyId = 0;
    qint64 clientConnectionId = 0;
    qint64 apiKeyId = 0;
    QString channel = QStringLiteral("sms");
    QString sender;
    QString destination;
    QList<QString> partTexts; // the text of each part, for the EDR (one entry per part)
    int dataCoding = 0;
    QString label;
    // Client SMPP: the part this submit_sm is of a longer message, and the message's transaction id
    // when an earlier part already set it.
    int partNumber = 1;
    int partCount = 1;
    QString transactionId;
};

// A part that passed admission: its EDR (PREPARED, priced), the money it reserved, and the rating
// input and outcome the charge needs later.
struct AdmittedPart {
    EdrRecord edr;
    Amount reserved;
    RatingInput rating;
    RatingOutcome outcome;
    SenderRow sender;
    qint64 packReserved = 0; // taken from the pack of edr.enabledServiceId (see PackBook)
    // A bundle pack with auto-extend that this part found used up was bought again: the round to
    // record and its purchase charge (the price reserved in purchaseReserved), written on acceptance.
    int packRound = 0;
    std::optional<ChargeRecord> packPurchase;
    Amount purchaseReserved;
};

struct AdmissionResult {
    bool accepted = false;
    quint32 smppStatus = 0; // for a refusal to a client SMPP submit_sm
    QString error; // for people: "For message: can't validate sender X"
    QList<AdmittedPart> parts;
};

// The checks a message passes before it costs anything: the sender ID is the client's, active and
// bound to an agreement; the number is valid, not in the company's stop list, and resolves to a destination; the agreement's
// services price every part (a "blocked" rate refuses); the agreement can pay for all parts
// (balance + credit limit − reservations). Parts priced by a pack take from it while it has room
// (then the next service prices them); bundle traffic counts against the bundle packs. All parts
// are admitted or none. Thread-safe.
class MessageAdmission final
{
public:
    MessageAdmission(MessagingConfigCache &config, DestinationResolver &destinations, RatingEngine &rating,
                     BalanceBook &balances, PackBook &packs);

    // The admitted parts' EDRs have no id yet: the caller numbers them.
    AdmissionResult admit(const Submission &submission, const QDateTime &now);

    // The rate tree resource of a channel's messages ("sms" -> "sms-message").
    static QString resourceOf(const QString &channel);

    // Gives back what admitted parts reserved (money, pack units, extension rounds): for a message
    // refused after some of its parts were admitted.
    void rollback(const QList<AdmittedPart> &parts);

private:
    // Settles what the part takes from packs (MessageAdmissionPacks.cpp): a pack with too little left
    // is passed over and the part rated again; bundle traffic goes to bundleMember. Returns why the
    // part cannot be admitted, or an empty string.
    QString takeFromPacks(AdmittedPart &part, const QDateTime &now);
    // A part of bundle traffic (a bundle initiator includes it) is a bundle member: in a bundle pack
    // with room, in one that extends itself (bought again), or priced over the bundle by the
    // agreement's pay-as-you-go service ("Bundle grouping › Bundle member").
    QString bundleMember(AdmittedPart &part, const QDateTime &now);
    QString extendBundle(AdmittedPart &part, const PackTerms &pack, qint64 need, const QDateTime &now);

    // Where a number goes, remembered per first 8 digits and length: libphonenumber's validity and
    // type and the MCC/MNC table depend on the leading digits, and resolving every message again
    // cost a third of the engine's time.
    QJsonObject destinationOf(const QString &digits);

    MessagingConfigCache &m_config;
    DestinationResolver &m_destinations;
    RatingEngine &m_rating;
    BalanceBook &m_balances;
    PackBook &m_packs;
    QMutex m_cacheMutex;
    QHash<QString, QJsonObject> m_destinationCache; // guarded by m_cacheMutex
    quint64 m_destinationsGeneration = 0;
};

} // namespace backoffice::server
