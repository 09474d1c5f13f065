#pragma once

#include <QDateTime>

namespace backoffice::server {

class Database;

// The job of BO §7.1: an unconfirmed payment whose confirm-before day is over leaves the balance
// (it stays registered as EXPIRED and can still be confirmed). Each expiry is a balance movement
// and an audit record by the system, in one transaction per run.
class PaymentExpiry final
{
public:
    explicit PaymentExpiry(Database &database);
    // Expires what is due at `now`; returns how many payments left the balance.
    int run(const QDateTime &now);

private:
    Database &m_database;
};

} // namespace backoffice::server
