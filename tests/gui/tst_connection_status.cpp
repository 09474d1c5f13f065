// Settings → Connection status against the real server with the vendor emulator in-process: the
// demo's two vendor connections bind and show as bound with a green dot, a client bound to our SMSC
// appears in the binds table, the summary line is filled, and polling runs only while the screen
// is shown. Both table models run under QAbstractItemModelTester (guide §7).
#include "ClientBindsModel.h"
#include "ConnectionStatusView.h"
#include "EntityListView.h"
#include "EsmeSession.h"
#include "MainWindow.h"
#include "Navigation.h"
#include "ServerInstance.h"
#include "Session.h"
#include "TestServer.h"
#include "VendorSessionsModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QIcon>
#include <QJsonArray>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidgetItem>

using namespace backoffice;
using namespace backoffice::views;

class TestConnectionStatus final : public QObject
{
    Q_OBJECT

public:
    TestConnectionStatus()
        : m_server([](server::ServerOptions &options) { options.emulateVendorPort = 0; })
    { }

private slots:
    void initTestCase();
    void vendorSessionsReachBound();
    void clientBindIsListed();
    void pollsOnlyWhileShown();
    void modelsUpdateInPlace();
    void windowOpensTheScreen();

private:
    static int rowOf(const QAbstractItemModel *model, int role, const QVariant &value);

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ConnectionStatusView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_vendorTester;
    std::unique_ptr<QAbstractItemModelTester> m_clientTester;
};

int TestConnectionStatus::rowOf(const QAbstractItemModel *model, int role, const QVariant &value)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(role) == value)
            return row;
    }
    return -1;
}

void TestConnectionStatus::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("BackOffice GUI tests"));
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(m_server.instance()->emulatorPort() > 0);
    QJsonObject answer;
    m_admin = m_server.signInAdmin(&answer);
    QVERIFY(m_admin);
    m_session = std::make_unique<Session>(m_admin.get());
    m_session->setIdentity(answer);

    m_view = std::make_unique<ConnectionStatusView>(m_session.get());
    // The testers watch every change the polling makes from here on.
    m_vendorTester = std::make_unique<QAbstractItemModelTester>(m_view->vendorModel(),
                                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_clientTester = std::make_unique<QAbstractItemModelTester>(m_view->clientModel(),
                                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view->resize(1200, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestConnectionStatus::vendorSessionsReachBound()
{
    VendorSessionsModel *model = m_view->vendorModel();
    auto allBound = [model] {
        if (model->rowCount() != 2)
            return false;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(VendorSessionsModel::StateRole).toString() != QLatin1String("bound"))
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allBound(), 30000);
    for (int row = 0; row < 2; ++row) {
        const QModelIndex state = model->index(row, VendorSessionsModel::State);
        QCOMPARE(state.data().toString(), QStringLiteral("Bound"));
        QVERIFY(qvariant_cast<QIcon>(state.data(Qt::DecorationRole)).isNull() == false);
        QVERIFY(!state.data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(!model->index(row, VendorSessionsModel::Name).data().toString().isEmpty());
        QVERIFY(model->index(row, 0).data(VendorSessionsModel::ConnectionIdRole).toLongLong() > 0);
        // "in flight / window": the window comes from the connection's settings.
        QVERIFY2(model->index(row, VendorSessionsModel::InFlight).data().toString().contains(QLatin1String(" / ")),
                 qPrintable(model->index(row, VendorSessionsModel::InFlight).data().toString()));
    }
    const QString summary = m_view->summaryLabel()->text();
    QVERIFY2(summary.contains(QLatin1String("Parts in flight")) && summary.contains(QLatin1String("last commit"))
                 && summary.contains(QLatin1String("pending")),
             qPrintable(summary));
    QCOMPARE(m_view->vendorTable()->model()->columnCount(), int(VendorSessionsModel::ColumnCount));
}

void TestConnectionStatus::clientBindIsListed()
{
    // A client of the demo binds to our SMSC the way its SMPP software would.
    const quint16 smppPort = m_server.instance()->smppPort();
    QVERIFY(smppPort > 0);
    smpp::EsmeConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = smppPort;
    config.systemId = QByteArrayLiteral("pizzaplnt");
    config.password = QByteArrayLiteral("Smpp2026");
    smpp::EsmeSession client(config);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), smpp::EsmeState::Bound, 15000);

    ClientBindsModel *model = m_view->clientModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QCOMPARE(model->index(0, ClientBindsModel::Login).data().toString(), QStringLiteral("pizzaplnt"));
    QCOMPARE(model->index(0, ClientBindsModel::BindType).data().toString(), QStringLiteral("Transceiver"));
    QVERIFY(model->index(0, ClientBindsModel::Peer).data().toString().contains(QLatin1String("127.0.0.1")));
    QVERIFY(!model->index(0, ClientBindsModel::Since).data().toString().isEmpty());
    QVERIFY(model->index(0, 0).data(ClientBindsModel::ConnectionIdRole).toLongLong() > 0);
    QTRY_VERIFY(m_view->clientTable()->isVisible());

    client.stop();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), smpp::EsmeState::Stopped, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 10000);
    QTRY_VERIFY(!m_view->clientTable()->isVisible());
}

