// The rate import wizard against the real server (reference §7.3.2, docs/API.md "Rate imports"):
// a CSV goes into the demo SMS Global service's A2P (MT) node through the four pages — the upload
// is read, the sheet pages in lazily, columns are declared through the functions the header uses,
// an unmatched country blocks Next until it is mapped by hand with the dictionary search, the
// preview shows the subtree, the errors and the diff, Finish applies and the stored tree has the
// new nodes. A broken XLSX shows its error on the first page and goes no further; cancelling
// forgets the import on the server; the constructor's action opens the wizard only where it can.
#include "AnalysisRunner.h"
#include "ColumnStatusList.h"
#include "DimensionValueSearch.h"
#include "ImportConfirmPage.h"
#include "ImportDiffView.h"
#include "ImportFilePage.h"
#include "ImportPreviewPage.h"
#include "ImportSettingsPage.h"
#include "RateImportClient.h"
#include "RateImportWizard.h"
#include "RateTreeEditor.h"
#include "RateTreeModel.h"
#include "Session.h"
#include "SheetRowsModel.h"
#include "StructureEditor.h"
#include "RateTreeModelFind.h"
#include "TestServer.h"
#include "ValueMappingDialog.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QRadioButton>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <QUrlQuery>

using namespace backoffice;
using namespace backoffice::views;

namespace {

constexpr int ServerTimeoutMs = 20000;

using Role = ColumnDeclaration::Role;

ColumnDeclaration attribute(int column, const QString &dimension, const QString &matchBy, bool best = false)
{
    ColumnDeclaration declaration;
    declaration.column = column;
    declaration.role = Role::Attribute;
    declaration.dimension = dimension;
    declaration.matchBy = matchBy;
    declaration.bestMatch = best;
    return declaration;
}

ColumnDeclaration rateProperty(int column, Role role)
{
    ColumnDeclaration declaration;
    declaration.column = column;
    declaration.role = role;
    return declaration;
}

QJsonObject childWithMatch(const QJsonArray &nodes, qint64 parentId, const QString &match)
{
    for (const QJsonValue &value : nodes) {
        const QJsonObject node = value.toObject();
        if (node.value(QLatin1String("parentId")).toInteger() == parentId
            && node.value(QLatin1String("match")).toString() == match)
            return node;
    }
    return {};
}

} // namespace

class TestRateImportWizard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void csvImportsIntoTheMtNode();
    void brokenXlsxStaysOnTheFilePage();
    void cancelForgetsTheImport();
    void editorActionNeedsANodeBelowADomain();

private:
    QJsonArray tree() const;
    QString writeFile(const QString &name, const QByteArray &bytes);
    // Brings a fresh wizard to the settings page with the file uploaded and read.
    bool reachSettings(RateImportWizard &wizard, const QString &path);
    int importStatus(const QString &id) const;

    tests::TestServer m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_files;
    qint64 m_scopeId = 0;
    qint64 m_messageId = 0; // "sms-message"
    qint64 m_mtId = 0; // "mt" under it
};

QJsonArray TestRateImportWizard::tree() const
{
    ApiReply *reply = m_admin->get(QStringLiteral("service-scopes/%1/tree").arg(m_scopeId));
    reply->waitForFinished();
    reply->deleteLater();
    return reply->object().value(QLatin1String("nodes")).toArray();
}

QString TestRateImportWizard::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

int TestRateImportWizard::importStatus(const QString &id) const
{
    ApiReply *reply = m_admin->get(QStringLiteral("rate-imports/%1").arg(id));
    reply->waitForFinished();
    reply->deleteLater();
    return reply->httpStatus();
}

bool TestRateImportWizard::reachSettings(RateImportWizard &wizard, const QString &path)
{
    wizard.filePage()->setFilePath(path);
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    if (!next->isEnabled())
        return false;
    next->click();
    return QTest::qWaitFor([&] { return wizard.currentId() == RateImportWizard::SettingsPageId; }, ServerTimeoutMs);
}

