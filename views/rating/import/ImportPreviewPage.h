#pragma once

#include <QJsonArray>
#include <QWizardPage>

class QLabel;
class QTabWidget;
class QTableWidget;
class QTreeView;

namespace backoffice::views {

class AnalysisRunner;
class ImportDiffView;
class RateTreeModel;

// Step 3 of the rate import (reference §7.3.2.3): the rate tree the import would build, read-only,
// under the path to the node so labels and inherited rules read as in the constructor; every
// problem found ("Errors"); and what changes against the tree in force ("Changes").
class ImportPreviewPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportPreviewPage(AnalysisRunner *runner, QWidget *parent = nullptr);

    // The nodes from the scope's root down to the import node's parent (API form), so the preview
    // can show the subtree where it hangs. Empty: the subtree is shown on its own.
    void setAncestors(const QJsonArray &ancestors) { m_ancestors = ancestors; }

    QTabWidget *tabs() const { return m_tabs; }
    RateTreeModel *treeModel() const { return m_tree; }
    QTreeView *treeView() const { return m_treeView; }
    QTableWidget *errorTable() const { return m_errors; }
    ImportDiffView *diffView() const { return m_diff; }

    void initializePage() override;
    void cleanupPage() override;

private:
    void showAnalysis();
    void showTree(const QJsonObject &tree);

    AnalysisRunner *m_runner;
    QJsonArray m_ancestors;
    QTabWidget *m_tabs;
    RateTreeModel *m_tree;
    QTreeView *m_treeView;
    QLabel *m_treeNote;
    QTableWidget *m_errors;
    ImportDiffView *m_diff;
};

} // namespace backoffice::views
