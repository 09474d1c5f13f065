#pragma once

#include "Amount.h"
#include "PriceTerms.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <functional>
#include <optional>

namespace backoffice::server {

class Database;
class RatingEngine;
struct ChargeRecord;

// The cost of a pack billed "charge" (BO §6.4): its price is what the agreement's pay-as-you-go
// service asks under Service purchase → Unit / Monetary / Bundle pack → the pack's name, at the
// pack's effective-from, and it is written off once, at that instant, as a packPurchase charge.
class PackPurchases final
{
public:
    // Where a charge goes: the messaging engine's writer (so its in-memory balances follow), or
    // straight to storage when no engine runs.
    using WriteOff = std::function<void(const ChargeRecord &charge)>;

    PackPurchases(Database &database, RatingEngine &rating, WriteOff writeOff);

    struct Price {
        Amount amount;
        QString currency;
        qint64 serviceId = 0; // the pay-as-you-go service that priced it
        QString serviceName;
        PriceTerms pricing;
    };
    // The purchase's transaction id: "pack-<enabled id>" for the first round, "-<round>" appended
    // for a bundle pack bought again; unique per pack in storage.
    static QString transactionId(qint64 enabledServiceId, int round = 1);
    // The pack's price on the agreement at `at`; nullopt with *reason ("Rate not found: …").
    static std::optional<Price> price(RatingEngine &rating, qint64 agreementId, const QString &packName,
                                      const QString &packType, const QDateTime &at, QString *reason);

    // Writes off every pack whose effective-from has come; returns how many were charged.
    int run(const QDateTime &now);

private:
    Database &m_database;
    RatingEngine &m_rating;
    WriteOff m_writeOff;
    QSet<qint64> m_written;  // handed to the writer in this process, maybe not stored yet
    QSet<qint64> m_unpriced; // told in the log once
};

} // namespace backoffice::server
