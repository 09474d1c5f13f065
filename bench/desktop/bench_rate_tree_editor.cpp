// Is the rate-tree constructor responsive with a 100,000-node tree? The tree of BigRateTree.h is
// stored in a scope of a server in this process; the editor (a real widget, offscreen) loads it and
// the things staff do are timed, each until the window has repainted: expand all, scroll to the
// end, search, edit a price, undo, add a node, delete a country with its 400 networks, undo that.
// Same-run baselines: GET service-scopes/{id}/tree alone (HTTP and JSON, what any client pays) and
// RateTreeModel::loadJson alone (the model without the view).
//
// Usage: bench_rate_tree_editor   (QT_QPA_PLATFORM=offscreen is set when no platform is given)

#include "ApiClient.h"
#include "BenchCalls.h"
#include "BigRateTree.h"
#include "DemoBenchServer.h"
#include "RateTreeEditor.h"
#include "RateTreeModel.h"
#include "ServerInstance.h"
#include "Session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTreeView>
#include <QUndoStack>
#include <cstdio>

using namespace backoffice;
using backoffice::bench::ok;

namespace {

// Lets the window repaint what the step changed, so the time is what a person waits for.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

struct Step {
    QByteArray name;
    double ms;
};

template<typename F>
double timed(F &&work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    settle();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    bench::DemoBenchServer demo;
    if (!demo.start())
        return 1;
    ApiClient &client = demo.client();
    views::Session session(&client);
    session.setIdentity(demo.login());
    QString error;

    ApiReply *service = client.post(QStringLiteral("services"), {{QStringLiteral("name"), QStringLiteral("Bench 100k")},
                                                                {QStringLiteral("type"), QStringLiteral("payg")},
                                                                {QStringLiteral("currency"), QStringLiteral("EUR")}});
    if (!ok(service, "service"))
        return 1;
    ApiReply *scope = client.post(QStringLiteral("service-scopes"),
                                  {{QStringLiteral("serviceId"), service->object().value(QLatin1String("id"))},
                                   {QStringLiteral("effectiveFrom"), QStringLiteral("2020-01-01T00:00:00")}});
    if (!ok(scope, "scope"))
        return 1;
    const qint64 scopeId = scope->object().value(QLatin1String("id")).toInteger();
    const QJsonArray tree = bench::bigTree();
    if (!ok(client.put(QStringLiteral("service-scopes/%1/tree").arg(scopeId), {{QStringLiteral("nodes"), tree}}), "store tree"))
        return 1;

    // Baselines.
    QJsonArray stored;
    const double fetch = timed([&] {
        ApiReply *reply = client.get(QStringLiteral("service-scopes/%1/tree").arg(scopeId));
        if (ok(reply, "get tree"))
            stored = reply->object().value(QLatin1String("nodes")).toArray();
    });
    views::RateTreeModel bare;
    const double modelOnly = timed([&] { bare.loadJson(stored, &error); });

    views::RateTreeEditor editor(&session);
    editor.resize(1400, 900);
    editor.show();
    settle();
    QList<Step> steps;
    QSignalSpy loaded(&editor, &views::RateTreeEditor::loaded);
    steps.append({"load the scope and show it", timed([&] {
                      editor.loadScope(scopeId, false);
                      loaded.wait(120000);
                  })});
    views::RateTreeModel *model = editor.model();
    QTreeView *view = editor.view();
    steps.append({"expand all", timed([&] { view->expandAll(); })});
    steps.append({"scroll to the last row", timed([&] { view->scrollToBottom(); })});
    const QString lastNetwork = bench::mccmnc(249, 399);
    steps.append({"search the last MCC/MNC", timed([&] {
                      editor.searchBox()->setText(lastNetwork);
                      editor.findNext();
                  })});
    const QModelIndex price = model->indexOf(editor.currentNodeId(), views::RateTreeModel::PriceColumn);
    if (model->nodeId(price) == 0 || model->node(model->nodeId(price))->match != lastNetwork) {
        std::fprintf(stderr, "the search did not select %s\n", qPrintable(lastNetwork));
        return 1;
    }
    steps.append({"edit that price", timed([&] { model->setData(price, QStringLiteral("0.5"), Qt::EditRole); })});
    steps.append({"undo the edit", timed([&] { editor.undoStack()->undo(); })});
    // A country in the middle, with every node expanded (the worst case for the view), then with
    // only that country open (as staff work): add a network, undo, delete the country, undo.
    qint64 country = 0;
    for (qint64 id : model->findNodes(bench::country(123)))
        country = country ? country : id;
    for (const char *layout : {"all expanded", "one country open"}) {
        if (QByteArray(layout) == "one country open") {
            view->collapseAll();
            view->expand(model->indexOf(country).parent());
            view->expand(model->indexOf(country));
            settle();
        }
        const QByteArray suffix = QByteArray(", ") + layout;
        editor.selectNode(country);
        steps.append({"add a child node" + suffix, timed([&] { editor.addChild(); })});
        steps.append({"undo the add" + suffix, timed([&] { editor.undoStack()->undo(); })});
        editor.selectNode(country);
        steps.append({"delete a country (401 nodes)" + suffix, timed([&] { editor.deleteCurrent(); })});
        steps.append({"undo the delete" + suffix, timed([&] { editor.undoStack()->undo(); })});
    }
    steps.append({"collapse all", timed([&] { view->collapseAll(); })});

    std::printf("tree: %lld nodes in the editor (%lld stored)\n", qint64(model->nodeCount()), qint64(stored.size()));
    std::printf("%-48s %10s\n", "step (until repainted)", "ms");
    std::printf("%-48s %10.1f\n", "baseline: GET the tree (HTTP + JSON)", fetch);
    std::printf("%-48s %10.1f\n", "baseline: RateTreeModel::loadJson alone", modelOnly);
    double worstInteraction = 0;
    for (const Step &step : steps) {
        std::printf("%-48s %10.1f\n", step.name.constData(), step.ms);
        if (step.name != "load the scope and show it")
            worstInteraction = std::max(worstInteraction, step.ms);
    }
    std::printf("slowest edit or view step: %.1f ms (%s 100 ms); load / (GET + model) ratio %.2f\n", worstInteraction,
                worstInteraction <= 100 ? "within" : "over", steps.first().ms / (fetch + modelOnly));
    return 0;
}
