#include "TrafficMonitor.h"

namespace backoffice::server {

TrafficMonitor::TrafficMonitor(Raise raise)
    : m_raise(std::move(raise))
{
}

void TrafficMonitor::record(const SenderRow &sender, bool error, const QDateTime &at)
{
    if (!sender.notificationsEnabled || sender.windowMinutes <= 0 || sender.triggerPercent <= 0)
        return;
    Window &window = m_windows[sender.id];
    const qint64 second = at.toSecsSinceEpoch();
    if (window.seconds.empty() || window.seconds.back().epochSecond != second)
        window.seconds.push_back({second, 0, 0});
    window.seconds.back().total += 1;
    window.seconds.back().errors += error ? 1 : 0;
    window.total += 1;
    window.errors += error ? 1 : 0;
    const qint64 oldest = second - qint64(sender.windowMinutes) * 60;
    while (!window.seconds.empty() && window.seconds.front().epochSecond <= oldest) {
        window.total -= window.seconds.front().total;
        window.errors -= window.seconds.front().errors;
        window.seconds.pop_front();
    }
    if (window.total < sender.minimalCount)
        return;
    // Integer comparison: errors/total >= trigger/100 without rounding.
    const bool over = qint64(window.errors) * 100 >= qint64(sender.triggerPercent) * window.total;
    if (over && !window.alerted) {
        window.alerted = true;
        const int percent = int(qint64(window.errors) * 100 / window.total);
        m_raise({sender.id, sender.companyId,
                 QStringLiteral("Sender ID %1: %2% of messages failed in the last %3 min")
                     .arg(sender.senderId).arg(percent).arg(sender.windowMinutes),
                 QStringLiteral("%1 of the last %2 messages of sender ID %3 (%4 channel) failed or were not delivered "
                                "within %5 minutes; the trigger is %6% from %7 messages.")
                     .arg(window.errors).arg(window.total).arg(sender.senderId, sender.channel)
                     .arg(sender.windowMinutes).arg(sender.triggerPercent).arg(sender.minimalCount)});
    } else if (!over) {
        window.alerted = false;
    }
}

} // namespace backoffice::server
