// The rate-tree constructor against the real server: a scope's tree loads, edits go through the
// undo stack (undo/redo restore exactly), Save replaces the stored tree and shows it again with real
// ids; a new node under "depends" is offered the dimension's values; a 100,000-node tree loads and
// expands within a measured bound; a View-only user gets no edit actions.
#include "EntityCatalogue.h"
#include "RateTreeDelegate.h"
#include "RateTreeEditor.h"
#include "RateTreeModel.h"
#include "RatingCatalogue.h"
#include "ScaleDialog.h"
#include "Session.h"
#include "RateTreeModelFind.h"
#include "TestServer.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace backoffice;
using namespace backoffice::views;

namespace {

QJsonObject node(qint64 id, QJsonValue parentId, const QString &match, const QString &priceType,
                 const QString &dimensionOrPrice = {})
{
    QJsonObject n {{QStringLiteral("id"), id},
                   {QStringLiteral("parentId"), parentId},
                   {QStringLiteral("position"), 0},
                   {QStringLiteral("match"), match},
                   {QStringLiteral("priceType"), priceType}};
    if (priceType == QLatin1String("depends"))
        n.insert(QStringLiteral("dimension"), dimensionOrPrice);
    else if (priceType == QLatin1String("flat"))
        n.insert(QStringLiteral("price"), dimensionOrPrice);
    return n;
}

} // namespace

class TestRateTreeEditor final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void editUndoRedoSaveRoundTrip();
    void dependsNodeOffersDimensionValues();
    void refusedSaveNamesTheNode();
    void scaleDialogEditsBands();
    void largeTreeLoadsAndExpandsQuickly();
    void viewOnlyUserGetsNoEditActions();

private:
    qint64 createService(const QString &name);
    qint64 createScope(qint64 serviceId);
    bool putTree(qint64 scopeId, const QJsonArray &nodes, QString *error = nullptr);

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    qint64 m_serviceId = 0;
    qint64 m_scopeId = 0;
};

qint64 TestRateTreeEditor::createService(const QString &name)
{
    ApiReply *reply = m_admin->post(entities::services,
                                    {{QStringLiteral("name"), name},
                                     {QStringLiteral("type"), QStringLiteral("payg")},
                                     {QStringLiteral("currency"), QStringLiteral("EUR")},
                                     {QStringLiteral("timeZone"), QStringLiteral("Europe/Madrid")}});
    if (!reply->waitForFinished())
        qWarning() << reply->body();
    return reply->object().value(QLatin1String("id")).toInteger();
}

qint64 TestRateTreeEditor::createScope(qint64 serviceId)
{
    ApiReply *reply = m_admin->post(entities::serviceScopes,
                                    {{QStringLiteral("serviceId"), serviceId},
                                     {QStringLiteral("effectiveFrom"), QStringLiteral("2026-01-01T00:00:00")},
                                     {QStringLiteral("draft"), true}});
    if (!reply->waitForFinished())
        qWarning() << reply->body();
    return reply->object().value(QLatin1String("id")).toInteger();
}

bool TestRateTreeEditor::putTree(qint64 scopeId, const QJsonArray &nodes, QString *error)
{
    ApiReply *reply
        = m_admin->put(QStringLiteral("service-scopes/%1/tree").arg(scopeId), {{QStringLiteral("nodes"), nodes}});
    const bool ok = reply->waitForFinished(120000);
    if (!ok && error)
        *error = reply->error().message + QStringLiteral(" ") + QString::fromUtf8(reply->body().left(500));
    return ok;
}

void TestRateTreeEditor::initTestCase()
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

    m_serviceId = createService(QStringLiteral("SMS Europe"));
    QVERIFY(m_serviceId > 0);
    m_scopeId = createScope(m_serviceId);
    QVERIFY(m_scopeId > 0);
    const QJsonArray tree {
        node(-1, QJsonValue::Null, QStringLiteral("sms"), QStringLiteral("depends"), QStringLiteral("resource")),
        node(-2, -1, QStringLiteral("sms-message"), QStringLiteral("depends"), QStringLiteral("direction")),
        node(-3, -2, QStringLiteral("mt"), QStringLiteral("depends"), QStringLiteral("country")),
        node(-4, -3, QStringLiteral("ES"), QStringLiteral("flat"), QStringLiteral("0.004")),
        node(-5, -3, QStringLiteral("*"), QStringLiteral("flat"), QStringLiteral("0.005")),
    };
    QVERIFY2(putTree(m_scopeId, tree, &error), qPrintable(error));
}

