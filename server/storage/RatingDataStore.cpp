#include "RatingDataStore.h"

#include "SqlColumns.h"
#include "StorageError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace backoffice::server {

namespace {

// The counter key column is NOT NULL: "no sender ID" is the empty string, and a null QString would
// bind as NULL (which neither inserts nor matches).
QString keyColumn(const QString &counterKey)
{
    return counterKey.isNull() ? QStringLiteral("") : counterKey;
}

} // namespace

RatingDataStore::RatingDataStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QList<ServiceRow> RatingDataStore::services() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, type, currency, archived, units, amount FROM services"));
    execOrThrow(q, "load services for rating");
    QList<ServiceRow> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toBool(), q.value(5).toLongLong(), q.value(6).toLongLong()});
    return rows;
}

QList<ScopeRow> RatingDataStore::scopes() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, service_id, effective_from, effective_till, draft FROM service_scopes ORDER BY id"));
    execOrThrow(q, "load service scopes for rating");
    QList<ScopeRow> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toLongLong(), instant(q.value(2)), instant(q.value(3)),
                     q.value(4).toBool()});
    return rows;
}

QList<EnabledServiceRow> RatingDataStore::enabledServices(std::optional<qint64> agreementId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT id, agreement_id, service_id, effective_from, effective_till, company_id,"
                                 " billing = 'charge', auto_extend, rounds FROM enabled_services");
    if (agreementId)
        sql += QStringLiteral(" WHERE agreement_id = ?");
    q.prepare(sql + QStringLiteral(" ORDER BY effective_from, id"));
    if (agreementId)
        q.addBindValue(*agreementId);
    execOrThrow(q, "load enabled services");
    QList<EnabledServiceRow> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), instant(q.value(3)),
                     instant(q.value(4)), q.value(5).toLongLong(), q.value(6).toBool(), q.value(7).toBool(),
                     q.value(8).toInt()});
    return rows;
}

QStringList RatingDataStore::channelsOf(qint64 serviceId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT n.match FROM rate_nodes n JOIN service_scopes s ON s.id = n.scope_id"
                             " WHERE s.service_id = ? AND n.parent_id IS NULL ORDER BY n.match"));
    q.addBindValue(serviceId);
    execOrThrow(q, "load the channels of a service");
    QStringList channels;
    while (q.next())
        channels << q.value(0).toString();
    return channels;
}

std::optional<AgreementRatingTerms> RatingDataStore::agreementTerms(qint64 agreementId, const QDateTime &at) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.currency, v.billing_period, v.billing_day, v.billing_time_zone, v.split_by_month,"
                             " v.effective_from, v.effective_till"
                             " FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id"
                             " WHERE a.id = ? AND v.effective_from <= ? AND (v.effective_till IS NULL OR v.effective_till > ?)"
                             " ORDER BY v.effective_from DESC LIMIT 1"));
    const QString when = iso(at);
    q.addBindValue(agreementId);
    q.addBindValue(when);
    q.addBindValue(when);
    execOrThrow(q, "load agreement terms for rating");
    if (!q.next())
        return std::nullopt;
    return AgreementRatingTerms{q.value(0).toString(), q.value(1).toString(),
                                q.value(2).isNull() ? 1 : q.value(2).toInt(), q.value(3).toString(),
                                q.value(4).toBool(), instant(q.value(5)), instant(q.value(6))};
}

qint64 RatingDataStore::volume(qint64 agreementId, qint64 nodeId, const QString &counterKey,
                               const QDateTime &periodStart) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT units FROM rating_volume_counters WHERE agreement_id = ? AND node_id = ?"
                             " AND counter_key = ? AND period_start = ?"));
    q.addBindValue(agreementId);
    q.addBindValue(nodeId);
    q.addBindValue(keyColumn(counterKey));
    q.addBindValue(iso(periodStart));
    execOrThrow(q, "read a scale volume counter");
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 RatingDataStore::addVolume(const VolumeEntry &entry)
{
    const qint64 before = volume(entry.agreementId, entry.nodeId, entry.counterKey, entry.periodStart);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO rating_volume_counters (agreement_id, node_id, counter_key, period_start, units,"
                             " charged, back_to_first) VALUES (?, ?, ?, ?, ?, ?, ?)"
                             " ON CONFLICT (agreement_id, node_id, counter_key, period_start)"
                             " DO UPDATE SET units = units + excluded.units, charged = charged + excluded.charged,"
                             " back_to_first = excluded.back_to_first"));
    q.addBindValue(entry.agreementId);
    q.addBindValue(entry.nodeId);
    q.addBindValue(keyColumn(entry.counterKey));
    q.addBindValue(iso(entry.periodStart));
    q.addBindValue(entry.units);
    q.addBindValue(entry.charged.micros());
    q.addBindValue(entry.backToFirst ? 1 : 0);
    execOrThrow(q, "add to a scale volume counter");
    return before;
}

} // namespace backoffice::server
