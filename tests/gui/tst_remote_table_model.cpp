// RemoteTableModel against the real server: model invariants (QAbstractItemModelTester), lazy
// paging, server-side sort, filters, search, refresh and failures.
#include "EntityCatalogue.h"
#include "RemoteTableModel.h"
#include "TestServer.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace backoffice;
using namespace backoffice::views;

class TestRemoteTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modelTesterOverPagedLoad();
    void rowsMatchTheServerPageByPage();
    void sortIsDoneByTheServer();
    void filtersAndSearchNarrowTheList();
    void refreshKeepsRowsAndReloads();
    void cachedPagesAreBounded();
    void refusedRequestIsReportedNotCrashing();

private:
    QJsonObject fetch(const QUrlQuery &query);
    std::unique_ptr<RemoteTableModel> makeModel(int pageSize);

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_api;
};

void TestRemoteTableModel::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_api = m_server.signInAdmin();
    QVERIFY(m_api);
}

QJsonObject TestRemoteTableModel::fetch(const QUrlQuery &query)
{
    ApiReply *reply = m_api->get(entities::companies, query);
    if (!reply->waitForFinished())
        qWarning() << reply->error().message;
    return reply->object();
}

std::unique_ptr<RemoteTableModel> TestRemoteTableModel::makeModel(int pageSize)
{
    auto model = std::make_unique<RemoteTableModel>(m_api.get(), EntityCatalogue::get(entities::companies));
    model->setPageSize(pageSize);
    return model;
}

void TestRemoteTableModel::modelTesterOverPagedLoad()
{
    auto model = makeModel(7);
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 0);
    model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(model->hasLoaded(), 10000);
    const int total = int(fetch({}).value(QLatin1String("total")).toInteger());
    QVERIFY(total > 14); // the demo data set has more than two pages of seven companies
    QCOMPARE(model->rowCount(), total);
    QVERIFY(model->isRowLoaded(0));
    QVERIFY(!model->isRowLoaded(total - 1));
    // Touching the last row asks for its page; the tester watches every signal on the way.
    QCOMPARE(model->data(model->index(total - 1, 1), RemoteTableModel::LoadedRole).toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(total - 1), 10000);
    model->sort(model->columnOf(QStringLiteral("name")), Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0) && model->rowCount() == total, 10000);
    model->setFilter(QStringLiteral("type"), QStringLiteral("reseller"));
    QTRY_VERIFY_WITH_TIMEOUT(model->hasLoaded() && model->isRowLoaded(0), 10000);
    QVERIFY(model->rowCount() < total);
}

void TestRemoteTableModel::rowsMatchTheServerPageByPage()
{
    auto model = makeModel(5);
    model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(model->hasLoaded(), 10000);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("-id"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    const QJsonArray all = fetch(query).value(QLatin1String("items")).toArray();
    QCOMPARE(model->rowCount(), all.size());
    // Row 12 lives on the third page: not there until asked for.
    QVERIFY(!model->isRowLoaded(12));
    QSignalSpy pages(model.get(), &RemoteTableModel::pageLoaded);
    model->data(model->index(12, 0));
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(12), 10000);
    QCOMPARE(pages.count(), 1);
    QCOMPARE(pages.first().at(0).toInt(), 10);
    QCOMPARE(pages.first().at(1).toInt(), 5);
    for (int row : {0, 4, 10, 12, 14})
        QCOMPARE(model->idAt(row), all.at(row).toObject().value(QLatin1String("id")).toInteger());
    // Reference columns show the label the API sends next to the id.
    const int column = model->columnOf(QStringLiteral("ownLegalEntityId"));
    QCOMPARE(model->data(model->index(12, column)).toString(),
             all.at(12).toObject().value(QLatin1String("ownLegalEntityName")).toString());
}

