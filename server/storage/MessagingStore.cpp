#include "MessagingStore.h"

#include "SqlColumns.h"
#include "StorageError.h"

#include <QSqlError>
#include <QVariant>

namespace backoffice::server {

namespace {

// Columns in the order of the upsert's placeholders; the first ones never change after insert.
const char *const EdrColumns[] = {
    "id", "accepted_at", "transaction_id", "message_id", "part_number", "part_count", "company_id", "agreement_id",
    "channel", "sender_record_id", "sender", "destination", "origin", "client_connection_id", "api_key_id", "label",
    "text", "data_coding", "country", "mcc_mnc", "network", "created_at",
    // mutable from here on
    "status", "error_code", "error_text", "vendor_connection_id", "http_connection_id", "vendor_message_id",
    "vendor_status", "attempts",
    "submitted_at", "done_at", "enabled_service_id", "service_id", "price", "currency", "billing_rule", "charged_at",
    "pack_debit", "period_volume", "updated_at"};
constexpr int FirstMutableColumn = 22;

QString upsertSql()
{
    QStringList columns, placeholders, updates;
    int index = 0;
    for (const char *column : EdrColumns) {
        const QString name = QString::fromLatin1(column);
        columns << name;
        placeholders << QStringLiteral("?");
        if (index++ >= FirstMutableColumn)
            updates << QStringLiteral("%1 = excluded.%1").arg(name);
    }
    return QStringLiteral("INSERT INTO edrs (%1) VALUES (%2) ON CONFLICT (id) DO UPDATE SET %3")
        .arg(columns.join(QLatin1Char(',')), placeholders.join(QLatin1Char(',')), updates.join(QLatin1Char(',')));
}

EdrRecord edrFrom(const QSqlQuery &q)
{
    EdrRecord e;
    int i = 0;
    auto next = [&] { return q.value(i++); };
    e.id = next().toLongLong();
    e.acceptedAt = instant(next());
    e.transactionId = next().toString();
    e.messageId = next().toString();
    e.partNumber = next().toInt();
    e.partCount = next().toInt();
    e.companyId = next().toLongLong();
    e.agreementId = next().toLongLong();
    e.channel = next().toString();
    e.senderRecordId = next().toLongLong();
    e.sender = next().toString();
    e.destination = next().toString();
    e.origin = next().toString();
    e.clientConnectionId = next().toLongLong();
    e.apiKeyId = next().toLongLong();
    e.label = next().toString();
    e.text = next().toString();
    e.dataCoding = next().toInt();
    e.country = next().toString();
    e.mccMnc = next().toString();
    e.network = next().toString();
    next(); // created_at
    e.status = next().toString();
    e.errorCode = next().toString();
    e.errorText = next().toString();
    e.vendorConnectionId = next().toLongLong();
    e.httpConnectionId = next().toLongLong();
    e.vendorMessageId = next().toString();
    e.vendorStatus = next().toString();
    e.attempts = next().toInt();
    e.submittedAt = instant(next());
    e.doneAt = instant(next());
    e.enabledServiceId = next().toLongLong();
    e.serviceId = next().toLongLong();
    e.price = Amount::fromMicros(next().toLongLong());
    e.currency = next().toString();
    e.billingRule = next().toString();
    e.chargedAt = instant(next());
    e.packDebit = next().toLongLong();
    const QVariant volume = next();
    if (!volume.isNull())
        e.periodVolume = volume.toLongLong();
    return e;
}

QString selectEdrSql(const char *where)
{
    QStringList columns;
    for (const char *column : EdrColumns)
        columns << QString::fromLatin1(column);
    return QStringLiteral("SELECT %1 FROM edrs WHERE %2").arg(columns.join(QLatin1Char(',')), QLatin1String(where));
}

} // namespace

MessagingStore::MessagingStore(QSqlDatabase db)
    : m_db(db)
    , m_upsertEdr(db)
    , m_updateEdr(db)
    , m_insertCharge(db)
    , m_addBalance(db)
{
}

QSqlQuery &MessagingStore::prepared(QSqlQuery &query, bool &ready, const QString &sql)
{
    if (!ready) {
        if (!query.prepare(sql))
            throw StorageError(query.lastError().text());
        ready = true;
    }
    return query;
}

qint64 MessagingStore::maxEdrId()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM edrs"));
    execOrThrow(q, "read the last EDR id");
    return q.next() ? q.value(0).toLongLong() : 0;
}

