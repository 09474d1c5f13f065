#include "LowBalanceAlert.h"

#include "MessagingWriter.h"

namespace backoffice::server {

void raiseLowBalanceAlert(MessagingWriter &writer, const BalanceBook::LowBalance &low)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString subject = QStringLiteral("Agreement %1: balance %2 %3 is below the low-balance threshold of %4 %3")
                                .arg(low.code, low.balance.toString(), low.currency, low.threshold.toString());
    const QString body = QStringLiteral("Agreement %1 (id %2) fell below its low-balance threshold at %3 UTC.")
                             .arg(low.code).arg(low.agreementId).arg(now.toString(Qt::ISODate));
    writer.enqueue([low, subject, body, now](MessagingStore &store) {
        store.insertNotification(QStringLiteral("lowBalance"), subject, body, low.companyId, 0, now);
    });
}

} // namespace backoffice::server