void TestRateTreeEditor::editUndoRedoSaveRoundTrip()
{
    RateTreeEditor editor(m_session.get());
    QAbstractItemModelTester tester(editor.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&editor, &RateTreeEditor::loaded);
    QVERIFY(editor.loadScope(m_scopeId, false));
    QVERIFY(loaded.wait(10000));
    RateTreeModel *model = editor.model();
    QCOMPARE(model->nodeCount(), 5);
    QCOMPARE(model->problemCount(), 0);
    QVERIFY(editor.saveAction()->isVisible());
    QVERIFY(!editor.saveAction()->isEnabled()); // nothing to save yet

    const qint64 spain = tests::findByMatch(model, QStringLiteral("ES"));
    const qint64 mt = tests::findByMatch(model, QStringLiteral("mt"));
    QVERIFY(spain > 0 && mt > 0);
    QCOMPARE(model->indexOf(mt).data().toString(), QStringLiteral("A2P (MT)"));
    QCOMPARE(model->indexOf(spain, RateTreeModel::BillingColumn).data().toString(),
             QStringLiteral("Default (Submitted)"));

    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    // Exact decimals only: an exponent or a seventh decimal is refused and changes nothing.
    const QModelIndex price = model->indexOf(spain, RateTreeModel::PriceColumn);
    QVERIFY(!model->setData(price, QStringLiteral("4e-3")));
    QVERIFY(!model->setData(price, QStringLiteral("0.0000001")));
    QCOMPARE(editor.undoStack()->count(), 0);
    QVERIFY(model->setData(price, QStringLiteral("0.00421")));
    QCOMPARE(price.data().toString(), QStringLiteral("0.00421"));
    QVERIFY(editor.isDirty());
    QVERIFY(editor.saveAction()->isEnabled());

    // A rule set on "mt" shows on its children as inherited from it.
    QVERIFY(model->setData(model->indexOf(mt, RateTreeModel::BillingColumn), QStringLiteral("delivered")));
    QCOMPARE(model->indexOf(mt, RateTreeModel::BillingColumn).data().toString(), QStringLiteral("Delivered"));
    QCOMPARE(model->indexOf(spain, RateTreeModel::BillingColumn).data().toString(),
             QStringLiteral("Default (Delivered)"));

    // Undo/redo through the shortcuts' actions.
    editor.undoAction()->trigger();
    QCOMPARE(model->indexOf(spain, RateTreeModel::BillingColumn).data().toString(),
             QStringLiteral("Default (Submitted)"));
    editor.undoAction()->trigger();
    QCOMPARE(price.data().toString(), QStringLiteral("0.004"));
    QVERIFY(!editor.isDirty());
    editor.redoAction()->trigger();
    editor.redoAction()->trigger();
    QCOMPARE(price.data().toString(), QStringLiteral("0.00421"));
    QCOMPARE(model->indexOf(mt, RateTreeModel::BillingColumn).data().toString(), QStringLiteral("Delivered"));
    QCOMPARE(editor.undoAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QCOMPARE(editor.redoAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));

    // Add a country under "mt": a flat rate without a price yet is flagged.
    editor.selectNode(mt);
    const qint64 added = editor.addChild();
    QVERIFY(added < 0);
    QVERIFY(model->setData(model->indexOf(added), QStringLiteral("FR")));
    QVERIFY(!model->problem(added).isEmpty());
    QVERIFY(!model->indexOf(added).data(Qt::DecorationRole).isNull());
    QVERIFY(model->indexOf(added).data(Qt::ToolTipRole).toString().contains(QStringLiteral("price")));
    QVERIFY(model->setData(model->indexOf(added, RateTreeModel::PriceColumn), QStringLiteral("0.0289")));
    QVERIFY(model->problem(added).isEmpty());

    // Deleting "mt" takes its subtree; undo brings all of it back.
    editor.selectNode(mt);
    editor.deleteAction()->trigger();
    QCOMPARE(model->nodeCount(), 2);
    QVERIFY(!model->problem(tests::findByMatch(model, QStringLiteral("sms-message"))).isEmpty()); // depends with no values
    editor.undoAction()->trigger();
    QCOMPARE(model->nodeCount(), 6);
    QCOMPARE(model->node(added)->price->toString(0), QStringLiteral("0.0289"));
    QCOMPARE(resets.count(), 0); // single edits never reset the model

    // Save: PUT …/tree, then the stored tree comes back with real ids.
    QSignalSpy saved(&editor, &RateTreeEditor::saved);
    editor.saveAction()->trigger();
    QVERIFY(saved.wait(10000));
    QVERIFY(!editor.isDirty());
    QCOMPARE(model->nodeCount(), 6);
    const qint64 france = tests::findByMatch(model, QStringLiteral("FR"));
    QVERIFY(france > 0);

    ApiReply *reply = m_admin->get(QStringLiteral("service-scopes/%1/tree").arg(m_scopeId));
    QVERIFY(reply->waitForFinished());
    QHash<QString, QJsonObject> byMatch;
    for (const QJsonValue &value : reply->object().value(QLatin1String("nodes")).toArray())
        byMatch.insert(value.toObject().value(QLatin1String("match")).toString(), value.toObject());
    QCOMPARE(byMatch.value(QStringLiteral("ES")).value(QLatin1String("price")).toString(), QStringLiteral("0.00421"));
    QCOMPARE(byMatch.value(QStringLiteral("FR")).value(QLatin1String("price")).toString(), QStringLiteral("0.0289"));
    QCOMPARE(byMatch.value(QStringLiteral("mt")).value(QLatin1String("billingRule")).toString(),
             QStringLiteral("delivered"));

    // Cancel drops edits made after the save.
    QVERIFY(model->setData(model->indexOf(france, RateTreeModel::PriceColumn), QStringLiteral("1")));
    editor.cancelAction()->trigger();
    QCOMPARE(model->node(france)->price->toString(0), QStringLiteral("0.0289"));
    QVERIFY(!editor.isDirty());

    // Search highlights and moves to the match.
    editor.searchBox()->setText(QStringLiteral("fr"));
    editor.findNext();
    QCOMPARE(editor.currentNodeId(), france);
    QVERIFY(!model->indexOf(france).data(Qt::BackgroundRole).isNull());
    QVERIFY(model->indexOf(spain).data(Qt::BackgroundRole).isNull());
}