void MessagingStore::upsertEdr(const EdrRecord &e)
{
    static const QString sql = upsertSql();
    QSqlQuery &q = prepared(m_upsertEdr, m_upsertReady, sql);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QVariant values[] = {
        e.id, timeOrNull(e.acceptedAt), e.transactionId, e.messageId, e.partNumber, e.partCount, idOrNull(e.companyId),
        idOrNull(e.agreementId), e.channel, idOrNull(e.senderRecordId), textOrNull(e.sender), textOrNull(e.destination),
        e.origin, idOrNull(e.clientConnectionId), idOrNull(e.apiKeyId), textOrNull(e.label), textOrNull(e.text),
        e.dataCoding, textOrNull(e.country), textOrNull(e.mccMnc), textOrNull(e.network), now,
        e.status, textOrNull(e.errorCode), textOrNull(e.errorText), idOrNull(e.vendorConnectionId),
        idOrNull(e.httpConnectionId), textOrNull(e.vendorMessageId), textOrNull(e.vendorStatus), e.attempts, timeOrNull(e.submittedAt),
        timeOrNull(e.doneAt), idOrNull(e.enabledServiceId), idOrNull(e.serviceId),
        e.currency.isEmpty() ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(e.price.micros()),
        textOrNull(e.currency), textOrNull(e.billingRule), timeOrNull(e.chargedAt),
        e.packDebit ? QVariant(e.packDebit) : QVariant(QMetaType(QMetaType::LongLong)),
        e.periodVolume ? QVariant(*e.periodVolume) : QVariant(QMetaType(QMetaType::LongLong)), now};
    for (int i = 0; i < int(std::size(values)); ++i)
        q.bindValue(i, values[i]);
    execOrThrow(q, "write an EDR");
}

void MessagingStore::updateEdr(const EdrRecord &e)
{
    QSqlQuery &q = prepared(m_updateEdr, m_updateReady,
                            QStringLiteral("UPDATE edrs SET status = ?, error_code = ?, error_text = ?, vendor_connection_id = ?,"
                                           " http_connection_id = ?, vendor_message_id = ?, vendor_status = ?, attempts = ?,"
                                           " submitted_at = ?, done_at = ?, charged_at = ?, updated_at = ? WHERE id = ?"));
    const QVariant values[] = {e.status, textOrNull(e.errorCode), textOrNull(e.errorText), idOrNull(e.vendorConnectionId),
                               idOrNull(e.httpConnectionId), textOrNull(e.vendorMessageId), textOrNull(e.vendorStatus),
                               e.attempts, timeOrNull(e.submittedAt), timeOrNull(e.doneAt), timeOrNull(e.chargedAt),
                               QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), e.id};
    for (int i = 0; i < int(std::size(values)); ++i)
        q.bindValue(i, values[i]);
    execOrThrow(q, "update an EDR");
}

bool MessagingStore::insertCharge(const ChargeRecord &c)
{
    QSqlQuery &q = prepared(m_insertCharge, m_chargeReady,
                            QStringLiteral("INSERT INTO charges (charged_at, transaction_id, company_id, agreement_id, source,"
                                           " edr_id, service_id, enabled_service_id, sender_record_id, description, units,"
                                           " unit_price, amount, currency, band, price_type, scale_type, scale_tier, scale_group, rate_id,"
                                           " pack_debit, rerate_task_id, created_at, updated_at)"
                                           " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"));
    const QString at = c.chargedAt.toString(Qt::ISODateWithMs);
    const QVariant values[] = {at, c.transactionId, c.companyId, c.agreementId, c.source, idOrNull(c.edrId),
                               idOrNull(c.serviceId), idOrNull(c.enabledServiceId), idOrNull(c.senderRecordId),
                               textOrNull(c.description), c.units, c.unitPrice.micros(), c.amount.micros(),
                               c.currency, textOrNull(c.band), c.pricing.priceType, textOrNull(c.pricing.scaleType),
                               idOrNull(c.pricing.scaleTier), textOrNull(c.pricing.scaleGroup), idOrNull(c.pricing.rateId),
                               c.packDebit ? QVariant(c.packDebit) : QVariant(QMetaType(QMetaType::LongLong)), idOrNull(c.rerateTaskId), at, at};
    for (int i = 0; i < int(std::size(values)); ++i)
        q.bindValue(i, values[i]);
    execOrThrow(q, "write a charge");
    return q.numRowsAffected() == 1;
}

