#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolBar;
class QTreeView;
class QUndoStack;

namespace backoffice::views {

class MessageBanner;
class RateImportWizard;
class RateTreeModel;
class Session;

// The constructor of one scope's rate tree (reference §7.3.1): a tree table with inline editors,
// add child / sibling, delete with the subtree, the scale dialog, search with highlight, expand and
// collapse all, undo/redo of every edit until Save (PUT …/tree, then the stored tree is shown
// again) or Cancel (the edits are dropped). Read-only without Manage on "services".
class RateTreeEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit RateTreeEditor(Session *session, QWidget *parent = nullptr);
    ~RateTreeEditor() override;

    RateTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QUndoStack *undoStack() const { return m_undo; }
    MessageBanner *banner() const { return m_banner; }
    QLineEdit *searchBox() const { return m_search; }
    qint64 scopeId() const { return m_scopeId; }
    bool isReadOnly() const { return m_readOnly; }
    bool isDirty() const;
    bool isBusy() const { return m_busy; }

    QAction *addChildAction() const { return m_addChild; }
    QAction *addSiblingAction() const { return m_addSibling; }
    QAction *deleteAction() const { return m_delete; }
    QAction *scaleAction() const { return m_scale; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *saveAction() const { return m_save; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *importAction() const { return m_import; }

    // Shows the tree of a scope (0: nothing). Asks first when there are unsaved edits; false when
    // the user chose to stay.
    bool loadScope(qint64 scopeId, bool readOnly);
    // Asks what to do with unsaved edits: Save, Discard or Cancel. True when it is fine to leave.
    bool confirmLeave();

    qint64 currentNodeId() const;
    void selectNode(qint64 id);
    // Adds a node below / next to the current one with the first value not taken yet; returns its id.
    qint64 addChild();
    qint64 addSibling();
    void deleteCurrent();
    void editScale();
    // Highlights nodes whose value contains text and moves to the next one on each call.
    void findNext();
    // Opens the rate import wizard (reference §7.3.2) on the current node; the tree is shown again
    // once the rates are in. Returns the wizard (nullptr when the current node cannot take one).
    RateImportWizard *importFromFile();

public slots:
    void save();
    void cancel();
    void reload();

signals:
    void loaded();
    void saved();
    void saveFailed(const QString &message);
    // A rate import replaced part of the stored tree (the tree is being shown again).
    void imported();
    void dirtyChanged(bool dirty);

private:
    void buildActions();
    void updateActions();
    void setBusy(bool busy);
    qint64 insertNear(std::optional<qint64> parentId, int row);

    Session *m_session;
    RateTreeModel *m_model;
    QUndoStack *m_undo;
    QToolBar *m_toolBar;
    QTreeView *m_view;
    QLineEdit *m_search;
    QLabel *m_status;
    MessageBanner *m_banner;
    qint64 m_scopeId = 0;
    bool m_readOnly = true;
    bool m_busy = false;
    QList<qint64> m_found;
    int m_foundAt = -1;

    QAction *m_addChild = nullptr;
    QAction *m_addSibling = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_scale = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_expandAll = nullptr;
    QAction *m_collapseAll = nullptr;
    QAction *m_save = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_import = nullptr;
};

} // namespace backoffice::views