void TestRateTreeEditor::dependsNodeOffersDimensionValues()
{
    RateTreeEditor editor(m_session.get());
    QAbstractItemModelTester tester(editor.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&editor, &RateTreeEditor::loaded);
    editor.loadScope(m_scopeId, false);
    QVERIFY(loaded.wait(10000));
    RateTreeModel *model = editor.model();
    const qint64 resource = tests::findByMatch(model, QStringLiteral("sms-message"));
    QVERIFY(model->node(resource)->dimension == rating::Dimension::Direction);

    // Under "depends on direction" with "mt" taken: MO and Others are offered, MT is not.
    QStringList keys;
    for (const auto &choice : model->matchChoices(resource))
        keys << choice.first;
    QCOMPARE(keys, (QStringList {QStringLiteral("mo"), QStringLiteral("*")}));
    editor.selectNode(resource);
    const qint64 added = editor.addChild();
    QCOMPARE(model->node(added)->match, QStringLiteral("mo"));
    QCOMPARE(model->indexOf(added).data().toString(), QStringLiteral("P2A (MO)"));

    // The inline editor of the value lists the dimension's values by label.
    RateTreeDelegate delegate(model);
    QWidget host;
    std::unique_ptr<QWidget> widget(delegate.createEditor(&host, {}, model->indexOf(added)));
    auto *combo = qobject_cast<QComboBox *>(widget.get());
    QVERIFY(combo);
    QVERIFY(!combo->isEditable()); // direction is a closed list
    QVERIFY(combo->findData(QStringLiteral("*")) >= 0);
    QCOMPARE(combo->itemText(0), QStringLiteral("P2A (MO)"));

    // Under a domain the resources of that domain are offered; at the top, the domains.
    const qint64 sms = tests::findByMatch(model, QStringLiteral("sms"));
    QStringList resources;
    for (const auto &choice : model->matchChoices(sms))
        resources << choice.first;
    QVERIFY(resources.contains(QStringLiteral("sender-id-setup-fee")));
    QVERIFY(!resources.contains(QStringLiteral("sms-message")));
    QStringList domains;
    for (const auto &choice : model->matchChoices(std::nullopt))
        domains << choice.first;
    QVERIFY(domains.contains(QStringLiteral("rcs")));
    QVERIFY(!domains.contains(QStringLiteral("sms")));

    // The price type combo sets "depends" together with its dimension.
    const QModelIndex type = model->indexOf(added, RateTreeModel::PriceTypeColumn);
    QVERIFY(model->setData(type, QStringLiteral("depends:country")));
    QVERIFY(model->node(added)->dimension == rating::Dimension::Country);
    QVERIFY(type.data().toString().contains(rating::RatingCatalogue::dimensionLabel(rating::Dimension::Country)));
    QVERIFY(!model->problem(added).isEmpty()); // no values below it yet

    // A value outside a closed list (direction) is flagged; so is a child whose parent's
    // dimension changes to one where its value is unknown.
    const qint64 mt = tests::findByMatch(model, QStringLiteral("mt"));
    QVERIFY(model->problem(mt).isEmpty());
    QVERIFY(model->setData(model->indexOf(mt), QStringLiteral("xx")));
    QVERIFY(model->problem(mt).contains(QStringLiteral("xx")));
    editor.undoAction()->trigger();
    QVERIFY(model->problem(mt).isEmpty());
    const qint64 spain = tests::findByMatch(model, QStringLiteral("ES"));
    QVERIFY(model->setData(model->indexOf(mt, RateTreeModel::PriceTypeColumn), QStringLiteral("depends:direction")));
    QVERIFY(!model->problem(spain).isEmpty());
    editor.undoAction()->trigger();
    QVERIFY(model->problem(spain).isEmpty());
    editor.cancel();
}

