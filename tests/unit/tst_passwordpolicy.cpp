#include "PasswordPolicy.h"

#include <QSet>
#include <QTest>

using backoffice::PasswordPolicy;
using backoffice::PasswordPolicyRules;

namespace {

const QDateTime now = QDateTime(QDate(2026, 3, 15), QTime(12, 0), Qt::UTC);

QDateTime daysAgo(int days, int extraSeconds = 0)
{
    return now.addDays(-days).addSecs(-extraSeconds);
}

} // namespace

class PasswordPolicyTest final : public QObject
{
    Q_OBJECT

private slots:
    void defaultsFollowThePolicy();
    void strength_data();
    void strength();
    void strengthWithStricterRules();
    void expiry_data();
    void expiry();
    void ownChange_data();
    void ownChange();
    void inactivity_data();
    void inactivity();
    void idle_data();
    void idle();
    void rulesCanBeSwitchedOff();
    void generate_data();
    void generate();
    void generateIsRandom();
};

void PasswordPolicyTest::defaultsFollowThePolicy()
{
    const PasswordPolicy policy;
    QCOMPARE(policy.rules().minLength, 8);
    QCOMPARE(policy.rules().minCharacterGroups, 3);
    QCOMPARE(policy.rules().historyDepth, 7);
    QCOMPARE(policy.rules().maxAgeDays, 60);
    QCOMPARE(policy.rules().minAgeHours, 24);
    QCOMPARE(policy.rules().inactivityBlockDays, 180);
    QCOMPARE(policy.rules().idleLogoutMinutes, 60);
}

void PasswordPolicyTest::strength_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QStringList>("mentions"); // one fragment per expected problem

    const QString length = QStringLiteral("at least 8 characters");
    const QString groups = QStringLiteral("at least 3 of these");
    QTest::newRow("four groups") << QStringLiteral("Abcdef1!") << QString() << QStringList();
    QTest::newRow("three groups no symbol") << QStringLiteral("Abcdefg1") << QString() << QStringList();
    QTest::newRow("lower and symbol only") << QStringLiteral("abcdefg!") << QString() << QStringList{groups};
    QTest::newRow("upper lower symbol") << QStringLiteral("Abcdefg!") << QString() << QStringList();
    QTest::newRow("two groups") << QStringLiteral("abcdefg1") << QString() << QStringList{groups};
    QTest::newRow("one group") << QStringLiteral("ABCDEFGHIJ") << QString() << QStringList{groups};
    QTest::newRow("seven characters") << QStringLiteral("Abcde1!") << QString() << QStringList{length};
    QTest::newRow("short and simple") << QStringLiteral("abc") << QString() << QStringList{length, groups};
    QTest::newRow("empty") << QString() << QString() << QStringList{length, groups};
    QTest::newRow("space counts as special") << QStringLiteral("abcd efg1") << QString() << QStringList();
    QTest::newRow("equal to login") << QStringLiteral("JohnSmith1") << QStringLiteral("johnsmith1")
                                    << QStringList{QStringLiteral("same as the login")};
    QTest::newRow("contains login") << QStringLiteral("xJOHNsmith!9") << QStringLiteral("johnsmith")
                                    << QStringList{QStringLiteral("contain the login")};
    QTest::newRow("short login not searched") << QStringLiteral("ab#Cdefg1") << QStringLiteral("ab") << QStringList();
    QTest::newRow("unrelated login") << QStringLiteral("Tr0ub4dor&3") << QStringLiteral("alice") << QStringList();
    QTest::newRow("128 characters") << QStringLiteral("Ab1!").repeated(32) << QString() << QStringList();
    QTest::newRow("129 characters") << QStringLiteral("Ab1!").repeated(32) + u'x' << QString()
                                    << QStringList{QStringLiteral("at most 128")};
    QTest::newRow("tab") << QStringLiteral("Abc\tdef1!") << QString() << QStringList{QStringLiteral("control")};
    QTest::newRow("accented upper") << QStringLiteral("\u00d1and\u00fa2024") << QString() << QStringList();
    QTest::newRow("cyrillic lower and digits") << QStringLiteral("\u043f\u0430\u0440\u043e\u043b\u044c12345")
                                               << QString() << QStringList{groups};
}

