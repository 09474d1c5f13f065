#include "PermissionGrid.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace backoffice::views {

namespace {

// Column order of the reference: View, None, Manage.
constexpr AccessLevel Columns[] = {AccessLevel::View, AccessLevel::None, AccessLevel::Manage};

QWidget *centred(QWidget *child, QWidget *parent)
{
    auto *holder = new QWidget(parent);
    auto *layout = new QHBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(child, 0, Qt::AlignCenter);
    return holder;
}

} // namespace

PermissionGrid::PermissionGrid(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    m_tree->setObjectName(QStringLiteral("permissionTree"));
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Name"), tr("View"), tr("None"), tr("Manage")});
    m_tree->setRootIsDecorated(true);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setMinimumHeight(320);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 4; ++column) {
        m_tree->header()->setSectionResizeMode(column, QHeaderView::Fixed);
        m_tree->header()->resizeSection(column, 70);
    }
    rebuild();
}

void PermissionGrid::setGroup(UserGroup group)
{
    if (group == m_group)
        return;
    m_group = group;
    rebuild();
    emit changed();
}

void PermissionGrid::rebuild()
{
    m_tree->clear();
    m_buttons.clear();
    m_categories.clear();
    for (const PermissionArea &area : PermissionCatalogue::areas(m_group)) {
        QTreeWidgetItem *category = m_categories.value(area.category);
        if (!category) {
            category = new QTreeWidgetItem(m_tree);
            category->setFirstColumnSpanned(true);
            QFont font = category->font(0);
            font.setBold(true);
            category->setFont(0, font);
            category->setData(0, Qt::UserRole, area.category);
            m_categories.insert(area.category, category);
        }
        auto *row = new QTreeWidgetItem(category, {area.label});
        row->setData(0, Qt::UserRole, area.key);
        auto *group = new QButtonGroup(this);
        for (int column = 0; column < 3; ++column) {
            auto *radio = new QRadioButton(m_tree);
            radio->setObjectName(QStringLiteral("%1-%2").arg(area.key, accessLevelKey(Columns[column])));
            radio->setChecked(Columns[column] == AccessLevel::None);
            radio->setEnabled(m_editable);
            group->addButton(radio, int(Columns[column]));
            m_tree->setItemWidget(row, column + 1, centred(radio, m_tree));
        }
        connect(group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
            if (!checked)
                return;
            updateCounts();
            emit changed();
        });
        m_buttons.insert(area.key, group);
    }
    updateCounts();
}

QString PermissionGrid::categoryTitle(const QString &category) const
{
    int granted = 0;
    int total = 0;
    for (const PermissionArea &area : PermissionCatalogue::areas(m_group)) {
        if (area.category != category)
            continue;
        ++total;
        if (level(area.key) != AccessLevel::None)
            ++granted;
    }
    return tr("%1 (%2 of %3)").arg(category).arg(granted).arg(total);
}

void PermissionGrid::updateCounts()
{
    for (auto it = m_categories.cbegin(); it != m_categories.cend(); ++it)
        it.value()->setText(0, categoryTitle(it.key()));
}

void PermissionGrid::setPermissions(const PermissionSet &permissions)
{
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->button(int(permissions.level(it.key())))->setChecked(true);
    }
    updateCounts();
    // Areas someone holds are easier to read with their categories open.
    for (QTreeWidgetItem *category : std::as_const(m_categories)) {
        bool any = false;
        for (int i = 0; i < category->childCount(); ++i)
            any = any || level(category->child(i)->data(0, Qt::UserRole).toString()) != AccessLevel::None;
        category->setExpanded(any || m_editable);
    }
    emit changed();
}

PermissionSet PermissionGrid::permissions() const
{
    PermissionSet set;
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it)
        set.set(it.key(), AccessLevel(it.value()->checkedId()));
    return set;
}

AccessLevel PermissionGrid::level(const QString &area) const
{
    const QButtonGroup *group = m_buttons.value(area);
    return group && group->checkedId() >= 0 ? AccessLevel(group->checkedId()) : AccessLevel::None;
}

void PermissionGrid::setLevel(const QString &area, AccessLevel level)
{
    if (QButtonGroup *group = m_buttons.value(area))
        group->button(int(level))->setChecked(true);
}

void PermissionGrid::setEditable(bool editable)
{
    m_editable = editable;
    for (QButtonGroup *group : std::as_const(m_buttons)) {
        for (QAbstractButton *button : group->buttons())
            button->setEnabled(editable);
    }
}

} // namespace backoffice::views
