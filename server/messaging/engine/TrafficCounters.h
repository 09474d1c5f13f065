#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <deque>

namespace backoffice::server {

// Messages per minute by channel and outcome for the traffic dashboard, over the last 24 hours, in
// memory: counted as the engine decides, so the dashboard costs no query over the EDRs.
// Outcomes: accepted, refused (at admission), and the final statuses.
class TrafficCounters final
{
public:
    void count(const QDateTime &at, const QString &channel, const QString &outcome, int parts = 1);
    // {"minutes":[{"minute":"2026-12-02T18:01:00Z","counts":{"sms":{"DELIVERED":12,…}}}…],"totals":{…}}
    QJsonObject series(const QDateTime &now, int minutes) const;

private:
    struct Minute {
        qint64 epochMinute = 0;
        QHash<QString, QHash<QString, qint64>> counts; // channel -> outcome -> parts
    };
    mutable QMutex m_mutex;
    std::deque<Minute> m_minutes; // oldest first, at most 24 h
};

} // namespace backoffice::server