void TestConnectionStatus::pollsOnlyWhileShown()
{
    QVERIFY(m_view->pollTimer()->isActive());
    QCOMPARE(m_view->pollTimer()->interval(), ConnectionStatusView::RefreshIntervalMs);
    m_view->hide();
    QVERIFY(!m_view->pollTimer()->isActive());
    QSignalSpy refreshed(m_view.get(), &ConnectionStatusView::refreshed);
    m_view->show();
    QVERIFY(m_view->pollTimer()->isActive());
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 10000); // showing asks at once
    QVERIFY(refreshed.first().first().toBool());
    refreshed.clear();
    m_view->refreshAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 10000);
}

void TestConnectionStatus::modelsUpdateInPlace()
{
    // The same connections again: cells change, rows stay (selection survives the polling).
    VendorSessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto session = [](qint64 id, const char *state, qint64 submitted) {
        return QJsonObject {{QStringLiteral("connectionId"), id},
                            {QStringLiteral("name"), QStringLiteral("V%1").arg(id)},
                            {QStringLiteral("state"), QString::fromLatin1(state)},
                            {QStringLiteral("lastError"), QStringLiteral("connection refused")},
                            {QStringLiteral("inFlight"), 3},
                            {QStringLiteral("window"), 10},
                            {QStringLiteral("submitted"), submitted},
                            {QStringLiteral("submitsPerSecond"), 12.5}};
    };
    model.setSessions({session(1, "connecting", 0), session(2, "disconnected", 0)});
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSessions({session(1, "bound", 7), session(2, "binding", 0)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, VendorSessionsModel::Submitted).data().toLongLong(), 7);
    QCOMPARE(model.index(0, VendorSessionsModel::InFlight).data().toString(), QStringLiteral("3 / 10"));
    QCOMPARE(model.index(0, VendorSessionsModel::Rate).data().toString(), QStringLiteral("12.5"));
    QCOMPARE(model.index(1, VendorSessionsModel::State).data().toString(), QStringLiteral("Binding"));
    QVERIFY(model.index(1, VendorSessionsModel::State)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("connection refused")));
    model.setSessions({session(2, "stopped", 0)});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(rowOf(&model, VendorSessionsModel::ConnectionIdRole, qint64(2)), 0);
}

void TestConnectionStatus::windowOpensTheScreen()
{
    app::MainWindow window(m_session.get());
    QTreeWidgetItem *item = window.navigationItem(QStringLiteral("connection-status"));
    QVERIFY(item);
    QVERIFY(item->flags() & Qt::ItemIsEnabled);
    QCOMPARE(item->parent()->text(0), QStringLiteral("Settings"));
    auto *screen = qobject_cast<ConnectionStatusView *>(window.openSection(QStringLiteral("connection-status")));
    QVERIFY(screen);
    QCOMPARE(window.tabs()->currentWidget(), screen);
    QCOMPARE(window.openSection(QStringLiteral("connection-status")), screen); // one tab, brought forward
    // The connection lists that were "coming" are real lists now.
    for (const char *key : {"vendor-smpp-connections", "client-smpp-connections", "http-connections", "sender-ids",
                            "api-keys", "edrs", "charges", "notifications", "traffic-dashboard"}) {
        QTreeWidgetItem *entry = window.navigationItem(QString::fromLatin1(key));
        QVERIFY2(entry && (entry->flags() & Qt::ItemIsEnabled), key);
        QVERIFY2(!entry->text(0).contains(QLatin1String("coming")), key);
    }
    QCOMPARE(window.navigationItem(QStringLiteral("edrs"))->parent()->text(0), QStringLiteral("Reports"));
    QVERIFY(window.navigationItem(QStringLiteral("notifications"))->parent() == nullptr);
    // The engine raises notifications and the server refuses to create one by hand: no New.
    QVERIFY(window.openSection(QStringLiteral("notifications")));
    EntityListView *notifications = window.listView(QStringLiteral("notifications"));
    QVERIFY(notifications);
    QVERIFY(!notifications->newAction()->isVisible());
    QVERIFY(!notifications->canCreate());
    QTreeWidgetItem *channels = window.navigationItem(QStringLiteral("notification-channels"));
    QVERIFY(channels && !(channels->flags() & Qt::ItemIsEnabled));
}

QTEST_MAIN(TestConnectionStatus)
#include "tst_connection_status.moc"