void TestRateTreeEditor::refusedSaveNamesTheNode()
{
    RateTreeEditor editor(m_session.get());
    QSignalSpy loaded(&editor, &RateTreeEditor::loaded);
    editor.loadScope(m_scopeId, false);
    QVERIFY(loaded.wait(10000));
    RateTreeModel *model = editor.model();
    // A negative price cannot be typed; pushed past the editors, the server's refusal names the node.
    const qint64 spain = tests::findByMatch(model, QStringLiteral("ES"));
    rating::RateNode bad = *model->node(spain);
    bad.price = Amount::fromMicros(-1000);
    model->changeNode(bad, QStringLiteral("test"));
    QSignalSpy failed(&editor, &RateTreeEditor::saveFailed);
    editor.save();
    QVERIFY(failed.wait(10000));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("ES")) && message.contains(QStringLiteral("price")), qPrintable(message));
    QCOMPARE(editor.currentNodeId(), spain);
    QVERIFY(editor.isDirty()); // nothing lost: fix it and save again, or undo
    editor.undoAction()->trigger();
    QVERIFY(!editor.isDirty());
}

void TestRateTreeEditor::scaleDialogEditsBands()
{
    rating::Scale scale;
    ScaleDialog dialog(scale, false);
    QVERIFY(!dialog.collect()); // no bands
    dialog.addBand();
    dialog.bandTable()->item(0, 1)->setText(QStringLiteral("0.005"));
    dialog.addBand();
    dialog.bandTable()->item(1, 0)->setText(QStringLiteral("1000"));
    dialog.bandTable()->item(1, 1)->setText(QStringLiteral("0.0041"));
    dialog.modeBox()->setCurrentIndex(dialog.modeBox()->findData(int(rating::ScaleMode::BackToFirst)));
    QVERIFY(dialog.collect());
    QCOMPARE(dialog.scale().bands.size(), 2);
    QCOMPARE(dialog.scale().bands.at(1).from, qint64(1000));
    QCOMPARE(dialog.scale().bands.at(1).price.toString(0), QStringLiteral("0.0041"));
    QCOMPARE(dialog.scale().mode, rating::ScaleMode::BackToFirst);
    dialog.bandTable()->item(1, 1)->setText(QStringLiteral("0,004"));
    QVERIFY(!dialog.collect()); // not an exact decimal
    dialog.bandTable()->item(1, 1)->setText(QStringLiteral("0.004"));
    dialog.bandTable()->setCurrentCell(0, 0);
    dialog.removeBand();
    dialog.bandTable()->item(0, 0)->setText(QStringLiteral("0"));
    QVERIFY(dialog.collect());
    QCOMPARE(dialog.scale().bands.size(), 1);
}

