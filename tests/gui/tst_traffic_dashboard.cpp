// Reports → Traffic dashboard: TrafficSeries turns a hand-written messaging/traffic answer into
// exact points per outcome and channel; the widget, against the real server, draws a message sent
// through the send API as an accepted point and counts it in the totals.
#include "MainWindow.h"
#include "ServerInstance.h"
#include "Session.h"
#include "TestServer.h"
#include "TrafficDashboard.h"
#include "TrafficSeries.h"

#include <QComboBox>
#include <QDateTimeAxis>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidgetItem>
#include <QValueAxis>

using namespace backoffice;
using namespace backoffice::views;

namespace {

// Three minutes: SMS and Viber in the first, nothing in the second, SMS in the third.
const char *const HandWritten = R"({
  "minutes": [
    {"minute": "2026-12-02T18:01:00Z",
     "counts": {"sms": {"ACCEPTED": 12, "REFUSED": 1, "DELIVERED": 10, "UNDELIVERED": 1, "FAILED": 1, "MO": 0},
                "viber": {"ACCEPTED": 3, "DELIVERED": 2}}},
    {"minute": "2026-12-02T18:02:00Z", "counts": {}},
    {"minute": "2026-12-02T18:03:00Z", "counts": {"sms": {"ACCEPTED": 5, "DELIVERED": 4, "FAILED": 2}}}
  ],
  "totals": {"sms": {"ACCEPTED": 17, "REFUSED": 1, "DELIVERED": 14, "UNDELIVERED": 1, "FAILED": 3, "MO": 0},
             "viber": {"ACCEPTED": 3, "DELIVERED": 2}}
})";

qint64 msecs(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

QList<QPointF> threeMinutes(qreal first, qreal second, qreal third)
{
    return {QPointF(qreal(msecs("2026-12-02T18:01:00Z")), first), QPointF(qreal(msecs("2026-12-02T18:02:00Z")), second),
            QPointF(qreal(msecs("2026-12-02T18:03:00Z")), third)};
}

qreal highest(const QLineSeries *series)
{
    qreal top = 0;
    for (const QPointF &point : series->points())
        top = qMax(top, point.y());
    return top;
}

} // namespace

class TestTrafficDashboard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parsesPoints_data();
    void parsesPoints();
    void parsesTotalsChannelsAndPeak();
    void totalsFallBackToTheMinutes();
    void ignoresMinutesWithoutTime();
    void drawsASentMessage();
    void periodAndChannelChoices();
    void pollsOnlyWhileShown();
    void windowOpensTheDashboard();

private:
    TrafficSeries handWritten() const;

    std::unique_ptr<tests::TestServer> m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TrafficDashboard> m_dashboard;
};

TrafficSeries TestTrafficDashboard::handWritten() const
{
    return TrafficSeries::fromJson(QJsonDocument::fromJson(HandWritten).object());
}

void TestTrafficDashboard::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("BackOffice GUI tests"));
}

void TestTrafficDashboard::parsesPoints_data()
{
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QList<QPointF>>("expected");
    QTest::newRow("accepted, all channels") << QStringLiteral("ACCEPTED") << QString() << threeMinutes(15, 0, 5);
    QTest::newRow("accepted, sms") << QStringLiteral("ACCEPTED") << QStringLiteral("sms") << threeMinutes(12, 0, 5);
    QTest::newRow("accepted, viber") << QStringLiteral("ACCEPTED") << QStringLiteral("viber") << threeMinutes(3, 0, 0);
    QTest::newRow("delivered, all channels") << QStringLiteral("DELIVERED") << QString() << threeMinutes(12, 0, 4);
    QTest::newRow("undelivered, sms") << QStringLiteral("UNDELIVERED") << QStringLiteral("sms")
                                      << threeMinutes(1, 0, 0);
    QTest::newRow("failed, all channels") << QStringLiteral("FAILED") << QString() << threeMinutes(1, 0, 2);
    QTest::newRow("refused, viber") << QStringLiteral("REFUSED") << QStringLiteral("viber") << threeMinutes(0, 0, 0);
    QTest::newRow("a channel without traffic")
        << QStringLiteral("ACCEPTED") << QStringLiteral("rcs") << threeMinutes(0, 0, 0);
}

void TestTrafficDashboard::parsesPoints()
{
    QFETCH(QString, outcome);
    QFETCH(QString, channel);
    QFETCH(QList<QPointF>, expected);
    QCOMPARE(handWritten().points(outcome, channel), expected);
}

