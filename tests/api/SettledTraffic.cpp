#include "SettledTraffic.h"

#include "ApiClient.h"
#include "Database.h"
#include "MessagingEngine.h"
#include "ServerInstance.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

namespace backoffice::test {

bool sendAndSettle(server::ServerInstance &server, ApiClient &sender, const QString &from, const QStringList &to,
                   QString *error)
{
    for (qsizetype first = 0; first < to.size(); first += 100) {
        ApiReply *sent = sender.post(QStringLiteral("messages"),
                                     {{QStringLiteral("from"), from},
                                      {QStringLiteral("to"), QJsonArray::fromStringList(to.mid(first, 100))},
                                      {QStringLiteral("message"), QStringLiteral("test traffic")}});
        bool refused = !sent->waitForFinished(60000); // false unless answered 2xx
        for (const QJsonValue &result : sent->object().value(QLatin1String("results")).toArray())
            refused = refused || result.toObject().value(QLatin1String("error")).isString();
        sent->deleteLater();
        if (refused) {
            *error = QString::fromUtf8(sent->body());
            return false;
        }
    }
    const auto unsettled = [&server] {
        QSqlQuery query(server.database()->connection());
        query.exec(QStringLiteral("SELECT count(*) FROM edrs WHERE charged_at IS NULL AND status <> 'FAILED'"));
        return query.next() ? query.value(0).toLongLong() : -1;
    };
    const bool settled = QTest::qWaitFor([&unsettled] { return unsettled() == 0; }, 20000);
    if (server::MessagingEngine *engine = server.messagingEngine())
        engine->flush();
    if (!settled)
        *error = QStringLiteral("parts were still not charged after 20 s");
    return settled;
}

} // namespace backoffice::test
