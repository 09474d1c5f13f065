#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QStringList>

namespace backoffice::views {

// The answer of GET messaging/traffic turned into what a chart draws, without any widget: one
// point per minute (x = the minute's start in milliseconds since the epoch, y = messages in that
// minute) for each outcome, for one channel or for all channels added up. Minutes without traffic
// are zeros, not gaps, so a line drops to the axis when nothing was sent.
class TrafficSeries final
{
public:
    // The outcomes the dashboard draws, in legend order.
    static const QStringList &outcomes();

    // {"minutes":[{"minute":"…Z","counts":{"sms":{"ACCEPTED":12,…}}},…],"totals":{"sms":{…}}}
    static TrafficSeries fromJson(const QJsonObject &answer);

    bool isEmpty() const { return m_minutes.isEmpty(); }
    const QList<QDateTime> &minutes() const { return m_minutes; }
    // The channels that had traffic in the period ("sms", "viber"), sorted.
    QStringList channels() const;

    // An empty channel means all channels together.
    QList<QPointF> points(const QString &outcome, const QString &channel = {}) const;
    qint64 total(const QString &outcome, const QString &channel = {}) const;
    // The highest per-minute value over the drawn outcomes: the top of the y axis.
    qint64 peak(const QString &channel = {}) const;

private:
    using Counts = QHash<QString, QHash<QString, qint64>>; // channel -> outcome -> messages
    qint64 countIn(const Counts &counts, const QString &outcome, const QString &channel) const;

    QList<QDateTime> m_minutes;
    QList<Counts> m_counts; // parallel to m_minutes
    Counts m_totals;
};

} // namespace backoffice::views
