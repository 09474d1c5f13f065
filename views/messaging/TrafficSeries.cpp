#include "TrafficSeries.h"

#include <QJsonArray>

#include <algorithm>

namespace backoffice::views {

namespace {

QHash<QString, QHash<QString, qint64>> countsFrom(const QJsonObject &object)
{
    QHash<QString, QHash<QString, qint64>> counts;
    for (auto channel = object.begin(); channel != object.end(); ++channel) {
        const QJsonObject outcomes = channel.value().toObject();
        QHash<QString, qint64> &target = counts[channel.key()];
        for (auto outcome = outcomes.begin(); outcome != outcomes.end(); ++outcome)
            target[outcome.key()] = outcome.value().toInteger();
    }
    return counts;
}

} // namespace

const QStringList &TrafficSeries::outcomes()
{
    static const QStringList list {QStringLiteral("ACCEPTED"), QStringLiteral("DELIVERED"),
                                   QStringLiteral("UNDELIVERED"), QStringLiteral("FAILED"), QStringLiteral("REFUSED")};
    return list;
}

TrafficSeries TrafficSeries::fromJson(const QJsonObject &answer)
{
    TrafficSeries series;
    for (const QJsonValue &value : answer.value(QLatin1String("minutes")).toArray()) {
        const QJsonObject minute = value.toObject();
        const QDateTime at = QDateTime::fromString(minute.value(QLatin1String("minute")).toString(), Qt::ISODate);
        if (!at.isValid())
            continue; // a minute that names no time cannot be placed on the axis
        series.m_minutes << at.toUTC();
        series.m_counts << countsFrom(minute.value(QLatin1String("counts")).toObject());
    }
    if (answer.contains(QLatin1String("totals"))) {
        series.m_totals = countsFrom(answer.value(QLatin1String("totals")).toObject());
    } else {
        for (const Counts &counts : std::as_const(series.m_counts)) {
            for (auto channel = counts.begin(); channel != counts.end(); ++channel) {
                for (auto outcome = channel->begin(); outcome != channel->end(); ++outcome)
                    series.m_totals[channel.key()][outcome.key()] += outcome.value();
            }
        }
    }
    return series;
}

QStringList TrafficSeries::channels() const
{
    QStringList names = m_totals.keys();
    for (const Counts &counts : m_counts) {
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            if (!names.contains(it.key()))
                names << it.key();
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

qint64 TrafficSeries::countIn(const Counts &counts, const QString &outcome, const QString &channel) const
{
    if (!channel.isEmpty())
        return counts.value(channel).value(outcome);
    qint64 sum = 0;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        sum += it->value(outcome);
    return sum;
}

QList<QPointF> TrafficSeries::points(const QString &outcome, const QString &channel) const
{
    QList<QPointF> list;
    list.reserve(m_minutes.size());
    for (int i = 0; i < m_minutes.size(); ++i)
        list << QPointF(qreal(m_minutes.at(i).toMSecsSinceEpoch()), qreal(countIn(m_counts.at(i), outcome, channel)));
    return list;
}

qint64 TrafficSeries::total(const QString &outcome, const QString &channel) const
{
    return countIn(m_totals, outcome, channel);
}

qint64 TrafficSeries::peak(const QString &channel) const
{
    qint64 top = 0;
    for (const Counts &counts : m_counts) {
        for (const QString &outcome : outcomes())
            top = std::max(top, countIn(counts, outcome, channel));
    }
    return top;
}

} // namespace backoffice::views
