#include "FeeCharges.h"

#include "Database.h"
#include "EdrRecord.h"
#include "FeeStore.h"

#include <QLoggingCategory>

namespace backoffice::server {

namespace {
Q_LOGGING_CATEGORY(lcFees, "backoffice.server.billing.fees")
} // namespace

FeeCharges::FeeCharges(Database &database, WriteOff writeOff, Flush flush)
    : m_database(database)
    , m_writeOff(std::move(writeOff))
    , m_flush(std::move(flush))
{ }

bool FeeCharges::hand(const ChargeRecord &charge)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_handed.contains(charge.transactionId))
            return false;
        m_handed.insert(charge.transactionId);
    }
    m_writeOff(charge);
    return true;
}

void FeeCharges::flush()
{
    if (m_flush)
        m_flush();
}

int FeeCharges::recover(const QDateTime &now)
{
    int handed = 0;
    for (const ChargeRecord &charge : FeeStore(m_database.connection()).missingFeeCharges(now)) {
        ChargeRecord again = charge;
        // Into the period that is open now: the one it was meant for may be invoiced meanwhile.
        again.chargedAt = now;
        if (hand(again)) {
            qCWarning(lcFees) << "the charge of" << charge.source << charge.transactionId
                              << "was not stored: written off again";
            ++handed;
        }
    }
    if (handed > 0)
        flush();
    return handed;
}

} // namespace backoffice::server
