// EmulatorRule: the --rule syntax of the vendor emulator and which rule a number gets.
#include "EmulatorRule.h"
#include "VendorEmulatorConfig.h"

#include <QTest>

using namespace backoffice::smpp;

class TestEmulatorRule final : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("suffix");
        QTest::addColumn<int>("behaviour");
        QTest::addColumn<int>("parameter");
        QTest::newRow("submitfail") << QStringLiteral("0001=submitfail") << QByteArray("0001")
                                    << int(EmulatorBehaviour::SubmitFail) << 0;
        QTest::newRow("throttled") << QStringLiteral("12=throttled") << QByteArray("12")
                                   << int(EmulatorBehaviour::Throttled) << 0;
        QTest::newRow("throttled:N") << QStringLiteral("12=throttled:4") << QByteArray("12")
                                     << int(EmulatorBehaviour::Throttled) << 4;
        QTest::newRow("queuefull") << QStringLiteral("3=QueueFull") << QByteArray("3")
                                   << int(EmulatorBehaviour::QueueFull) << 0;
        QTest::newRow("noanswer") << QStringLiteral("4=noanswer") << QByteArray("4") << int(EmulatorBehaviour::NoAnswer)
                                  << 0;
        QTest::newRow("delay") << QStringLiteral(" 55 = delay:2500 ") << QByteArray("55")
                               << int(EmulatorBehaviour::Delay) << 2500;
        QTest::newRow("undelivered") << QStringLiteral("6=undelivered") << QByteArray("6")
                                     << int(EmulatorBehaviour::Undelivered) << 0;
        QTest::newRow("rejected") << QStringLiteral("7=rejected") << QByteArray("7") << int(EmulatorBehaviour::Rejected)
                                  << 0;
        QTest::newRow("expired") << QStringLiteral("8=expired") << QByteArray("8") << int(EmulatorBehaviour::Expired)
                                 << 0;
        QTest::newRow("deliver") << QStringLiteral("9=deliver") << QByteArray("9") << int(EmulatorBehaviour::Deliver)
                                 << 0;
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, suffix);
        QFETCH(int, behaviour);
        QFETCH(int, parameter);
        QString error;
        const auto rule = EmulatorRule::parse(text, &error);
        QVERIFY2(rule, qPrintable(error));
        QCOMPARE(rule->suffix, suffix);
        QCOMPARE(int(rule->behaviour), behaviour);
        QCOMPARE(rule->parameter, parameter);
        QCOMPARE(EmulatorRule::parse(rule->toString()), rule);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no equals") << QStringLiteral("0001");
        QTest::newRow("no suffix") << QStringLiteral("=submitfail");
        QTest::newRow("letters") << QStringLiteral("ab=submitfail");
        QTest::newRow("unknown") << QStringLiteral("1=explode");
        QTest::newRow("delay without ms") << QStringLiteral("1=delay");
        QTest::newRow("delay not a number") << QStringLiteral("1=delay:soon");
        QTest::newRow("parameter not taken") << QStringLiteral("1=submitfail:3");
    }

    void refuses()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!EmulatorRule::parse(text, &error));
        QVERIFY(error.contains(text.trimmed()) || error.contains(text));
    }

    void longestSuffixWinsAndLaterOverrides()
    {
        QList<EmulatorRule> rules = VendorEmulatorConfig::defaultRuleSet();
        QCOMPARE(rules.size(), 10);
        QCOMPARE(findRule(rules, "447900009991")->behaviour, EmulatorBehaviour::SubmitFail);
        QVERIFY(!findRule(rules, "447900001234"));
        rules.append(*EmulatorRule::parse(u"1=rejected"));
        rules.append(*EmulatorRule::parse(u"9991=deliver"));
        QCOMPARE(findRule(rules, "447900001231")->behaviour, EmulatorBehaviour::Rejected);
        QCOMPARE(findRule(rules, "447900009991")->behaviour, EmulatorBehaviour::Deliver);
        VendorEmulatorConfig config;
        config.defaultRules = false;
        config.rules = {*EmulatorRule::parse(u"5=expired")};
        QCOMPARE(config.effectiveRules().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorRule)
#include "tst_emulatorrule.moc"