void TestTrafficDashboard::parsesTotalsChannelsAndPeak()
{
    const TrafficSeries series = handWritten();
    QVERIFY(!series.isEmpty());
    QCOMPARE(series.minutes().size(), 3);
    QCOMPARE(series.minutes().first(), QDateTime(QDate(2026, 12, 2), QTime(18, 1), Qt::UTC));
    QCOMPARE(series.channels(), (QStringList {QStringLiteral("sms"), QStringLiteral("viber")}));
    QCOMPARE(series.total(QStringLiteral("ACCEPTED")), 20);
    QCOMPARE(series.total(QStringLiteral("ACCEPTED"), QStringLiteral("sms")), 17);
    QCOMPARE(series.total(QStringLiteral("FAILED")), 3);
    QCOMPARE(series.total(QStringLiteral("DELIVERED"), QStringLiteral("viber")), 2);
    QCOMPARE(series.peak(), 15); // accepted, all channels, first minute
    QCOMPARE(series.peak(QStringLiteral("viber")), 3);
    QCOMPARE(TrafficSeries::outcomes(),
             (QStringList {QStringLiteral("ACCEPTED"), QStringLiteral("DELIVERED"), QStringLiteral("UNDELIVERED"),
                           QStringLiteral("FAILED"), QStringLiteral("REFUSED")}));
}

void TestTrafficDashboard::totalsFallBackToTheMinutes()
{
    QJsonObject answer = QJsonDocument::fromJson(HandWritten).object();
    answer.remove(QStringLiteral("totals"));
    const TrafficSeries series = TrafficSeries::fromJson(answer);
    QCOMPARE(series.total(QStringLiteral("ACCEPTED")), 20);
    QCOMPARE(series.total(QStringLiteral("FAILED"), QStringLiteral("sms")), 3);
    QVERIFY(TrafficSeries::fromJson({}).isEmpty());
    QCOMPARE(TrafficSeries::fromJson({}).peak(), 0);
}

void TestTrafficDashboard::ignoresMinutesWithoutTime()
{
    const QJsonObject answer {
        {QStringLiteral("minutes"),
         QJsonArray {
             QJsonObject {{QStringLiteral("minute"), QStringLiteral("not a time")}},
             QJsonObject {{QStringLiteral("minute"), QStringLiteral("2026-12-02T18:05:00Z")},
                          {QStringLiteral("counts"),
                           QJsonObject {{QStringLiteral("sms"), QJsonObject {{QStringLiteral("ACCEPTED"), 2}}}}}}}}};
    const TrafficSeries series = TrafficSeries::fromJson(answer);
    QCOMPARE(series.minutes().size(), 1);
    QCOMPARE(series.points(QStringLiteral("ACCEPTED")),
             (QList<QPointF> {QPointF(qreal(msecs("2026-12-02T18:05:00Z")), 2)}));
}

void TestTrafficDashboard::drawsASentMessage()
{
    m_server
        = std::make_unique<tests::TestServer>([](server::ServerOptions &options) { options.emulateVendorPort = 0; });
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QJsonObject answer;
    m_admin = m_server->signInAdmin(&answer);
    QVERIFY(m_admin);
    m_session = std::make_unique<Session>(m_admin.get());
    m_session->setIdentity(answer);

    // A client sends one SMS through the send API with the demo's API key, to a number the emulator
    // always delivers (suffix 9990), so the delivered line below does not hang on its default mix.
    ApiClient sender;
    sender.setBaseUrl(m_server->baseUrl());
    sender.setToken(QStringLiteral("bo_demo_send_api_key_2026"));
    ApiReply *sent = sender.post(QStringLiteral("messages"),
                                 {{QStringLiteral("from"), QStringLiteral("PizzaPlanet")},
                                  {QStringLiteral("to"), QJsonArray {QStringLiteral("34622129990")}},
                                  {QStringLiteral("message"), QStringLiteral("hi")}});
    QVERIFY2(sent->waitForFinished(), qPrintable(sent->error().message));
    QCOMPARE(sent->object().value(QLatin1String("accepted")).toInt(), 1);

    m_dashboard = std::make_unique<TrafficDashboard>(m_session.get());
    m_dashboard->pollTimer()->setInterval(200); // the test need not wait ten seconds per look
    m_dashboard->resize(1100, 700);
    m_dashboard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dashboard.get()));
    QLineSeries *accepted = m_dashboard->series(QStringLiteral("ACCEPTED"));
    QVERIFY(accepted);
    QTRY_VERIFY_WITH_TIMEOUT(highest(accepted) >= 1, 20000);
    QCOMPARE(accepted->points().size(), 60); // the default period: one point per minute of the last hour
    QVERIFY(m_dashboard->traffic().total(QStringLiteral("ACCEPTED")) >= 1);
    QVERIFY2(m_dashboard->totalLabel(QStringLiteral("ACCEPTED"))->text().contains(QLatin1String("Accepted")),
             qPrintable(m_dashboard->totalLabel(QStringLiteral("ACCEPTED"))->text()));
    QVERIFY(m_dashboard->countAxis()->max() >= highest(accepted));
    QCOMPARE(m_dashboard->countAxis()->min(), 0.0);
    // The emulated vendor delivers it: the delivered line follows.
    QTRY_VERIFY_WITH_TIMEOUT(highest(m_dashboard->series(QStringLiteral("DELIVERED"))) >= 1, 20000);
}

