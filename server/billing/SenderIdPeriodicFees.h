#pragma once

#include <QDateTime>

namespace backoffice::server {

class Database;
class FeeCharges;
class FeePricing;
struct FeeRuleRow;
struct FeePeriodRow;

// The billing job's part for sender ID periodic fee rules (BO §6.5). Each run records the periods
// whose charge is due (one row per rule and period: the unique pair keeps it to one charge per
// period across restarts), then prices every pending period whose attempt has come, at the period's
// start: found, the usage fee is written off (senderIdPeriodicFee charge, through the engine's
// writer); not found, it is tried again every retryHours until maxRetries retries have failed too,
// and then the period is marked failed, the rule carries the error and a senderIdFeeFailed
// notification is raised.
class SenderIdPeriodicFees final
{
public:
    SenderIdPeriodicFees(Database &database, FeePricing &pricing, FeeCharges &charges);

    // Returns how many charges were handed to the writer.
    int run(const QDateTime &now);

private:
    void recordDuePeriods(const QDateTime &now);
    bool attempt(const FeeRuleRow &rule, const FeePeriodRow &period, const QDateTime &now);

    Database &m_database;
    FeePricing &m_pricing;
    FeeCharges &m_charges;
};

} // namespace backoffice::server
