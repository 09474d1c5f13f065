// The invoice run of the billing job over a large charges table (one charge per EDR part, as the
// messaging engine writes them, without the EDR rows themselves): 10,000,000 by default, spread over the demo agreements' previous
// billing periods. Baseline from the same run: one SQL GROUP BY over the whole table with the
// invoice lines' grouping. Prints both times, the ratio (target ≤ 2) and checks that the invoices
// hold every charge exactly once.
#include "BillingPeriod.h"
#include "Database.h"
#include "InvoiceStore.h"
#include "Invoicing.h"
#include "ServerInstance.h"
#include "Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <cstdio>

using namespace backoffice;
using namespace backoffice::server;

namespace {

qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        std::fprintf(stderr, "query failed: %s\n", qPrintable(sql));
        std::exit(1);
    }
    return q.value(0).toLongLong();
}

struct Target {
    qint64 agreementId = 0;
    qint64 companyId = 0;
    PeriodWindow window;
};

QList<Target> previousPeriods(QSqlDatabase db, const QDateTime &now)
{
    QList<Target> targets;
    for (const InvoiceTerms &terms : InvoiceStore(db).agreementTerms(now)) {
        BillingPeriodKind kind = BillingPeriodKind::Monthly;
        parseBillingPeriodKind(terms.billingPeriod, &kind);
        const QTimeZone zone(terms.timeZone.toUtf8());
        const PeriodWindow current = billingPeriodContaining(now, kind, terms.billingDay, zone, terms.splitByMonth);
        targets.append({terms.agreementId, terms.companyId,
                        billingPeriodContaining(current.startUtc.addMSecs(-1), kind, terms.billingDay, zone,
                                                terms.splitByMonth)});
    }
    return targets;
}

void insertCharges(QSqlDatabase db, const QList<Target> &targets, qint64 count)
{
    QRandomGenerator random(20261203);
    const qint64 prices[] = {45000, 38000, 52000, 61000}; // 0.045 … 0.061 EUR per part
    const qint64 services[] = {1, 2};
    Transaction transaction(db);
    QSqlQuery q(db);
    // No EDR rows behind them (edr_id stays empty): the invoice reads charges only, and writing
    // 10,000,000 EDRs first would triple the set-up time for nothing the run looks at.
    q.prepare(QStringLiteral("INSERT INTO charges (charged_at, transaction_id, company_id, agreement_id, source,"
                             " service_id, sender_record_id, units, unit_price, amount, currency, price_type, rate_id,"
                             " created_at, updated_at)"
                             " VALUES (?, ?, ?, ?, 'traffic', ?, ?, 1, ?, ?, 'EUR', 'flat', ?, ?, ?)"));
    for (qint64 i = 0; i < count; ++i) {
        const Target &target = targets.at(int(random.bounded(qsizetype(targets.size()))));
        const qint64 span = target.window.startUtc.msecsTo(target.window.endUtc);
        const QString at = target.window.startUtc.addMSecs(qint64(random.bounded(quint64(span)))).toString(Qt::ISODateWithMs);
        const int rate = int(random.bounded(4)); // each price is a rate node of its own
        const qint64 price = prices[rate];
        q.bindValue(0, at);
        q.bindValue(1, QStringLiteral("t%1").arg(i));
        q.bindValue(2, target.companyId);
        q.bindValue(3, target.agreementId);
        q.bindValue(4, services[random.bounded(2)]);
        q.bindValue(5, qint64(random.bounded(1, 9)));
        q.bindValue(6, price);
        q.bindValue(7, price);
        q.bindValue(8, qint64(100 + rate));
        q.bindValue(9, at);
        q.bindValue(10, at);
        if (!q.exec()) {
            std::fprintf(stderr, "insert failed: %s\n", qPrintable(q.lastError().text()));
            std::exit(1);
        }
    }
    transaction.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 10'000'000;
    QTemporaryDir dir;
    ServerOptions options;
    options.databasePath = dir.filePath(QStringLiteral("invoices.sqlite"));
    options.seedDemoData = true;
    options.messaging = false;
    ServerInstance instance(options);
    QString error;
    if (!instance.start(&error)) {
        std::fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }
    QSqlDatabase db = instance.database()->connection();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<Target> targets = previousPeriods(db, now);

    QElapsedTimer timer;
    timer.start();
    insertCharges(db, targets, count);
    std::printf("bench_invoice_run: %lld charges over %lld agreements' previous billing periods (inserted in %.1f s)\n",
                count, qint64(targets.size()), timer.nsecsElapsed() / 1e9);
    QSqlQuery(db).exec(QStringLiteral("ANALYZE"));

    // Baseline: the invoice lines' grouping over the whole table, in one statement.
    timer.restart();
    QSqlQuery group(db);
    group.setForwardOnly(true);
    group.exec(QStringLiteral("SELECT agreement_id, source, service_id, sender_record_id, unit_price, band, price_type,"
                              " scale_type, scale_tier, scale_group, rate_id, count(*), sum(units), sum(amount) FROM charges"
                              " GROUP BY agreement_id, source, service_id, sender_record_id, unit_price, band, price_type,"
                              " scale_type, scale_tier, scale_group, rate_id"));
    qint64 groups = 0;
    while (group.next())
        ++groups;
    const double baseline = timer.nsecsElapsed() / 1e9;
    std::printf("baseline  one GROUP BY over the table: %.2f s (%lld groups)\n", baseline, groups);

    timer.restart();
    const int written = Invoicing(*instance.database()).run(now);
    const double run = timer.nsecsElapsed() / 1e9;
    std::printf("invoice   run of the billing job: %.2f s (%d invoices written or recalculated)\n", run, written);
    std::printf("ratio     invoice run / baseline: %.2f (target <= 2)\n", run / baseline);

    const qint64 charged = scalar(db, QStringLiteral("SELECT sum(amount) FROM charges"));
    const qint64 invoiced = scalar(db, QStringLiteral("SELECT coalesce(sum(exact_net), 0) FROM invoice_lines"));
    const qint64 covered = scalar(db, QStringLiteral("SELECT coalesce(sum(charge_count), 0) FROM invoice_lines"));
    std::printf("check     charges %lld, in invoice lines %lld; amounts %.6f vs %.6f EUR: %s\n", count, covered,
                charged / 1e6, invoiced / 1e6, charged == invoiced && covered == count ? "every charge invoiced once" : "MISMATCH");
    return charged == invoiced && covered == count ? 0 : 1;
}