void TestTrafficDashboard::periodAndChannelChoices()
{
    QVERIFY(m_dashboard);
    QComboBox *channel = m_dashboard->channelBox();
    const int sms = channel->findData(QStringLiteral("sms"));
    QVERIFY2(sms > 0, "the channel that had traffic is offered");
    QCOMPARE(channel->itemText(sms), QStringLiteral("SMS"));
    channel->setCurrentIndex(sms);
    QCOMPARE(m_dashboard->channel(), QStringLiteral("sms"));
    QVERIFY(highest(m_dashboard->series(QStringLiteral("ACCEPTED"))) >= 1);

    QSignalSpy refreshed(m_dashboard.get(), &TrafficDashboard::refreshed);
    QComboBox *period = m_dashboard->periodBox();
    period->setCurrentIndex(period->findData(15));
    QTRY_COMPARE_WITH_TIMEOUT(m_dashboard->traffic().minutes().size(), 15, 10000);
    QTRY_COMPARE(m_dashboard->series(QStringLiteral("ACCEPTED"))->points().size(), 15);
    QCOMPARE(m_dashboard->channel(), QStringLiteral("sms")); // the choice survives the refresh
    QVERIFY(highest(m_dashboard->series(QStringLiteral("ACCEPTED"))) >= 1);
    // The time axis spans the period asked for, up to the end of the minute in progress.
    const QDateTimeAxis *axis = m_dashboard->timeAxis();
    QCOMPARE(axis->min().secsTo(axis->max()), 15 * 60);
    QCOMPARE(axis->min().toUTC(), m_dashboard->traffic().minutes().constFirst());
    QCOMPARE(axis->tickCount(), 6); // every 3 minutes

    period->setCurrentIndex(period->findData(1440));
    QTRY_COMPARE_WITH_TIMEOUT(m_dashboard->traffic().minutes().size(), 1440, 10000);
    QCOMPARE(axis->format(), QStringLiteral("dd.MM HH:mm"));
    QVERIFY(refreshed.count() >= 2);
}

void TestTrafficDashboard::pollsOnlyWhileShown()
{
    QVERIFY(m_dashboard);
    QVERIFY(m_dashboard->pollTimer()->isActive());
    m_dashboard->hide();
    QVERIFY(!m_dashboard->pollTimer()->isActive()); // the timer is the only thing that polls
    QSignalSpy refreshed(m_dashboard.get(), &TrafficDashboard::refreshed);
    m_dashboard->show();
    QVERIFY(m_dashboard->pollTimer()->isActive());
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 10000);
}

void TestTrafficDashboard::windowOpensTheDashboard()
{
    app::MainWindow window(m_session.get());
    QTreeWidgetItem *item = window.navigationItem(QStringLiteral("traffic-dashboard"));
    QVERIFY(item && (item->flags() & Qt::ItemIsEnabled));
    QCOMPARE(item->parent()->text(0), QStringLiteral("Reports"));
    auto *dashboard = qobject_cast<TrafficDashboard *>(window.openSection(QStringLiteral("traffic-dashboard")));
    QVERIFY(dashboard);
    QCOMPARE(window.tabs()->currentWidget(), dashboard);
}

QTEST_MAIN(TestTrafficDashboard)
#include "tst_traffic_dashboard.moc"