void TestRateTreeEditor::largeTreeLoadsAndExpandsQuickly()
{
    // sms → sms-message (by direction) → mt (by country) → 250 countries (by network) → 400 networks.
    const int countries = 250;
    const int networks = 400;
    QJsonArray nodes {
        node(-1, QJsonValue::Null, QStringLiteral("sms"), QStringLiteral("depends"), QStringLiteral("resource")),
        node(-2, -1, QStringLiteral("sms-message"), QStringLiteral("depends"), QStringLiteral("direction")),
        node(-3, -2, QStringLiteral("mt"), QStringLiteral("depends"), QStringLiteral("country")),
    };
    qint64 next = -4;
    for (int c = 0; c < countries; ++c) {
        const qint64 country = next--;
        const QString code = QStringLiteral("C%1").arg(c, 3, 10, QLatin1Char('0'));
        nodes.append(node(country, -3, code, QStringLiteral("depends"), QStringLiteral("network")));
        for (int n = 0; n < networks; ++n)
            nodes.append(node(next--, country, QStringLiteral("%1-N%2").arg(code).arg(n), QStringLiteral("flat"),
                              QStringLiteral("0.00%1").arg(100 + n)));
    }
    const int total = int(nodes.size());
    QVERIFY(total >= 100000);
    const qint64 scope = createScope(m_serviceId);
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY2(putTree(scope, nodes, &error), qPrintable(error));
    const qint64 putMs = timer.elapsed();

    RateTreeEditor editor(m_session.get());
    editor.resize(1200, 800);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy loaded(&editor, &RateTreeEditor::loaded);
    timer.restart();
    editor.loadScope(scope, false);
    QVERIFY(loaded.wait(60000));
    QCoreApplication::processEvents();
    const qint64 loadMs = timer.elapsed();
    QCOMPARE(editor.model()->nodeCount(), total);

    // Expand one country's branch (400 networks) and paint it.
    RateTreeModel *model = editor.model();
    const qint64 mt = tests::findByMatch(model, QStringLiteral("mt"));
    const qint64 country = model->childrenOf(mt).at(countries / 2);
    timer.restart();
    editor.selectNode(model->childrenOf(country).last());
    editor.view()->expand(model->indexOf(country));
    editor.view()->viewport()->repaint();
    const qint64 expandMs = timer.elapsed();

    // One edit deep in the tree: no reset, quick.
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    timer.restart();
    QVERIFY(model->setData(model->indexOf(model->childrenOf(country).first(), RateTreeModel::PriceColumn),
                           QStringLiteral("0.5")));
    editor.undoStack()->undo();
    const qint64 editMs = timer.elapsed();
    QCOMPARE(resets.count(), 0);

    // Expand all (the toolbar action) over the whole tree, for the record.
    timer.restart();
    editor.view()->expandAll();
    editor.view()->viewport()->repaint();
    const qint64 expandAllMs = timer.elapsed();
    editor.view()->collapseAll();
    qInfo("expand all of %d nodes: %lld ms", total, expandAllMs);
    qInfo("rate tree with %d nodes: PUT %lld ms, load (GET + parse + model) %lld ms, expand branch %lld ms, "
          "edit+undo %lld ms",
          total, putMs, loadMs, expandMs, editMs);
    QVERIFY2(loadMs < 5000, qPrintable(QStringLiteral("load took %1 ms").arg(loadMs)));
    QVERIFY2(expandMs < 2000, qPrintable(QStringLiteral("expand took %1 ms").arg(expandMs)));
    QVERIFY2(editMs < 200, qPrintable(QStringLiteral("edit took %1 ms").arg(editMs)));

    // The model itself, without the network: reset with 100k nodes.
    RateTreeModel local;
    timer.restart();
    QString parseError;
    QVERIFY(local.loadJson(nodes, &parseError));
    qInfo("model load of %d nodes from JSON: %lld ms", total, timer.elapsed());
}

