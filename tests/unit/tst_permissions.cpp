#include "Permissions.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace backoffice;

Q_DECLARE_METATYPE(backoffice::AccessLevel)

class PermissionsTest final : public QObject
{
    Q_OBJECT

private slots:
    void keys();
    void areasAreUniquePerGroup_data();
    void areasAreUniquePerGroup();
    void systemRolesExistForBothGroups();
    void systemRolesUseOnlyTheirGroupsAreas();
    void adminHasEverything_data();
    void adminHasEverything();
    void clientManager_data();
    void clientManager();
    void merge_data();
    void merge();
    void jsonRoundTrip();
    void jsonIgnoresUnknownLevels();
    void noneIsNotStored();
};

void PermissionsTest::keys()
{
    for (const AccessLevel level : {AccessLevel::None, AccessLevel::View, AccessLevel::Manage}) {
        AccessLevel parsed = AccessLevel::None;
        QVERIFY(parseAccessLevel(accessLevelKey(level), &parsed));
        QCOMPARE(parsed, level);
    }
    AccessLevel untouched = AccessLevel::View;
    QVERIFY(!parseAccessLevel(QStringLiteral("Manage"), &untouched));
    QVERIFY(!parseAccessLevel(QStringLiteral("admin"), &untouched));
    QCOMPARE(untouched, AccessLevel::View);

    for (const UserGroup group : {UserGroup::BackOffice, UserGroup::ClientPortal}) {
        UserGroup parsed = UserGroup::BackOffice;
        QVERIFY(parseUserGroup(userGroupKey(group), &parsed));
        QCOMPARE(parsed, group);
    }
    UserGroup group = UserGroup::BackOffice;
    QVERIFY(!parseUserGroup(QStringLiteral("staff"), &group));
}

void PermissionsTest::areasAreUniquePerGroup_data()
{
    QTest::addColumn<int>("group");
    QTest::newRow("backoffice") << int(UserGroup::BackOffice);
    QTest::newRow("portal") << int(UserGroup::ClientPortal);
}

void PermissionsTest::areasAreUniquePerGroup()
{
    QFETCH(int, group);
    const auto &areas = PermissionCatalogue::areas(UserGroup(group));
    QVERIFY(!areas.isEmpty());
    QSet<QString> keys;
    for (const PermissionArea &area : areas) {
        QVERIFY2(!keys.contains(area.key), qPrintable(area.key));
        keys.insert(area.key);
        QVERIFY(!area.label.isEmpty());
        QVERIFY(!area.category.isEmpty());
        QVERIFY(PermissionCatalogue::isKnownArea(UserGroup(group), area.key));
    }
    QVERIFY(!PermissionCatalogue::isKnownArea(UserGroup(group), QStringLiteral("noSuchArea")));
    QCOMPARE(PermissionCatalogue::everything(UserGroup(group)).levels().size(), areas.size());
}

void PermissionsTest::systemRolesExistForBothGroups()
{
    int backOffice = 0;
    int portal = 0;
    QSet<QString> keys;
    for (const SystemRole &role : PermissionCatalogue::systemRoles()) {
        QVERIFY2(!keys.contains(role.key), qPrintable(role.key));
        keys.insert(role.key);
        QVERIFY(!role.name.isEmpty());
        (role.group == UserGroup::BackOffice ? backOffice : portal)++;
    }
    QVERIFY(backOffice >= 5);
    QVERIFY(portal >= 4);
    for (const char *key : {"admin", "client-manager", "finance-manager", "noc-engineer", "rate-manager"}) {
        const SystemRole *role = PermissionCatalogue::systemRole(QString::fromLatin1(key));
        QVERIFY2(role, key);
        QCOMPARE(role->group, UserGroup::BackOffice);
    }
    const SystemRole *portalAdmin = PermissionCatalogue::systemRole(QStringLiteral("portal-admin"));
    QVERIFY(portalAdmin);
    QCOMPARE(portalAdmin->group, UserGroup::ClientPortal);
    QCOMPARE(PermissionCatalogue::systemRole(QStringLiteral("no-such-role")), nullptr);
}

void PermissionsTest::systemRolesUseOnlyTheirGroupsAreas()
{
    for (const SystemRole &role : PermissionCatalogue::systemRoles()) {
        QVERIFY2(!role.permissions.isEmpty(), qPrintable(role.key));
        for (auto it = role.permissions.levels().begin(); it != role.permissions.levels().end(); ++it)
            QVERIFY2(PermissionCatalogue::isKnownArea(role.group, it.key()), qPrintable(role.key + u' ' + it.key()));
    }
}

void PermissionsTest::adminHasEverything_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("group");
    QTest::newRow("backoffice admin") << QStringLiteral("admin") << int(UserGroup::BackOffice);
    QTest::newRow("portal admin") << QStringLiteral("portal-admin") << int(UserGroup::ClientPortal);
}

void PermissionsTest::adminHasEverything()
{
    QFETCH(QString, role);
    QFETCH(int, group);
    const SystemRole *admin = PermissionCatalogue::systemRole(role);
    QVERIFY(admin);
    for (const PermissionArea &area : PermissionCatalogue::areas(UserGroup(group))) {
        QCOMPARE(admin->permissions.level(area.key), AccessLevel::Manage);
        QVERIFY(admin->permissions.allows(area.key, AccessLevel::Manage));
    }
}