void TestRateImportWizard::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BackOffice"));
    QCoreApplication::setApplicationName(QStringLiteral("BackOffice GUI tests"));
    QVERIFY(m_files.isValid());
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QJsonObject answer;
    m_admin = m_server.signInAdmin(&answer);
    QVERIFY(m_admin);
    m_session = std::make_unique<Session>(m_admin.get());
    m_session->setIdentity(answer);

    // The demo SMS Global (EUR) service, its scope in force, and its SMS message → A2P (MT) node.
    QUrlQuery byName;
    byName.addQueryItem(QStringLiteral("name"), QStringLiteral("SMS Global"));
    ApiReply *services = m_admin->get(QStringLiteral("services"), byName);
    QVERIFY(services->waitForFinished());
    qint64 serviceId = 0;
    for (const QJsonValue &value : services->object().value(QLatin1String("items")).toArray()) {
        if (value.toObject().value(QLatin1String("name")).toString() == QLatin1String("SMS Global"))
            serviceId = value.toObject().value(QLatin1String("id")).toInteger();
    }
    QVERIFY(serviceId > 0);
    QUrlQuery ofService;
    ofService.addQueryItem(QStringLiteral("serviceId"), QString::number(serviceId));
    ApiReply *scopes = m_admin->get(QStringLiteral("service-scopes"), ofService);
    QVERIFY(scopes->waitForFinished());
    for (const QJsonValue &value : scopes->object().value(QLatin1String("items")).toArray()) {
        if (value.toObject().value(QLatin1String("state")).toString() == QLatin1String("current"))
            m_scopeId = value.toObject().value(QLatin1String("id")).toInteger();
    }
    QVERIFY(m_scopeId > 0);
    const QJsonArray nodes = tree();
    for (const QJsonValue &value : nodes) {
        if (value.toObject().value(QLatin1String("match")).toString() == QLatin1String("sms-message"))
            m_messageId = value.toObject().value(QLatin1String("id")).toInteger();
    }
    QVERIFY(m_messageId > 0);
    m_mtId = childWithMatch(nodes, m_messageId, QStringLiteral("mt")).value(QLatin1String("id")).toInteger();
    QVERIFY(m_mtId > 0);
}