void MessagingStore::addToBalance(qint64 agreementId, const QString &currency, Amount delta, Amount charged,
                                  const QDateTime &now)
{
    QSqlQuery &q = prepared(m_addBalance, m_balanceReady,
                            QStringLiteral("INSERT INTO agreement_balances (agreement_id, currency, balance, charged_total,"
                                           " updated_at) VALUES (?,?,?,?,?) ON CONFLICT (agreement_id) DO UPDATE SET"
                                           " balance = balance + excluded.balance,"
                                           " charged_total = charged_total + excluded.charged_total,"
                                           " updated_at = excluded.updated_at"));
    q.bindValue(0, agreementId);
    q.bindValue(1, currency);
    q.bindValue(2, delta.micros());
    q.bindValue(3, charged.micros());
    q.bindValue(4, now.toString(Qt::ISODateWithMs));
    execOrThrow(q, "update an agreement balance");
}

QList<AgreementFunds> MessagingStore::funds(const QDateTime &at)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT a.id, a.company_id, a.currency, coalesce(b.balance, 0),"
        " (SELECT v.credit_limit FROM agreement_versions v WHERE v.agreement_id = a.id AND v.effective_from <= ?"
        "  AND (v.effective_till IS NULL OR v.effective_till > ?) ORDER BY v.effective_from DESC LIMIT 1),"
        " a.code, a.low_balance_threshold, (SELECT coalesce(max(m.id), 0) FROM balance_movements m)"
        " FROM agreements a LEFT JOIN agreement_balances b ON b.agreement_id = a.id"));
    const QString now = at.toString(Qt::ISODateWithMs);
    q.addBindValue(now);
    q.addBindValue(now);
    execOrThrow(q, "read agreement balances");
    QList<AgreementFunds> list;
    while (q.next()) {
        AgreementFunds f;
        f.agreementId = q.value(0).toLongLong();
        f.companyId = q.value(1).toLongLong();
        f.currency = q.value(2).toString();
        f.balance = Amount::fromMicros(q.value(3).toLongLong());
        if (!q.value(4).isNull())
            f.creditLimit = Amount::fromMicros(q.value(4).toLongLong());
        f.code = q.value(5).toString();
        if (!q.value(6).isNull())
            f.lowBalanceThreshold = Amount::fromMicros(q.value(6).toLongLong());
        f.lastMovementId = q.value(7).toLongLong();
        list.append(f);
    }
    return list;
}

std::optional<EdrRecord> MessagingStore::edrByVendorMessage(qint64 vendorConnectionId, const QString &vendorMessageId)
{
    QSqlQuery q(m_db);
    q.prepare(selectEdrSql("vendor_connection_id = ? AND vendor_message_id = ?"));
    q.addBindValue(vendorConnectionId);
    q.addBindValue(vendorMessageId);
    execOrThrow(q, "find an EDR by vendor message id");
    if (!q.next())
        return std::nullopt;
    return edrFrom(q);
}

std::optional<EdrRecord> MessagingStore::edrByMessageId(const QString &messageId)
{
    QSqlQuery q(m_db);
    q.prepare(selectEdrSql("message_id = ?"));
    q.addBindValue(messageId);
    execOrThrow(q, "find an EDR by message id");
    if (!q.next())
        return std::nullopt;
    return edrFrom(q);
}

void MessagingStore::addToOutbox(qint64 clientConnectionId, const QByteArray &pdu, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO smpp_outbox (client_connection_id, created_at, pdu) VALUES (?,?,?)"));
    q.addBindValue(clientConnectionId);
    q.addBindValue(now.toString(Qt::ISODateWithMs));
    q.addBindValue(pdu);
    execOrThrow(q, "queue a delivery receipt for a client");
}