void PermissionsTest::clientManager_data()
{
    QTest::addColumn<QString>("area");
    QTest::addColumn<AccessLevel>("level");

    QTest::newRow("companies") << QStringLiteral("companies") << AccessLevel::Manage;
    QTest::newRow("agreements") << QStringLiteral("agreements") << AccessLevel::Manage;
    QTest::newRow("services viewed only") << QStringLiteral("services") << AccessLevel::View;
    QTest::newRow("no backoffice users") << QStringLiteral("backofficeUsers") << AccessLevel::None;
    QTest::newRow("no portal users") << QStringLiteral("portalUsers") << AccessLevel::None;
    QTest::newRow("no roles") << QStringLiteral("roles") << AccessLevel::None;
    QTest::newRow("no audit") << QStringLiteral("audit") << AccessLevel::None;
}

void PermissionsTest::clientManager()
{
    QFETCH(QString, area);
    QFETCH(AccessLevel, level);
    const SystemRole *role = PermissionCatalogue::systemRole(QStringLiteral("client-manager"));
    QVERIFY(role);
    QCOMPARE(role->permissions.level(area), level);
    QCOMPARE(role->permissions.allows(area, AccessLevel::Manage), level == AccessLevel::Manage);
    QCOMPARE(role->permissions.allows(area, AccessLevel::View), level != AccessLevel::None);
}

void PermissionsTest::merge_data()
{
    QTest::addColumn<AccessLevel>("left");
    QTest::addColumn<AccessLevel>("right");
    QTest::addColumn<AccessLevel>("merged");

    const auto N = AccessLevel::None;
    const auto V = AccessLevel::View;
    const auto M = AccessLevel::Manage;
    QTest::newRow("none none") << N << N << N;
    QTest::newRow("none view") << N << V << V;
    QTest::newRow("view none") << V << N << V;
    QTest::newRow("view manage") << V << M << M;
    QTest::newRow("manage view") << M << V << M;
    QTest::newRow("manage none") << M << N << M;
}

void PermissionsTest::merge()
{
    QFETCH(AccessLevel, left);
    QFETCH(AccessLevel, right);
    QFETCH(AccessLevel, merged);

    const QString area = QStringLiteral("companies");
    const QString other = QStringLiteral("banks");
    PermissionSet a;
    a.set(area, left);
    a.set(other, AccessLevel::View);
    PermissionSet b;
    b.set(area, right);
    a.merge(b);
    QCOMPARE(a.level(area), merged);
    QCOMPARE(a.level(other), AccessLevel::View); // areas only one side has are kept

    // Merging is symmetric.
    PermissionSet c;
    c.set(area, right);
    PermissionSet d;
    d.set(area, left);
    c.merge(d);
    QCOMPARE(c.level(area), merged);
}

void PermissionsTest::jsonRoundTrip()
{
    for (const SystemRole &role : PermissionCatalogue::systemRoles()) {
        const QByteArray text = QJsonDocument(role.permissions.toJson()).toJson(QJsonDocument::Compact);
        const PermissionSet back = PermissionSet::fromJson(QJsonDocument::fromJson(text).object());
        QCOMPARE(back.levels(), role.permissions.levels());
    }
    PermissionSet set;
    set.set(QStringLiteral("companies"), AccessLevel::Manage);
    set.set(QStringLiteral("audit"), AccessLevel::View);
    const QJsonObject json = set.toJson();
    QCOMPARE(json.value(QStringLiteral("companies")).toString(), QStringLiteral("manage"));
    QCOMPARE(json.value(QStringLiteral("audit")).toString(), QStringLiteral("view"));
    QCOMPARE(json.size(), 2);
}

void PermissionsTest::jsonIgnoresUnknownLevels()
{
    const QJsonObject json = QJsonDocument::fromJson(
        R"({"companies":"manage","banks":"superuser","audit":3,"roles":"view","users":"none"})").object();
    const PermissionSet set = PermissionSet::fromJson(json);
    QCOMPARE(set.level(QStringLiteral("companies")), AccessLevel::Manage);
    QCOMPARE(set.level(QStringLiteral("roles")), AccessLevel::View);
    QCOMPARE(set.level(QStringLiteral("banks")), AccessLevel::None);
    QCOMPARE(set.level(QStringLiteral("audit")), AccessLevel::None);
    QCOMPARE(set.levels().size(), 2);
}

void PermissionsTest::noneIsNotStored()
{
    PermissionSet set;
    QVERIFY(set.isEmpty());
    set.set(QStringLiteral("companies"), AccessLevel::View);
    QVERIFY(!set.isEmpty());
    set.set(QStringLiteral("companies"), AccessLevel::None);
    QVERIFY(set.isEmpty());
    QCOMPARE(set.level(QStringLiteral("unknown")), AccessLevel::None);
    QVERIFY(!set.allows(QStringLiteral("unknown"), AccessLevel::View));
    QVERIFY(set.allows(QStringLiteral("unknown"), AccessLevel::None));
}

QTEST_APPLESS_MAIN(PermissionsTest)
#include "tst_permissions.moc"
