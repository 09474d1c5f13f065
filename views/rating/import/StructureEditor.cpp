#include "StructureEditor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

constexpr int DimensionRole = Qt::UserRole + 1;

} // namespace

StructureEditor::StructureEditor(QWidget *parent)
    : QWidget(parent)
    , m_root(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_up(new QPushButton(tr("Up"), this))
    , m_down(new QPushButton(tr("Down"), this))
    , m_add(new QToolButton(this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    m_list->setObjectName(QStringLiteral("structureList"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    // Room for five levels: the problems below it need the panel's height more.
    m_list->setMaximumHeight(5 * m_list->fontMetrics().height() + 16);
    m_root->setObjectName(QStringLiteral("structureRoot"));
    m_add->setObjectName(QStringLiteral("addLevelButton"));
    m_add->setText(tr("Add level"));
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setMenu(new QMenu(m_add));
    m_up->setObjectName(QStringLiteral("levelUpButton"));
    m_down->setObjectName(QStringLiteral("levelDownButton"));
    m_remove->setObjectName(QStringLiteral("removeLevelButton"));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_root);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    connect(m_up, &QPushButton::clicked, this, [this] { moveLevel(currentDimension(), -1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveLevel(currentDimension(), +1); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeLevel(currentDimension()); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { updateButtons(); });
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QString dimension = currentDimension();
        if (dimension.isEmpty())
            return;
        QMenu menu(this);
        menu.addAction(tr("Move up"), this, [this, dimension] { moveLevel(dimension, -1); })
            ->setEnabled(m_up->isEnabled());
        menu.addAction(tr("Move down"), this, [this, dimension] { moveLevel(dimension, +1); })
            ->setEnabled(m_down->isEnabled());
        menu.addAction(tr("Remove"), this, [this, dimension] { removeLevel(dimension); })
            ->setEnabled(isManual(dimension));
        menu.exec(m_list->viewport()->mapToGlobal(at));
    });
    // A drop moves the item inside the list widget; the order is read back once it is done.
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        if (!m_rebuilding)
            QTimer::singleShot(0, this, &StructureEditor::readBackOrder);
    });
    connect(m_list->model(), &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_rebuilding)
            QTimer::singleShot(0, this, &StructureEditor::readBackOrder);
    });
    updateButtons();
}

void StructureEditor::setRootText(const QString &text)
{
    m_root->setText(text);
}

void StructureEditor::setDimensionLabels(const QHash<QString, QString> &labels)
{
    m_labels = labels;
    rebuild();
}

QString StructureEditor::labelOf(const QString &dimension) const
{
    return m_labels.value(dimension, dimension);
}

void StructureEditor::setDeclared(const QStringList &declared)
{
    QStringList next;
    for (const QString &level : std::as_const(m_levels)) {
        if (declared.contains(level)) {
            next << level;
            m_manual.remove(level); // now declared by a column: no longer removable by hand
        } else if (m_manual.contains(level)) {
            next << level;
        }
    }
    for (const QString &dimension : declared) {
        if (!next.contains(dimension))
            next << dimension;
    }
    if (next == m_levels)
        return;
    m_levels = next;
    rebuild();
    emit levelsChanged(m_levels);
}

void StructureEditor::setDerivable(const QStringList &derivable)
{
    m_derivable = derivable;
    updateButtons();
}

bool StructureEditor::addLevel(const QString &dimension)
{
    if (dimension.isEmpty() || m_levels.contains(dimension) || !m_derivable.contains(dimension))
        return false;
    m_levels << dimension;
    m_manual.insert(dimension);
    rebuild();
    m_list->setCurrentRow(int(m_levels.size()) - 1);
    emit levelsChanged(m_levels);
    return true;
}

bool StructureEditor::removeLevel(const QString &dimension)
{
    if (!m_manual.contains(dimension))
        return false; // a declared level goes with its column's declaration
    m_manual.remove(dimension);
    m_levels.removeAll(dimension);
    rebuild();
    emit levelsChanged(m_levels);
    return true;
}

bool StructureEditor::moveLevel(const QString &dimension, int delta)
{
    const int from = int(m_levels.indexOf(dimension));
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= int(m_levels.size()))
        return false;
    m_levels.move(from, to);
    rebuild();
    m_list->setCurrentRow(to);
    emit levelsChanged(m_levels);
    return true;
}

void StructureEditor::readBackOrder()
{
    QStringList order;
    for (int row = 0; row < m_list->count(); ++row)
        order << m_list->item(row)->data(DimensionRole).toString();
    // A drop outside the list may lose the item: only a reordering of the same levels counts.
    QStringList sortedOrder = order;
    QStringList sortedLevels = m_levels;
    sortedOrder.sort();
    sortedLevels.sort();
    if (sortedOrder != sortedLevels) {
        rebuild();
        return;
    }
    if (order == m_levels)
        return;
    m_levels = order;
    updateButtons();
    emit levelsChanged(m_levels);
}

void StructureEditor::rebuild()
{
    m_rebuilding = true;
    const QString current = currentDimension();
    m_list->clear();
    for (const QString &level : std::as_const(m_levels)) {
        auto *item = new QListWidgetItem(
            m_manual.contains(level) ? tr("%1 (added)").arg(labelOf(level)) : labelOf(level), m_list);
        item->setData(DimensionRole, level);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        item->setToolTip(tr("Drag, or use Up and Down, to change the order of the tree levels"));
    }
    const int at = int(m_levels.indexOf(current));
    if (at >= 0)
        m_list->setCurrentRow(at);
    m_rebuilding = false;
    updateButtons();
}

QString StructureEditor::currentDimension() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(DimensionRole).toString() : QString();
}

void StructureEditor::updateButtons()
{
    const int row = m_list->currentRow();
    const QString dimension = currentDimension();
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < m_list->count() - 1);
    m_remove->setEnabled(!dimension.isEmpty() && m_manual.contains(dimension));
    QMenu *menu = m_add->menu();
    menu->clear();
    for (const QString &candidate : std::as_const(m_derivable)) {
        if (!m_levels.contains(candidate))
            menu->addAction(labelOf(candidate), this, [this, candidate] { addLevel(candidate); });
    }
    m_add->setEnabled(!menu->isEmpty());
    m_add->setToolTip(menu->isEmpty() ? tr("No level can be derived from the declared columns")
                                      : tr("Add a level derived from a declared column"));
}

} // namespace backoffice::views
