#include "TrafficDashboard.h"

#include "ApiClient.h"
#include "ErrorText.h"
#include "MessageBanner.h"
#include "MessagingEntities.h"
#include "Session.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QTime>
#include <QTimer>
#include <QToolButton>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <utility>

namespace backoffice::views {

namespace {

QString outcomeLabel(const QString &outcome)
{
    if (outcome == QLatin1String("ACCEPTED"))
        return TrafficDashboard::tr("Accepted");
    if (outcome == QLatin1String("DELIVERED"))
        return TrafficDashboard::tr("Delivered");
    if (outcome == QLatin1String("UNDELIVERED"))
        return TrafficDashboard::tr("Undelivered");
    if (outcome == QLatin1String("FAILED"))
        return TrafficDashboard::tr("Failed");
    if (outcome == QLatin1String("REFUSED"))
        return TrafficDashboard::tr("Refused");
    return outcome;
}

QColor outcomeColor(const QString &outcome)
{
    if (outcome == QLatin1String("ACCEPTED"))
        return QColor(0x15, 0x65, 0xc0);
    if (outcome == QLatin1String("DELIVERED"))
        return QColor(0x2e, 0x7d, 0x32);
    if (outcome == QLatin1String("UNDELIVERED"))
        return QColor(0xef, 0x6c, 0x00);
    if (outcome == QLatin1String("FAILED"))
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x6a, 0x1b, 0x9a);
}

QString channelLabel(const QString &key)
{
    for (const EnumValue &value : messagingChannels()) {
        if (value.key == key)
            return value.label;
    }
    return key;
}

// The top of the count axis and its step: 1, 2 or 5 times a power of ten, at most six intervals,
// so the labels are whole numbers that read at a glance.
std::pair<qint64, qint64> niceScale(qint64 peak)
{
    const qint64 top = std::max<qint64>(peak, 1);
    qint64 magnitude = 1;
    while (true) {
        for (const qint64 factor : {1, 2, 5}) {
            const qint64 step = factor * magnitude;
            const qint64 intervals = (top + step - 1) / step;
            if (intervals <= 6)
                return {std::max<qint64>(intervals, 1) * step, step};
        }
        magnitude *= 10;
    }
}

// Ticks of the time axis at whole minutes: 15 minutes in steps of 3, an hour in steps of 10, a day
// in steps of 4 hours (QDateTimeAxis of Qt 6.4 spaces its ticks evenly over the range).
int timeTickCount(int minutes)
{
    for (const int intervals : {6, 5, 4, 3}) {
        if (minutes > 0 && minutes % intervals == 0)
            return intervals + 1;
    }
    return 7;
}

} // namespace

