#pragma once

#include "RatingEngine.h"

#include <QHash>
#include <QMutex>

namespace backoffice::server {

class Database;

// What each enabled pack has left, in memory, so concurrent traffic cannot use the same units twice
// (BO §6.4): size × rounds − used − reserved. Unit and bundle packs count units, monetary packs
// micro-units of money. A part reserves at admission; its charge turns the reservation into use
// (the charge row carries it as pack_debit, so storage can always recount); a failure releases it.
// "Used" starts from storage the first time a pack is asked about and then follows the engine.
class PackBook final
{
public:
    explicit PackBook(Database &database);

    // Takes `amount` from what the pack has left; false (and nothing taken) when it does not cover it.
    bool reserve(const PackTerms &pack, qint64 amount);
    void release(qint64 enabledServiceId, qint64 reserved);
    // The reservation becomes use of `used` (the same amount, except after a restart when nothing
    // was reserved; negative for a refund).
    void settle(qint64 enabledServiceId, qint64 reserved, qint64 used);
    // For a bundle pack that extends itself: reserves like reserve(), buying one more round first
    // when what is left does not cover `amount`. Returns the new round's number (the caller writes
    // the round and its purchase), 0 when the pack had room after all, -1 when not even a fresh
    // round covers the amount.
    int reserveExtending(const PackTerms &pack, qint64 amount);
    // Undoes reserveExtending for a part that is not admitted after all.
    void retract(qint64 enabledServiceId, int round, qint64 reserved);

    struct Left {
        qint64 size = 0; // all rounds together
        qint64 used = 0;
        qint64 reserved = 0;
        int rounds = 1;
        qint64 left() const { return size - used - reserved; }
    };
    Left state(const PackTerms &pack);

private:
    struct Usage {
        qint64 used = 0;
        qint64 reserved = 0;
        int rounds = 1;
    };
    Usage &usage(const PackTerms &pack); // with m_mutex held; loads from storage once

    Database &m_database;
    QMutex m_mutex;
    QHash<qint64, Usage> m_usage;
};

} // namespace backoffice::server