void PasswordPolicyTest::strength()
{
    QFETCH(QString, password);
    QFETCH(QString, login);
    QFETCH(QStringList, mentions);

    const QStringList problems = PasswordPolicy().strengthProblems(password, login);
    QCOMPARE(problems.size(), mentions.size());
    for (qsizetype i = 0; i < mentions.size(); ++i)
        QVERIFY2(problems.at(i).contains(mentions.at(i)), qPrintable(problems.at(i)));
}

void PasswordPolicyTest::strengthWithStricterRules()
{
    PasswordPolicyRules rules;
    rules.minLength = 12;
    rules.minCharacterGroups = 4;
    const PasswordPolicy policy(rules);
    QCOMPARE(policy.strengthProblems(QStringLiteral("Abcdefg1")).size(), 2);
    QCOMPARE(policy.strengthProblems(QStringLiteral("Abcdefghij1!")), QStringList());
    QVERIFY(policy.strengthProblems(QStringLiteral("Abcdefghij1!"), QStringLiteral("Abcdefghij1!")).size() == 1);
}

void PasswordPolicyTest::expiry_data()
{
    QTest::addColumn<QDateTime>("changedAt");
    QTest::addColumn<bool>("expired");

    QTest::newRow("today") << now << false;
    QTest::newRow("59 days") << daysAgo(59) << false;
    QTest::newRow("a second before 60 days") << daysAgo(60, -1) << false;
    QTest::newRow("60 days") << daysAgo(60) << true;
    QTest::newRow("61 days") << daysAgo(61) << true;
    QTest::newRow("unknown") << QDateTime() << true;
}

void PasswordPolicyTest::expiry()
{
    QFETCH(QDateTime, changedAt);
    QFETCH(bool, expired);
    QCOMPARE(PasswordPolicy().isExpired(changedAt, now), expired);
}

void PasswordPolicyTest::ownChange_data()
{
    QTest::addColumn<QDateTime>("changedAt");
    QTest::addColumn<bool>("isAdmin");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("just changed") << now.addSecs(-60) << false << false;
    QTest::newRow("23 hours") << now.addSecs(-23 * 3600) << false << false;
    QTest::newRow("a second before 24 hours") << now.addSecs(-24 * 3600 + 1) << false << false;
    QTest::newRow("24 hours") << now.addSecs(-24 * 3600) << false << true;
    QTest::newRow("a week") << daysAgo(7) << false << true;
    QTest::newRow("admin just changed") << now.addSecs(-60) << true << true;
    QTest::newRow("never changed") << QDateTime() << false << true;
}

void PasswordPolicyTest::ownChange()
{
    QFETCH(QDateTime, changedAt);
    QFETCH(bool, isAdmin);
    QFETCH(bool, allowed);
    QCOMPARE(PasswordPolicy().mayChangeOwnPassword(changedAt, now, isAdmin), allowed);
}

void PasswordPolicyTest::inactivity_data()
{
    QTest::addColumn<QDateTime>("lastLogin");
    QTest::addColumn<QDateTime>("createdAt");
    QTest::addColumn<bool>("isAdmin");
    QTest::addColumn<bool>("blocked");

    QTest::newRow("yesterday") << daysAgo(1) << daysAgo(400) << false << false;
    QTest::newRow("exactly 180 days") << daysAgo(180) << daysAgo(400) << false << false;
    QTest::newRow("180 days and a second") << daysAgo(180, 1) << daysAgo(400) << false << true;
    QTest::newRow("181 days") << daysAgo(181) << daysAgo(400) << false << true;
    QTest::newRow("admin 400 days") << daysAgo(400) << daysAgo(500) << true << false;
    QTest::newRow("never logged in, new") << QDateTime() << daysAgo(10) << false << false;
    QTest::newRow("never logged in, old") << QDateTime() << daysAgo(200) << false << true;
    QTest::newRow("no dates at all") << QDateTime() << QDateTime() << false << false;
}

