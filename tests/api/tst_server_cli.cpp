// The backoffice-server executable as an operator uses it: version, help, a taken port, an
// unreadable database, --init-admin and a clean stop on SIGTERM.
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

class ServerCliTest final : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp();
    void takenPortIsReported();
    void unreadableDatabaseIsReported();
    void initAdminUsesTheEnvironmentPassword();
    void stopsCleanlyOnSigterm();

private:
    static QString binary() { return QStringLiteral(BACKOFFICE_SERVER_BINARY); }
};

void ServerCliTest::versionAndHelp()
{
    QProcess process;
    process.start(binary(), {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains(BACKOFFICE_VERSION));
    process.start(binary(), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(10000));
    const QByteArray help = process.readAllStandardOutput();
    for (const char *option : {"--listen", "--database", "--demo-data", "--init-admin"})
        QVERIFY2(help.contains(option), option);
}

void ServerCliTest::takenPortIsReported()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    QProcess process;
    process.start(binary(), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(blocker.serverPort()),
                             QStringLiteral("--database"), dir.filePath(QStringLiteral("p.sqlite"))});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(process.readAllStandardError().contains("already in use"));
}

void ServerCliTest::unreadableDatabaseIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.sqlite"));
    QFile junk(path);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(8192, '\x5a'));
    junk.close();
    QProcess process;
    process.start(binary(), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"), path});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 1);
    const QByteArray error = process.readAllStandardError();
    QVERIFY2(error.contains("Cannot read database") || error.contains("Cannot open database"), error.constData());
}

void ServerCliTest::initAdminUsesTheEnvironmentPassword()
{
    QTemporaryDir dir;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BACKOFFICE_ADMIN_PASSWORD"), QStringLiteral("Swordfish-2026"));
    process.setProcessEnvironment(env);
    process.start(binary(), {QStringLiteral("--database"), dir.filePath(QStringLiteral("a.sqlite")),
                             QStringLiteral("--init-admin"), QStringLiteral("operator")});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray out = process.readAllStandardOutput();
    QVERIFY(out.contains("Administrator operator created"));
    QVERIFY(!out.contains("Swordfish-2026"));
    // Without the variable a password is generated and printed once.
    QProcess second;
    second.start(binary(), {QStringLiteral("--database"), dir.filePath(QStringLiteral("a.sqlite")),
                            QStringLiteral("--init-admin"), QStringLiteral("operator2")});
    QVERIFY(second.waitForFinished(20000));
    QCOMPARE(second.exitCode(), 0);
    QVERIFY(second.readAllStandardOutput().contains("Password (shown once"));
    // The same login twice is refused.
    QProcess third;
    third.start(binary(), {QStringLiteral("--database"), dir.filePath(QStringLiteral("a.sqlite")),
                           QStringLiteral("--init-admin"), QStringLiteral("operator")});
    QVERIFY(third.waitForFinished(20000));
    QCOMPARE(third.exitCode(), 1);
}

void ServerCliTest::stopsCleanlyOnSigterm()
{
    QTemporaryDir dir;
    QProcess process;
    process.start(binary(), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"),
                             dir.filePath(QStringLiteral("s.sqlite"))});
    QVERIFY(process.waitForStarted());
    // The macro evaluates its expression several times, so keep what was read.
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).contains("listening"), 20000);
    ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(ServerCliTest)
#include "tst_server_cli.moc"
