#pragma once

#include <QDateTime>
#include <QMutex>
#include <QSet>
#include <QString>
#include <functional>

namespace backoffice::server {

class Database;
struct ChargeRecord;

// Where the charges of fees go (sender ID setup and usage fees, additional fees): the messaging
// engine's writer, so its in-memory balances follow (or storage, when no engine runs). The fee's
// own record is written first, with its audit record; its charge is handed over after that commit,
// once per transaction id in this process (the engine would move its balance again for a charge
// handed over twice, even though storage keeps one). A charge that never reached storage (the
// server stopped in between) is handed over again by recover(), which the billing job calls.
class FeeCharges final
{
public:
    using WriteOff = std::function<void(const ChargeRecord &charge)>;
    using Flush = std::function<void()>;

    FeeCharges(Database &database, WriteOff writeOff, Flush flush);

    // False when this transaction id was handed over before.
    bool hand(const ChargeRecord &charge);
    // Blocks until what was handed over is stored (so the ledger and invoices see it).
    void flush();
    // Hands over the fees of the last two days recorded as written off whose charge is not stored.
    int recover(const QDateTime &now);

private:
    Database &m_database;
    WriteOff m_writeOff;
    Flush m_flush;
    QMutex m_mutex;
    QSet<QString> m_handed;
};

} // namespace backoffice::server
