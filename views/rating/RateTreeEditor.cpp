#include "RateTreeEditor.h"

#include "ApiClient.h"
#include "ErrorText.h"
#include "MessageBanner.h"
#include "RateImportWizard.h"
#include "RateTreeDelegate.h"
#include "RateTreeModel.h"
#include "ScaleDialog.h"
#include "Session.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace backoffice::views {

using namespace backoffice::rating;

RateTreeEditor::RateTreeEditor(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new RateTreeModel(this))
    , m_undo(new QUndoStack(this))
    , m_toolBar(new QToolBar(this))
    , m_view(new QTreeView(this))
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("rateTreeEditor"));
    m_model->setUndoStack(m_undo);
    m_model->setReadOnly(true);
    m_view->setObjectName(QStringLiteral("rateTree"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new RateTreeDelegate(m_model, m_view));
    // Fixed row height: the view lays out 100,000 rows without asking each for its size.
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->resizeSection(RateTreeModel::ResourceColumn, 320);
    m_view->header()->resizeSection(RateTreeModel::PriceTypeColumn, 200);
    m_view->header()->resizeSection(RateTreeModel::PriceColumn, 260);
    m_view->header()->resizeSection(RateTreeModel::BillingColumn, 170);
    m_view->header()->resizeSection(RateTreeModel::QuantityColumn, 170);
    m_search->setObjectName(QStringLiteral("rateTreeSearch"));
    m_search->setPlaceholderText(tr("Find a value (Enter: next)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    m_status->setObjectName(QStringLiteral("rateTreeStatus"));

    buildActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { updateActions(); });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const RateNode *node = m_model->node(m_model->nodeId(index));
        if (node && index.column() == RateTreeModel::PriceColumn && node->priceType == PriceType::Scale)
            editScale();
    });
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) {
        updateActions();
        emit dirtyChanged(!clean);
    });
    connect(m_model, &RateTreeModel::problemsChanged, this, [this] { updateActions(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { updateActions(); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setHighlight(text);
        m_found.clear();
        m_foundAt = -1;
        m_view->viewport()->update();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &RateTreeEditor::findNext);
    updateActions();
}

RateTreeEditor::~RateTreeEditor()
{
    // The stack goes after the model (children die in creation order) and clearing it signals.
    m_undo->disconnect(this);
    m_model->setUndoStack(nullptr);
}

void RateTreeEditor::buildActions()
{
    auto make = [this](const QString &text, const char *name, const QKeySequence &key = {}) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        if (!key.isEmpty()) {
            action->setShortcut(key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        addAction(action);
        return action;
    };
    m_addChild = make(tr("Add child"), "addChildAction", QKeySequence(Qt::CTRL | Qt::Key_Insert));
    m_addSibling = make(tr("Add sibling"), "addSiblingAction", QKeySequence(Qt::Key_Insert));
    m_delete = make(tr("Delete"), "deleteNodeAction", QKeySequence::Delete);
    m_scale = make(tr("Scale…"), "scaleAction");
    m_undoAction = make(tr("Undo"), "undoAction", QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_redoAction = make(tr("Redo"), "redoAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_expandAll = make(tr("Expand all"), "expandAllAction");
    m_collapseAll = make(tr("Collapse all"), "collapseAllAction");
    m_save = make(tr("Save"), "saveTreeAction", QKeySequence::Save);
    m_cancel = make(tr("Cancel"), "cancelTreeAction");
    m_import = make(tr("Import from file…"), "importFromFileAction");

    connect(m_addChild, &QAction::triggered, this, [this] { addChild(); });
    connect(m_addSibling, &QAction::triggered, this, [this] { addSibling(); });
    connect(m_delete, &QAction::triggered, this, &RateTreeEditor::deleteCurrent);
    connect(m_scale, &QAction::triggered, this, &RateTreeEditor::editScale);
    connect(m_undoAction, &QAction::triggered, m_undo, &QUndoStack::undo);
    connect(m_redoAction, &QAction::triggered, m_undo, &QUndoStack::redo);
    connect(m_expandAll, &QAction::triggered, m_view, &QTreeView::expandAll);
    connect(m_collapseAll, &QAction::triggered, m_view, &QTreeView::collapseAll);
    connect(m_save, &QAction::triggered, this, &RateTreeEditor::save);
    connect(m_cancel, &QAction::triggered, this, &RateTreeEditor::cancel);
    connect(m_import, &QAction::triggered, this, [this] { importFromFile(); });
    connect(m_undo, &QUndoStack::canUndoChanged, this, [this] { updateActions(); });
    connect(m_undo, &QUndoStack::canRedoChanged, this, [this] { updateActions(); });

    m_toolBar->addAction(m_addChild);
    m_toolBar->addAction(m_addSibling);
    m_toolBar->addAction(m_delete);
    m_toolBar->addAction(m_scale);
    m_toolBar->addAction(m_import);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_expandAll);
    m_toolBar->addAction(m_collapseAll);
    m_toolBar->addWidget(m_search);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_save);
    m_toolBar->addAction(m_cancel);
}

void RateTreeEditor::updateActions()
{
    const bool editing = !m_readOnly && m_scopeId > 0 && !m_busy;
    const qint64 current = currentNodeId();
    const RateNode *node = m_model->node(current);
    // View-only users get no edit actions at all (hidden, not just disabled).
    for (QAction *action : {m_addChild, m_addSibling, m_delete, m_undoAction, m_redoAction, m_save, m_cancel, m_import})
        action->setVisible(!m_readOnly);
    m_addChild->setEnabled(editing && (!node || node->priceType == PriceType::Depends));
    m_addSibling->setEnabled(editing);
    m_delete->setEnabled(editing && node);
    m_scale->setEnabled(m_scopeId > 0 && node && node->priceType == PriceType::Scale);
    m_scale->setVisible(true);
    m_undoAction->setEnabled(editing && m_undo->canUndo());
    m_redoAction->setEnabled(editing && m_undo->canRedo());
    m_save->setEnabled(editing && isDirty());
    m_cancel->setEnabled(editing && isDirty());
    // Imports go below a service domain (a resource or deeper) and replace the stored subtree, so
    // unsaved edits would be lost: save or cancel them first.
    m_import->setEnabled(editing && node && node->parentId && !isDirty());
    m_expandAll->setEnabled(m_model->nodeCount() > 0);
    m_collapseAll->setEnabled(m_model->nodeCount() > 0);
    const int problems = m_model->problemCount();
    m_status->setText(m_scopeId <= 0      ? tr("Select a scope to see its rate tree.")
                          : problems == 0 ? tr("%n node(s).", nullptr, m_model->nodeCount())
                                          : tr("%n node(s), ", nullptr, m_model->nodeCount())
                              + tr("%n with missing critical data (flagged).", nullptr, problems));
}

bool RateTreeEditor::isDirty() const
{
    return !m_undo->isClean();
}

void RateTreeEditor::setBusy(bool busy)
{
    m_busy = busy;
    updateActions();
}

bool RateTreeEditor::confirmLeave()
{
    if (!isDirty())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved rate tree"), tr("The rate tree has changes that are not saved. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save) {
        save();
        return false; // the save answers later; stay until it has
    }
    m_undo->setClean();
    return true;
}

bool RateTreeEditor::loadScope(qint64 scopeId, bool readOnly)
{
    if (scopeId != m_scopeId && !confirmLeave())
        return false;
    m_scopeId = scopeId;
    m_readOnly = readOnly;
    m_model->setReadOnly(readOnly);
    m_view->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                     : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                    | QAbstractItemView::SelectedClicked);
    m_banner->clearMessage();
    if (scopeId <= 0) {
        m_model->setNodes({});
        updateActions();
        return true;
    }
    reload();
    return true;
}

void RateTreeEditor::reload()
{
    if (m_scopeId <= 0)
        return;
    setBusy(true);
    ApiReply *reply = m_session->api()->get(QStringLiteral("service-scopes/%1/tree").arg(m_scopeId));
    const qint64 scope = m_scopeId;
    connect(reply, &ApiReply::finished, this, [this, reply, scope] {
        reply->deleteLater();
        if (scope != m_scopeId)
            return;
        setBusy(false);
        if (!reply->ok()) {
            m_banner->showError(describeFailure(reply));
            return;
        }
        QString error;
        if (!m_model->loadJson(reply->object().value(QLatin1String("nodes")).toArray(), &error)) {
            m_banner->showError(tr("The server sent a rate tree this version cannot read: %1").arg(error));
            return;
        }
        // A small tree opens expanded; a big one opens at its domains and resources.
        if (m_model->nodeCount() <= 500)
            m_view->expandAll();
        else
            m_view->expandToDepth(0);
        updateActions();
        emit loaded();
    });
}

void RateTreeEditor::save()
{
    if (m_readOnly || m_scopeId <= 0 || m_busy)
        return;
    // An inline editor still open commits when it loses focus to the view.
    if (QWidget *focus = QApplication::focusWidget(); focus && focus != m_view && m_view->isAncestorOf(focus))
        m_view->setFocus();
    setBusy(true);
    m_banner->clearMessage();
    const QJsonArray nodes = m_model->toJson();
    ApiReply *reply = m_session->api()->put(QStringLiteral("service-scopes/%1/tree").arg(m_scopeId),
                                            {{QStringLiteral("nodes"), nodes}});
    connect(reply, &ApiReply::finished, this, [this, reply, nodes] {
        reply->deleteLater();
        setBusy(false);
        if (!reply->ok()) {
            // "nodes[3].price": name the node by its value, not by its place in the array.
            QStringList lines;
            static const QRegularExpression path(QStringLiteral("^nodes\\[(\\d+)\\]\\.?(.*)$"));
            for (auto it = reply->error().fields.cbegin(); it != reply->error().fields.cend(); ++it) {
                const QRegularExpressionMatch match = path.match(it.key());
                if (match.hasMatch()) {
                    const qint64 id
                        = nodes.at(match.captured(1).toInt()).toObject().value(QLatin1String("id")).toInteger();
                    lines << tr("%1 (%2): %3").arg(m_model->label(id), match.captured(2), it.value());
                    if (lines.size() == 1)
                        selectNode(id);
                } else {
                    lines << tr("%1: %2").arg(it.key(), it.value());
                }
            }
            const QString message = lines.isEmpty()
                ? describeFailure(reply)
                : tr("The tree was not saved. %1").arg(lines.join(QStringLiteral("; ")));
            m_banner->showError(message);
            emit saveFailed(message);
            return;
        }
        QString error;
        m_model->loadJson(reply->object().value(QLatin1String("nodes")).toArray(), &error);
        if (m_model->nodeCount() <= 500)
            m_view->expandAll();
        else
            m_view->expandToDepth(0);
        m_banner->showInfo(tr("Rate tree saved."));
        updateActions();
        emit saved();
    });
}

void RateTreeEditor::cancel()
{
    // Dropping the edits: step back to where the stack was clean, without asking again.
    while (m_undo->canUndo() && !m_undo->isClean())
        m_undo->undo();
    m_undo->clear();
    updateActions();
}

qint64 RateTreeEditor::currentNodeId() const
{
    return m_model->nodeId(m_view->currentIndex());
}

void RateTreeEditor::selectNode(qint64 id)
{
    const QModelIndex index = m_model->indexOf(id);
    if (!index.isValid())
        return;
    for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
        m_view->expand(up);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

qint64 RateTreeEditor::insertNear(std::optional<qint64> parentId, int row)
{
    const auto choices = m_model->matchChoices(parentId);
    RateNode node;
    node.match = choices.isEmpty() ? QString() : choices.first().first;
    // A domain branches on resource; anything lower starts as a flat rate waiting for its price.
    if (!parentId) {
        node.priceType = PriceType::Depends;
        node.dimension = Dimension::Resource;
    } else {
        node.priceType = PriceType::Flat;
    }
    const qint64 id = m_model->addNode(parentId, row, node);
    selectNode(id);
    m_view->edit(m_model->indexOf(id, RateTreeModel::ResourceColumn));
    return id;
}

qint64 RateTreeEditor::addChild()
{
    if (m_readOnly || m_scopeId <= 0)
        return 0;
    const qint64 current = currentNodeId();
    const RateNode *node = m_model->node(current);
    if (node && node->priceType != PriceType::Depends)
        return 0;
    const std::optional<qint64> parentId = node ? std::optional<qint64>(current) : std::nullopt;
    return insertNear(parentId, int(m_model->childrenOf(parentId).size()));
}

qint64 RateTreeEditor::addSibling()
{
    if (m_readOnly || m_scopeId <= 0)
        return 0;
    const qint64 current = currentNodeId();
    if (!m_model->node(current))
        return insertNear(std::nullopt, int(m_model->childrenOf(std::nullopt).size()));
    return insertNear(m_model->parentOf(current), m_model->indexOf(current).row() + 1);
}

void RateTreeEditor::deleteCurrent()
{
    if (m_readOnly)
        return;
    const qint64 current = currentNodeId();
    if (m_model->node(current))
        m_model->removeNode(current);
}

void RateTreeEditor::editScale()
{
    const qint64 current = currentNodeId();
    const RateNode *node = m_model->node(current);
    if (!node || node->priceType != PriceType::Scale)
        return;
    auto *dialog = new ScaleDialog(node->scale.value_or(Scale {}), m_readOnly, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, current] {
        const RateNode *target = m_model->node(current);
        if (!target || m_readOnly)
            return;
        RateNode changed = *target;
        changed.scale = dialog->scale();
        m_model->changeNode(changed, tr("Change scale"));
    });
    dialog->open();
}

RateImportWizard *RateTreeEditor::importFromFile()
{
    const qint64 current = currentNodeId();
    const RateNode *node = m_model->node(current);
    if (!m_import->isEnabled() || !node || !node->parentId)
        return nullptr;
    // Named from the resource down ("SMS message › A2P (MT)"): the node's own label alone is
    // ambiguous ("Others").
    QStringList path;
    for (std::optional<qint64> id = current; id && m_model->parentOf(*id); id = m_model->parentOf(*id))
        path.prepend(m_model->label(*id));
    auto *wizard = new RateImportWizard(*m_session->api(), m_scopeId, current, path.join(QStringLiteral(" › ")), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // Storing a tree numbers its nodes afresh: the node is found again by its values from the root.
    QStringList matches;
    for (std::optional<qint64> id = current; id; id = m_model->parentOf(*id))
        matches.prepend(m_model->node(*id)->match);
    connect(wizard, &RateImportWizard::imported, this, [this, matches] {
        m_banner->showInfo(tr("Rates imported."));
        emit imported();
        auto *once = new QObject(this);
        connect(this, &RateTreeEditor::loaded, once, [this, once, matches] {
            once->deleteLater();
            std::optional<qint64> at;
            for (const QString &match : matches) {
                const QList<qint64> children = m_model->childrenOf(at);
                const auto found = std::find_if(children.cbegin(), children.cend(),
                                                [this, &match](qint64 id) { return m_model->node(id)->match == match; });
                if (found == children.cend())
                    return;
                at = *found;
            }
            if (at)
                selectNode(*at);
        });
        reload();
    });
    wizard->open();
    return wizard;
}

void RateTreeEditor::findNext()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty())
        return;
    if (m_found.isEmpty()) {
        m_found = m_model->findNodes(text);
        m_foundAt = -1;
    }
    if (m_found.isEmpty()) {
        m_status->setText(tr("Nothing matches \"%1\".").arg(text));
        return;
    }
    m_foundAt = (m_foundAt + 1) % int(m_found.size());
    selectNode(m_found.at(m_foundAt));
    m_status->setText(tr("Match %1 of %2.").arg(m_foundAt + 1).arg(m_found.size()));
}

} // namespace backoffice::views
