// Services → Quote…: the quote panel against the demo data — an agreement, a number and segments
// in, the price, the service and the explain trace out; refusals shown in the banner.
#include "MainWindow.h"
#include "MessageBanner.h"
#include "QuotePanel.h"
#include "ReferenceComboBox.h"
#include "ServicesView.h"
#include "Session.h"
#include "TestServer.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::views;

class TestQuotePanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void servicesListOpensTheQuotePanel();
    void quotesVodafoneSpain();
    void scaleWhatIfCrossesTheThreshold();
    void refusalsAreShownInTheBanner();

private:
    QJsonObject get(const QString &path, const QString &query);

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    qint64 m_agreement = 0; // a euro agreement with SMS Global and no pack
    QString m_agreementCode;
};

QJsonObject TestQuotePanel::get(const QString &path, const QString &query)
{
    ApiReply *reply = m_admin->get(path, QUrlQuery(query));
    reply->waitForFinished();
    reply->deleteLater();
    return reply->object();
}

void TestQuotePanel::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("BackOffice GUI tests"));
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QJsonObject answer;
    m_admin = m_server.signInAdmin(&answer);
    QVERIFY(m_admin);
    m_session = std::make_unique<Session>(m_admin.get());
    m_session->setIdentity(answer);
    const QJsonArray agreements = get(QStringLiteral("agreements"), QStringLiteral("currency=EUR&limit=100")).value(QLatin1String("items")).toArray();
    for (const QJsonValue &value : agreements) {
        const qint64 id = value.toObject().value(QLatin1String("id")).toInteger();
        const QJsonObject enabled = get(QStringLiteral("enabled-services"), QStringLiteral("agreementId=%1").arg(id));
        bool hasPack = false;
        for (const QJsonValue &row : enabled.value(QLatin1String("items")).toArray())
            hasPack = hasPack || row.toObject().value(QLatin1String("serviceType")).toString() == QLatin1String("unitPack");
        if (!hasPack && enabled.value(QLatin1String("total")).toInteger() > 0) {
            m_agreement = id;
            m_agreementCode = value.toObject().value(QLatin1String("code")).toString();
            break;
        }
    }
    QVERIFY(m_agreement > 0);
}

void TestQuotePanel::servicesListOpensTheQuotePanel()
{
    app::MainWindow window(m_session.get());
    auto *services = qobject_cast<ServicesView *>(window.openSection(QStringLiteral("services")));
    QVERIFY(services);
    QVERIFY(services->quoteAction()->isVisible());
    services->quoteAction()->trigger();
    auto *panel = qobject_cast<QuotePanel *>(window.tabs()->currentWidget());
    QVERIFY(panel);
    // Asking again brings the same tab forward.
    services->quoteAction()->trigger();
    QCOMPARE(window.tabs()->currentWidget(), panel);
}

void TestQuotePanel::quotesVodafoneSpain()
{
    QuotePanel panel(m_session.get());
    panel.agreementPicker()->setCurrent(m_agreement, m_agreementCode);
    panel.setChannel(QStringLiteral("sms"), QStringLiteral("sms-message"));
    panel.setNumber(QStringLiteral("+34600123456"));
    panel.setSegments(2);
    QSignalSpy quoted(&panel, &QuotePanel::quoted);
    panel.requestQuote();
    QVERIFY(quoted.wait(10000));
    QCOMPARE(quoted.first().first().toBool(), true);
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("quoteHeadline"))->text(), QStringLiteral("0.08 EUR"));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("quoteExplain"))->text().endsWith(QStringLiteral("ES → Vodafone: flat 0.04")));
    auto *considered = panel.findChild<QTableWidget *>(QStringLiteral("quoteConsidered"));
    QVERIFY(considered->rowCount() >= 1);
    QCOMPARE(considered->item(considered->rowCount() - 1, 0)->text(), QStringLiteral("SMS Global"));
}

void TestQuotePanel::scaleWhatIfCrossesTheThreshold()
{
    QuotePanel panel(m_session.get());
    panel.agreementPicker()->setCurrent(m_agreement, m_agreementCode);
    panel.setNumber(QStringLiteral("+34622123456"));
    panel.setAttribute(QStringLiteral("network"), QStringLiteral("DIGI mobil"));
    panel.setSegments(2);
    panel.setPeriodVolume(999);
    QSignalSpy quoted(&panel, &QuotePanel::quoted);
    panel.requestQuote();
    QVERIFY(quoted.wait(10000));
    // Unit 1,000 at 0.005 and unit 1,001 at 0.004.
    QCOMPARE(panel.lastAnswer().value(QLatin1String("amount")).toString(), QStringLiteral("0.009"));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("quoteHeadline"))->text(), QStringLiteral("0.009 EUR"));
}

void TestQuotePanel::refusalsAreShownInTheBanner()
{
    QuotePanel panel(m_session.get());
    QSignalSpy quoted(&panel, &QuotePanel::quoted);
    panel.requestQuote(); // no agreement chosen
    QCOMPARE(quoted.count(), 1);
    QCOMPARE(quoted.first().first().toBool(), false);
    auto *banner = panel.findChild<MessageBanner *>();
    QVERIFY(banner->isVisibleTo(&panel));
    panel.agreementPicker()->setCurrent(m_agreement, m_agreementCode);
    panel.setNumber(QStringLiteral("call me"));
    panel.requestQuote();
    QVERIFY(quoted.wait(10000));
    QCOMPARE(quoted.last().first().toBool(), false);
    QVERIFY2(banner->text().contains(QStringLiteral("number"), Qt::CaseInsensitive), qPrintable(banner->text()));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("quoteHeadline"))->text(), QStringLiteral("No quote yet"));
}

QTEST_MAIN(TestQuotePanel)
#include "tst_quote_panel.moc"