void PasswordPolicyTest::inactivity()
{
    QFETCH(QDateTime, lastLogin);
    QFETCH(QDateTime, createdAt);
    QFETCH(bool, isAdmin);
    QFETCH(bool, blocked);
    QCOMPARE(PasswordPolicy().isBlockedForInactivity(lastLogin, createdAt, now, isAdmin), blocked);
}

void PasswordPolicyTest::idle_data()
{
    QTest::addColumn<QDateTime>("lastSeen");
    QTest::addColumn<bool>("expired");

    QTest::newRow("now") << now << false;
    QTest::newRow("59 minutes") << now.addSecs(-59 * 60) << false;
    QTest::newRow("60 minutes") << now.addSecs(-60 * 60) << false;
    QTest::newRow("60 minutes and a second") << now.addSecs(-60 * 60 - 1) << true;
    QTest::newRow("two hours") << now.addSecs(-2 * 3600) << true;
    QTest::newRow("never seen") << QDateTime() << true;
}

void PasswordPolicyTest::idle()
{
    QFETCH(QDateTime, lastSeen);
    QFETCH(bool, expired);
    QCOMPARE(PasswordPolicy().isIdleExpired(lastSeen, now), expired);
}

void PasswordPolicyTest::rulesCanBeSwitchedOff()
{
    PasswordPolicyRules rules;
    rules.maxAgeDays = 0;
    rules.minAgeHours = 0;
    rules.inactivityBlockDays = 0;
    rules.idleLogoutMinutes = 0;
    const PasswordPolicy policy(rules);
    QVERIFY(!policy.isExpired(daysAgo(1000), now));
    QVERIFY(policy.mayChangeOwnPassword(now, now, false));
    QVERIFY(!policy.isBlockedForInactivity(daysAgo(1000), daysAgo(1000), now, false));
    QVERIFY(!policy.isIdleExpired(daysAgo(1), now));

    PasswordPolicyRules custom;
    custom.maxAgeDays = 30;
    QVERIFY(PasswordPolicy(custom).isExpired(daysAgo(30), now));
    QVERIFY(!PasswordPolicy().isExpired(daysAgo(30), now));
}

void PasswordPolicyTest::generate_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("length");

    QTest::newRow("default") << 14 << 14;
    QTest::newRow("minimum") << 8 << 8;
    QTest::newRow("too short is raised") << 3 << 8;
    QTest::newRow("long") << 40 << 40;
    QTest::newRow("too long is capped") << 500 << PasswordPolicy::MaxLength;
}

void PasswordPolicyTest::generate()
{
    QFETCH(int, requested);
    QFETCH(int, length);

    PasswordPolicyRules allGroups;
    allGroups.minCharacterGroups = 4;
    const PasswordPolicy policy(allGroups);
    for (int i = 0; i < 200; ++i) {
        const QString password = PasswordPolicy::generate(requested);
        QCOMPARE(password.size(), length);
        QVERIFY2(policy.strengthProblems(password).isEmpty(), qPrintable(password));
        for (const QChar c : password)
            QVERIFY2(c.unicode() > 32 && c.unicode() < 127, qPrintable(password));
    }
}

void PasswordPolicyTest::generateIsRandom()
{
    QSet<QString> seen;
    for (int i = 0; i < 500; ++i)
        seen.insert(PasswordPolicy::generate());
    QCOMPARE(seen.size(), 500);
    // The four guaranteed characters are shuffled in, not always at the front.
    QSet<QChar> firstCharacters;
    for (const QString &password : seen)
        firstCharacters.insert(password.at(0));
    QVERIFY(firstCharacters.size() > 20);
}

QTEST_APPLESS_MAIN(PasswordPolicyTest)
#include "tst_passwordpolicy.moc"