void TestRateTreeEditor::viewOnlyUserGetsNoEditActions()
{
    ApiReply *role = m_admin->post(
        entities::roles,
        {{QStringLiteral("name"), QStringLiteral("Services viewer")},
         {QStringLiteral("group"), QStringLiteral("backoffice")},
         {QStringLiteral("permissions"), QJsonObject {{QStringLiteral("services"), QStringLiteral("view")}}}});
    QVERIFY2(role->waitForFinished(), role->body().constData());
    QUrlQuery owners;
    owners.addQueryItem(QStringLiteral("type"), QStringLiteral("owner"));
    owners.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    ApiReply *companies = m_admin->get(entities::companies, owners);
    QVERIFY(companies->waitForFinished());
    const qint64 companyId = companies->object()
                                 .value(QLatin1String("items"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QLatin1String("id"))
                                 .toInteger();
    QString password = QStringLiteral("Viewer#Pass2024");
    ApiReply *user = m_admin->post(
        entities::users,
        {{QStringLiteral("kind"), QStringLiteral("backoffice")},
         {QStringLiteral("companyId"), companyId},
         {QStringLiteral("login"), QStringLiteral("services.viewer")},
         {QStringLiteral("password"), password},
         {QStringLiteral("firstName"), QStringLiteral("Sam")},
         {QStringLiteral("lastName"), QStringLiteral("Viewer")},
         {QStringLiteral("email"), QStringLiteral("sam.viewer@example.com")},
         {QStringLiteral("enabled"), true},
         {QStringLiteral("roleIds"), QJsonArray {role->object().value(QLatin1String("id")).toInteger()}}});
    QVERIFY2(user->waitForFinished(), user->body().constData());
    QJsonObject answer;
    QString error;
    std::unique_ptr<ApiClient> api = m_server.signIn(QStringLiteral("services.viewer"), &password, &answer, &error);
    QVERIFY2(api, qPrintable(error));
    Session viewer(api.get());
    viewer.setIdentity(answer);
    QVERIFY(viewer.canView(QStringLiteral("services")));
    QVERIFY(!viewer.canManage(QStringLiteral("services")));

    RateTreeEditor editor(&viewer);
    QSignalSpy loaded(&editor, &RateTreeEditor::loaded);
    editor.loadScope(m_scopeId, !viewer.canManage(QStringLiteral("services")));
    QVERIFY(loaded.wait(10000));
    QVERIFY(editor.model()->nodeCount() > 0);
    for (QAction *action : {editor.addChildAction(), editor.addSiblingAction(), editor.deleteAction(),
                            editor.undoAction(), editor.redoAction(), editor.saveAction(), editor.cancelAction()})
        QVERIFY2(!action->isVisible(), qPrintable(action->objectName()));
    const QModelIndex first = editor.model()->index(0, RateTreeModel::PriceTypeColumn);
    QVERIFY(!(editor.model()->flags(first) & Qt::ItemIsEditable));
    QVERIFY(!editor.model()->setData(first, QStringLiteral("free")));
    QCOMPARE(editor.addChild(), 0);
    QVERIFY(editor.view()->editTriggers() == QAbstractItemView::NoEditTriggers);

    // And a manager does see them (so the checks above can fail).
    RateTreeEditor managerEditor(m_session.get());
    QSignalSpy managerLoaded(&managerEditor, &RateTreeEditor::loaded);
    managerEditor.loadScope(m_scopeId, false);
    QVERIFY(managerLoaded.wait(10000));
    QVERIFY(managerEditor.addChildAction()->isVisible());
    QVERIFY(managerEditor.saveAction()->isVisible());
}

QTEST_MAIN(TestRateTreeEditor)
#include "tst_rate_tree_editor.moc"
