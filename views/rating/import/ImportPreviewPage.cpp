#include "ImportPreviewPage.h"

#include <QWizard>

#include "AnalysisRunner.h"
#include "ImportDiffView.h"
#include "ImportProblems.h"
#include "RateTreeModel.h"

#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

// Beyond this many nodes the preview opens collapsed below the node, as the constructor does.
constexpr int ExpandAllLimit = 500;
constexpr int MaxColumnWidth = 640;
constexpr int ColumnPadding = 16; // a gap before the next column's text

} // namespace

ImportPreviewPage::ImportPreviewPage(AnalysisRunner *runner, QWidget *parent)
    : QWizardPage(parent)
    , m_runner(runner)
    , m_tabs(new QTabWidget(this))
    , m_tree(new RateTreeModel(this))
    , m_treeView(new QTreeView(this))
    , m_treeNote(new QLabel(this))
    , m_errors(new QTableWidget(this))
    , m_diff(new ImportDiffView(this))
{
    setObjectName(QStringLiteral("importPreviewPage"));
    // QWizard gives a page its size hint and the rest to a spacer; these pages want all the room.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    setTitle(tr("Preview"));
    setSubTitle(tr("The rate tree the import builds, the problems found and the changes against the tree in force. "
                   "Back changes the settings; Next confirms."));
    m_tree->setReadOnly(true);
    m_treeView->setObjectName(QStringLiteral("previewTree"));
    m_treeView->setModel(m_tree);
    m_treeView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->header()->setStretchLastSection(false);
    m_treeView->header()->resizeSection(RateTreeModel::ResourceColumn, 300);
    m_treeView->header()->resizeSection(RateTreeModel::PriceTypeColumn, 170);
    m_treeView->header()->resizeSection(RateTreeModel::PriceColumn, 200);
    m_treeView->header()->resizeSection(RateTreeModel::BillingColumn, 150);
    m_treeView->header()->resizeSection(RateTreeModel::QuantityColumn, 150);
    m_treeNote->setObjectName(QStringLiteral("previewNote"));
    m_treeNote->setWordWrap(true);
    m_errors->setObjectName(QStringLiteral("previewErrors"));
    m_errors->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_errors->verticalHeader()->hide();

    auto *treeTab = new QWidget(m_tabs);
    auto *treeLayout = new QVBoxLayout(treeTab);
    treeLayout->addWidget(m_treeNote);
    treeLayout->addWidget(m_treeView, 1);
    m_tabs->addTab(treeTab, tr("Preview"));
    m_tabs->addTab(m_errors, tr("Errors"));
    m_tabs->addTab(m_diff, tr("Changes"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_runner, &AnalysisRunner::analysisChanged, this, [this] {
        if (wizard() && wizard()->currentPage() == this)
            showAnalysis();
    });
}

void ImportPreviewPage::initializePage()
{
    // The settings page's answers come without the tree; ask again with it (the server keeps the
    // analysis of unchanged settings, so this only costs the transfer).
    m_runner->setIncludeTree(true);
    m_runner->runNow();
    showAnalysis();
}

void ImportPreviewPage::cleanupPage()
{
    m_runner->setIncludeTree(false);
}

void ImportPreviewPage::showAnalysis()
{
    const QJsonObject analysis = m_runner->analysis();
    showTree(analysis.value(QLatin1String("tree")).toObject());
    const QJsonArray problems = analysis.value(QLatin1String("problems")).toArray();
    importProblems::fillTable(m_errors, problems);
    const int problemCount = int(analysis.value(QLatin1String("problemCount")).toInteger(problems.size()));
    const int blocking = int(analysis.value(QLatin1String("blockingCount")).toInteger());
    const int warnings = qMax(0, problemCount - blocking);
    // The tab says what it holds: on the preview these are mostly warnings, not errors.
    QStringList counts;
    if (blocking > 0)
        counts << tr("%n error(s)", nullptr, blocking);
    if (warnings > 0)
        counts << tr("%n warning(s)", nullptr, warnings);
    m_tabs->setTabText(1, counts.isEmpty() ? tr("Errors") : tr("Errors: %1").arg(counts.join(QStringLiteral(", "))));
    m_diff->setDiff(analysis.value(QLatin1String("diff")).toObject());
    m_tabs->setCurrentIndex(0);
}

void ImportPreviewPage::showTree(const QJsonObject &tree)
{
    const qint64 nodeId = tree.value(QLatin1String("nodeId")).toInteger();
    const QJsonArray nodes = tree.value(QLatin1String("nodes")).toArray();
    QJsonArray all = m_ancestors;
    for (const QJsonValue &node : nodes)
        all.append(node);
    QString error;
    if (m_ancestors.isEmpty() || !m_tree->loadJson(all, &error)) {
        // Without the path (or with one that no longer fits) the import node stands alone as a root.
        QJsonArray alone = nodes;
        if (!alone.isEmpty()) {
            QJsonObject first = alone.first().toObject();
            first.insert(QStringLiteral("parentId"), QJsonValue::Null);
            alone.replace(0, first);
        }
        if (!m_tree->loadJson(alone, &error)) {
            m_tree->setNodes({});
            m_treeNote->setText(tr("The preview cannot be shown: %1").arg(error));
            return;
        }
    }
    const int imported = int(nodes.size()) - 1;
    m_treeNote->setText(tr("%n node(s) below the import node.", nullptr, qMax(0, imported)));
    const QModelIndex node = m_tree->indexOf(nodeId);
    // Open the path down to the node; below it everything when small enough.
    for (QModelIndex up = node.parent(); up.isValid(); up = up.parent())
        m_treeView->expand(up);
    if (imported <= ExpandAllLimit) {
        m_treeView->expandAll();
    } else if (node.isValid()) {
        m_treeView->expand(node);
    }
    if (node.isValid())
        m_treeView->scrollTo(node, QAbstractItemView::PositionAtTop);
    // Scales ("Tier: 0.026 (from 0), 0.024 (from 250000)") and deep names need more than the
    // default widths: widen to the contents, never narrower than the defaults nor wider than MaxColumnWidth.
    for (const auto &[column, least] : {std::pair {int(RateTreeModel::ResourceColumn), 300},
                                        std::pair {int(RateTreeModel::PriceColumn), 200}}) {
        m_treeView->resizeColumnToContents(column);
        m_treeView->setColumnWidth(column, qBound(least, m_treeView->columnWidth(column) + ColumnPadding, MaxColumnWidth));
    }
}

} // namespace backoffice::views