void TestRateImportWizard::csvImportsIntoTheMtNode()
{
    const QString path = writeFile(QStringLiteral("rates.csv"),
                                   "Country,Network,MCCMNC,Price\n"
                                   "Spain,All networks,214,0.08\n"
                                   "Spain,Vodafone,214001,0.041\n"
                                   "Spain,Orange,214003,0.045\n"
                                   "Portugal,All networks,268,0.0095\n"
                                   "Portugal,Vodafone Portugal,268001,0.0095\n"
                                   "Holland,All networks,204,0.077\n");
    QVERIFY(!path.isEmpty());
    RateImportWizard wizard(*m_admin, m_scopeId, m_mtId, QStringLiteral("SMS message › A2P (MT)"));
    QCOMPARE(wizard.windowTitle(), QStringLiteral("Resource: SMS message › A2P (MT) — Import from file"));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    ImportSettingsPage *page = wizard.settingsPage();
    SheetRowsModel *rows = page->rowsModel();
    QAbstractItemModelTester rowsTester(rows, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy imported(&wizard, &RateImportWizard::imported);

    // Page 1 → 2: upload, the reading is polled, the wizard moves on by itself when ready.
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // no file yet
    QVERIFY(reachSettings(wizard, path));
    const QString importId = wizard.client()->importId();
    QVERIFY(!importId.isEmpty());
    QCOMPARE(wizard.client()->state(), RateImportClient::State::Ready);
    QCOMPARE(wizard.filePage()->progressBar()->value(), wizard.filePage()->progressBar()->maximum());

    // The sheet pages in; rows are numbered from 1 like the file.
    QTRY_COMPARE_WITH_TIMEOUT(rows->rowCount(), 7, ServerTimeoutMs);
    QCOMPARE(rows->columnCount(), 4);
    QCOMPARE(rows->headerData(0, Qt::Vertical).toInt(), 1);
    QCOMPARE(rows->index(1, 0).data().toString(), QStringLiteral("Spain"));
    QCOMPARE(rows->index(2, 3).data().toString(), QStringLiteral("0.041"));
    QVERIFY(!rows->canFetchMore({}));
    QVERIFY(rows->headerData(0, Qt::Horizontal).toString().contains(QStringLiteral("Import as")));

    // Nothing declared: the analysis blocks, Next stays disabled.
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.analysis()->isPending(), ServerTimeoutMs);
    QVERIFY(!wizard.analysis()->isReady());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(page->problemList()->count() > 0);
    QVERIFY(page->problemList()->item(0)->data(Qt::UserRole).toBool()); // blocking first

    // A click on row 2 of the sheet (its vertical header) makes it the start row.
    QHeaderView *vertical = page->sheetView()->verticalHeader();
    QTest::mouseClick(
        vertical->viewport(), Qt::LeftButton, {},
        QPoint(vertical->width() / 2, vertical->sectionViewportPosition(1) + vertical->sectionSize(1) / 2));
    QCOMPARE(page->settings().startRow, 2);
    QCOMPARE(page->startRowBox()->value(), 2);
    QVERIFY(rows->index(0, 0).data(Qt::ForegroundRole).isValid()); // the header row is faded

    // The country dictionary offers its attributes; the cells hold English names.
    bool hasName = false;
    for (const ImportDimension &dimension : page->dimensions()) {
        if (dimension.key == QLatin1String("country"))
            for (const MatchByChoice &choice : dimension.matchBy)
                hasName = hasName || choice.key == QLatin1String("name");
    }
    QVERIFY(hasName);

    // Three declarations in a burst: one analysis, of the last settings.
    QSignalSpy analysed(wizard.analysis(), &AnalysisRunner::analysisChanged);
    page->declareColumn(attribute(1, QStringLiteral("country"), QStringLiteral("name")));
    page->declareColumn(attribute(2, QStringLiteral("network"), QStringLiteral("key")));
    page->declareColumn(rateProperty(4, Role::Price));
    QVERIFY(wizard.analysis()->isPending());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.analysis()->isPending(), ServerTimeoutMs);
    QCOMPARE(analysed.count(), 1);
    QCOMPARE(rows->columnTitle(1), QStringLiteral("Country (name, full)"));
    QVERIFY(rows->headerData(0, Qt::Horizontal).toString().contains(QStringLiteral("Country (name, full)")));
    QCOMPARE(page->structure()->levels(), (QStringList {QStringLiteral("country"), QStringLiteral("network")}));

    // "Holland" is no English country name: blocking until mapped.
    QVERIFY(!wizard.analysis()->isReady());
    QCOMPARE(page->columnStatus()->statusText(1), QStringLiteral("No match for 1 value(s)"));
    QCOMPARE(page->columnStatus()->statusText(4), QStringLiteral("All values are prices"));
    QVERIFY(page->columnStatus()->mapButton(1)->isEnabled());

    // Manual mapping with the dictionary search (incomplete match) → NL.
    ValueMappingDialog mapping(*m_admin, *page->settings().declaration(1), QStringLiteral("Country"),
                               page->columnStatus()->analysisColumn(1));
    QTableWidget *values = mapping.valueTable();
    int holland = -1;
    for (int r = 0; r < values->rowCount(); ++r) {
        if (values->item(r, ValueMappingDialog::TextColumn)->text() == QLatin1String("Holland"))
            holland = r;
    }
    QVERIFY(holland >= 0);
    QCOMPARE(values->item(holland, 0)->background().color(), QColor(255, 214, 153)); // orange: no match
    QVERIFY(mapping.selectText(QStringLiteral("Holland")));
    QSignalSpy searched(mapping.search(), &DimensionValueSearch::searchFinished);
    mapping.search()->search(QStringLiteral("netherl"));
    QTRY_VERIFY_WITH_TIMEOUT(!mapping.search()->isSearching() && searched.count() > 0, ServerTimeoutMs);
    QListWidget *results = mapping.search()->results();
    QVERIFY(results->count() >= 2);
    QCOMPARE(results->item(0)->text(), QStringLiteral("Others (*)"));
    QVERIFY2(results->currentItem()->text().contains(QStringLiteral("NL")), qPrintable(results->currentItem()->text()));
    mapping.search()->chooseCurrent();
    QCOMPARE(mapping.manual().value(QStringLiteral("Holland")), QStringLiteral("NL"));
    QCOMPARE(values->item(holland, 0)->background().color(), QColor(200, 235, 200)); // green: manual
    page->setManual(1, mapping.manual());

    QTRY_VERIFY_WITH_TIMEOUT(wizard.analysis()->isReady(), ServerTimeoutMs);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(page->columnStatus()->statusText(1), QStringLiteral("All values matched"));
    QCOMPARE(wizard.analysis()->analysis().value(QLatin1String("records")).toInt(), 6);

    // Reordering the levels is analysed again; back to country first.
    QVERIFY(page->structure()->moveLevel(QStringLiteral("network"), -1));
    QCOMPARE(page->settings().structure, (QStringList {QStringLiteral("network"), QStringLiteral("country")}));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.analysis()->isPending(), ServerTimeoutMs);
    QCOMPARE(wizard.analysis()->settings().value(QLatin1String("structure")).toArray().first().toString(),
             QStringLiteral("network"));
    QVERIFY(page->structure()->moveLevel(QStringLiteral("network"), +1));
    // Merge or replace goes with the settings (the server keeps the rest of the branch on merge).
    page->setMerge(true);
    QCOMPARE(page->settings().toJson().value(QLatin1String("mode")).toString(), QStringLiteral("merge"));
    QVERIFY(page->findChild<QRadioButton *>(QStringLiteral("modeMerge"))->isChecked());
    page->setMerge(false);
    QCOMPARE(page->settings().toJson().value(QLatin1String("mode")).toString(), QStringLiteral("replace"));
    QVERIFY(!page->structure()->removeLevel(QStringLiteral("country"))); // declared: not removable
    QTRY_VERIFY_WITH_TIMEOUT(wizard.analysis()->isReady(), ServerTimeoutMs);

    // Page 3: the subtree under the path to the node, errors and changes.
    wizard.button(QWizard::NextButton)->click();
    QCOMPARE(wizard.currentId(), int(RateImportWizard::PreviewPageId));
    ImportPreviewPage *preview = wizard.previewPage();
    QAbstractItemModelTester treeTester(preview->treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    RateTreeModel *previewTree = preview->treeModel();
    // The page asks for the analysis again with the tree (the settings page's answers leave it out).
    QTRY_VERIFY_WITH_TIMEOUT(tests::findByMatch(previewTree, QStringLiteral("mt")) > 0, ServerTimeoutMs);
    const qint64 previewMt = tests::findByMatch(previewTree, QStringLiteral("mt"));
    QVERIFY(previewMt > 0);
    QCOMPARE(previewTree->indexOf(previewMt).data().toString(), QStringLiteral("A2P (MT)")); // labelled under its path
    QVERIFY(tests::findByMatch(previewTree, QStringLiteral("PT")) < 0); // new nodes: negative ids
    QVERIFY(tests::findByMatch(previewTree, QStringLiteral("NL")) < 0);
    QCOMPARE(preview->errorTable()->rowCount(),
             int(wizard.analysis()->analysis().value(QLatin1String("problems")).toArray().size()));
    ImportDiffView *diff = preview->diffView();
    QAbstractItemModelTester diffTester(diff->filteredModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(diff->itemsModel()->rowCount() > 0);
    diff->setKindFilter(QStringLiteral("new"));
    QVERIFY(diff->filteredModel()->rowCount() > 0);
    for (int r = 0; r < diff->filteredModel()->rowCount(); ++r)
        QCOMPARE(diff->filteredModel()->index(r, ImportDiffView::KindColumn).data(ImportDiffView::KindRole).toString(),
                 QStringLiteral("new"));
    diff->setKindFilter(QString());
    QCOMPARE(diff->filteredModel()->rowCount(), diff->itemsModel()->rowCount());

    // Page 4: the summary, then Finish applies.
    wizard.button(QWizard::NextButton)->click();
    QCOMPARE(wizard.currentId(), int(RateImportWizard::ConfirmPageId));
    QVERIFY(wizard.confirmPage()->summaryLabel()->text().contains(QStringLiteral("<b>6</b> record")));
    wizard.button(QWizard::FinishButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, ServerTimeoutMs);
    QTRY_VERIFY(!wizard.isVisible());
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    // The stored tree: mt now depends on country, with the sheet's rates below. Storing a tree
    // numbers its nodes afresh, so the nodes are found again by their path.
    const QJsonArray nodes = tree();
    const QJsonObject sms = childWithMatch(nodes, 0, QStringLiteral("sms"));
    m_messageId = childWithMatch(nodes, sms.value(QLatin1String("id")).toInteger(), QStringLiteral("sms-message"))
                      .value(QLatin1String("id"))
                      .toInteger();
    const QJsonObject mt = childWithMatch(nodes, m_messageId, QStringLiteral("mt"));
    m_mtId = mt.value(QLatin1String("id")).toInteger();
    QVERIFY(m_mtId > 0);
    QCOMPARE(mt.value(QLatin1String("dimension")).toString(), QStringLiteral("country"));
    const QJsonObject spain = childWithMatch(nodes, m_mtId, QStringLiteral("ES"));
    QVERIFY(!spain.isEmpty());
    const qint64 spainId = spain.value(QLatin1String("id")).toInteger();
    QCOMPARE(childWithMatch(nodes, spainId, QStringLiteral("Vodafone")).value(QLatin1String("price")).toString(),
             QStringLiteral("0.041"));
    QCOMPARE(childWithMatch(nodes, spainId, QStringLiteral("*")).value(QLatin1String("price")).toString(),
             QStringLiteral("0.08"));
    QVERIFY(!childWithMatch(nodes, m_mtId, QStringLiteral("PT")).isEmpty());
    const qint64 netherlands
        = childWithMatch(nodes, m_mtId, QStringLiteral("NL")).value(QLatin1String("id")).toInteger();
    QCOMPARE(childWithMatch(nodes, netherlands, QStringLiteral("*")).value(QLatin1String("price")).toString(),
             QStringLiteral("0.077"));
    QVERIFY(childWithMatch(nodes, m_mtId, QStringLiteral("GB")).isEmpty()); // replaced, not merged

    // Closed: the import is forgotten on the server.
    QTRY_COMPARE_WITH_TIMEOUT(importStatus(importId), 404, ServerTimeoutMs);
}

void TestRateImportWizard::brokenXlsxStaysOnTheFilePage()
{
    QByteArray bytes("PK\x03\x04", 4);
    for (int i = 0; i < 2000; ++i)
        bytes.append(char(QRandomGenerator::global()->bounded(256)));
    const QString path = writeFile(QStringLiteral("broken.xlsx"), bytes);
    QVERIFY(!path.isEmpty());
    RateImportWizard wizard(*m_admin, m_scopeId, m_mtId, QStringLiteral("A2P (MT)"));
    wizard.show();
    wizard.filePage()->setFilePath(path);
    wizard.button(QWizard::NextButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.client()->state(), RateImportClient::State::Failed, ServerTimeoutMs);
    QCOMPARE(wizard.currentId(), int(RateImportWizard::FilePageId));
    QLabel *error = wizard.filePage()->errorLabel();
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QVERIFY(!wizard.filePage()->cancelButton()->isVisible());
    // Next again tries again (and fails again): still on page 1.
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.button(QWizard::NextButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.client()->state(), RateImportClient::State::Failed, ServerTimeoutMs);
    QCOMPARE(wizard.currentId(), int(RateImportWizard::FilePageId));
}

void TestRateImportWizard::cancelForgetsTheImport()
{
    const QString path = writeFile(QStringLiteral("small.csv"), "Spain,0.05\nPortugal,0.06\n");
    auto *wizard = new RateImportWizard(*m_admin, m_scopeId, m_messageId, QStringLiteral("SMS message"));
    wizard->show();
    QVERIFY(reachSettings(*wizard, path));
    const QString importId = wizard->client()->importId();
    QCOMPARE(importStatus(importId), 200);
    wizard->reject();
    QTRY_COMPARE_WITH_TIMEOUT(importStatus(importId), 404, ServerTimeoutMs);
    delete wizard;
}

void TestRateImportWizard::editorActionNeedsANodeBelowADomain()
{
    RateTreeEditor editor(m_session.get());
    QSignalSpy loaded(&editor, &RateTreeEditor::loaded);
    QVERIFY(editor.loadScope(m_scopeId, false));
    QVERIFY(loaded.wait(ServerTimeoutMs));
    QAction *action = editor.importAction();
    QVERIFY(action->isVisible());
    const qint64 domain = tests::findByMatch(editor.model(), QStringLiteral("sms"));
    editor.selectNode(domain);
    QVERIFY(!action->isEnabled()); // a service domain takes no import
    editor.selectNode(m_mtId);
    QVERIFY(action->isEnabled());

    // Unsaved edits first: the import replaces the stored subtree.
    const qint64 mo = tests::findByMatch(editor.model(), QStringLiteral("mo"));
    rating::RateNode changed = *editor.model()->node(mo);
    changed.priceType = rating::PriceType::Blocked;
    editor.model()->changeNode(changed, QStringLiteral("test"));
    editor.selectNode(m_mtId);
    QVERIFY(!action->isEnabled());
    editor.cancel();
    QVERIFY(action->isEnabled());

    RateImportWizard *wizard = editor.importFromFile();
    QVERIFY(wizard);
    QCOMPARE(wizard->windowTitle(), QStringLiteral("Resource: SMS message › A2P (MT) — Import from file"));
    QCOMPARE(wizard->client()->nodeId(), m_mtId);
    QCOMPARE(wizard->client()->scopeId(), m_scopeId);
    wizard->reject();

    // Read-only (View): no action at all.
    QVERIFY(editor.loadScope(m_scopeId, true));
    QVERIFY(loaded.wait(ServerTimeoutMs));
    QVERIFY(!editor.importAction()->isVisible());
}

QTEST_MAIN(TestRateImportWizard)
#include "tst_rate_import_wizard.moc"
