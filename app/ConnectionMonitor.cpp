#include "ConnectionMonitor.h"

#include "ApiClient.h"

#include <QTimer>

namespace backoffice::app {

ConnectionMonitor::ConnectionMonitor(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &ConnectionMonitor::checkNow);
}

void ConnectionMonitor::start(int intervalMs)
{
    m_timer->start(intervalMs);
    checkNow();
}

void ConnectionMonitor::checkNow()
{
    if (m_pending)
        return; // the previous check is still waiting for its answer
    ApiReply *reply = m_api->get(QStringLiteral("health"));
    m_pending = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        const bool connected = reply->ok();
        if (connected) {
            const QString version = reply->object().value(QLatin1String("version")).toString();
            if (!version.isEmpty())
                emit serverVersionReceived(version);
        }
        const bool changed = !m_answered || connected != m_connected;
        m_answered = true;
        m_connected = connected;
        if (changed)
            emit stateChanged(connected);
    });
}

} // namespace backoffice::app
