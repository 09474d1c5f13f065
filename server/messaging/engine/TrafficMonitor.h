#pragma once

#include "MessagingConfig.h"

#include <QDateTime>
#include <QHash>
#include <deque>
#include <functional>

namespace backoffice::server {

// The traffic-monitoring settings of sender IDs (BO §6.5): over the last `window` minutes, once at
// least `minimal count` messages were sent, an error share at or above `trigger percent` raises a
// notification — once, until the share falls below the trigger again.
class TrafficMonitor final
{
public:
    struct Alert {
        qint64 senderRecordId = 0;
        qint64 companyId = 0;
        QString subject;
        QString body;
    };
    using Raise = std::function<void(const Alert &alert)>;

    explicit TrafficMonitor(Raise raise);

    // One final outcome of a part sent with this sender ID; error: failed or undelivered.
    void record(const SenderRow &sender, bool error, const QDateTime &at);

private:
    struct Second {
        qint64 epochSecond = 0;
        int total = 0;
        int errors = 0;
    };
    struct Window {
        std::deque<Second> seconds;
        int total = 0;
        int errors = 0;
        bool alerted = false;
    };
    Raise m_raise;
    QHash<qint64, Window> m_windows;
};

} // namespace backoffice::server
