#include "BulkSeeder.h"

#include "EntityRepository.h"
#include "StorageError.h"
#include "Transaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace backoffice::server {

namespace {

void prepare(QSqlQuery &query, const QString &sql)
{
    if (!query.prepare(sql))
        throw StorageError(query.lastError().text());
}

} // namespace

void bulkSeed(QSqlDatabase db, const BulkSeedCounts &counts)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QStringList words{QStringLiteral("Alpha"), QStringLiteral("Nova"), QStringLiteral("Blue"), QStringLiteral("Vertex"),
                            QStringLiteral("Orbit"), QStringLiteral("Delta"), QStringLiteral("Pixel"), QStringLiteral("Terra"),
                            QStringLiteral("Quantum"), QStringLiteral("Summit"), QStringLiteral("Harbor"), QStringLiteral("Maple")};
    const QStringList suffixes{QStringLiteral("Telecom"), QStringLiteral("Retail"), QStringLiteral("Logistics"),
                               QStringLiteral("Bank"), QStringLiteral("Travel"), QStringLiteral("Health")};
    Transaction transaction(db);
    QSqlQuery ownLe(db);
    prepare(ownLe, QStringLiteral("SELECT id FROM own_legal_entities ORDER BY id LIMIT 1"));
    execOrThrow(ownLe, "bulk seed");
    qint64 ownLegalEntityId = ownLe.next() ? ownLe.value(0).toLongLong() : 0;
    if (ownLegalEntityId == 0) {
        QSqlQuery insertOwn(db);
        prepare(insertOwn, QStringLiteral("INSERT INTO own_legal_entities (name, company_id, legal_company_name, country, legal_id,"
                                          " is_default, created_at, updated_at) VALUES ('Bench owner', 1, 'Bench owner Ltd', 'GB',"
                                          " 'B-1', 1, ?, ?)"));
        insertOwn.addBindValue(now);
        insertOwn.addBindValue(now);
        execOrThrow(insertOwn, "bulk seed");
        ownLegalEntityId = insertOwn.lastInsertId().toLongLong();
    }
    QSqlQuery bank(db);
    prepare(bank, QStringLiteral("INSERT INTO banks (name, country, address, created_at, updated_at)"
                                 " VALUES ('Bench bank', 'GB', 'London', ?, ?)"));
    bank.addBindValue(now);
    bank.addBindValue(now);
    execOrThrow(bank, "bulk seed");
    const qint64 bankId = bank.lastInsertId().toLongLong();
    QSqlQuery ownAccount(db);
    prepare(ownAccount, QStringLiteral("INSERT INTO own_bank_accounts (name, own_legal_entity_id, bank_id, account_holder,"
                                       " account_number, created_at, updated_at) VALUES ('Bench', ?, ?, 'Bench', '1', ?, ?)"));
    ownAccount.addBindValue(ownLegalEntityId);
    ownAccount.addBindValue(bankId);
    ownAccount.addBindValue(now);
    ownAccount.addBindValue(now);
    execOrThrow(ownAccount, "bulk seed");
    const qint64 ownAccountId = ownAccount.lastInsertId().toLongLong();

    QSqlQuery company(db), legal(db), agreement(db), version(db);
    prepare(company, QStringLiteral("INSERT INTO companies (name, enabled, own_legal_entity_id, type, created_at, updated_at)"
                                    " VALUES (?, 1, ?, 'client', ?, ?)"));
    prepare(legal, QStringLiteral("INSERT INTO legal_entities (name, company_id, legal_company_name, country, is_default,"
                                  " created_at, updated_at) VALUES (?, ?, ?, 'DE', 1, ?, ?)"));
    prepare(agreement, QStringLiteral("INSERT INTO agreements (company_id, direction, legal_entity_id, own_legal_entity_id,"
                                      " own_bank_account_id, code, agreement_date, currency, created_at, updated_at)"
                                      " VALUES (?, 'client', ?, ?, ?, ?, '2025-01-01', 'EUR', ?, ?)"));
    prepare(version, QStringLiteral("INSERT INTO agreement_versions (agreement_id, effective_from, effective_from_zone,"
                                    " credit_limit, billing_time_zone, days_for_payment, billing_period, billing_day,"
                                    " split_by_month, created_at, updated_at) VALUES (?, '2025-01-01T00:00:00.000Z', 'UTC', ?,"
                                    " 'Europe/Berlin', 30, 'monthly', 1, 0, ?, ?)"));
    for (qint64 i = 0; i < counts.companies; ++i) {
        const QString name = words.at(i % words.size()) + QLatin1Char(' ') + suffixes.at((i / words.size()) % suffixes.size())
                             + QLatin1Char(' ') + QString::number(i);
        company.addBindValue(name);
        company.addBindValue(ownLegalEntityId);
        company.addBindValue(now);
        company.addBindValue(now);
        execOrThrow(company, "bulk seed");
        const qint64 companyId = company.lastInsertId().toLongLong();
        legal.addBindValue(name);
        legal.addBindValue(companyId);
        legal.addBindValue(QString(name + QStringLiteral(" GmbH")));
        legal.addBindValue(now);
        legal.addBindValue(now);
        execOrThrow(legal, "bulk seed");
        const qint64 legalId = legal.lastInsertId().toLongLong();
        for (int a = 0; a < counts.agreementsPerCompany; ++a) {
            agreement.addBindValue(companyId);
            agreement.addBindValue(legalId);
            agreement.addBindValue(ownLegalEntityId);
            agreement.addBindValue(ownAccountId);
            agreement.addBindValue(QStringLiteral("B-%1-%2").arg(i).arg(a));
            agreement.addBindValue(now);
            agreement.addBindValue(now);
            execOrThrow(agreement, "bulk seed");
            version.addBindValue(agreement.lastInsertId().toLongLong());
            version.addBindValue(static_cast<qint64>((i % 50) * 100) * 1000000);
            version.addBindValue(now);
            version.addBindValue(now);
            execOrThrow(version, "bulk seed");
        }
    }
    transaction.commit();
    for (const char *table : {"companies", "legal_entities", "banks", "own_bank_accounts", "own_legal_entities", "agreements",
                              "agreement_versions"})
        EntityRepository::forgetTotal(db, QString::fromLatin1(table));
    QSqlQuery analyze(db);
    analyze.exec(QStringLiteral("ANALYZE"));
}

} // namespace backoffice::server