TrafficDashboard::TrafficDashboard(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_banner(new MessageBanner(this))
    , m_channel(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_updated(new QLabel(this))
    , m_timer(new QTimer(this))
    , m_refreshAction(new QAction(tr("Refresh"), this))
{
    setObjectName(QStringLiteral("trafficDashboard"));
    m_channel->setObjectName(QStringLiteral("trafficChannel"));
    m_channel->addItem(tr("All channels"), QString());
    m_channel->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_period->setObjectName(QStringLiteral("trafficPeriod"));
    m_period->addItem(tr("Last 15 minutes"), 15);
    m_period->addItem(tr("Last hour"), 60);
    m_period->addItem(tr("Last 6 hours"), 360);
    m_period->addItem(tr("Last 24 hours"), 1440);
    m_period->setCurrentIndex(1);
    m_updated->setStyleSheet(QStringLiteral("color: palette(mid);"));

    m_refreshAction->setShortcut(Qt::Key_F5);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setToolTip(tr("Ask the server now (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &TrafficDashboard::refresh);
    addAction(m_refreshAction);
    auto *refreshButton = new QToolButton(this);
    refreshButton->setDefaultAction(m_refreshAction);

    m_timer->setInterval(RefreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &TrafficDashboard::refresh);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &TrafficDashboard::draw);
    connect(m_period, &QComboBox::currentIndexChanged, this, &TrafficDashboard::refresh);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Channel:"), this));
    top->addWidget(m_channel);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Period:"), this));
    top->addWidget(m_period);
    top->addSpacing(12);
    top->addWidget(refreshButton);
    top->addWidget(m_updated);
    top->addStretch(1);

    auto *totals = new QHBoxLayout;
    totals->addWidget(new QLabel(tr("<b>Totals:</b>"), this));
    for (const QString &outcome : TrafficSeries::outcomes()) {
        auto *label = new QLabel(this);
        label->setObjectName(QStringLiteral("total-%1").arg(outcome));
        label->setTextFormat(Qt::RichText);
        m_totals.insert(outcome, label);
        totals->addSpacing(10);
        totals->addWidget(label);
    }
    totals->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addLayout(totals);
    layout->addWidget(buildChart(), 1);
    draw();
}

QWidget *TrafficDashboard::buildChart()
{
    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation); // redrawn every ten seconds: no wobble
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_timeAxis = new QDateTimeAxis(m_chart);
    m_timeAxis->setTitleText(tr("Time (local)"));
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_countAxis = new QValueAxis(m_chart);
    m_countAxis->setTitleText(tr("Messages per minute"));
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setMinorTickCount(0);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_countAxis, Qt::AlignLeft);
    for (const QString &outcome : TrafficSeries::outcomes()) {
        auto *series = new QLineSeries(m_chart);
        series->setName(outcomeLabel(outcome));
        QPen pen(outcomeColor(outcome));
        pen.setWidthF(2.0);
        series->setPen(pen);
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_countAxis);
        m_series.insert(outcome, series);
    }
    m_view = new QChartView(m_chart, this); // the view owns the chart
    m_view->setObjectName(QStringLiteral("trafficChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(280);
    return m_view;
}

QString TrafficDashboard::channel() const
{
    return m_channel->currentData().toString();
}

int TrafficDashboard::periodMinutes() const
{
    return m_period->currentData().toInt();
}

void TrafficDashboard::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer->start();
}

void TrafficDashboard::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

void TrafficDashboard::refresh()
{
    // One question at a time; a period chosen meanwhile is asked for when the answer arrives.
    if (m_pending)
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("minutes"), QString::number(periodMinutes()));
    ApiReply *reply = m_session->api()->get(QStringLiteral("messaging/traffic"), query);
    m_pending = reply;
    const int minutes = periodMinutes();
    connect(reply, &ApiReply::finished, this, [this, reply, minutes] {
        reply->deleteLater();
        m_pending = nullptr;
        if (minutes != periodMinutes()) {
            refresh();
            return;
        }
        if (!reply->ok()) {
            m_banner->showError(tr("The traffic could not be read: %1").arg(describeFailure(reply)));
            emit refreshed(false);
            return;
        }
        m_banner->clearMessage();
        m_traffic = TrafficSeries::fromJson(reply->object());
        updateChannels();
        draw();
        m_updated->setText(tr("Updated %1, every %2 s while shown")
                               .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
                               .arg(RefreshIntervalMs / 1000));
        emit refreshed(true);
    });
}

void TrafficDashboard::updateChannels()
{
    const QString chosen = channel();
    QStringList keys = m_traffic.channels();
    if (!chosen.isEmpty() && !keys.contains(chosen))
        keys << chosen; // the channel being looked at stays, even through a quiet period
    QStringList shown;
    for (int i = 1; i < m_channel->count(); ++i)
        shown << m_channel->itemData(i).toString();
    if (shown == keys)
        return;
    const QSignalBlocker blocker(m_channel);
    while (m_channel->count() > 1)
        m_channel->removeItem(1);
    for (const QString &key : std::as_const(keys))
        m_channel->addItem(channelLabel(key), key);
    m_channel->setCurrentIndex(qMax(0, m_channel->findData(chosen)));
}

void TrafficDashboard::draw()
{
    const QString drawn = channel();
    for (const QString &outcome : TrafficSeries::outcomes()) {
        m_series.value(outcome)->replace(m_traffic.points(outcome, drawn));
        m_totals.value(outcome)->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2: <b>%3</b>")
                                             .arg(outcomeColor(outcome).name(), outcomeLabel(outcome))
                                             .arg(m_traffic.total(outcome, drawn)));
    }
    // The axis spans the period asked for, to the end of the minute in progress, so a quiet hour is
    // a flat line across the chart and the ticks fall at whole steps (every 10 minutes of an hour).
    QDateTime first;
    QDateTime last;
    if (!m_traffic.isEmpty()) {
        first = m_traffic.minutes().constFirst();
        last = m_traffic.minutes().constLast().addSecs(60);
    } else {
        last = QDateTime::currentDateTimeUtc();
        first = last.addSecs(-60 * qint64(periodMinutes()));
    }
    m_timeAxis->setRange(first.toLocalTime(), last.toLocalTime());
    m_timeAxis->setTickCount(timeTickCount(int(first.secsTo(last) / 60)));
    m_timeAxis->setFormat(periodMinutes() > 360 ? QStringLiteral("dd.MM HH:mm") : QStringLiteral("HH:mm"));
    const auto [top, step] = niceScale(m_traffic.peak(drawn));
    m_countAxis->setRange(0, qreal(top));
    m_countAxis->setTickCount(int(top / step) + 1);
    // Single minutes are easier to read as points when there are few of them.
    for (QLineSeries *series : std::as_const(m_series))
        series->setPointsVisible(m_traffic.minutes().size() <= 15);
}

} // namespace backoffice::views
