#pragma once

#include "Amount.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace backoffice::server {

// A back-to-first scale counter: one agreement, scale node, counter key (sender ID or none) and
// billing period, with what its parts were charged.
struct BackToFirstCounter {
    qint64 agreementId = 0;
    qint64 companyId = 0;
    QString currency; // the agreement's
    qint64 nodeId = 0;
    qint64 scopeId = 0; // 0 when the node is gone (its tree was replaced)
    qint64 serviceId = 0;
    QString counterKey;
    QDateTime periodStart;
    qint64 units = 0;
    Amount charged;
};

// SQL of the back-to-first corrections (ScaleAdjustments).
class ScaleCounterStore final
{
public:
    explicit ScaleCounterStore(QSqlDatabase db);

    // Back-to-first counters of periods that started at or after `since`, except those that did not
    // change since markChecked.
    QList<BackToFirstCounter> backToFirstCounters(const QDateTime &since) const;
    // The counter as it is now needs no correction: skipped until its units or charges change.
    void markChecked(const BackToFirstCounter &counter);
    // What corrections with this transaction id already wrote.
    Amount corrected(const QString &transactionId) const;
    // Whether a confirmed invoice of the agreement covers the instant (a charge there would be
    // invoiced by nobody).
    bool confirmedInvoiceCovers(qint64 agreementId, const QDateTime &at) const;

private:
    QSqlDatabase m_db;
};

} // namespace backoffice::server
