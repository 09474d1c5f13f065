#pragma once

#include <QDateTime>
#include <QSet>
#include <QString>
#include <functional>

namespace backoffice::server {

class Database;
struct ChargeRecord;

// Back-to-first scales at the end of a billing period (BO §6.2 scales, issue 5): parts are charged
// as they go at the band reached so far, so when the period is over its volume × the final band's
// price is what the period must cost. For every back-to-first counter of a period that has ended
// (in the agreement's billing zone) the job writes the difference as a scaleAdjustment charge. The
// correction names its counter, so a run after it (or after late parts of that period) writes only
// what is still missing: running twice changes nothing, and a counter found complete is not read
// again until late parts change it. A correction lands in the period it belongs
// to unless that period's invoice is confirmed already; then it goes into the open one.
class ScaleAdjustments final
{
public:
    using WriteOff = std::function<void(const ChargeRecord &charge)>;

    ScaleAdjustments(Database &database, WriteOff writeOff);
    // Corrects the periods over at `now` (those that started in the last 400 days); returns how
    // many corrections it wrote.
    int run(const QDateTime &now);

    // The transaction id of a counter's corrections.
    static QString transactionId(qint64 agreementId, qint64 nodeId, const QString &counterKey, const QDateTime &periodStart);

private:
    Database &m_database;
    WriteOff m_writeOff;
    QSet<QString> m_warned; // counters whose scale is gone, reported once
};

} // namespace backoffice::server