QList<OutboxEntry> MessagingStore::outbox(qint64 clientConnectionId, int limit)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, pdu FROM smpp_outbox WHERE client_connection_id = ? ORDER BY id LIMIT ?"));
    q.addBindValue(clientConnectionId);
    q.addBindValue(limit);
    execOrThrow(q, "read queued delivery receipts");
    QList<OutboxEntry> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), clientConnectionId, q.value(1).toByteArray()});
    return list;
}

void MessagingStore::removeFromOutbox(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM smpp_outbox WHERE id = ?"));
    q.addBindValue(id);
    execOrThrow(q, "remove a sent delivery receipt");
}

qint64 MessagingStore::maxCallbackId()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM callbacks"));
    execOrThrow(q, "read the last callback id");
    return q.next() ? q.value(0).toLongLong() : 0;
}

void MessagingStore::insertCallback(qint64 id, qint64 edrId, const QString &url, const QByteArray &body,
                                    const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO callbacks (id, created_at, edr_id, url, body, state, attempts, next_attempt_at,"
                             " updated_at) VALUES (?,?,?,?,?,'pending',0,?,?)"));
    const QString at = now.toString(Qt::ISODateWithMs);
    q.addBindValue(id);
    q.addBindValue(at);
    q.addBindValue(idOrNull(edrId));
    q.addBindValue(url);
    q.addBindValue(QString::fromUtf8(body));
    q.addBindValue(at);
    q.addBindValue(at);
    execOrThrow(q, "queue a callback");
}

void MessagingStore::recordCallbackAttempt(qint64 callbackId, const QDateTime &at, int httpStatus,
                                           const QString &result, const QString &state, const QDateTime &nextAttemptAt)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO callback_attempts (callback_id, attempted_at, http_status, result)"
                             " VALUES (?,?,?,?)"));
    q.addBindValue(callbackId);
    q.addBindValue(at.toString(Qt::ISODateWithMs));
    q.addBindValue(httpStatus > 0 ? QVariant(httpStatus) : QVariant(QMetaType(QMetaType::Int)));
    q.addBindValue(result);
    execOrThrow(q, "record a callback attempt");
    QSqlQuery u(m_db);
    u.prepare(QStringLiteral("UPDATE callbacks SET attempts = attempts + 1, state = ?, next_attempt_at = ?,"
                             " last_result = ?, updated_at = ? WHERE id = ?"));
    u.addBindValue(state);
    u.addBindValue(timeOrNull(nextAttemptAt));
    u.addBindValue(result);
    u.addBindValue(at.toString(Qt::ISODateWithMs));
    u.addBindValue(callbackId);
    execOrThrow(u, "update a callback");
}

QList<CallbackRow> MessagingStore::pendingCallbacks(int limit)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, coalesce(edr_id, 0), url, body, attempts FROM callbacks"
                             " WHERE state = 'pending' ORDER BY next_attempt_at LIMIT ?"));
    q.addBindValue(limit);
    execOrThrow(q, "read pending callbacks");
    QList<CallbackRow> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                     q.value(3).toString().toUtf8(), q.value(4).toInt()});
    return list;
}

void MessagingStore::insertNotification(const QString &kind, const QString &subject, const QString &body,
                                        qint64 companyId, qint64 senderRecordId, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO notifications (kind, subject, body, company_id, sender_record_id,"
                             " acknowledged, created_at, updated_at) VALUES (?,?,?,?,?,0,?,?)"));
    const QString at = now.toString(Qt::ISODateWithMs);
    q.addBindValue(kind);
    q.addBindValue(subject);
    q.addBindValue(body);
    q.addBindValue(idOrNull(companyId));
    q.addBindValue(idOrNull(senderRecordId));
    q.addBindValue(at);
    q.addBindValue(at);
    execOrThrow(q, "raise a notification");
}

} // namespace backoffice::server

namespace backoffice::server {

void MessagingStore::setPackRounds(qint64 enabledServiceId, int rounds)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE enabled_services SET rounds = CASE WHEN rounds < ? THEN ? ELSE rounds END WHERE id = ?"));
    q.addBindValue(rounds);
    q.addBindValue(rounds);
    q.addBindValue(enabledServiceId);
    execOrThrow(q, "record a bundle pack bought again");
}

} // namespace backoffice::server