void TestRemoteTableModel::sortIsDoneByTheServer()
{
    auto model = makeModel(50);
    model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(model->hasLoaded(), 10000);
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    model->sort(model->columnOf(QStringLiteral("name")), Qt::DescendingOrder);
    QCOMPARE(reset.count(), 1); // a new order starts over
    QCOMPARE(model->sortSpec(), QStringLiteral("-name"));
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), 10000);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("-name,id"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("3"));
    const QJsonArray expected = fetch(query).value(QLatin1String("items")).toArray();
    for (int row = 0; row < 3; ++row)
        QCOMPARE(model->idAt(row), expected.at(row).toObject().value(QLatin1String("id")).toInteger());
    // A reference column sorts by its label, which the API knows as "<name>Name".
    model->sort(model->columnOf(QStringLiteral("ownLegalEntityId")), Qt::AscendingOrder);
    QCOMPARE(model->sortSpec(), QStringLiteral("ownLegalEntityName"));
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), 10000);
    QVERIFY(model->filterQuery().queryItemValue(QStringLiteral("sort")).endsWith(QLatin1String(",id")));
}

void TestRemoteTableModel::filtersAndSearchNarrowTheList()
{
    auto model = makeModel(50);
    model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(model->hasLoaded(), 10000);
    const int all = model->rowCount();

    model->setFilter(QStringLiteral("type"), QStringLiteral("reseller"));
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), 10000);
    QUrlQuery resellers;
    resellers.addQueryItem(QStringLiteral("type"), QStringLiteral("reseller"));
    QCOMPARE(model->rowCount(), int(fetch(resellers).value(QLatin1String("total")).toInteger()));
    QVERIFY(model->rowCount() > 0 && model->rowCount() < all);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->record(row).value(QLatin1String("type")).toString(), QStringLiteral("reseller"));

    model->clearFilters();
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), 10000);
    QCOMPARE(model->rowCount(), all);
    const QString name = model->record(0).value(QLatin1String("name")).toString();
    QVERIFY(!name.isEmpty());
    model->setSearchText(name);
    QTRY_VERIFY_WITH_TIMEOUT(model->hasLoaded() && model->rowCount() > 0 && model->isRowLoaded(0), 10000);
    QVERIFY(model->rowCount() < all);
    QCOMPARE(model->filterQuery().queryItemValue(QStringLiteral("q")), name);
    bool found = false;
    for (int row = 0; row < model->rowCount(); ++row)
        found = found || model->record(row).value(QLatin1String("name")).toString() == name;
    QVERIFY(found);

    model->setSearchText(QStringLiteral("no company is called like this 7f3a"));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 10000);
}

void TestRemoteTableModel::refreshKeepsRowsAndReloads()
{
    auto model = makeModel(10);
    model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(model->hasLoaded(), 10000);
    const int rows = model->rowCount();
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    model->refresh();
    QCOMPARE(model->rowCount(), rows); // a view keeps its place while the pages come again
    QCOMPARE(reset.count(), 0);
    QVERIFY(!model->isRowLoaded(0));
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), 10000);
    QVERIFY(changed.count() >= 2);

    // A record created elsewhere shows up on refresh (the total grows).
    const QJsonObject someCompany = model->record(0);
    ApiReply *created = m_api->post(entities::companies,
                                    {{QStringLiteral("name"), QStringLiteral("Refresh Probe Ltd")},
                                     {QStringLiteral("type"), QStringLiteral("client")},
                                     {QStringLiteral("ownLegalEntityId"),
                                      someCompany.value(QLatin1String("ownLegalEntityId"))}});
    QVERIFY2(created->waitForFinished(), qPrintable(created->error().message));
    model->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), rows + 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), 10000);
    QCOMPARE(model->record(0).value(QLatin1String("name")).toString(), QStringLiteral("Refresh Probe Ltd"));
}

void TestRemoteTableModel::cachedPagesAreBounded()
{
    auto model = makeModel(3);
    model->setMaxCachedPages(2);
    model->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(model->hasLoaded(), 10000);
    for (int row : {3, 6, 9}) {
        model->data(model->index(row, 0));
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(row), 10000);
        QVERIFY(model->loadedPageCount() <= 2);
    }
    QVERIFY(!model->isRowLoaded(0)); // the oldest page went first
}

void TestRemoteTableModel::refusedRequestIsReportedNotCrashing()
{
    ApiClient anonymous;
    anonymous.setBaseUrl(m_server.baseUrl());
    RemoteTableModel model(&anonymous, EntityCatalogue::get(entities::companies));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &RemoteTableModel::loadFailed);
    model.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(failed.first().at(1).toInt(), 401);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isLoading());
}

QTEST_MAIN(TestRemoteTableModel)
#include "tst_remote_table_model.moc"
