#pragma once

#include "TrafficSeries.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QTimer;
class QValueAxis;

namespace backoffice {
class ApiReply;
}

namespace backoffice::views {

class MessageBanner;
class Session;

// Reports → Traffic dashboard: messages per minute by outcome (accepted, delivered, undelivered,
// failed, refused) for one channel or all, over the last 15 minutes to 24 hours (GET
// messaging/traffic), with the period's totals above the chart. Refreshes every ten seconds while on
// screen; F5 asks at once.
class TrafficDashboard final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshIntervalMs = 10000;

    explicit TrafficDashboard(Session *session, QWidget *parent = nullptr);

    QComboBox *channelBox() const { return m_channel; }
    QComboBox *periodBox() const { return m_period; }
    QChartView *chartView() const { return m_view; }
    QLineSeries *series(const QString &outcome) const { return m_series.value(outcome); }
    QLabel *totalLabel(const QString &outcome) const { return m_totals.value(outcome); }
    QValueAxis *countAxis() const { return m_countAxis; }
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QTimer *pollTimer() const { return m_timer; }
    const TrafficSeries &traffic() const { return m_traffic; }
    // The channel drawn: "" for all channels, else "sms", "viber", …
    QString channel() const;
    int periodMinutes() const;

public slots:
    void refresh();

signals:
    void refreshed(bool ok);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildChart();
    void updateChannels();
    void draw();

    Session *m_session;
    MessageBanner *m_banner;
    QComboBox *m_channel;
    QComboBox *m_period;
    QLabel *m_updated;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
    QHash<QString, QLineSeries *> m_series;
    QHash<QString, QLabel *> m_totals;
    QTimer *m_timer;
    QAction *m_refreshAction;
    QPointer<ApiReply> m_pending;
    TrafficSeries m_traffic;
};

} // namespace backoffice::views
