#include "TrafficCounters.h"

#include <QJsonArray>

namespace backoffice::server {

namespace {
constexpr qint64 KeptMinutes = 24 * 60;
}

void TrafficCounters::count(const QDateTime &at, const QString &channel, const QString &outcome, int parts)
{
    const qint64 minute = at.toSecsSinceEpoch() / 60;
    QMutexLocker lock(&m_mutex);
    if (m_minutes.empty() || m_minutes.back().epochMinute < minute)
        m_minutes.push_back({minute, {}});
    while (m_minutes.front().epochMinute <= minute - KeptMinutes)
        m_minutes.pop_front();
    // Late events (a receipt for a minute already closed) count in the minute they belong to.
    for (auto it = m_minutes.rbegin(); it != m_minutes.rend(); ++it) {
        if (it->epochMinute <= minute) {
            it->counts[channel][outcome] += parts;
            return;
        }
    }
}

QJsonObject TrafficCounters::series(const QDateTime &now, int minutes) const
{
    const qint64 last = now.toSecsSinceEpoch() / 60;
    const qint64 first = last - std::clamp<qint64>(minutes, 1, KeptMinutes) + 1;
    QMutexLocker lock(&m_mutex);
    QJsonArray list;
    QHash<QString, QHash<QString, qint64>> totals;
    auto it = m_minutes.begin();
    for (qint64 minute = first; minute <= last; ++minute) {
        while (it != m_minutes.end() && it->epochMinute < minute)
            ++it;
        QJsonObject counts;
        if (it != m_minutes.end() && it->epochMinute == minute) {
            for (auto channel = it->counts.begin(); channel != it->counts.end(); ++channel) {
                QJsonObject outcomes;
                for (auto outcome = channel->begin(); outcome != channel->end(); ++outcome) {
                    outcomes.insert(outcome.key(), outcome.value());
                    totals[channel.key()][outcome.key()] += outcome.value();
                }
                counts.insert(channel.key(), outcomes);
            }
        }
        list.append(QJsonObject{{QStringLiteral("minute"),
                                 QDateTime::fromSecsSinceEpoch(minute * 60, Qt::UTC).toString(Qt::ISODate)},
                                {QStringLiteral("counts"), counts}});
    }
    QJsonObject totalsJson;
    for (auto channel = totals.begin(); channel != totals.end(); ++channel) {
        QJsonObject outcomes;
        for (auto outcome = channel->begin(); outcome != channel->end(); ++outcome)
            outcomes.insert(outcome.key(), outcome.value());
        totalsJson.insert(channel.key(), outcomes);
    }
    return {{QStringLiteral("minutes"), list}, {QStringLiteral("totals"), totalsJson}};
}

} // namespace backoffice::server
