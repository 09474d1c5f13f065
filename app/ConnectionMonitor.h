#pragma once

#include <QObject>
#include <QPointer>

class QTimer;

namespace backoffice {
class ApiClient;
class ApiReply;
} // namespace backoffice

namespace backoffice::app {

// Asks the server's public `health` route every 30 seconds, so the status bar says whether the
// server is there before someone's Save fails, and knows the server version for About.
class ConnectionMonitor final : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionMonitor(ApiClient *api, QObject *parent = nullptr);

    void start(int intervalMs = 30000);
    void checkNow();
    bool isConnected() const { return m_connected; }
    bool hasAnswer() const { return m_answered; }

signals:
    void stateChanged(bool connected);
    void serverVersionReceived(const QString &version);

private:
    ApiClient *m_api;
    QTimer *m_timer;
    QPointer<ApiReply> m_pending;
    bool m_connected = false;
    bool m_answered = false;
};

} // namespace backoffice::app
